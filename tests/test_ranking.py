"""Ranking a folder: order, failures, batch independence, and every output format."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher import analyze_posting, rank
from matcher.cli import main
from matcher.outputs import iter_json, to_csv, to_html, write_atomic
from matcher.records import Posting

from .conftest import make_pdf

AS_OF = date(2024, 6, 1)
POSTING_TEXT = "Data Engineer\nRequirements:\n- 4+ years of Python and SQL\n- Kafka is a plus\n"


@pytest.fixture
def posting(analyzed: Callable[[str], Posting]) -> Posting:
    return analyzed(POSTING_TEXT)


def _write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    tmp_path = tmp_path / "resumes"
    _write(tmp_path, "strong.txt", "EXPERIENCE\nData Engineer, Acme Inc, 2015 - 2023\nPython, SQL and Kafka.")
    _write(tmp_path, "nested/partial.txt", "EXPERIENCE\nAnalyst, Beta LLC, 2019 - 2023\nSQL reports.")
    _write(tmp_path, "same_a.txt", "EXPERIENCE\nCook, Diner Inc, 2020 - 2023\nGrill.")
    _write(tmp_path, "same_b.txt", "EXPERIENCE\nCook, Diner Inc, 2020 - 2023\nGrill!")  # not a copy
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "notes.md").write_text("ignored: not a resume")  # read (.md), and listed as not one
    return tmp_path


def test_rank_orders_by_score_then_path_and_lists_failures_last(folder: Path, posting: Posting) -> None:
    ranking = rank(posting, [folder], as_of=AS_OF)
    names = [Path(e.path).name for e in ranking.entries]
    assert names == ["strong.txt", "partial.txt", "same_a.txt", "same_b.txt", "broken.pdf", "notes.md"]
    assert [e.rank for e in ranking.entries] == [1, 2, 3, 4, None, None]
    assert ranking.entries[2].score.total == ranking.entries[3].score.total  # a tie, broken by path
    assert [f.failure.kind for f in ranking.failures] == ["damaged", "not_a_resume"]


def test_a_score_does_not_depend_on_the_other_resumes(folder: Path, posting: Posting) -> None:
    alone = rank(posting, [folder / "strong.txt"], as_of=AS_OF).entries[0].score
    together = next(
        e.score for e in rank(posting, [folder], as_of=AS_OF).entries if e.path.endswith("strong.txt")
    )
    assert alone == together


def test_two_runs_are_byte_identical(folder: Path, tmp_path: Path) -> None:
    args = ["rank", str(folder / "strong.txt"), str(folder), "--json", "--as-of", "2024-06-01"]
    posting = _write(
        tmp_path / "p", "posting.txt", "Requirements: 4+ years of Python and SQL. Kafka is a plus."
    )
    args[1] = str(posting)
    first = CliRunner().invoke(main, args)
    second = CliRunner().invoke(main, args)
    assert first.exit_code == 0 and first.output == second.output


def test_json_contract(folder: Path, tmp_path: Path) -> None:
    posting = _write(
        tmp_path / "p", "posting.txt", "Requirements: 4+ years of Python and SQL. Kafka is a plus."
    )
    result = CliRunner().invoke(main, ["rank", str(posting), str(folder), "--json", "--as-of", "2024-06-01"])
    data = json.loads(result.output)
    best = data[0]
    assert set(best) >= {
        "rank",
        "path",
        "score",
        "components",
        "checks",
        "matched",
        "missing",
        "knocked_out",
        "error",
    }
    assert set(best["components"]) == {"skills", "similarity", "role", "history", "degree", "experience"}
    assert best["checks"][0] == {
        "name": "experience",
        "status": "pass",
        "detail": "9 of 4 years",
        "margin": 5,
    }
    assert best["error"] is None and 0 <= best["score"] <= 100
    assert data[-2]["rank"] is None and data[-2]["score"] is None and data[-2]["error"]["kind"] == "damaged"
    assert data[-1]["error"]["kind"] == "not_a_resume"


def test_json_written_entry_by_entry_is_the_same_document(folder: Path, posting: Posting) -> None:
    ranking = rank(posting, [folder], as_of=AS_OF)
    whole = json.dumps(ranking.to_list(), ensure_ascii=False, indent=2) + "\n"
    assert len(ranking.entries) >= 3 and "".join(iter_json(ranking)) == whole
    empty = dataclasses.replace(ranking, entries=())
    assert "".join(iter_json(empty)) == json.dumps([], indent=2) + "\n"


def test_csv_neutralises_formulas_from_resumes(tmp_path: Path, posting: Posting) -> None:
    _write(
        tmp_path,
        "evil.txt",
        '=HYPERLINK("http://x")\nevil@example.com\nEXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nPython',
    )
    _write(tmp_path, "plus.txt", "+1 555 0100 Jo\nEXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nSQL")
    ranking = rank(posting, [tmp_path], as_of=AS_OF)
    rows = list(csv.DictReader(io.StringIO(to_csv(ranking))))
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    out = tmp_path / "out" / "ranking.csv"
    out.parent.mkdir()
    result = CliRunner().invoke(
        main,
        [
            "rank",
            str(_write(tmp_path / "p", "p.txt", "Requirements: Python")),
            str(tmp_path / "evil.txt"),
            "--csv",
            str(out),
        ],
    )
    assert result.exit_code == 0 and out.exists() and "wrote" in result.output


def test_html_report_escapes_resume_text(tmp_path: Path, posting: Posting) -> None:
    _write(
        tmp_path,
        "xss.txt",
        "<script>alert(1)</script>\nEXPERIENCE\nEngineer <b>x</b>, Acme Inc, 2015 - 2023\n"
        "Python <img src=x onerror=alert(2)>",
    )
    (tmp_path / "bad<i>.pdf").write_bytes(b"nope")
    page = to_html(rank(posting, [tmp_path], as_of=AS_OF))
    assert "<script>alert" not in page and "<img" not in page and "<b>x" not in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "bad&lt;i&gt;.pdf" in page and page.startswith("<!DOCTYPE html>")


def test_outputs_are_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old report")
    with pytest.raises(ZeroDivisionError):
        write_atomic(target, str(1 / 0))
    assert target.read_text() == "old report"
    write_atomic(target, "new report")
    assert target.read_text() == "new report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temp file left


def test_exit_status(tmp_path: Path, folder: Path) -> None:
    posting = _write(tmp_path / "p", "p.txt", "Requirements: Python")
    assert CliRunner().invoke(main, ["rank", str(posting), str(folder)]).exit_code == 0
    only_bad = tmp_path / "bad"
    only_bad.mkdir()
    (only_bad / "x.pdf").write_bytes(b"junk")
    result = CliRunner().invoke(main, ["rank", str(posting), str(only_bad)])
    assert result.exit_code == 1 and "nothing could be ranked" in result.output
    empty_posting = _write(tmp_path / "p", "empty.txt", "   ")
    assert CliRunner().invoke(main, ["rank", str(empty_posting), str(folder)]).exit_code == 1
    assert CliRunner().invoke(main, ["rank", str(posting)]).exit_code == 2
    assert (
        CliRunner().invoke(main, ["rank", str(posting), str(folder), "--json", "--csv", "x.csv"]).exit_code
        == 2
    )
    assert CliRunner().invoke(main, ["rank", str(posting), str(tmp_path / "missing")]).exit_code == 1


def test_top_keeps_the_best_and_all_failures(folder: Path, posting: Posting) -> None:
    ranking = rank(posting, [folder], as_of=AS_OF, top=1)
    assert [Path(e.path).name for e in ranking.entries] == ["strong.txt", "broken.pdf", "notes.md"]


def test_config_file_on_the_command_line(tmp_path: Path, folder: Path) -> None:
    posting = _write(tmp_path / "p", "p.txt", "Requirements: 6+ years of Python and SQL")
    config = _write(tmp_path / "p", "m.toml", '[weights]\nknockouts = ["experience"]\n')
    result = CliRunner().invoke(
        main, ["rank", str(posting), str(folder), "--config", str(config), "--json", "--as-of", "2024-06-01"]
    )
    data = json.loads(result.output)
    flagged = {Path(d["path"]).name: d["knocked_out"] for d in data if d["error"] is None}
    assert flagged["strong.txt"] is False and flagged["partial.txt"] is True
    bad = _write(tmp_path / "p", "bad.toml", "[weights]\nskils = 1\n")
    result = CliRunner().invoke(main, ["rank", str(posting), str(folder), "--config", str(bad)])
    assert result.exit_code == 1 and "unknown setting" in result.output


def test_pdf_resumes_rank_too(tmp_path: Path, posting: Posting) -> None:
    make_pdf(
        tmp_path / "cv.pdf", ["EXPERIENCE", "Data Engineer, Acme Inc, 2015 - 2023", "Python, SQL and Kafka"]
    )
    ranking = rank(posting, [tmp_path], as_of=AS_OF)
    assert ranking.entries[0].rank == 1 and "Python" in [m.skill for m in ranking.entries[0].score.matched]


def _chromium() -> str | None:
    import shutil

    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="needs Chromium (.ci/run installs it)")
def test_html_report_in_a_real_browser_runs_no_resume_code(tmp_path: Path, posting: Posting) -> None:
    import subprocess

    attack = "<script>document.body.setAttribute('data-pwned','1')</script>"
    image = "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">"
    _write(
        tmp_path / "cvs", "a.txt", f"{attack}\nEXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nPython {image}"
    )
    report = tmp_path / "report.html"
    write_atomic(report, to_html(rank(posting, [tmp_path / "cvs"], as_of=AS_OF)))
    browser = _chromium()
    assert browser is not None
    dom = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", report.as_uri()],
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout  # fmt: skip
    assert "Ranking: Data Engineer" in dom
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "&lt;script&gt;document.body" in dom or "&lt;img src=x" in dom


def test_fit_ladder_of_generated_pdfs_ranks_in_order(tmp_path: Path) -> None:
    posting = analyze_posting(
        "Data Engineer\nRequirements:\n- 5+ years of experience building data pipelines.\n"
        "- Python, SQL, Kafka and PostgreSQL.\n- Bachelor's degree in Computer Science.\n"
        "Nice to have: Airflow, Kubernetes.\n"
    )
    all_skills = "Python, SQL, Kafka, PostgreSQL, Airflow and Kubernetes"
    ladder = {
        "1-all.pdf": (all_skills, "Jan 2015 - Dec 2023", "B.Sc. Computer Science, 2014"),
        "2-half.pdf": ("Python and SQL", "Jan 2015 - Dec 2023", "B.Sc. Computer Science, 2014"),
        "3-degree-below.pdf": (all_skills, "Jan 2015 - Dec 2023", "High School Diploma, 2010"),
        "4-years-below.pdf": (all_skills, "Jan 2022 - Dec 2023", "B.Sc. Computer Science, 2021"),
        "5-none.pdf": ("Excel and PowerPoint", "Jan 2015 - Dec 2023", "B.Sc. Computer Science, 2014"),
    }
    for name, (skills, dates, degree) in ladder.items():
        make_pdf(
            tmp_path / name,
            ["Jo Park", "EXPERIENCE", f"Data Engineer, Acme Inc | {dates}", f"Built pipelines with {skills}.",
             "EDUCATION", degree],
        )  # fmt: skip
    ranking = rank(posting, [tmp_path], as_of=AS_OF)
    order = [Path(e.path).name for e in ranking.entries]
    assert order[0] == "1-all.pdf" and order[-1] == "5-none.pdf"
    assert order.index("2-half.pdf") > order.index("1-all.pdf")
    checks = {Path(e.path).name: {c.name: c.status for c in e.score.checks} for e in ranking.entries}
    assert checks["3-degree-below.pdf"]["degree"] == "fail"
    assert checks["4-years-below.pdf"]["experience"] == "fail"
    totals = {Path(e.path).name: e.score.total for e in ranking.entries}
    assert totals["1-all.pdf"] > totals["3-degree-below.pdf"] > totals["5-none.pdf"]
    assert totals["1-all.pdf"] > totals["4-years-below.pdf"] > totals["5-none.pdf"]


@pytest.mark.parametrize("workers", [0, 1])
def test_ranked_resumes_hold_each_skill_name_once(tmp_path: Path, posting: Posting, workers: int) -> None:
    """Thousands of ranked entries repeat the same skill names: each is held once, whether the
    resume was parsed here or came back from a worker process (where every string is a copy)."""
    for i in range(3):
        (tmp_path / f"cv{i}.txt").write_text(f"Candidate {i}\nSKILLS\nPython, SQL, Docker\n")
    ranking = rank(posting, [tmp_path], workers=workers, as_of=date(2024, 1, 1))
    names: dict[str, list[str]] = {}
    for entry in ranking.entries:
        assert entry.resume is not None and entry.resume.skills
        for skill in entry.resume.skills:
            names.setdefault(skill.name, []).append(skill.name)
    assert all(len(same) == 3 for same in names.values()), names
    assert all(len({id(s) for s in same}) == 1 for same in names.values())


def test_no_full_cycle_collection_runs_while_ranking(tmp_path: Path, posting: Posting) -> None:
    """Every full collection walks all the entries kept so far (a fifth of a cached re-rank's CPU
    on 2,484 resumes): while ranking only the young generations are collected, and the program's
    own thresholds are back afterwards."""
    import gc

    folder = tmp_path / "resumes"
    folder.mkdir()
    for i in range(30):
        text = f"Candidate {i}\nSKILLS\nPython, SQL\nEXPERIENCE\nEngineer, Acme, 2019 - 2023"
        (folder / f"cv{i}.txt").write_text(text)
    generations: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            generations.append(info["generation"])

    cache = tmp_path / "cache" / "c.sqlite"  # a cached re-rank: reading and scoring only (a file
    rank(posting, [folder], workers=0, as_of=date(2024, 1, 1), cache=cache)  # parsed here may
    before = gc.get_threshold()  # make cycles, and is parsed with the program's own collector)
    gc.set_threshold(20, 1, 1)  # a full collection at nearly every chance
    gc.collect()  # counts at zero: none falls due on the way into rank()
    gc.callbacks.append(record)
    try:
        ranking = rank(posting, [folder], workers=0, as_of=date(2024, 1, 1), cache=cache)
    finally:
        gc.callbacks.remove(record)
        after = gc.get_threshold()
        gc.set_threshold(*before)
    assert len(ranking.entries) == 30
    assert generations and 2 not in generations  # the young ones still run
    assert after == (20, 1, 1)


def test_rankings_in_several_threads_leave_the_collector_as_it_was() -> None:
    """The web app ranks in threads: blocks that open and close out of order must still put the
    program's thresholds back once the last one ends."""
    import gc
    import threading

    from matcher.batch._collector import young_collections_only

    before = gc.get_threshold()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()

    def first() -> None:
        with young_collections_only():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with young_collections_only():
            second_in.set()
            first_out.wait(5)  # the first block closes while this one is open

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert gc.get_threshold() == before
