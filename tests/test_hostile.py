"""Hostile texts (issue 17): each input that stalled a run on the old code runs to completion.

Each case runs in a forked child that is killed if it has not finished after ``_HANG`` seconds.
That is a guard against a hang, not a speed check: the fixed code takes well under a second on
each, the old code took minutes or forever on the same inputs (the sizes here are 4 to 10 times
those the issue measured). Speed is measured by ``scripts/bench.py complexity``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable

import pytest

from matcher import analyze_posting
from matcher.errors import MatcherError
from matcher.language import get_pipeline
from matcher.resume import parse_resume_text
from matcher.text import prepare_text, split_glued

_HANG = 60.0


def _run(task: Callable[[], object]) -> None:
    with contextlib.suppress(MatcherError):  # a typed outcome is an answer
        task()
    os._exit(0)


def finishes(task: Callable[[], object]) -> bool:
    """True when ``task`` ends (with a result or a typed error) in a forked child before the guard."""
    child = multiprocessing.get_context("fork").Process(target=_run, args=(task,))
    child.start()
    child.join(_HANG)
    if child.is_alive():
        child.kill()
        child.join()
        return False
    return child.exitcode == 0


HOSTILE_TEXTS = {
    "capitals after a period": "Data Engineer. " + "A" * 300,
    "a long run of capitals": "Data Engineer. " + "A" * 5000,
    "spaces without a line break": "x" + " " * 200_000 + "y",
    "tabs without a line break": "x" + "\t" * 100_000 + "y",
    "spaces before a bullet": "x" + " " * 100_000 + "\u2022 y",
    "percent signs": "Jane Doe\n" + "%" * 400_000,
    "university words": "EDUCATION\nBachelor of Science, " + "a" * 100_000 + " 2019",
    "years of Python": "Requirements\n" + "5+ years of Python, " * 1600,
    "punctuation": "Skills\n" + "!?.,;:" * 5000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_a_hostile_posting_is_analysed_to_the_end(name: str) -> None:
    analyze_posting("warm up")
    text = HOSTILE_TEXTS[name]
    assert finishes(lambda: analyze_posting(text)), f"analyze_posting stalled on {name}"


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_a_hostile_resume_is_parsed_to_the_end(name: str) -> None:
    parse_resume_text("warm up")
    text = HOSTILE_TEXTS[name]
    assert finishes(lambda: parse_resume_text(text)), f"parse_resume_text stalled on {name}"


def test_the_tokenizer_gets_through_a_run_of_punctuation() -> None:
    nlp = get_pipeline()
    assert finishes(lambda: nlp("x " + "!?.,;:-" * 3000))


def test_capitals_after_a_period_still_split_a_run_in_heading() -> None:
    """The linear rewrite keeps what the pattern was for."""
    assert prepare_text("to work seamlessly.REQUIREMENTS:Analyze data") == (
        "to work seamlessly.\nREQUIREMENTS:Analyze data"
    )
    assert prepare_text("Great team   \n\u2022 SQL  \t\nPython") == "Great team\n\u2022 SQL\nPython"


def test_a_long_chain_of_glued_sentences_is_no_recursion_error() -> None:
    word = "ab.Cd" * 2000
    assert split_glued(word, frozenset()) == word
    assert prepare_text(word) == word
