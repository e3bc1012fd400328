"""Fields of study as resumes write them: after a "Majors:" label, with the practitioner's noun
("Aeronautical Engineer"), misspelt ("Managment"), or with a word recurring that the list of
fields lacks ("Health Behavior Health Education")."""

from __future__ import annotations

from datetime import date

import pytest

from matcher import parse_resume_text
from matcher.facts import field_of_study


def _fields(lines: str) -> list[tuple[str | None, str | None]]:
    r = parse_resume_text(f"Jane Doe\nEDUCATION\n{lines}\nSKILLS\nExcel", as_of=date(2026, 11, 1))
    return [(e.level, e.field) for e in r.education]


@pytest.mark.parametrize(
    ("lines", "level", "field"),
    [
        # a label word before the field is no part of it
        (
            "Bachelor of Arts  :\nMajors: Fine Art and Biology  ,\n1985  Doane College  - City  ,\nState",
            "bachelor",
            "fine art and biology",
        ),
        ("B.A.  :\nMajors: Economics  ,\n2004  Ohio University", "bachelor", "economics"),
        # the practitioner's noun for the field after a field's word
        (
            "Bachelor of Science  :\nAeronautical Engineer\nMAY  ,\n2015  UNITED STATES AIR FORCE ACADEMY",
            "bachelor",
            "aeronautical engineering",
        ),
        ("B.S. Mechanical Engineer, Purdue University, 2009", "bachelor", "mechanical engineering"),
        # a misspelt field word
        ("BBM  :\nBusiness Managment  ,\n2000  MYSORE UNIVERSITY INDIA", "bachelor", "business management"),
        (
            "B.S  :\nBusiness Adminstration  1992  Alabama A&M University",
            "bachelor",
            "business administration",
        ),
        ("MBA  :\nAvaition  ,\n2004  Embry Riddle University", "master", "aviation"),
        ("B.A. Psycology, State University, 2011", "bachelor", "psychology"),
        # a field whose first word recurs, the list knowing only its first words, read whole
        (
            "Master of Public Health  :\nHealth Behavior Health Education  ,\n"
            "May 2011  Fay W. Boozman College of Public Health",
            "master",
            "health behavior health education",
        ),
        # but a field printed twice is still read once
        ("MBA  :\nMarketing Marketing  ,\n2010  Ohio University", "master", "marketing"),
        # nor is a field's place read whole past a full stop or up to a dangling "and"
        (
            "Master of Business Administration  :\nEssentials of Financial Management. London\n"
            "University of North Florida",
            "master",
            "essentials of financial management",
        ),
        (
            "Bachelor of Business Administration (B.B.A  :\nBusiness Administration and \n"
            "Management, General\nUniversity of Mary Hardin-Baylor",
            "bachelor",
            "business administration",
        ),
    ],
)
def test_field_forms(lines: str, level: str, field: str) -> None:
    assert _fields(lines)[0] == (level, field)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Engineer", None),  # the practitioner's noun alone is no field
        # another ending is another word, no misspelling: the field ends before it
        ("Pharmacy Technician", "pharmacy"),
        ("Business Manager", "business"),
        # a letter changed makes another word, no misspelling: "Direction" is not "detection"
        ("Business Administration and Direction", "business administration"),
        ("Tourism, Convention, and Event Planner", "tourism"),
        ("Agriculture Education and Extension", "agriculture education"),
    ],
)
def test_no_false_reading(text: str, field: str | None) -> None:
    assert field_of_study(text) == field
