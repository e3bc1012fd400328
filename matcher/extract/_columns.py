"""Two-column PDF pages: detect them while extracting, and repair the reading order.

pypdf's plain mode follows the content stream; an exporter that writes a two-column page line by
line (left line, right line, ...) comes out interleaved ("Ph.D. Statisticsand craftsmanship are
valued"). While the plain text is extracted, the start of every text run is recorded; a page whose
rows start at two fixed x positions is two-column. Such a page is extracted again in layout mode
and split at the gutter: the full-width header first, then the left column, then the right column.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from matcher.extract._content_stream import fast_contents

if TYPE_CHECKING:
    from matcher.extract._hidden import PypdfPageWatch

__all__ = ["column_edge", "page_text", "split_at_gutter"]

_BIN = 6.0  # points: x starts this close share a column edge


def page_text(page: Any, watch: PypdfPageWatch | None = None) -> str:
    """Return the page's text in reading order (plain mode, or layout mode split at the gutter).

    A ``watch`` (see ``_hidden``) follows the graphics state meanwhile and collects hidden text.
    """
    starts: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if watch is not None:
            watch.text(text)
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            starts.append((x, y))

    with fast_contents(page):
        if watch is None:
            plain = page.extract_text(visitor_text=visit) or ""
        else:
            plain = (
                page.extract_text(
                    visitor_text=visit, visitor_operand_before=watch.before, visitor_operand_after=watch.after
                )
                or ""
            )
    width = float(page.mediabox.width) or 612.0
    if not _two_columns(starts, width):
        return str(plain)
    layout = page.extract_text(extraction_mode="layout") or ""
    return split_at_gutter(str(layout)) or str(plain)


def _two_columns(starts: list[tuple[float, float]], width: float) -> bool:
    return column_edge(starts, width) is not None


def column_edge(starts: list[tuple[float, float]], width: float) -> float | None:
    """The x at which a page's right column starts, when text runs (x, y of their starts) start
    at a fixed x right of the page's left quarter and the runs left of it cover the same stretch
    of the page (two columns side by side, in any stream order); None for any other page. Both
    engines use it: pypdf's visitor gives the starts, pdfium's text rectangles give them.

    Examples
    --------
    >>> rows = [(40.0, 700.0 - 14 * i) for i in range(10)] + [(330.0, 697.0 - 14 * i) for i in range(10)]
    >>> column_edge(rows, 612.0)
    330.0
    >>> column_edge([(40.0, 700.0 - 14 * i) for i in range(20)], 612.0) is None
    True
    """
    if len(starts) < 12:
        return None
    edges = Counter(round(x / _BIN) for x, _ in starts if 0.25 * width < x < 0.75 * width)
    if not edges:
        return None
    edge_bin, hits = edges.most_common(1)[0]
    if hits < 8:
        return None
    edge = edge_bin * _BIN
    right = [y for x, y in starts if abs(x - edge) <= _BIN]
    left = [y for x, y in starts if x < edge - 4 * _BIN]
    if len(left) < 6:
        return None
    # side by side: many runs of each column lie within the other column's vertical stretch (a
    # table's columns or a column of right-aligned dates do not reach that far)
    left_beside = sum(min(right) <= y <= max(right) for y in left)
    right_beside = sum(min(left) <= y <= max(left) for y in right)
    if left_beside >= max(6, 0.4 * len(left)) and right_beside >= max(6, 0.4 * len(right)):
        return edge
    return None


def split_at_gutter(layout: str) -> str | None:
    """Split layout-mode text at the blank vertical band between two columns; None when there is none.

    Examples
    --------
    >>> rows = [f"Left line {i}            Right line {i}" for i in range(3)]
    >>> print(split_at_gutter("\\n".join(["Jane Doe", "", *rows])))
    Jane Doe
    Left line 0
    Left line 1
    Left line 2
    Right line 0
    Right line 1
    Right line 2
    """
    lines = layout.splitlines()
    width = max((len(line) for line in lines), default=0)
    if width < 30:
        return None
    gutter = _gutter(lines, width)
    if gutter is None:
        return None

    def crosses(line: str) -> bool:
        return len(line) > gutter and bool(line[gutter - 1 : gutter + 1].strip())

    has_right = [i for i, line in enumerate(lines) if not crosses(line) and line[gutter:].strip()]
    if not has_right:
        return None
    first, last = has_right[0], has_right[-1]
    header = [line.strip() for line in lines[:first] if line.strip()]
    # below the right column: left-column lines stay in the left column, full-width ones are a footer
    tail = [line for line in lines[last + 1 :] if line.strip()]
    cut = max(
        (i + 1 for i, line in enumerate(tail) if not crosses(line) and len(line.strip()) > 0), default=0
    )
    footer = [line.strip() for line in tail[cut:]]
    left: list[str] = []
    right: list[str] = []
    for line in [*lines[first : last + 1], *tail[:cut]]:
        if crosses(line):  # a left-column line running into the gutter
            left.append(line.strip())
            continue
        if line[:gutter].strip():
            left.append(line[:gutter].strip())
        if line[gutter:].strip():
            right.append(line[gutter:].strip())
    return "\n".join(header + left + right + footer)


def _gutter(lines: list[str], width: float) -> int | None:
    """The character column of the widest blank band with text on both sides in many lines."""
    best: tuple[int, int] | None = None
    for col in range(int(width * 0.2), int(width * 0.8)):
        both = 0
        crossing = 0
        for line in lines:
            if len(line) <= col + 1 or not line.strip():
                continue
            if line[col - 1 : col + 2].strip():
                crossing += 1
            elif line[:col].strip() and line[col:].strip():
                both += 1
        if both >= 3 and crossing <= max(2, 0.1 * both) and (best is None or both > best[1]):
            best = (col + 1, both)
    return best[0] if best else None
