"""What the cache stores and reads back: every field of a parsed resume, the same records, and
the failures a file's bytes decide, so that a re-rank of a folder with a scan in it starts no
worker and loads neither spaCy nor a PDF engine. Failures that depend on the machine (a time or
memory cap, a worker killed) are never stored."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from matcher import analyze_posting, rank
from matcher.batch import ResumeCache

from .conftest import make_pdf, one_page
from .test_speed import _LOADED

_SCAN = one_page(b"0 0 m 100 100 l S")  # a page with a line and no text: no_text
_BROKEN = one_page(b"BT /F1 12 Tf 72 720 Td (Senior Python Developer) Tj ET")[:120]  # damaged


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cvs"
    folder.mkdir()
    make_pdf(folder / "ann.pdf", ["Ann Lee", "EXPERIENCE", "Engineer, Acme, 2015 - 2023", "Python and SQL"])
    (folder / "bob.txt").write_text("Bob Roe\nEXPERIENCE\nCook, Diner Inc, 2019 - 2023\nGrill")
    (folder / "scan.pdf").write_bytes(_SCAN)
    (folder / "broken.pdf").write_bytes(_BROKEN)
    (folder / "notes.txt").write_text("remember to buy milk")  # not_a_resume
    return folder


def test_a_rerank_of_a_folder_with_failing_files_loads_neither_spacy_nor_a_pdf_engine(
    tmp_path: Path, example_posting: Path
) -> None:
    folder = _folder(tmp_path)
    command = [sys.executable, "-c", _LOADED, "rank", str(example_posting), str(folder), "--json", "--quiet",
               "--workers", "2", "--cache", str(tmp_path / "c.sqlite"), "--as-of", "2026-11-01",
               "--timeout", "300"]  # fmt: skip
    cold = subprocess.run(command, capture_output=True, text=True, check=True)
    errors = {Path(e["path"]).name: e["error"] and e["error"]["kind"] for e in json.loads(cold.stdout)}
    assert errors == {"ann.pdf": None, "bob.txt": None, "scan.pdf": "no_text", "broken.pdf": "damaged",
                      "notes.txt": "not_a_resume"}  # fmt: skip
    cached = subprocess.run(command, capture_output=True, text=True, check=True)
    assert cached.stderr.split() == ["none"]
    assert cached.stdout == cold.stdout


def test_a_stored_failure_names_the_file_ranked_now(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    cache = tmp_path / "c.sqlite"
    posting = analyze_posting("Requirements: Python, SQL")
    first = rank(posting, [folder], workers=0, cache=cache, as_of=date(2026, 11, 1))
    stored = len(ResumeCache(cache))
    assert stored == 5  # two resumes and three failures
    other = tmp_path / "other"
    other.mkdir()
    (other / "second-scan.pdf").write_bytes(_SCAN)
    again = rank(posting, [other], workers=0, cache=cache, as_of=date(2026, 11, 1))
    (scan,) = [e.failure for e in first.entries if e.path.endswith("scan.pdf")]
    (entry,) = again.entries
    assert entry.failure is not None and scan is not None
    assert entry.failure.kind == "no_text"
    assert entry.failure.message == scan.message.replace("scan.pdf", "second-scan.pdf", 1)
    assert entry.failure.message.startswith("second-scan.pdf: ")
    assert len(ResumeCache(cache)) == stored  # read from the cache: nothing new was stored


def test_a_failure_that_depends_on_the_machine_is_not_stored(tmp_path: Path) -> None:
    from matcher.extract import Limits

    folder = tmp_path / "cvs"
    folder.mkdir()
    body = "EXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\n" + "Python developer with SQL skills. " * 20000
    (folder / "slow.txt").write_text(body)
    cache = tmp_path / "c.sqlite"
    posting = analyze_posting("Requirements: Python, SQL")
    ranking = rank(posting, [folder], workers=1, cache=cache, limits=Limits(max_seconds=0.01))
    assert [e.failure and e.failure.kind for e in ranking.entries] == ["timeout"]
    assert len(ResumeCache(cache)) == 0


def test_a_file_fixed_after_it_failed_is_parsed_again(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    cache = tmp_path / "c.sqlite"
    posting = analyze_posting("Requirements: Python, SQL")
    rank(posting, [folder], workers=0, cache=cache)
    make_pdf(folder / "scan.pdf", ["Cy Doe", "EXPERIENCE", "Analyst, Beta LLC, 2018 - 2022", "SQL"])
    ranking = rank(posting, [folder], workers=0, cache=cache)
    (entry,) = [e for e in ranking.entries if e.path.endswith("scan.pdf")]
    assert entry.failure is None and entry.score is not None


def test_a_stored_resume_reads_back_as_the_same_records_its_skill_names_held_once(tmp_path: Path) -> None:
    import dataclasses

    from matcher.batch import ResumeCache
    from matcher.records import IntegrityFinding
    from matcher.resume import parse_resume_text

    text = (
        "Ann Lee\nann@x.org\n+1 555 010 0101\nhttps://github.com/annlee\nEXPERIENCE\n"
        "Data Engineer, Acme Inc, Jan 2019 - Present\nBuilt Python and SQL pipelines on AWS\n"
        "Analyst, Beta LLC, 2015 - 2018\nReports in Excel and SQL\n"
        "EDUCATION\nM.S. Computer Science, State University, expected 2027\nB.S. Mathematics, 2014"
    )
    resume = parse_resume_text(text, as_of=date(2026, 11, 1))
    finding = IntegrityFinding("hidden_text", "white text", "Kubernetes expert")
    resume = dataclasses.replace(resume, integrity=(finding,), hidden_text=("Kubernetes expert",))
    assert resume.skills and resume.education and resume.experience and resume.links
    cache = ResumeCache(tmp_path / "c.sqlite")
    cache.put("a", resume, b"vector")
    cache.put("b", resume)
    (a, vector), (b, none) = cache.get_entry("a"), cache.get_entry("b")
    assert a == resume and repr(a) == repr(resume)  # the same values, of the same types
    assert (vector, none) == (b"vector", None)
    assert all(x.name is y.name and x.skill_id is y.skill_id for x, y in zip(a.skills, b.skills, strict=True))


def test_a_row_no_writer_of_ours_made_is_parsed_again(tmp_path: Path) -> None:
    import sqlite3

    folder = _folder(tmp_path)
    cache = tmp_path / "c.sqlite"
    posting = analyze_posting("Requirements: Python, SQL")
    first = rank(posting, [folder], workers=0, cache=cache, as_of=date(2026, 11, 1))
    db = sqlite3.connect(cache)
    sections = """UPDATE parses SET resume = replace(resume, '"sections": [', '"sections": [1, ')
                  WHERE resume LIKE '{"education"%'"""
    assert db.execute(sections).rowcount == 2  # both resumes: a section named by a number
    failure = """UPDATE parses SET resume = '{"failure": 3}' WHERE resume LIKE '{"failure"%no_text%'"""
    assert db.execute(failure).rowcount == 1
    db.commit()
    db.close()
    again = rank(posting, [folder], workers=0, cache=cache, as_of=date(2026, 11, 1))
    assert again.to_list() == first.to_list()
    db = sqlite3.connect(cache)  # each of the three was parsed again and stored anew
    assert db.execute("""SELECT count(*) FROM parses WHERE resume LIKE '%"sections": [1, %'
                         OR resume = '{"failure": 3}'""").fetchone() == (0,)
    db.close()
