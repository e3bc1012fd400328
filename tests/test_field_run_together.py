"""Two fields printed run together with no separator ("Computer Science Data Communications",
"MASS COMMUNICATIONS BUSINESS MARKETING"): the degree's field is the first, a field the list knows
whole, when two words or more follow it; one word after it is part of the field ("Business
Administration Accounting", "Computer Science Engineering")."""

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
        ("M.S  :\nComputer Science Data Communications  ,\n1996  Villanova University", "computer science"),
        ("B.A: MASS COMMUNICATIONS BUSINESS MARKETING  Minnesota State University", "mass communications"),
        ("MBA  :\nInternational Business Supply Chain Management  NU", "international business"),
    ],
)
def test_the_first_of_two_fields_run_together_is_the_field(lines: str, field: str) -> None:
    assert _fields(lines) == [field]


@pytest.mark.parametrize(
    ("lines", "field"),
    [
        (
            "Bachelor of Science  :  Business Administration Accounting  San Francisco State University",
            "business administration accounting",
        ),
        ("B.E  :\nComputer Science Engineering  ,\n2008  Anna University", "computer science engineering"),
        ("B.S  :\nEarly Childhood Education  ,\n2012  Kent State University", "early childhood education"),
        (
            "B.S  :\nHospitality and Tourism Management Finance  ,\n2012",
            "hospitality and tourism management finance",
        ),
    ],
)
def test_a_field_with_one_word_after_a_known_field_stays_whole(lines: str, field: str) -> None:
    assert _fields(lines) == [field]
