"""Skill names a line break cuts in two: "Creative lesson" / "planning", "Microsoft" / "Office",
"Excel, Power" / "Point".

The skill finder reads a line as a sentence of its own, so a name wrapped onto the next line (a
narrow column, a long bullet) is not found. Here the finder runs again on a copy of the doc
without the sentence starts at each line break inside a run of text (the line before ending in no
full stop, colon or semicolon, the next not blank); a name found only across such a break, over
words no skill found already covers, counts.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

__all__ = ["WrappedSpan", "joined_at", "joined_lines", "wrapped_spans"]


class WrappedSpan(NamedTuple):
    """A skill mention across a line break: where it is in the text, its words with the break made a
    space, and the skill id (``label_``, as on the finder's spans)."""

    start_char: int
    end_char: int
    text: str
    label_: str


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


def wrapped_spans(doc: Any, found: list[Any], taxonomy: Any) -> list[WrappedSpan]:
    """The skill mentions of ``doc`` that run across a line break (see :func:`joined_lines`) and
    overlap none of ``found`` (the spans read line by line), with ``doc.text``'s offsets and their
    words as one line ("Power Point").

    The doc is not read again: a copy of it has the sentence boundaries at those breaks removed,
    which is all that keeps the finder from matching across them (its words skip the spaces).
    """
    from bisect import bisect_left

    from spacy.attrs import IDX, IS_SPACE, SENT_START

    from matcher.language import find_skill_spans

    text = doc.text
    joined, breaks = joined_lines(text)
    if not breaks:
        return []
    rows = doc.to_array([IDX, IS_SPACE, SENT_START])
    starts = rows[:, 2].astype("int64")
    k = 0
    for i, (idx, space) in enumerate(rows[:, :2].tolist()):
        while k < len(breaks) and breaks[k] < idx:
            if not space:  # the first word after the break goes on the line before's sentence
                starts[i] = -1
                k += 1
            else:
                break
        if k == len(breaks):
            break
    copy = doc.copy()
    copy.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # -1 wraps, as spaCy expects
    taken = [(s.start_char, s.end_char) for s in found]
    out = []
    for span in find_skill_spans(copy, taxonomy):
        a, b = span.start_char, span.end_char
        at = bisect_left(breaks, a)
        if at == len(breaks) or breaks[at] >= b:
            continue  # on one line: read already
        if any(x < b and a < y for x, y in taken):
            continue
        out.append(WrappedSpan(a, b, joined[a:b], span.label_))
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
