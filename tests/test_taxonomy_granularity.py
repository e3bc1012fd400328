"""Taxonomy granularity: a curated alias that a source names as a thing of its own (an O*NET
product or software name, a Linguist language, a simple-icons title, an ESCO concept) is its own
skill, related both ways to the broader entry it was folded into; a variant of the name (spelling,
abbreviation, vendor prefix, a pair one source lists as one thing) stays an alias."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from matcher import parse_resume_text, score
from matcher.language import load_taxonomy
from matcher.records import Posting

from .test_taxonomy import _build_script


@pytest.mark.parametrize(
    ("narrow", "broad"),
    [
        ("Dynamics AX", "Dynamics 365"),
        ("inventory control", "inventory management"),
        ("purchasing", "procurement"),
        ("help desk", "IT support"),
        ("pay-per-click", "SEM"),
        ("labour law", "employment law"),
        ("continuous integration", "CI/CD"),
        ("recordkeeping", "records management"),
    ],
)
def test_a_named_narrower_skill_is_its_own_entry_related_to_the_broader(narrow: str, broad: str) -> None:
    tax = load_taxonomy()
    skill, parent = tax.find(narrow), tax.find(broad)
    assert skill is not None and parent is not None
    assert skill.name == narrow and parent.name == broad
    assert parent.id in skill.related and skill.id in parent.related
    assert skill.group == parent.group and skill.kind == parent.kind


@pytest.mark.parametrize(
    ("variant", "name"),
    [
        ("Microsoft Exchange", "Exchange Server"),
        ("cyber security", "cybersecurity"),
        ("3D modelling", "3D modeling"),
        ("PLSQL", "PL/SQL"),
        ("Objective Caml", "OCaml"),
        ("RESTful API", "REST"),
        ("REST API", "REST"),
        ("Vue", "Vue.js"),
        ("HTML5", "HTML"),
        ("IBM Notes", "Lotus Notes"),
        ("data warehouse", "data warehousing"),
    ],
)
def test_a_variant_of_the_name_stays_an_alias(variant: str, name: str) -> None:
    skill = load_taxonomy().find(variant)
    assert skill is not None and skill.name == name


@pytest.mark.parametrize(
    ("name", "alias", "variant"),
    [
        ("e-discovery", "electronic discovery", True),
        ("Microsoft Dynamics 365", "Dynamics AX", False),
        ("fibre optics", "fiber optics", True),
        ("internal audit", "internal auditing", True),
        ("Java EE", "Java Enterprise Edition", True),
        ("PCB design", "printed circuit board design", True),
        ("Amazon Redshift", "Redshift", True),
        ("hydraulics", "pneumatics", False),
        ("help desk", "IT support", False),
    ],
)
def test_the_variant_rule(name: str, alias: str, variant: bool) -> None:
    build = _build_script()
    assert build._is_variant(name, alias, build._named_things()) is variant


def test_resume_lines_name_the_narrower_skill() -> None:
    text = (
        "Jane Doe\nEXPERIENCE\nStore Manager, Acme Corp, 2015 - 2020\n"
        "Did the purchasing and inventory control for three stores.\n"
        "Ran the help desk for 40 staff.\nSKILLS\nDynamics AX, Excel\n"
    )
    names = {s.name for s in parse_resume_text(text).skills}
    assert {"purchasing", "inventory control", "help desk", "Dynamics AX"} <= names
    assert not names & {"procurement", "inventory management", "IT support", "Dynamics 365"}


def test_a_posting_asking_the_broader_skill_credits_the_narrower_in_full(
    analyzed: Callable[[str], Posting],
) -> None:
    posting = analyzed("Inventory Manager\nRequirements:\n- Experience with inventory management\n")
    cv = parse_resume_text(
        "Jane Doe\nEXPERIENCE\nStock Lead, Acme Corp, 2015 - 2020\n"
        "Owned inventory control for the warehouse.\n"
    )
    match = next(m for m in score(posting, cv).matched if m.skill == "inventory management")
    # the narrower skill names its broader one (``broader``, tests/test_broader_skills.py)
    assert (match.how, match.via, match.credit) == ("exact", "inventory control", 1.0)
