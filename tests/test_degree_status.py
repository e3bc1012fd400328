"""Degree status from the words of the entry: hours left, most requirements done, a degree one
hopes or plans to earn are no degree held (issue 12, wave 6)."""

from __future__ import annotations

from datetime import date

import pytest

from matcher import parse_resume_text

AS_OF = date(2026, 11, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Bachelor of Science Business Administration : I have 20 semester hours left upon completion of my "
        "BSBA",
        "Completed majority of requirements for Bachelor of Science degree in Electrical Engineering.",
        "B.A. in Psychology, State University (12 credits remaining)",
        "I then hope to transfer to Colorado School of Mines to obtain a B.S Degree in Engineering.",
        "MBA, Wharton School (I plan to complete it in 2027)",
    ],
)
def test_a_degree_not_yet_held_is_in_progress(text: str) -> None:
    r = parse_resume_text(f"Jane Doe\nEDUCATION\n{text}\nSKILLS\nExcel", as_of=AS_OF)
    assert r.education and all(e.in_progress and not e.completed for e in r.education)


@pytest.mark.parametrize(
    "text",
    [
        "Completed all requirements for Bachelor of Science in Nursing, Ohio State University, 2010",
        "Bachelor of Science in Nursing, Ohio State University, 2010 (graduated with 12 credits of honors "
        "coursework)",
    ],
)
def test_a_degree_whose_requirements_are_done_is_held(text: str) -> None:
    r = parse_resume_text(f"Jane Doe\nEDUCATION\n{text}\nSKILLS\nExcel", as_of=AS_OF)
    assert r.education and all(e.completed for e in r.education)


@pytest.mark.parametrize(
    "line",
    [
        "Proficiency in computer application software MS word, Excel, Power point and outlook express",
        "Skilled in MS office and ms excel",
    ],
)
def test_a_product_after_ms_in_lower_case_is_no_degree(line: str) -> None:
    text = f"Jane Doe\nEDUCATION\nB.Sc  University of Kerala\n{line}\nSKILLS\nExcel"
    r = parse_resume_text(text, as_of=AS_OF)
    assert [e.level for e in r.education] == ["bachelor"]
    assert r.highest_degree == "bachelor"


@pytest.mark.parametrize(
    "line",
    [
        "Received half Scholarship for a Master Degree.",
        "Accepted into the MBA program at Wharton School",
        "Admitted to the Master of Science program in Nursing",
    ],
)
def test_a_degree_one_won_a_place_or_a_scholarship_for_is_not_held(line: str) -> None:
    text = f"Jane Doe\nEDUCATION\nBachelor of Arts  :\nPhilosophy  2001  City College of New York\n{line}"
    r = parse_resume_text(text, as_of=AS_OF)
    assert r.highest_degree == "bachelor"
