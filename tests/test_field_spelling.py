"""A field of study printed with a letter missing or one too many ("Business Managment",
"Bussiness Administration") is read as the field spelled right; a word that is a spelling of its
own (US "modeling" of "modelling") or a place ("Grambling State University") is no misspelling."""

from __future__ import annotations

from datetime import date

import pytest

from matcher import parse_resume_text
from matcher.facts import field_of_study


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Business Managment", "business management"),
        ("Bussiness Administration", "business administration"),
        ("Marketting and Sales", "marketing and sales"),
        ("Public Adminstration  2010  Troy University", "public administration"),
        ("Mechanical Engneering", "mechanical engineering"),
        ("Proffessional Studies", "professional studies"),
    ],
)
def test_a_field_word_misspelt_by_one_letter_is_read_right(text: str, field: str) -> None:
    assert field_of_study(text) == field


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Grambling State University", None),  # a place one letter from "gambling", alone
        ("Managment", None),  # a misspelt word alone is no field
    ],
)
def test_a_near_word_alone_or_a_place_is_no_field(text: str, field: str | None) -> None:
    assert field_of_study(text) == field


def test_an_education_entry_takes_the_field_spelled_right() -> None:
    text = "Jane Doe\nEDUCATION\nBBM  :\nBusiness Managment  ,\n2000  MYSORE UNIVERSITY INDIA\nSKILLS\nExcel"
    resume = parse_resume_text(text, as_of=date(2026, 11, 1))
    assert [(e.level, e.field) for e in resume.education] == [("bachelor", "business management")]
