"""Posting skills that are not the posting's: legal statements about the right to work, and
taxonomy aliases that named a different, broader or narrower skill (issue 11, wave 3)."""

from __future__ import annotations

import pytest

from matcher import analyze_posting


def _skills(text: str) -> dict[str, str]:
    return {s.name: s.importance for s in analyze_posting(text).skills}


@pytest.mark.parametrize(
    "statement",
    [
        "Your Right to Work - In compliance with federal law, all persons hired will be required to "
        "verify identity and eligibility to work in the United States and to complete the required "
        "employment eligibility verification document form upon hire.",
        "All candidates must be legally authorized to work in the US; employment eligibility "
        "verification is required at hire.",
    ],
)
def test_the_right_to_work_statement_asks_for_no_skill(statement: str) -> None:
    text = f"Data Analyst\nRequirements:\n- 3+ years of SQL\n- Experience with Tableau\n{statement}\n"
    got = _skills(text)
    assert got == {"SQL": "required", "Tableau": "required"}
    assert analyze_posting(text).min_years == 3.0
