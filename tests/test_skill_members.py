"""A curated alias that names a member of the class its entry names is a skill of its own
(``split_members`` in scripts/build_taxonomy.py): "oscilloscope" and "multimeter" are instruments,
not "electronic test equipment" under another name. Split with ``broader``, so a posting that asks
for the class is met in full by a resume that names a member. A split skill takes the entry's
aliases that are its own variants along ("PPC" with "pay-per-click")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from matcher import parse_resume_text, score
from matcher.language import load_taxonomy
from matcher.records import Posting

from .test_taxonomy import _build_script

AS_OF = date(2024, 6, 1)


def _resume(duty: str) -> set[str]:
    text = f"Sam Lee\nEXPERIENCE\nAvionics Technician, Acme Aero, Jan 2016 - Dec 2023\n{duty}\n"
    return {s.name for s in parse_resume_text(text, as_of=AS_OF).skills}


@pytest.mark.parametrize(
    ("duty", "named", "not_named"),
    [
        ("Used oscilloscopes and multimeters to troubleshoot wiring.", {"oscilloscope", "multimeter"},
         "electronic test equipment"),
        ("Calibrated the signal generator before each bench test.", {"signal generator"},
         "electronic test equipment"),
        ("Moved patients with a Hoyer lift.", {"Hoyer lift"}, "patient transfers"),
        ("Ran PPC campaigns for 12 clients.", {"pay-per-click"}, "SEM"),
    ],
)  # fmt: skip
def test_a_resume_names_the_member_it_shows(duty: str, named: set[str], not_named: str) -> None:
    names = _resume(duty)
    assert named <= names
    assert not_named not in names


@pytest.mark.parametrize(
    ("member", "broad"),
    [
        ("oscilloscope", "electronic test equipment"),
        ("multimeter", "electronic test equipment"),
        ("Hoyer lift", "patient transfers"),
        ("titration", "analytical chemistry"),
    ],
)
def test_a_member_names_its_class_as_broader(member: str, broad: str) -> None:
    taxonomy = load_taxonomy()
    child, parent = taxonomy.find(member), taxonomy.find(broad)
    assert child is not None and parent is not None and child.id != parent.id
    assert child.name == member and child.broader == (parent.id,)
    assert parent.id in child.related and child.id in parent.related


@pytest.mark.parametrize(
    ("form", "name"),
    [
        ("PPC", "pay-per-click"),
        ("pay per click", "pay-per-click"),
        ("digital multimeter", "multimeter"),
        ("TFS", "Team Foundation Server"),
        ("search engine marketing", "SEM"),  # a variant of the entry's name stays with it
    ],
)
def test_a_split_skill_takes_its_own_variants_along(form: str, name: str) -> None:
    skill = load_taxonomy().find(form)
    assert skill is not None and skill.name == name


def test_a_posting_asking_the_class_credits_a_member_in_full(analyzed: Callable[[str], Posting]) -> None:
    posting = analyzed("Avionics Technician\nRequirements:\n- Experience with electronic test equipment.\n")
    resume = parse_resume_text(
        "Sam Lee\nEXPERIENCE\nAvionics Technician, Acme Aero, Jan 2016 - Dec 2023\n"
        "Used oscilloscopes and multimeters to troubleshoot wiring.\n",
        as_of=AS_OF,
    )
    match = next(m for m in score(posting, resume).matched if m.skill == "electronic test equipment")
    assert (match.how, match.credit) == ("exact", 1.0)
    assert match.via in {"multimeter", "oscilloscope"}


@pytest.mark.parametrize(
    ("name", "alias", "member"),
    [
        ("electronic test equipment", "oscilloscope", True),
        ("analytical chemistry", "titration", True),
        ("patient transfers", "Hoyer lift", True),
        ("recurrent neural networks", "LSTM", True),
        ("machine learning", "ML models", False),  # the initials of the name
        ("speech recognition", "ASR", False),  # automatic speech recognition
        ("cluster analysis", "clustering algorithms", False),  # a word's start
        ("epidemiology", "epidemiological research", False),
        ("Google Workspace", "Google Suite", False),  # a brand renamed: not a class
        ("email management", "managing inboxes", False),  # activities are worded many ways
        ("electronic test equipment", "test equipment", False),
    ],
)
def test_the_member_rule(name: str, alias: str, member: bool) -> None:
    build = _build_script()
    assert build._names_member(name, alias, build._named_things()) is member
