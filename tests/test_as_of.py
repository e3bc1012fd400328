"""What is cached does not depend on the as-of date: a folder ranked yesterday is not parsed again
today, and its years move by exactly the time that passed."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from matcher import parse_resume_text, rank
from matcher.records import Posting

POSTING_TEXT = "Requirements: Python and SQL, 3+ years of experience"


@pytest.fixture
def posting(analyzed: Callable[[str], Posting]) -> Posting:
    return analyzed(POSTING_TEXT)


def _stored(cache: Path) -> dict[str, float]:
    with sqlite3.connect(cache) as db:
        return dict(db.execute("SELECT key, stored FROM parses").fetchall())


def test_a_new_as_of_parses_nothing_again_and_moves_the_years_by_the_difference(
    tmp_path: Path, posting: Posting
) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "current.txt").write_text(
        "Ann Lee\nEXPERIENCE\nEngineer, Acme Inc, Jan 2015 - Present\nPython and SQL\n"
        "EDUCATION\nM.Sc. Computer Science, State University, expected 2025\n"
        "B.Sc. Computer Science, State University, 2014"
    )
    (folder / "past.txt").write_text("Bo Chen\nEXPERIENCE\nAnalyst, Beta LLC, 2010 - 2012\nSQL")
    cache = tmp_path / "cache.sqlite"
    before = rank(posting, [folder], as_of=date(2024, 6, 1), workers=0, cache=cache)
    stored = _stored(cache)
    after = rank(posting, [folder], as_of=date(2026, 6, 1), workers=0, cache=cache)
    assert _stored(cache) == stored  # nothing parsed or stored again
    years = {Path(e.path).name: e.resume.total_years for e in after.entries if e.resume}
    old = {Path(e.path).name: e.resume.total_years for e in before.entries if e.resume}
    assert years["current.txt"] == old["current.txt"] + 2.0
    assert years["past.txt"] == old["past.txt"] == 3.0
    # the degree expected in 2025 is in progress in 2024 and, with no marker left... still "expected"
    current = next(e.resume for e in after.entries if e.resume and e.path.endswith("current.txt"))
    assert [e.completed for e in current.education] == [False, True]


def test_a_degree_dated_after_as_of_completes_when_its_year_has_passed(
    tmp_path: Path, posting: Posting
) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "cv.txt").write_text(
        "Ann Lee\nEDUCATION\nMaster of Science in Statistics, State University, 2025"
    )
    cache = tmp_path / "cache.sqlite"
    early = rank(posting, [folder], as_of=date(2024, 6, 1), workers=0, cache=cache).entries[0].resume
    late = rank(posting, [folder], as_of=date(2026, 6, 1), workers=0, cache=cache).entries[0].resume
    assert early is not None and late is not None
    assert early.highest_degree is None and late.highest_degree == "master"


def test_skill_years_follow_the_as_of_date() -> None:
    text = "Ann Lee\nEXPERIENCE\nEngineer, Acme Inc, Jan 2020 - Present\nBuilt services in Go."
    early = parse_resume_text(text, as_of=date(2022, 12, 1))
    late = parse_resume_text(text, as_of=date(2024, 12, 1))
    go = {s.name: s for s in early.skills}["Go"], {s.name: s for s in late.skills}["Go"]
    assert go[1].years == go[0].years + 2.0 and go[0].last_used == go[1].last_used == "present"


def test_a_parse_cached_under_looser_caps_is_not_served_under_stricter_ones(
    tmp_path: Path, posting: Posting
) -> None:
    from matcher.extract import Limits

    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "cv.txt").write_text("Ann Lee\nEXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nPython and SQL")
    cache = tmp_path / "cache.sqlite"
    strict = Limits(max_bytes=40)
    assert rank(posting, [folder], workers=0, cache=cache).entries[0].score is not None
    (entry,) = rank(posting, [folder], workers=0, cache=cache, limits=strict).entries
    assert entry.failure is not None and entry.failure.kind == "too_large"
