"""A skill is named by the form people write (``canonical_names`` in scripts/build_taxonomy.py):
the short form of its name that real postings write most ("Oracle" for Oracle Database, "IoT"),
counted in ``data/taxonomy/form_counts.tsv``, and the acronym O*NET writes a product with ("Disk
operating system DOS" is DOS). Ids stay the old names' ones, and the old name stays an alias."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from matcher import parse_resume_text, score
from matcher.language import load_taxonomy
from matcher.records import Posting

from .test_taxonomy import _build_script


@pytest.mark.parametrize(
    ("form", "name", "skill_id"),
    [
        ("Oracle Database", "Oracle", "oracle-database"),
        ("Internet of Things", "IoT", "internet-of-things"),
        ("KPI tracking", "KPIs", "kpi-tracking"),
        ("Disk operating system", "DOS", "disk-operating-system"),
        ("Management information systems", "MIS", "management-information-systems"),
        ("Simple mail transfer protocol", "SMTP", "simple-mail-transfer-protocol"),
    ],
)
def test_a_skill_is_named_by_the_form_written_and_keeps_its_id(form: str, name: str, skill_id: str) -> None:
    skill = load_taxonomy().find(form)
    assert skill is not None
    assert (skill.name, skill.id) == (name, skill_id)
    assert form in skill.aliases


@pytest.mark.parametrize(
    "name",
    ["Power BI", "Microsoft Office", "customer service", "data warehousing", "PostgreSQL"],
)
def test_a_spelling_a_version_or_another_thing_never_renames(name: str) -> None:
    skill = load_taxonomy().find(name)
    assert skill is not None and skill.name == name


def test_a_resume_shows_the_written_names() -> None:
    resume = parse_resume_text(
        "Sam Lee\nEXPERIENCE\nSystems Analyst, Acme Bank, Jan 2016 - Dec 2023\n"
        "Maintained the batch jobs on Oracle 11g.\nSKILLS\nDOS, UNIX, Excel\n",
        as_of=date(2024, 6, 1),
    )
    names = {s.name for s in resume.skills}
    assert {"Oracle", "DOS"} <= names
    assert not names & {"Oracle Database", "Disk operating system"}


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("Managed the FMS rollout for the finance team.", False),  # Multipath ... Fast Matrix Solver
        ("Used the Multipath Corporation Fast Matrix Solver (FMS) for load studies.", True),
        ("CALM AND PATIENT under pressure with every customer.", False),  # Computerized aircraft log manager
    ],
)
def test_a_product_named_by_its_acronym_is_still_guarded_in_prose(body: str, found: bool) -> None:
    # the acronym is the skill's name now, but a rare product's acronym in prose still needs its
    # full name written (matcher/resume/_skill_guard.py)
    resume = parse_resume_text(f"Sam Lee\nEXPERIENCE\nAnalyst, Acme, Jan 2016 - Dec 2023\n{body}\n")
    names = {s.name for s in resume.skills}
    assert bool(names & {"FMS", "CALM"}) is found


def test_a_posting_writing_the_old_name_matches(analyzed: Callable[[str], Posting]) -> None:
    posting = analyzed("Database Administrator\nRequirements:\n- 5 years with Oracle Database.\n")
    resume = parse_resume_text(
        "Sam Lee\nEXPERIENCE\nDBA, Acme Bank, Jan 2016 - Dec 2023\nTuned Oracle databases.\n",
        as_of=date(2024, 6, 1),
    )
    match = next(m for m in score(posting, resume).matched if m.skill == "Oracle")
    assert (match.how, match.credit) == ("exact", 1.0)


@pytest.mark.parametrize(
    ("form", "name", "short"),
    [
        ("IoT", "Internet of Things", True),
        ("SaaS", "Software as a service", True),
        ("Oracle", "Oracle Database", True),
        ("KPIs", "KPI tracking", True),
        ("PowerBI", "Power BI", False),  # a spelling
        ("Office 365", "Microsoft Office", False),  # a version
        ("database administrator", "database administration", False),  # a role
        ("data warehouse", "data warehousing", False),  # as many words
    ],
)
def test_the_short_form_rule(form: str, name: str, short: bool) -> None:
    assert _build_script()._short_form(form, name) is short
