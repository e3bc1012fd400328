"""Skill names a line break cuts in two: "Creative lesson" / "planning", "Microsoft" / "Office",
"Excel, Power" / "Point".

The skill finder reads a line as a sentence of its own, so a name wrapped onto the next line (a
narrow column, a long bullet) is not found. Here the text is read again with each line break
inside a run of text made a space, where the line before ends in no full stop, colon or semicolon;
a name found only across such a break, over words no skill found already covers, counts.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["joined_at", "joined_lines", "wrapped_spans"]

# a line break between two lines of text, the first not ending a sentence or a label
_WRAP = re.compile(r"(?<=[^\s.;:!?])[ \t]*\n(?=[ \t]*[^\s])")


def joined_lines(text: str) -> tuple[str, list[int]]:
    """``text`` with each line break that may cut a phrase made a space (the same length, so every
    offset stays), and where those breaks are.

    Examples
    --------
    >>> joined_lines("Creative lesson\\nplanning.\\nNext")
    ('Creative lesson planning.\\nNext', [15])
    """
    breaks = [m.end() - 1 for m in _WRAP.finditer(text)]
    chars = list(text)
    for at in breaks:
        chars[at] = " "
    return "".join(chars), breaks


def wrapped_spans(text: str, found: list[Any], nlp: Any, taxonomy: Any) -> list[Any]:
    """The skill spans of ``text`` that run across a line break (see :func:`joined_lines`) and
    overlap none of ``found`` (the spans read line by line). Their offsets are ``text``'s."""
    from bisect import bisect_left

    from matcher.language import find_skill_spans, text_doc

    joined, breaks = joined_lines(text)
    if not breaks:
        return []
    taken = sorted((s.start_char, s.end_char) for s in found)
    out = []
    for span in find_skill_spans(text_doc(nlp, joined), taxonomy):
        k = bisect_left(breaks, span.start_char)
        if k == len(breaks) or breaks[k] >= span.end_char:
            continue  # on one line: read already
        if any(a < span.end_char and span.start_char < b for a, b in taken):
            continue
        out.append(span)
    return out


def joined_at(text: str, spans: list[Any]) -> str:
    """``text`` with the line breaks inside ``spans`` made spaces (the same length).

    Examples
    --------
    >>> from collections import namedtuple
    >>> Span = namedtuple("Span", "start_char end_char")
    >>> joined_at("Standardized\\ntesting\\ntechniques", [Span(0, 20)])
    'Standardized testing\\ntechniques'
    """
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        for at in range(span.start_char, span.end_char):
            if chars[at] == "\n":
                chars[at] = " "
    return "".join(chars)
