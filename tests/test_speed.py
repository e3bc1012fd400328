"""How work is spread over the workers, and what a cached re-rank loads. No timing assertions:
speed is measured by ``scripts/bench.py``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matcher.batch import parse_in_workers

_BODY = "EXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\n" + "Python developer with SQL skills. " * 3000


def test_two_files_on_two_workers_are_parsed_at_the_same_time(tmp_path: Path) -> None:
    # each file takes about a second to parse, far longer than starting the second worker; the
    # workers record when they began and ended each file
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(_BODY)
    results = list(parse_in_workers(sorted(tmp_path.iterdir()), workers=2, start_method="fork"))
    assert all(r.resume is not None for r in results)
    first, second = sorted(results, key=lambda r: r.began or 0.0)
    assert first.worker is not None and second.worker is not None
    assert first.worker != second.worker, "both files went to one worker"
    assert first.began is not None and first.ended is not None and second.began is not None
    assert first.began <= first.ended
    assert second.began < first.ended, "the second file began only after the first one ended"


def test_n_files_on_n_workers_each_go_to_their_own_worker(tmp_path: Path) -> None:
    for index in range(3):
        (tmp_path / f"{index}.txt").write_text(f"Ann Lee {index}\nann{index}@x.org\nPython")
    results = list(parse_in_workers(sorted(tmp_path.iterdir()), workers=3, start_method="fork"))
    assert len({r.worker for r in results}) == 3


_LOADED = """
import sys
from matcher.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    heavy = ("spacy", "thinc", "sklearn", "scipy", "pypdf", "pypdfium2", "docx", "lxml")
    loaded = sorted({m.split(".")[0] for m in sys.modules} & set(heavy))
    from matcher.language import load_taxonomy
    if "by_first" in vars(load_taxonomy()):  # the 30,000 skill patterns, made to search text
        loaded.append("patterns")
    print(" ".join(loaded) or "none", file=sys.stderr)
"""


def test_a_rerank_whose_files_are_all_cached_loads_neither_spacy_nor_a_pdf_engine_nor_patterns(
    tmp_path: Path, example_posting: Path
) -> None:
    import subprocess
    import sys

    from .conftest import make_pdf

    folder = tmp_path / "cvs"
    folder.mkdir()
    for i in range(3):
        make_pdf(folder / f"cv{i}.pdf", [f"Candidate {i}", "EXPERIENCE", f"Engineer, Acme Inc, 201{i} - 2023",
                                         "Python, PyTorch and SQL"])  # fmt: skip
    (folder / "cv3.txt").write_text("Candidate 3\nEXPERIENCE\nCook, Diner Inc, 2019 - 2023\nGrill")
    cache = str(tmp_path / "c.sqlite")
    # a generous timeout: on a loaded machine a file that timed out would be parsed again
    command = [sys.executable, "-c", _LOADED, "rank", str(example_posting), str(folder), "--json", "--quiet",
               "--workers", "2", "--cache", cache, "--as-of", "2026-11-01", "--timeout", "300"]  # fmt: skip
    cold = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "spacy" in cold.stderr.split()  # the first run analyses the posting and parses
    assert [entry["error"] for entry in json.loads(cold.stdout)] == [None] * 4
    cached = subprocess.run(command, capture_output=True, text=True, check=True)
    assert cached.stderr.split() == ["none"]
    assert cached.stdout == cold.stdout


def test_packed_similarities_equal_the_vectorizers() -> None:
    from matcher.scoring import pack_vectors, similarities, similarities_of_packed

    job = "Machine learning engineer: Python, PyTorch, data pipelines, SQL and Kubernetes"
    cvs = [
        "Built data pipelines in Python and SQL; trained PyTorch models",
        "Registered nurse, patient care",
        "",
        "Kubernetes, Python, Python, machine learning, data engineering, SQL pipelines",
    ]
    packed = pack_vectors([job, *cvs])
    assert similarities_of_packed(packed[0], packed[1:]) == similarities(job, cvs)
    assert similarities_of_packed(packed[0], []) == []


def test_a_cached_posting_analysis_follows_the_file(tmp_path: Path) -> None:
    from matcher.batch import analyze_posting_file_cached

    job, cache = tmp_path / "job.txt", tmp_path / "c.sqlite"
    job.write_text("Analyst\nRequirements: Excel and SQL.")
    assert [s.name for s in analyze_posting_file_cached(job, cache).skills] == ["Excel", "SQL"]
    assert [s.name for s in analyze_posting_file_cached(job, cache).skills] == ["Excel", "SQL"]
    job.write_text("Analyst\nRequirements: Python.")
    assert [s.name for s in analyze_posting_file_cached(job, cache).skills] == ["Python"]


def test_entries_past_the_memory_bound_are_spilled_and_read_back_in_rank_order(tmp_path: Path) -> None:
    from datetime import date

    from matcher import analyze_posting, rank
    from matcher.outputs import to_csv, to_json

    folder = tmp_path / "cvs"
    folder.mkdir()
    for i in range(9):
        skills = ["Python", "SQL", "Docker", "Kubernetes"][: i % 5]
        body = ", ".join(skills) or "Cooking"
        job = f"Engineer, Acme Inc, {2010 + i} - 2023"
        (folder / f"cv{i}.txt").write_text(f"Candidate {i}\nEXPERIENCE\n{job}\n{body}")
    (folder / "broken.pdf").write_bytes(b"not a pdf")
    posting = analyze_posting("Requirements: Python, SQL, Docker and Kubernetes; 5+ years of experience")
    held = rank(posting, [folder], as_of=date(2024, 6, 1), workers=0)
    spilled = rank(posting, [folder], as_of=date(2024, 6, 1), workers=0, keep_in_memory=3)
    assert isinstance(held.entries, tuple) and not isinstance(spilled.entries, tuple)
    assert list(spilled.entries) == list(held.entries)
    assert spilled.entries[5] == held.entries[5] and spilled.entries[-1] == held.entries[-1]
    assert spilled.counts == held.counts == (9, 1)
    assert to_json(spilled) == to_json(held) and to_csv(spilled) == to_csv(held)
    top = rank(posting, [folder], as_of=date(2024, 6, 1), workers=0, keep_in_memory=2, top=4)
    assert [e.path for e in top.entries] == [e.path for e in held.entries[:4]] + [held.entries[-1].path]


def test_the_example_rankings_records_come_back_from_the_spill_file_whole(
    tmp_path: Path, example_posting: Path
) -> None:
    # the bundled PDFs (degrees, jobs, links, hidden text, a copied posting) and a knockout rule:
    # every field of every record, not only what the outputs show, reads back equal
    import dataclasses
    from datetime import date

    from matcher import Weights, analyze_posting_file, rank

    folder = Path(__file__).resolve().parent.parent / "data" / "examples" / "resumes"
    posting = analyze_posting_file(example_posting)
    copied = tmp_path / "copied.txt"
    copied.write_text(f"Ann Lee\nann@x.org\nSUMMARY\n{posting.text[:1500]}")
    weights = dataclasses.replace(Weights(), knockouts=("experience",))
    held = rank(posting, [folder, copied], as_of=date(2026, 11, 1), workers=0, weights=weights)
    spilled = rank(posting, [folder, copied], as_of=date(2026, 11, 1), workers=0, weights=weights,
                   keep_in_memory=1)  # fmt: skip
    kinds = {f.kind for e in held.entries if e.resume for f in e.resume.integrity}
    assert "posting_copied" in kinds and any(e.score and e.score.knocked_out for e in held.entries)
    assert [(e.resume, e.score) for e in spilled.entries] == [(e.resume, e.score) for e in held.entries]
    assert [repr(e) for e in spilled.entries] == [repr(e) for e in held.entries]
    # the JSON reads a spilled resume only as far as it shows it: the same JSON all the same
    from matcher.outputs import to_json

    assert any(e["links"] for e in held.to_list()) and to_json(spilled) == to_json(held)
    # and the run log, which reads scores and integrity findings the same way
    from matcher.audit import run_record

    files = run_record(held, as_of=date(2026, 11, 1))["files"]
    assert any(f["integrity"] for f in files) and any(f["knocked_out"] for f in files)
    assert run_record(spilled, as_of=date(2026, 11, 1))["files"] == files


def _children() -> set[int]:
    import multiprocessing

    return {p.pid for p in multiprocessing.active_children() if p.pid is not None}


def test_the_pdfium_reader_is_kept_for_file_after_file_and_replaced_past_a_cap(tmp_path: Path) -> None:
    from matcher.errors import ReadTimeoutError
    from matcher.extract import Limits, extract_text

    from .conftest import make_pdf
    from .test_workers import _slow_pdf

    pdfs = [make_pdf(tmp_path / f"cv{i}.pdf", [f"Candidate {i}", "Python and SQL"]) for i in range(3)]
    slow = _slow_pdf(tmp_path / "slow.pdf", depth=8)
    capped = Limits(max_seconds=0.5)
    with pytest.raises(ReadTimeoutError):  # whatever reader an earlier test left is replaced now
        extract_text(slow, engine="pdfium", limits=capped)
    before = _children()
    seen = []
    for pdf in pdfs:
        assert "Python and SQL" in extract_text(pdf, engine="pdfium")  # the same memory cap: one reader
        seen.append(_children() - before)
    assert len(seen[0]) == 1 and seen[0] == seen[1] == seen[2], seen  # one child, kept, the same one
    with pytest.raises(ReadTimeoutError):
        extract_text(slow, engine="pdfium", limits=capped)
    assert not seen[0] & _children()  # the reader that ran past the cap is gone
    assert "Candidate 0" in extract_text(pdfs[0], engine="pdfium")  # a fresh one reads the next file
    assert len(_children() - before) == 1


def test_the_json_output_is_the_standard_librarys_indented_json(tmp_path: Path) -> None:
    from datetime import date

    from matcher import analyze_posting, rank
    from matcher.outputs import to_json
    from matcher.outputs._indented import dumps_indented

    job = 'Engineer, Acme "Inc", 2015 - 2023'
    (tmp_path / "a.txt").write_text(f"José Müller 😀\nEXPERIENCE\n{job}\nPython\tSQL")
    (tmp_path / "b.txt").write_text("")  # a failure: its error object
    posting = analyze_posting("Requirements: Python, SQL; a bachelor's degree; 5+ years")
    ranking = rank(posting, [tmp_path], as_of=date(2024, 6, 1), workers=0)
    assert json.loads(to_json(ranking)) == ranking.to_list()
    for entry in ranking.to_list():
        assert dumps_indented(entry) == json.dumps(entry, ensure_ascii=False, indent=2)
    # the same layout and values for odd ones; strict JSON: what is not a finite number is null
    odd = {"n": [10**20, -0.0, 0.1], "": {"k": [[], {}, [None, False]]}, 3: "int key"}
    assert dumps_indented(odd) == json.dumps(odd, ensure_ascii=False, indent=2)
    assert json.loads(dumps_indented([1.5e-7, 1e300])) == [1.5e-7, 1e300]  # written 1.5e-7, 1e300
    assert json.loads(dumps_indented([float("inf"), float("nan")])) == [None, None]


def _plain_copied_run(posting: str, resume: str) -> tuple[int, str]:
    """The longest shared run of words the plain way: every 8-word window of the resume looked up
    among the posting's, the windows found marked, the longest marked run taken (the last of equals)."""
    import re

    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9+#]+", text.lower())

    source, seen = words(posting), words(resume)
    windows = {tuple(source[i : i + 8]) for i in range(len(source) - 7)}
    covered = [False] * len(seen)
    for i in range(len(seen) - 7):
        if tuple(seen[i : i + 8]) in windows:
            covered[i : i + 8] = [True] * 8
    best, start = (0, 0), None
    for i, flag in enumerate([*covered, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            best, start = max(best, (i - start, start)), None
    return best[0], " ".join(seen[best[1] : best[1] + best[0]])


def test_the_copied_run_search_finds_what_the_plain_window_search_finds() -> None:
    import random

    from matcher.integrity import copied_run

    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(12)]
    found = 0
    for _ in range(3000):  # few words, so that runs are shared, touch, overlap and tie
        posting = " ".join(rng.choice(vocabulary[:8]) for _ in range(rng.randint(0, 60)))
        pasted = posting.split()[rng.randint(0, 30) :][: rng.randint(0, 40)]
        resume = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 50)))
        resume = f"{resume} {' '.join(pasted)}. {resume.upper()}"
        assert copied_run(posting, resume) == _plain_copied_run(posting, resume), (posting, resume)
        found += copied_run(posting, resume)[0] > 0
    assert found > 500  # the search was tried on many shared runs, not only on none


def test_the_run_log_line_is_the_run_record_and_names_each_file_by_the_bytes_ranked(
    tmp_path: Path,
) -> None:
    import hashlib
    from datetime import UTC, date, datetime

    from matcher import analyze_posting, rank
    from matcher.audit import run_record, write_run_record

    folder = tmp_path / "cvs"
    folder.mkdir()
    for i in range(3):
        text = f"Candidate {i}\nann{i}@x.org\nEXPERIENCE\nEngineer, Acme, 2015 - 2023\nSQL"
        (folder / f"cv{i}.txt").write_text(text)
    (folder / "broken.pdf").write_bytes(b"not a pdf")
    posting = analyze_posting("Requirements: SQL")
    when = datetime(2026, 12, 1, tzinfo=UTC)
    for ranking in (
        rank(posting, [folder], as_of=date(2024, 6, 1), workers=0, cache=tmp_path / "c.sqlite"),
        rank(posting, [folder], as_of=date(2024, 6, 1), workers=0, cache=tmp_path / "c.sqlite", blind=True),
        rank(posting, [folder], as_of=date(2024, 6, 1), workers=0, keep_in_memory=1),
    ):
        log = tmp_path / f"log{ranking.blind}"
        write_run_record(ranking, folder=log, when=when, as_of=date(2024, 6, 1), engine="pypdf")
        record = run_record(ranking, when=when, as_of=date(2024, 6, 1), engine="pypdf")
        line = (log / "runs.jsonl").read_bytes().splitlines()[-1]
        assert line == json.dumps(record, sort_keys=True).encode()
        real = dict(ranking.blind_key)
        for entry in record["files"]:
            data = Path(real.get(entry["path"], entry["path"])).read_bytes()
            assert entry["sha256"] == hashlib.sha256(data).hexdigest()
    # every file read whole has its digest from the ranking, the broken one too (its bytes were
    # read; the log reads only a file the ranking never read, e.g. one over the size cap)
    assert sorted(Path(p).name for p in ranking.digests) == ["broken.pdf", "cv0.txt", "cv1.txt", "cv2.txt"]


def test_json_with_an_undecodable_file_name_is_strict_json_all_the_same() -> None:
    from matcher.outputs._indented import dumps_indented

    odd = {"path": "caf\udce9.pdf", "n": [float("nan"), float("inf"), 0.5]}
    assert json.loads(dumps_indented(odd)) == {"path": "caf\udce9.pdf", "n": [None, None, 0.5]}
    assert "NaN" not in dumps_indented(odd) and "Infinity" not in dumps_indented(odd)
