"""Years of experience as postings state them: what makes "N years" about experience, and how far
around the number the finder looks.

Written against the survivors of a mutation run (scripts/mutation.py, docs/mutation-survivors.md).
"""

from __future__ import annotations

import pytest

from matcher.facts import find_years


def _years(text: str) -> list[float | None]:
    return [m.years for m in find_years(text)]


def _filler(n: int) -> str:
    """``n`` characters of prose that say nothing about experience, between two spaces."""
    text = " we ship software to many customers every day and night" * 4
    assert n <= len(text)
    return text[: n - 1].rstrip().ljust(n - 1) + " "


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("5+ years of Python", [5.0]),  # "of" after the number is enough, no word "experience" needed
        ("Experience: 5 years.", [5.0]),  # the word "experience" before it, at the very start
        ("EXPERIENCE: 5 years.", [5.0]),  # in any case
        ("Within 2 years, experience leading a team", []),  # a deadline, even beside "experience"
        ("The company is 3 years old; experience with Python", []),  # an age, not experience
        # a range found first takes its own characters only, not the single number before it
        ("5+ years of Python and 3-5 years of SQL experience", [5.0, 3.0]),
        # the employer's tenure, beside a bullet that names experience: no requirement
        ("Most of our sales organization has been at Acme for 7-15+ years * Experience balance", []),
        ("We have been in the business for over 10+ years; experience matters", []),
        ("You have been working with Java for 5+ years of experience", [5.0]),  # the candidate's
    ],
)
def test_what_makes_years_about_experience(text: str, years: list[float | None]) -> None:
    assert _years(text) == years


def test_the_word_experience_counts_up_to_60_characters_before() -> None:
    assert _years("experience" + _filler(50) + "5 years") == [5.0]  # "experience" starts 60 before
    assert _years("experience" + _filler(51) + "5 years") == []


def test_the_word_experience_counts_up_to_80_characters_after() -> None:
    assert _years("5 years" + _filler(70) + "experience") == [5.0]  # it ends 80 after
    assert _years("5 years" + _filler(71) + "experience") == []
