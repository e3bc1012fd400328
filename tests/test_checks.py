"""The rule checks, case by case, with the exact status, words and margin a recruiter reads.

Written against the survivors of a mutation run (scripts/mutation.py): each case pins a branch of
the degree, experience and certification checks that no test had held (equivalent experience, the
four-year floor, a degree only preferred, certification names in any case, margins to 2 places).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from matcher import parse_resume_text, score
from matcher.records import Posting

AS_OF = date(2024, 6, 1)

EQUIVALENT = (
    "Project Manager\nRequirements:\n- PMP certification is required.\n- CISSP is a plus.\n"
    "- 3+ years of experience.\n- Bachelor's degree or equivalent experience.\n"
)
STRICT = "Project Manager\nRequirements:\n- Bachelor's degree required.\n- 3+ years of experience.\n"
PREFERRED = "Project Manager\nRequirements:\n- 3+ years of experience.\nA bachelor's degree is preferred.\n"


def _resume(dates: str, *, education: str = "", certifications: str = "") -> object:
    lines = ["Jo Park", "EXPERIENCE", f"Project Manager, Acme Inc, {dates}", "Led projects."]
    if education:
        lines += ["EDUCATION", education]
    if certifications:
        lines += ["CERTIFICATIONS", certifications]
    return parse_resume_text("\n".join(lines), as_of=AS_OF)


def _check(posting: Posting, resume: object, name: str) -> tuple[str, str, float | None]:
    check = next(c for c in score(posting, resume).checks if c.name == name)  # type: ignore[arg-type]
    return check.status, check.detail, check.margin


@pytest.mark.parametrize(
    ("posting", "dates", "education", "expected"),
    [
        # 48 months: four years is the floor for experience instead of a degree
        (
            EQUIVALENT,
            "Jan 2019 - Dec 2022",
            "",
            ("pass", "no degree found; 4 years accepted as equivalent", None),
        ),
        # 47 months: under the floor, and no degree read: unknown, never a fail
        (
            EQUIVALENT,
            "Jan 2019 - Nov 2022",
            "",
            ("unknown", "no completed degree found (bachelor asked)", None),
        ),
        (
            EQUIVALENT,
            "Jan 2019 - Dec 2022",
            "Associate of Arts, 2015",
            ("pass", "associate < bachelor, equivalent experience accepted", -1.0),
        ),
        (
            EQUIVALENT,
            "Jan 2020 - Jul 2021",
            "Associate of Arts, 2015",
            ("fail", "associate < bachelor", -1.0),
        ),
        (STRICT, "Jan 2015 - Dec 2022", "Associate of Arts, 2015", ("fail", "associate < bachelor", -1.0)),
        (
            STRICT,
            "Jan 2015 - Dec 2022",
            "Master of Science in Management, 2014",
            ("pass", "master >= bachelor", 1.0),
        ),
        (
            PREFERRED,
            "Jan 2015 - Dec 2022",
            "Associate of Arts, 2015",
            ("pass", "associate < bachelor (only preferred)", -1.0),
        ),
    ],
)
def test_degree_check(
    analyzed: Callable[[str], Posting],
    posting: str,
    dates: str,
    education: str,
    expected: tuple[str, str, float | None],
) -> None:
    assert _check(analyzed(posting), _resume(dates, education=education), "degree") == expected


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ("Jan 2020 - Jul 2021", ("fail", "1.58 of 3 years", -1.42)),  # 19 months, margin to 2 places
        ("Jan 2021 - Dec 2023", ("pass", "3 of 3 years", 0.0)),  # exactly the minimum passes
        ("Jan 2019 - Dec 2022", ("pass", "4 of 3 years", 1.0)),
    ],
)
def test_experience_check(
    analyzed: Callable[[str], Posting], dates: str, expected: tuple[str, str, float]
) -> None:
    assert _check(analyzed(STRICT), _resume(dates), "experience") == expected


@pytest.mark.parametrize(
    ("certifications", "expected"),
    [
        ("PMP, CISSP", ("pass", "has PMP, CISSP", 0.0)),
        ("PMP", ("pass", "none required missing; preferred missing: CISSP", 0.0)),
        ("", ("fail", "missing PMP", -1.0)),
    ],
)
def test_certification_check(
    analyzed: Callable[[str], Posting], certifications: str, expected: tuple[str, str, float]
) -> None:
    resume = _resume("Jan 2019 - Dec 2022", certifications=certifications)
    assert _check(analyzed(EQUIVALENT), resume, "certifications") == expected
