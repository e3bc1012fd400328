"""``prepare_text``: glued words are split apart, never inside a word that is whole."""

from __future__ import annotations

import pytest

from matcher import analyze_posting
from matcher.language import load_taxonomy
from matcher.text import prepare_text


@pytest.fixture(scope="module")
def known() -> frozenset[str]:
    return load_taxonomy().names


@pytest.mark.parametrize(
    "text",
    [
        "SWIFT MESSAGING experience required",
        "EXPERIENCE WITH MESSAGING SYSTEMS",
        "MESSAGING",
        "PROGRAMMING AND TESTING",
        "Strong MESSAGING skills",
    ],
)
def test_a_word_in_capitals_that_is_a_word_stays_whole(text: str, known: frozenset[str]) -> None:
    # "MESSAGING" had been split into "MES" (manufacturing execution system) and "SAGING"
    assert prepare_text(text, known) == text


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("AWSREST / JSONPREFERRED", ["AWS", "REST / JSON", "PREFERRED"]),
        ("MySQLMicrosoft Azure", ["MySQL", "Microsoft Azure"]),
    ],
)
def test_two_known_words_run_together_are_split(text: str, pieces: list[str], known: frozenset[str]) -> None:
    assert prepare_text(text, known).split("\n") == pieces


def test_a_posting_in_capitals_keeps_its_messaging_skill() -> None:
    posting = analyze_posting(
        "Integration Engineer\nREQUIREMENTS:\n- 3+ YEARS OF KAFKA AND MESSAGING SYSTEMS\n"
    )
    assert [s.surface for s in posting.skills if s.surface.upper() == "MES"] == []  # no "MES" in it
    assert "MES\nSAGING" not in posting.text
