"""Headings that a scraped posting glued between two sentences: put back on a line of their own."""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.text import alternation, heading_vocabulary

__all__ = ["unglue_headings"]

_KINDS = ("required", "preferred", "duties")  # a boilerplate heading is left where it is
_SMALL = frozenset({"this", "that", "with", "from", "your", "into"})  # lower case in a title too


@lru_cache(maxsize=1)
def _glued() -> re.Pattern[str]:
    """A requirements, preferred or duties heading of two words or more, in title case, right
    after a sentence's end (or starting a line) and glued to the next sentence's first word, or
    after a sentence's end and ending its line or followed by its first bullet ("Position•5+ years")."""
    phrases = sorted(
        (h for h, kind in heading_vocabulary("posting_headings").items() if kind in _KINDS and " " in h),
        key=len,
        reverse=True,
    )
    return re.compile(
        rf"(?:(?<=[a-z)][.!?]) ?+|(?<=\n))(?P<h>(?i:{alternation(phrases)}))(?=[A-Z][a-z]|\n|[•·*-] ?\S)"
    )


def unglue_headings(text: str) -> str:
    """Return ``text`` with each heading glued between two sentences on a line of its own, as
    scraped postings that lost their line breaks have them: "... please read on!What You Will Be
    DoingAs the lead ...". A heading in lower case there is a sentence's words, not a heading.

    Examples
    --------
    >>> unglue_headings("Please read on!What You Will Be DoingAs the lead, you will build it.")
    'Please read on!\\nWhat You Will Be Doing\\nAs the lead, you will build it.'
    >>> unglue_headings("We know what you will be doing.")
    'We know what you will be doing.'
    """

    def put(match: re.Match[str]) -> str:
        heading = match.group("h")
        if not all(w[:1].isupper() for w in heading.split() if len(w) > 3 and w.lower() not in _SMALL):
            return match.group(0)
        if match.start() and text[match.start() - 1] == "\n" and text.startswith("\n", match.end()):
            return match.group(0)  # a heading on a line of its own already
        lead = "" if match.start() and text[match.start() - 1] == "\n" else "\n"
        tail = "" if text.startswith("\n", match.end()) else "\n"
        return f"{lead}{heading}{tail}"

    return _glued().sub(put, text)
