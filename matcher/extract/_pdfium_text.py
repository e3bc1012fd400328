"""A page's text under pdfium, read as pypdf's path reads it.

Two columns: the same column check as pypdf's path (``_columns``), fed with the starts of pdfium's
text rectangles (one a text run on a line), and the page read again in reading order, band by
band: the full-width header, the left column, the right column, the full-width footer (pdfium's
own order follows the content stream, which may go row by row).

Spaces: pdfium puts a space between two text objects only past a gap wider than its own guess of
a space, and exporters that write a glyph per object with a narrow gap between words come out
glued ("asaregistered nurse"). Where a word is not an English word, the gaps between its glyphs'
boxes (advance widths) are measured, and a gap wider than a fourteenth of the glyphs' height gets
its space back. Only those words are measured: a call per glyph would cost more than pdfium's
whole extraction.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from matcher.extract._columns import column_edge
from matcher.text import english_words

__all__ = ["pdfium_page_text"]

_RUN = 3  # characters a text rectangle holds at least on a page written in runs, not glyph by glyph
_FAR = 1e6
_PAD = 0.5  # points: a band's edges, so a glyph on the band's border is read once


def pdfium_page_text(textpage: Any, width: float) -> str:
    """A page's text from a ``pypdfium2.PdfTextPage``: pdfium's own order, or, on a two-column
    page, header, left column, right column and footer, each read from its box."""
    plain = str(textpage.get_text_range())
    count = textpage.count_rects()
    if count < 12 or count * _RUN > len(plain):  # few runs, or a glyph per text object
        return _spaced(textpage, plain)
    rects = [textpage.get_rect(i) for i in range(count)]
    edge = column_edge([(left, bottom) for left, bottom, _, _ in rects], width)
    if edge is None:
        return _spaced(textpage, plain)
    split = _gutter(rects, edge, width)
    top = max(r[3] for r in rects if r[0] >= split)
    crossing = [r for r in rects if r[0] < split < r[2]]
    beside = [r for r in rects if not r[0] < split < r[2]]
    # a footer: full-width runs below every run of either column
    low = min(r[1] for r in beside)
    under = [r for r in crossing if r[3] <= low + _PAD]
    bottom = max((r[3] for r in under), default=-_FAR)
    # the outer bands reach far past the page's box, which need not start at 0
    bands = [
        (-_FAR, top + _PAD, _FAR, _FAR),
        (-_FAR, bottom, split, top + _PAD),
        (split, bottom, _FAR, top + _PAD),
        (-_FAR, -_FAR, _FAR, bottom),
    ]
    parts = []
    for left, low_y, right, high_y in bands:
        if high_y > low_y:
            text = str(textpage.get_text_bounded(left, low_y, right, high_y)).strip()
            if text:
                parts.append(text)
    return "\n".join(parts)


def _gutter(rects: list[tuple[float, float, float, float]], edge: float, width: float) -> float:
    """The x between the columns: the middle of the least covered stretch left of ``edge``
    (where the right column's runs start; a heading may start a little left of its body), the
    stretch nearest to the edge when there are several."""
    events = sorted([(r[0], 1) for r in rects] + [(r[2], -1) for r in rects])
    low, high = 0.2 * width, edge + 1.0
    covered = 0
    best: tuple[int, float, float] | None = None  # (coverage, -start, end) of the best stretch
    for (x, step), (nxt, _) in itertools.pairwise(events):
        covered += step
        start, end = max(x, low), min(nxt, high)
        if end - start < 1.0:
            continue
        key = (covered, -start, end)
        if best is None or key[:2] < best[:2]:
            best = key
    if best is None:
        return edge - _PAD
    return (-best[1] + best[2]) / 2


_WORD = re.compile(r"\S{4,}")  # a word, or words run together with punctuation between ("Sound,ethical")
_GAP = 0.07  # of a glyph's height: a gap between two letters of one word is about 0, a word gap 0.11+
_CASE_GAP = 0.02


def _spaced(textpage: Any, text: str) -> str:
    """``text`` (the page's text, a character per pdfium character) with the spaces back that
    pdfium left out between words whose glyphs stand apart."""
    import ctypes

    from matcher.extract._pdfium_calls import address, fast_calls

    if len(text) != textpage.count_chars():  # characters beyond 16 bits: no index to measure by
        return text
    known = english_words()
    page = address(textpage.raw)
    box = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    ref = ctypes.addressof(box)
    view = memoryview(box).cast("B").cast("f")  # the four floats in one call
    loose = fast_calls()["FPDFText_GetLooseCharBox"]
    case_gap, word_gap = _CASE_GAP, _GAP
    cuts: list[int] = []
    for match in _WORD.finditer(text):
        if match.group().lower() in known:
            continue
        start, end = match.span()
        loose(page, start, ref)
        _, _, right, bottom = view.tolist()
        for index in range(start + 1, end):
            loose(page, index, ref)
            left, top, next_right, next_bottom = view.tolist()
            height = top - next_bottom
            gap = left - right
            if gap > case_gap * height or gap > word_gap * height:  # past one of the two limits
                # a word that starts with a capital right after a small letter needs less ("ofScience")
                limit = case_gap if text[index].isupper() and text[index - 1].islower() else word_gap
                if abs(next_bottom - bottom) < 0.3 * height and gap > limit * height:
                    cuts.append(index)
            right, bottom = next_right, next_bottom
    if not cuts:
        return text
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return " ".join(pieces)
