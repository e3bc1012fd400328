"""``correct_posting``, the library hook behind the web app's requirement corrections, on the bundled
example posting as the analyser reads it."""

from __future__ import annotations

from typing import Any

import pytest

from matcher import analyze_posting_file
from matcher.errors import InputError
from matcher.posting import correct_posting
from matcher.records import Posting

from .conftest import EXAMPLE_POSTING


@pytest.fixture(scope="module")
def read() -> Posting:
    return analyze_posting_file(EXAMPLE_POSTING)


def _importance(posting: Posting) -> dict[str, str]:
    return {s.name: s.importance for s in posting.skills}


def test_moving_a_skill_keeps_its_evidence_and_offsets(read: Posting) -> None:
    fixed = correct_posting(read, {"skills": [{"name": "python", "importance": "preferred"}]})
    before = next(s for s in read.skills if s.name == "Python")
    after = next(s for s in fixed.skills if s.name == "Python")
    assert (after.importance, after.evidence, after.start, after.skill_id) == (
        "preferred", before.evidence, before.start, before.skill_id,
    )  # fmt: skip
    assert [s.name for s in fixed.skills] == [s.name for s in read.skills]  # the order stays
    assert fixed.text == read.text and fixed.sections == read.sections


def test_added_skills_come_from_the_taxonomy_by_name_or_alias(read: Posting) -> None:
    fixed = correct_posting(read, {"skills": [{"name": "k8s", "importance": "required", "years": 2}]})
    kubernetes = next(s for s in fixed.skills if s.name == "Kubernetes")
    # Kubernetes was read as preferred: the alias finds that skill and changes it, no second entry
    assert kubernetes.importance == "required" and kubernetes.years == 2
    assert [s.name for s in fixed.skills].count("Kubernetes") == 1
    added = correct_posting(read, {"skills": [{"name": "terraform", "importance": "mentioned"}]})
    terraform = added.skills[-1]
    assert (terraform.name, terraform.importance, terraform.evidence) == ("Terraform", "mentioned", "")
    assert terraform.skill_id and len(added.skills) == len(read.skills) + 1


def test_ignored_skills_leave_and_their_certifications_and_languages_with_them(read: Posting) -> None:
    assert read.certifications and read.languages == ("English",)
    cert = read.certifications[0]
    fixed = correct_posting(read, {"skills": [
        {"name": cert, "importance": "ignored"}, {"name": "English", "importance": "mentioned"},
    ]})  # fmt: skip
    assert cert not in _importance(fixed) and fixed.certifications == ()
    assert fixed.languages == () and _importance(fixed)["English"] == "mentioned"
    back = correct_posting(fixed, {"skills": [{"name": cert, "importance": "preferred"}]})
    assert back.certifications == (cert,)


def test_later_changes_of_one_skill_win(read: Posting) -> None:
    fixed = correct_posting(read, {"skills": [
        {"name": "SQL", "importance": "ignored"}, {"name": "SQL", "importance": "preferred"},
    ]})  # fmt: skip
    assert _importance(fixed)["SQL"] == "preferred"


@pytest.mark.parametrize(
    ("corrections", "expected"),
    [
        ({"min_years": 7}, (7.0, "bachelor")),
        ({"min_years": None}, (None, "bachelor")),
        ({"degree": None}, (4.0, None)),
        ({"degree": {"min_level": "master", "required": False}}, (4.0, "master")),
    ],
)
def test_years_and_degree(read: Posting, corrections: dict[str, Any], expected: tuple[Any, Any]) -> None:
    fixed = correct_posting(read, corrections)
    assert (fixed.min_years, fixed.degree.min_level if fixed.degree else None) == expected
    if corrections.get("degree"):
        assert fixed.degree is not None and fixed.degree.required is False
        assert fixed.degree.fields == read.degree.fields if read.degree else ()


def test_nothing_to_correct_gives_the_same_posting(read: Posting) -> None:
    assert correct_posting(read, {}) == read


@pytest.mark.parametrize(
    "corrections",
    [
        {"skills": "Python"},
        {"skills": [{"importance": "required"}]},
        {"skills": [{"name": "Python", "importance": "must"}]},
        {"skills": [{"name": "Quidditch seeker", "importance": "required"}]},
        {"min_years": -1},
        {"min_years": "lots"},
        {"degree": {"min_level": "phd"}},
        {"degree": {"min_level": "master", "fields": "math"}},
        {"title": "CEO"},
    ],
)
def test_bad_corrections_are_input_errors(read: Posting, corrections: dict[str, Any]) -> None:
    with pytest.raises(InputError):
        correct_posting(read, corrections)
