"""Worst-case inputs for matcher's text paths: runs of one character class, repeated phrases, the
texts issue 17 found stalling a run. ``scripts/bench.py complexity`` and ``scripts/fuzz.py`` use
them; nothing in matcher/ imports this file.

Each case is a name and a function of ``n`` (about the text's length) returning the text.
"""

from __future__ import annotations

from collections.abc import Callable


def _rep(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _wrap(head: str, unit: str, tail: str = "") -> Callable[[int], str]:
    return lambda n: head + (unit * (n // len(unit) + 1))[:n] + tail


CASES: dict[str, Callable[[int], str]] = {
    "capitals after a period": _wrap("Data Engineer. ", "A"),
    "capitals and spaces": _wrap("x. ", "AB "),
    "spaces without a newline": _wrap("x", " ", "y"),
    "tabs": _wrap("x", "\t", "y"),
    "newlines": _wrap("x", "\n", "y"),
    "percent signs": _rep("%"),
    "dots": _rep("."),
    "punctuation": _rep("!?"),
    "hyphens": _rep("-"),
    "digits": _rep("1"),
    "digits and spaces": _rep("12 "),
    "letters": _rep("a"),
    "lower-upper": _rep("aB"),
    "word.Word": _rep("ab.Cd"),
    "plus signs": _rep("a+"),
    "slashes": _rep("a/"),
    "at signs": _rep("a@"),
    "university words": _rep("university "),
    "years of Python": _rep("5+ years of Python, "),
    "dates": _rep("2019 - 2020 "),
    "bullets": _wrap("x", " \u2022"),
    "spaces before a bullet": _wrap("x", " ", "\u2022"),
    "capitals and colons": _rep("AB:"),
    "company names": _rep("Ab.Cd "),
}
