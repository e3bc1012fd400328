"""Fields of study resumes name that the vocabulary lacked (data/fields/majors.txt): "Master of
Accountancy", "Bachelor of Interdisciplinary Studies", "A.A.S : Cosmetology"."""

from __future__ import annotations

from datetime import date

import pytest

from matcher import parse_resume_text
from matcher.facts import field_of_study


@pytest.mark.parametrize(
    "field",
    [
        "Accountancy",
        "Interdisciplinary Studies",
        "Multidisciplinary Studies",
        "Diagnostic Medical Sonography",
        "Cosmetology",
        "Homeland Security",
        "Divinity",
        "Biblical Studies",
        "Medical Assisting",
        "Econometrics",
    ],
)
def test_a_field_resumes_name_is_known(field: str) -> None:
    assert field_of_study(f"{field}  2010  Walsh College") == field.lower()


def test_a_degree_named_of_its_field_takes_it() -> None:
    text = "Jane Doe\nEDUCATION\nMaster of Accountancy  ,\n2012  Walsh College\nSKILLS\nExcel"
    r = parse_resume_text(text, as_of=date(2026, 11, 1))
    assert [(e.level, e.field) for e in r.education] == [("master", "accountancy")]
