"""Blind review: candidate ids instead of file names, the candidate's identity left out of every
output and evidence quote, and the very same scores as an open ranking."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher import Ranking, analyze_posting_file, rank
from matcher.batch._blind import candidate_id, redact
from matcher.cli import main
from matcher.outputs import format_table, to_csv, to_html, to_json

from .conftest import EXAMPLE_POSTING, ROOT

RESUMES = ROOT / "data" / "examples" / "resumes"
AS_OF = date(2026, 11, 1)


@pytest.fixture(scope="module")
def rankings() -> tuple[Ranking, Ranking]:
    posting = analyze_posting_file(EXAMPLE_POSTING)
    open_ = rank(posting, [RESUMES], as_of=AS_OF, workers=0)
    blind = rank(posting, [RESUMES], as_of=AS_OF, workers=0, blind=True)
    return open_, blind


def _identities(ranking: Ranking) -> set[str]:
    """Every name, e-mail, phone, link and file name the open ranking holds."""
    out: set[str] = set()
    for e in ranking.entries:
        out.add(Path(e.path).stem)
        if e.resume is not None:
            out.update(v for v in (e.resume.name, e.resume.email, e.resume.phone, *e.resume.links) if v)
    return out


def test_the_scores_are_identical_with_and_without_blind(rankings: tuple[Ranking, Ranking]) -> None:
    open_, blind = rankings
    assert [(e.rank, e.score.total if e.score else None) for e in blind.entries[: len(open_.ranked)]] == [
        (e.rank, e.score.total if e.score else None) for e in open_.ranked
    ]
    paths = dict(blind.blind_key)
    for o, b in zip(open_.ranked, blind.ranked, strict=True):
        assert paths[b.path] == o.path
        assert b.score is not None and o.score is not None
        assert b.score.components == o.score.components
        assert b.score.checks == o.score.checks
        assert [m.skill for m in b.score.matched] == [m.skill for m in o.score.matched]


def test_every_entry_shows_a_stable_candidate_id(rankings: tuple[Ranking, Ranking]) -> None:
    open_, blind = rankings
    assert blind.blind and not open_.blind
    assert all(re.fullmatch(r"c-[0-9a-f]{10}", e.path) for e in blind.entries)
    assert {i: candidate_id(p) for i, p in blind.blind_key} == {i: i for i, _ in blind.blind_key}
    assert sorted(p for _, p in blind.blind_key) == sorted(e.path for e in open_.entries)
    assert len(blind.failures) == len(open_.failures) == 1


@pytest.mark.parametrize("output", ["table", "json", "csv", "html"])
def test_no_output_of_a_blind_ranking_names_a_candidate(
    rankings: tuple[Ranking, Ranking], output: str
) -> None:
    open_, blind = rankings
    write = {"table": format_table, "json": to_json, "csv": to_csv, "html": to_html}[output]
    identities = _identities(open_)
    assert identities and any(i in write(open_) for i in identities)  # the open one does
    text = write(blind)
    assert [i for i in identities if i.lower() in text.lower()] == []
    assert "@" not in text and "linkedin" not in text.lower()


def test_evidence_quotes_and_failures_are_redacted(rankings: tuple[Ranking, Ranking]) -> None:
    open_, blind = rankings
    names = {e.resume.name for e in open_.ranked if e.resume and e.resume.name}
    for e in blind.ranked:
        assert e.resume is not None and e.score is not None
        assert e.resume.name is None and e.resume.email is None and e.resume.links == ()
        assert all(edu.year is None for edu in e.resume.education)
        quotes = [m.evidence for m in e.score.matched] + [s.evidence for s in e.resume.skills]
        assert not [q for q in quotes for n in names if n in q]
    (failure,) = blind.failures
    assert failure.failure is not None and "locked-resume" not in failure.failure.message
    assert failure.path in failure.failure.message


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("Contact: ana.garcia@example.com", "Contact: [redacted]"),
        ("+34 612 345 678 | (415) 555-0100", "[redacted] | [redacted]"),
        ("linkedin.com/in/ana-garcia and https://github.com/ana", "[redacted] and [redacted]"),
        ("1200 Market Street, Apt 4, San Francisco", "[redacted], San Francisco"),
        ("Date of birth: 12/03/1988", "[redacted]"),
        ("DOB 1988-03-12; Age: 37; 37 years old", "[redacted]; [redacted]; [redacted]"),
        (
            "Bachelor of Science, Ohio State University, 2009",
            "Bachelor of Science, Ohio State University, [redacted]",
        ),
        ("Data Analyst, Acme, 2015 - 2019", "Data Analyst, Acme, 2015 - 2019"),  # job dates stay
        ("Built models in Python for 4 years", "Built models in Python for 4 years"),
    ],
)
def test_redact_removes_identity_and_nothing_else(text: str, redacted: str) -> None:
    assert redact(text) == redacted


def test_redact_removes_the_resume_s_own_name_and_contacts() -> None:
    from matcher.resume import parse_resume_text

    resume = parse_resume_text("Ana García\nana@x.org\nSUMMARY\nAna García led the Python work.")
    assert redact("Ana García led the Python work; García wrote it.", resume) == (
        "[redacted] led the Python work; [redacted] wrote it."
    )


def test_cli_blind_ranking_writes_the_key(tmp_path: Path) -> None:
    key = tmp_path / "key.csv"
    args = ["rank", str(EXAMPLE_POSTING), str(RESUMES), "--json", "--as-of", "2026-11-01", "--workers", "0"]
    run = CliRunner().invoke(main, [*args, "--blind-key", str(key), "--no-cache", "--no-log"])
    assert run.exit_code == 0, run.output
    entries = json.loads(run.stdout)
    assert all(e["path"].startswith("c-") for e in entries)
    rows = list(csv.DictReader(key.read_text(encoding="utf-8").splitlines()))
    assert {r["candidate"] for r in rows} == {e["path"] for e in entries}
    assert {Path(r["path"]).name for r in rows} >= {"lena-fischer.pdf", "locked-resume.pdf"}
    assert "lena" not in run.stdout.lower()
