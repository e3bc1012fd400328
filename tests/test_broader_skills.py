"""A narrower skill split from a broader one (``split_narrower`` in scripts/build_taxonomy.py)
counts as the broader skill when a posting asks for that: "inventory control" shown on a resume
meets a posting's "inventory management" in full, and the explanation says what was shown; the
other way round stays related credit (a broad skill does not show every narrower one)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from matcher import Weights, parse_resume_text, score
from matcher.language import load_taxonomy
from matcher.records import Posting, Resume

AS_OF = date(2024, 6, 1)


def _resume(duty: str, skills: str = "") -> Resume:
    text = f"Sam Lee\nEXPERIENCE\nWarehouse Lead, Acme Inc, Jan 2016 - Dec 2023\n{duty}\n"
    if skills:
        text += f"SKILLS\n{skills}\n"
    return parse_resume_text(text, as_of=AS_OF)


@pytest.mark.parametrize(
    ("narrow", "broad"),
    [
        ("inventory control", "inventory management"),
        ("purchasing", "procurement"),
        ("help desk", "IT support"),
        ("Dynamics AX", "Dynamics 365"),
    ],
)
def test_a_split_skill_names_its_broader_skill(narrow: str, broad: str) -> None:
    taxonomy = load_taxonomy()
    child, parent = taxonomy.find(narrow), taxonomy.find(broad)
    assert child is not None and parent is not None and child.id != parent.id
    assert child.broader == (parent.id,)
    assert child.id in [s.id for s in taxonomy.narrower(parent.id)]
    assert parent.broader == ()


def test_a_narrower_skill_shown_earns_the_broader_skill_in_full(analyzed: Callable[[str], Posting]) -> None:
    posting = analyzed("Warehouse Lead\nRequirements:\n- Inventory management.\n")
    resume = _resume("Ran inventory control for three stores and cycle counts every week.")
    (match,) = score(posting, resume).matched
    assert (match.skill, match.how, match.credit, match.via) == (
        "inventory management",
        "exact",
        1.0,
        "inventory control",
    )
    assert "inventory control for three stores" in match.evidence
    assert "Has: inventory management (shown as inventory control)" in score(posting, resume).explain()


def test_a_broader_skill_shown_earns_a_narrower_one_as_related(analyzed: Callable[[str], Posting]) -> None:
    posting = analyzed("Warehouse Lead\nRequirements:\n- Inventory control.\n")
    resume = _resume("Led inventory management for three stores.")
    (match,) = score(posting, resume).matched
    assert (match.skill, match.how, match.credit, match.via) == (
        "inventory control",
        "related",
        0.5,
        "inventory management",
    )


def test_a_narrower_skill_only_listed_is_credited_as_listed(analyzed: Callable[[str], Posting]) -> None:
    posting = analyzed("Warehouse Lead\nRequirements:\n- Inventory management.\n")
    resume = _resume("Loaded trucks and kept the dock clean.", skills="Inventory control, Forklift")
    (match,) = score(posting, resume).matched
    assert (match.how, match.credit, match.via) == ("listed", 0.5, "inventory control")
    assert "Only listed, in no dated job: inventory management (shown as inventory control)" in (
        score(posting, resume).explain()
    )
    (full,) = score(posting, resume, weights=Weights(listed_credit=1)).matched
    assert (full.how, full.credit) == ("exact", 1.0)


def test_the_skill_itself_shown_needs_no_narrower_one(analyzed: Callable[[str], Posting]) -> None:
    posting = analyzed("Warehouse Lead\nRequirements:\n- Inventory management.\n")
    resume = _resume("Led inventory management and inventory control for three stores.")
    (match,) = score(posting, resume).matched
    assert (match.how, match.credit, match.via) == ("exact", 1.0, None)
