"""Requirement groups: alternatives are one requirement (issue 11)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from matcher import analyze_posting, parse_resume_text, score


def _groups(text: str) -> list[tuple[tuple[str, ...], str, float | None]]:
    return [(g.any_of, g.importance, g.years) for g in analyze_posting(text).groups]


@pytest.mark.parametrize(
    ("line", "members"),
    [
        ("- 7+ years of Java, Python or C++", ("Java", "Python", "C++")),
        ("- Java, Python, or C++", ("Java", "Python", "C++")),
        ("- Experience with PyTorch or TensorFlow", ("PyTorch", "TensorFlow")),
        ("- AWS/GCP", ("AWS", "Google Cloud Platform")),
        ("- Fluency in one of Go, Rust, Scala", ("Go", "Rust", "Scala")),
    ],
)
def test_alternatives_form_one_group(line: str, members: tuple[str, ...]) -> None:
    found = _groups(f"Requirements:\n{line}\n")
    assert [g[0] for g in found] == [members]
    assert found[0][1] == "required"


def test_group_carries_its_years() -> None:
    assert _groups("Requirements:\n- 7+ years of Java, Python or C++\n")[0][2] == 7.0


def test_and_lists_are_no_group_and_and_splits_nested_lists() -> None:
    assert _groups("Requirements:\n- Docker, Kubernetes and Terraform\n") == []
    found = _groups("Requirements:\n- Python or Java, and SQL or Scala\n")
    assert [g[0] for g in found] == [("Python", "Java"), ("SQL", "Scala")]


def test_a_skill_also_asked_alone_is_no_alternative() -> None:
    assert _groups("Requirements:\n- Python is required\n- Experience with Java or Python\n") == []


def test_preferred_group() -> None:
    found = _groups("Requirements:\n- SQL\nNice to have:\n- Go or Rust\n")
    assert found == [(("Go", "Rust"), "preferred", None)]


def test_json_contract_carries_groups_additively() -> None:
    data = json.loads(
        json.dumps(analyze_posting("Requirements:\n- 7+ years of Java, Python or C++\n- SQL\n").to_dict())
    )
    assert data["groups"] == [
        {"id": 1, "any_of": ["Java", "Python", "C++"], "importance": "required", "years": 7}
    ]
    by_name = {s["name"]: s["group"] for s in data["skills"]}
    assert by_name == {"Java": 1, "Python": 1, "C++": 1, "SQL": None}


RESUME = """EXPERIENCE
Backend Developer, Acme Inc, Jan 2015 - Dec 2023
Built services in Python and Java, with SQL reporting.
EDUCATION
B.S. Computer Science, 2014
"""


def test_scoring_gives_full_credit_for_any_member_and_names_it() -> None:
    cv = parse_resume_text(RESUME, as_of=date(2024, 1, 1))
    grouped = analyze_posting("Requirements:\n- 5+ years of Go, Python or C++\n- SQL\n")
    assert grouped.groups
    s = score(grouped, cv)
    assert s.components["skills"] == 1.0
    assert not s.missing
    (match,) = [m for m in s.matched if m.how == "group"]
    assert match.via == "Python" and match.skill == "Go, Python or C++"
    assert "One of Go, Python or C++ (required): Python" in s.explain()
    # the same skills asked each on its own: the candidate lacks two of them
    alone = score(
        analyze_posting("Requirements:\n- 5+ years of Go\n- 5+ years of Python\n- 5+ years of C++\n- SQL\n"),
        cv,
    )
    assert alone.components["skills"] is not None and alone.components["skills"] < 1.0
    assert "C++" in {m.skill for m in alone.missing}


def test_a_group_with_no_member_shown_is_one_missing_requirement() -> None:
    cv = parse_resume_text(RESUME, as_of=date(2024, 1, 1))
    s = score(analyze_posting("Requirements:\n- Experience with Rust or Haskell\n- SQL\n"), cv)
    assert [m.skill for m in s.missing] == ["Rust or Haskell"]
    assert s.components["skills"] == 0.5


def test_a_cached_posting_analysis_keeps_its_groups_and_certifications(tmp_path: Path) -> None:
    """The second read of a posting comes from the cache and is the same record, groups and
    certifications with their importance included (a cached re-rank scored them apart before)."""
    from matcher import analyze_posting_file
    from matcher.batch import analyze_posting_file_cached

    posting = tmp_path / "job.txt"
    posting.write_text(
        "Data Engineer\nRequirements:\n- 3+ years of Java, Python or C++\n"
        "- AWS Certified Data Engineer certification is preferred\n"
    )
    fresh = analyze_posting_file(posting)
    assert fresh.groups and fresh.certifications_detail
    cache = tmp_path / "cache.sqlite"
    analyze_posting_file_cached(posting, cache)
    assert analyze_posting_file_cached(posting, cache) == fresh
