"""A school whose name opens with a field's word ("National Taiwan University") is no field: when
the degree's line names the school and, after a dash, a field ("M.S : National Taiwan University -
MECHANICAL ENGINEERING"), that field is the degree's."""

from __future__ import annotations

from datetime import date

import pytest

from matcher import parse_resume_text


def _fields(lines: str) -> list[str | None]:
    r = parse_resume_text(f"Jane Doe\nEDUCATION\n{lines}\nSKILLS\nExcel", as_of=date(2026, 11, 1))
    return [e.field for e in r.education]


@pytest.mark.parametrize(
    ("lines", "field"),
    [
        (
            "Jun. 2010  M.S  :  National Taiwan University  - MECHANICAL ENGINEERING  City  ,",
            "mechanical engineering",
        ),
        ("B.S  :  American Military University - Criminal Justice  City", "criminal justice"),
        ("Associate of Science  :  Truckee Community College - Psychology  City  ,  State", "psychology"),
        # the field before the school stays, when no field follows the dash
        (
            "Bachelor of Arts  :  Business Management  University District of Columbia - School of Business",
            "business management",
        ),
        ("Bachelor of Science  :  Nursing  Ohio State University - Columbus", "nursing"),
    ],
)
def test_the_field_after_the_school_and_a_dash_is_the_degrees(lines: str, field: str) -> None:
    assert _fields(lines) == [field]
