"""Skill names a line break cuts in two (a narrow column, a long bullet) are found across the
break; names on one line, and lines that end a sentence, are read as before."""

from __future__ import annotations

import pytest

from matcher import parse_resume_text
from matcher.resume._wrapped import joined_lines


def _skills(body: str, skills: str = "Excel") -> dict[str, str]:
    text = f"Jane Doe\nEXPERIENCE\nAnalyst, Acme Corp, 2015 - 2020\n{body}\nSKILLS\n{skills}\n"
    return {s.name: s.evidence for s in parse_resume_text(text).skills}


@pytest.mark.parametrize(
    ("body", "skills", "right"),
    [
        ("Taught grades 3-5.", "Kind and\nempathetic\nStandardized\ntesting\ntechniques",
         "standardized testing"),
        ("Taught grades 3-5.", "Creative lesson\nplanning\nCritical thinker", "lesson planning"),
        ("Ran the office.", "Microsoft Word, Excel, Power\nPoint, Outlook, SharePoint", "PowerPoint"),
        ("Ran the office.", "Proficient in Quick Books, Act, and Microsoft Outlook. Microsoft\nOffice",
         "Microsoft Office"),
        ("Directed patients in prescribed range of\nmotion exercises and in the use of braces.", "Excel",
         "range of motion exercises"),
    ],
)  # fmt: skip
def test_a_name_cut_by_a_line_break_is_found(body: str, skills: str, right: str) -> None:
    assert right in _skills(body, skills)


def test_the_evidence_is_both_lines_as_one() -> None:
    assert _skills("Taught grades 3-5.", "Creative lesson\nplanning")["lesson planning"] == (
        "Creative lesson planning"
    )


@pytest.mark.parametrize(
    ("body", "skills", "wrong"),
    [
        ("Account manager for Microsoft\n\nOffice: Denver, CO", "Excel", "Microsoft Office"),  # a blank line
        ("Edited photos.", "Adobe Photoshop\nLightroom", "Photoshop Lightroom"),  # one read already
    ],
)  # fmt: skip
def test_a_blank_line_or_a_name_read_already_keeps_lines_apart(body: str, skills: str, wrong: str) -> None:
    assert wrong not in _skills(body, skills)


def test_joined_lines_keeps_every_offset() -> None:
    text = "Creative lesson\nplanning.\nNext\n\nSkills"
    joined, breaks = joined_lines(text)
    assert len(joined) == len(text)
    assert [text[at] for at in breaks] == ["\n"]
    assert joined.splitlines() == ["Creative lesson planning.", "Next", "", "Skills"]


@pytest.mark.parametrize(
    ("skills", "pieces"),
    [
        ("Kind and\nempathetic\nStandardized\ntesting\ntechniques", {"Standardized", "testing"}),
        ("Creative lesson\nplanning\nCritical thinker", {"planning", "Creative lesson"}),
    ],
)  # fmt: skip
def test_the_pieces_of_a_cut_name_are_no_skills_of_their_own(skills: str, pieces: set[str]) -> None:
    assert pieces.isdisjoint(_skills("Taught grades 3-5.", skills))
