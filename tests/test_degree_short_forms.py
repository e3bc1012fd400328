"""A two-letter degree that is also a word or a state ("MA", "AS", "ME") or "JD" is a degree when
it opens an education entry's line, followed by ":" or "," and a field of study, there or on the
line below (livecareer's "MA  ,\\nPublic Policy  2011  SUNY Empire State College")."""

from __future__ import annotations

from datetime import date

import pytest

from matcher import parse_resume_text


def _education(lines: str) -> list[tuple[str | None, str | None]]:
    r = parse_resume_text(f"Jane Doe\nEDUCATION\n{lines}\nSKILLS\nExcel", as_of=date(2026, 11, 1))
    return [(e.level, e.field) for e in r.education]


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        ("MA  ,\nPublic Policy  2011  SUNY Empire State College", [("master", "public policy")]),
        ("MA : Counseling  WEBSTER UNIVERSITY - June 2004", [("master", "counseling")]),
        ("AS  ,\nNetwork Engineering  2017  Moorpark College", [("associate", "network engineering")]),
        (
            "AS : Business Management , Present  Albany State Technical College",
            [("associate", "business management")],
        ),
        (
            "JD  :\nOrganizational Communication  2007  St. Edward's University",
            [("doctorate", "organizational communication")],
        ),
    ],
)
def test_a_short_degree_opening_an_entry_with_its_field_is_a_degree(
    lines: str, want: list[tuple[str, str]]
) -> None:
    assert _education(lines) == want


@pytest.mark.parametrize(
    "lines",
    [
        "Boston University  Boston\nMA  ,\nUSA",  # the state of the school's line
        "JD Edwards, Quickbooks , Excel",  # a product
        "AS , 2010",  # no field
    ],
)
def test_a_short_form_without_a_field_after_it_is_no_degree(lines: str) -> None:
    assert _education(lines) == []
