"""Text a reader cannot see, found while a PDF page is extracted, with either engine.

Four kinds: text in the colour of what lies beneath it (white on the white page, or within a
small contrast of a filled shape painted under it), text in an invisible render mode (3, or 7:
clip only), text under 2 pt, and text outside the page's visible box. With pypdf a
:class:`PypdfPageWatch` follows the graphics state through pypdf's own visitor functions
(``visitor_operand_before`` / ``visitor_operand_after``) and marks each text run pypdf reports;
with pdfium :func:`pdfium_page_hidden` reads every page object's render mode, fill colour, size
and box through pdfium's page-object and text-page functions. What cannot be judged cheaply is
never flagged: text over an image, a shading or a form, colours in a colour space named only in
the page's resources, text inside forms.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

__all__ = ["MIN_POINTS", "HiddenText", "PypdfPageWatch", "contrast", "pdfium_page_hidden"]

#: Text smaller than this (in points, after every scaling) is ``tiny_text``.
MIN_POINTS = 2.0
#: Text whose contrast ratio (WCAG) with what lies beneath is under this is ``hidden_text``.
MIN_CONTRAST = 1.25

RGB = tuple[float, float, float]
_WHITE: RGB = (1.0, 1.0, 1.0)
# (kind, page number from 1, text)
HiddenText = tuple[str, int, str]
_Region = tuple[float, float, float, float, RGB | None]  # x0, y0, x1, y1; None: not a flat colour


def _luminance(rgb: RGB) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(min(1.0, max(0.0, v))) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@lru_cache(maxsize=4096)  # pages repeat a few colours thousands of times
def contrast(a: RGB, b: RGB) -> float:
    """The WCAG contrast ratio of two colours (1: the same; 21: black on white).

    Examples
    --------
    >>> contrast((1, 1, 1), (1, 1, 1)), round(contrast((0, 0, 0), (1, 1, 1)))
    (1.0, 21)
    """
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _color(operands: Sequence[Any]) -> RGB | None:
    """An operator's colour operands as RGB: 1 gray, 3 RGB, 4 CMYK; None for anything else."""
    try:
        values = [float(v) for v in operands]
    except (TypeError, ValueError):
        return None
    if len(values) == 1:
        return (values[0], values[0], values[0])
    if len(values) == 3:
        return (values[0], values[1], values[2])
    if len(values) == 4:
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def _beneath(regions: list[_Region], x: float, y: float) -> RGB | None:
    """The colour of the last shape painted under (x, y): the page's white when none is."""
    for x0, y0, x1, y1, color in reversed(regions):
        if x0 - 0.5 <= x <= x1 + 0.5 and y0 - 0.5 <= y <= y1 + 0.5:
            return color
    return _WHITE


def _judge(
    render: int, fill: RGB | None, size: float, box: tuple[float, float, float, float],
    bounds: tuple[float, float, float, float], regions: list[_Region],
) -> str | None:  # fmt: skip
    """The kind of hidden text a run is, or None when a reader can see it (or it cannot be told)."""
    if render in (3, 7):
        return "hidden_text"
    if 0 < size < MIN_POINTS:
        return "tiny_text"
    x0, y0, x1, y1 = bounds
    bx0, by0, bx1, by1 = box
    if x1 < bx0 or x0 > bx1 or y1 < by0 or y0 > by1:
        return "off_page_text"
    if fill is not None and render in (0, 2, 4, 6):
        under = _beneath(regions, (x0 + x1) / 2, (y0 + y1) / 2)
        if under is not None and contrast(fill, under) < MIN_CONTRAST:
            return "hidden_text"
    return None


def _mult(m: Sequence[float], n: Sequence[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
    ]  # fmt: skip


def _apply(m: Sequence[float], x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _box_of(
    m: Sequence[float], x0: float, y0: float, x1: float, y1: float
) -> tuple[float, float, float, float]:
    points = [_apply(m, x, y) for x in (x0, x1) for y in (y0, y1)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


_SHOW = frozenset({b"Tj", b"TJ", b"'", b'"'})
_FILL = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
_DEVICE = {"/DeviceGray": 1, "/DeviceRGB": 3, "/DeviceCMYK": 4, "/G": 1, "/RGB": 3, "/CMYK": 4}


class PypdfPageWatch:
    """Follows one page's graphics state while pypdf extracts its text, and collects the text
    runs a reader cannot see.

    Pass :meth:`before` and :meth:`after` as pypdf's ``visitor_operand_before`` and
    ``visitor_operand_after``, and call :meth:`text` from ``visitor_text``; then :attr:`found`
    holds (kind, page, text) for each hidden run. A run pypdf reports is hidden when at least half
    the text-showing operators that made it were.
    """

    def __init__(self, page: Any, number: int) -> None:
        self.number = number
        try:
            box = page.cropbox
            self.box = (float(box.left), float(box.bottom), float(box.right), float(box.top))
        except Exception:  # a page without a usable box: never off the page
            self.box = (-math.inf, -math.inf, math.inf, math.inf)
        try:
            self.xobjects = page["/Resources"]["/XObject"].get_object()
        except Exception:
            self.xobjects = {}
        self.found: list[HiddenText] = []
        self._fill: RGB | None = (0.0, 0.0, 0.0)
        self._fill_components: int | None = 1
        self._render = 0
        self._size = 0.0
        self._pen = 1.0  # line width, in page units
        self._stack: list[tuple[RGB | None, int | None, int, float, float]] = []
        self._regions: list[_Region] = []
        self._path: list[tuple[float, float]] = []
        self._depth = 0  # inside form XObjects: not judged (their coordinates are the form's)
        self._pending: list[str | None] = []
        self._operator = b""

    def before(self, operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        """pypdf's ``visitor_operand_before``: follow the state; judge each text-showing operator."""
        self._operator = operator
        if operator in _SHOW:
            self._pending.append(self._judge_show(operands, cm, tm) if not self._depth else None)
        elif operator == b"q":
            self._stack.append((self._fill, self._fill_components, self._render, self._size, self._pen))
        elif operator == b"Q":
            if self._stack:
                self._fill, self._fill_components, self._render, self._size, self._pen = self._stack.pop()
        elif operator in (b"rg", b"g", b"k"):
            self._fill = _color(operands)
            self._fill_components = {b"rg": 3, b"g": 1, b"k": 4}[operator]
        elif operator == b"cs":
            self._fill_components = _DEVICE.get(str(operands[0])) if operands else None
            self._fill = (0.0, 0.0, 0.0) if self._fill_components else None  # each space starts black
        elif operator in (b"sc", b"scn"):
            known = self._fill_components is not None and len(operands) == self._fill_components
            self._fill = _color(operands) if known else None
        elif operator == b"Tr":
            try:
                self._render = int(operands[0])
            except (IndexError, TypeError, ValueError):
                self._render = 0
        elif operator == b"Tf":
            with contextlib.suppress(IndexError, TypeError, ValueError):
                self._size = float(operands[1])
        elif self._depth:
            pass
        elif operator == b"w":
            with contextlib.suppress(IndexError, TypeError, ValueError):
                self._pen = abs(float(operands[0])) * math.hypot(cm[0], cm[1])
        elif operator == b"re":
            try:
                x, y, w, h = (float(v) for v in operands[:4])
            except (TypeError, ValueError):
                return
            self._path += [_apply(cm, x, y), _apply(cm, x + w, y + h)]
        elif operator in (b"m", b"l", b"c", b"v", b"y"):
            try:
                values = [float(v) for v in operands]
            except (TypeError, ValueError):
                return
            self._path += [_apply(cm, values[i], values[i + 1]) for i in range(0, len(values) - 1, 2)]
        elif operator in _FILL or operator in (b"n", b"S", b"s"):
            if operator != b"n" and self._path:
                xs, ys = [p[0] for p in self._path], [p[1] for p in self._path]
                # a stroke paints too, over an area not cheap to know (a wide pen draws a disc)
                stroked = operator not in _FILL or operator in (b"B", b"B*", b"b", b"b*")
                half = self._pen / 2 if stroked else 0.0
                color = None if stroked else self._fill
                self._regions.append((min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half, color))
            self._path = []
        elif operator == b"sh":  # a shading fills the clip: what lies beneath is not a flat colour
            self._regions.append((-math.inf, -math.inf, math.inf, math.inf, None))
        elif operator == b"Do":
            self._regions.append((*self._xobject_box(operands, cm), None))
        if operator == b"Do":
            self._depth += 1

    def after(self, operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        """pypdf's ``visitor_operand_after``: leave a form XObject."""
        if operator == b"Do":
            self._depth -= 1

    def text(self, text: str) -> None:
        """Call from pypdf's ``visitor_text``: the run just reported is made of the pending operators."""
        keep: list[str | None] = []
        pending = self._pending
        if self._operator in (b"'", b'"') and pending:  # reported at its T*, before its own text
            keep, pending = pending[-1:], pending[:-1]
        self._pending = keep
        if not pending or not text.strip():
            return
        kinds = [k for k in pending if k is not None]
        if kinds and 2 * len(kinds) >= len(pending):
            kind = max(set(kinds), key=kinds.count)
            self.found.append((kind, self.number, text))

    def _judge_show(self, operands: list[Any], cm: list[float], tm: list[float]) -> str | None:
        m = _mult(tm, cm)
        scale = math.hypot(m[2], m[3])
        size = abs(self._size) * scale
        width = 0.5 * size * max(1, _shown_length(operands))
        x, y = m[4], m[5]
        bounds = (x, y - 0.2 * size, x + width, y + 0.8 * size)
        return _judge(self._render, self._fill, size, self.box, bounds, self._regions)

    def _xobject_box(self, operands: list[Any], cm: list[float]) -> tuple[float, float, float, float]:
        try:
            xobject = self.xobjects[operands[0]].get_object()
            if xobject.get("/Subtype") == "/Form":
                bbox = [float(v) for v in xobject["/BBox"]]
                matrix = [float(v) for v in xobject.get("/Matrix", [1, 0, 0, 1, 0, 0])]
                return _box_of(_mult(matrix, cm), *bbox)
        except Exception:
            pass
        return _box_of(cm, 0.0, 0.0, 1.0, 1.0)


def _shown_length(operands: list[Any]) -> int:
    """How many bytes a text-showing operator shows (an estimate of its glyphs)."""
    count = 0
    for operand in operands:
        if isinstance(operand, str | bytes):
            count += len(operand)
        elif isinstance(operand, list):
            count += sum(len(o) for o in operand if isinstance(o, str | bytes))
    return count


def pdfium_page_hidden(page: Any, textpage: Any, number: int) -> list[HiddenText]:
    """The hidden text runs of one pdfium page, from its top-level page objects in painting order.

    Text objects are judged by their render mode, fill colour against the shape beneath, size
    (font size times the object's matrix) and box against the page's crop box; filled paths
    become what lies beneath later text; images, shadings and forms are never a flat colour.
    A text object that plainly is visible (render mode, box, and a fill colour that stands out
    from every colour painted so far) is passed over without looking for what lies beneath it.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    from matcher.extract._pdfium_calls import address, fast_calls

    calls = fast_calls()
    found: list[HiddenText] = []
    regions: list[_Region] = []
    try:
        # the visible box, a MediaBox or CropBox inherited from the page tree included
        # (get_cropbox reads the page's own dictionary only, and says US letter when it has none)
        box = tuple(float(v) for v in page.get_bbox())
        crop = (box[0], box[1], box[2], box[3])
    except Exception:
        crop = (-math.inf, -math.inf, math.inf, math.inf)
    bx0, by0, bx1, by1 = crop
    # out-parameters: ctypes arrays, passed by address and read back in one slice
    edges, rgba, modes = (ctypes.c_float * 4)(), (ctypes.c_uint * 4)(), (ctypes.c_int * 2)()
    e0 = ctypes.addressof(edges)
    e1, e2, e3 = e0 + 4, e0 + 8, e0 + 12
    c0 = ctypes.addressof(rgba)
    c1, c2, c3 = c0 + 4, c0 + 8, c0 + 12
    m0 = ctypes.addressof(modes)
    m1 = m0 + 4
    size, matrix = ctypes.c_float(), (ctypes.c_float * 6)()  # FS_MATRIX: a, b, c, d, e, f
    p_size, p_matrix = ctypes.addressof(size), ctypes.addressof(matrix)
    get_object, get_type, get_bounds = (
        calls["FPDFPage_GetObject"], calls["FPDFPageObj_GetType"], calls["FPDFPageObj_GetBounds"]
    )  # fmt: skip
    render_mode, fill_color = calls["FPDFTextObj_GetTextRenderMode"], calls["FPDFPageObj_GetFillColor"]
    font_size, get_matrix, draw_mode = (
        calls["FPDFTextObj_GetFontSize"], calls["FPDFPageObj_GetMatrix"], calls["FPDFPath_GetDrawMode"]
    )  # fmt: skip
    text_kind, path_kind = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH
    raw = address(page.raw)
    # fills by their RGBA bytes: (fill, transparent, stands out from every colour painted so far)
    fills: dict[bytes, tuple[RGB | None, bool, bool]] = {}
    palette: set[RGB] = {_WHITE}  # the colours _beneath can answer
    view = memoryview(edges).cast("B").cast("f")  # the four floats in one call
    low, least, default = 1.5 * MIN_POINTS, MIN_POINTS, 2 * MIN_POINTS
    for index in range(calls["FPDFPage_CountObjects"](raw)):
        obj = get_object(raw, index)
        render = render_mode(obj)  # -1 for any object but text
        kind = text_kind if render >= 0 else get_type(obj)
        if not get_bounds(obj, e0, e1, e2, e3):
            continue
        x0, y0, x1, y1 = view.tolist()
        if kind == text_kind:
            fill: RGB | None = None
            clear = True
            if fill_color(obj, c0, c1, c2, c3):
                known = fills.get(bytes(rgba))
                if known is None:
                    r, g, b, a = rgba
                    color = (r / 255, g / 255, b / 255) if a > 0 else None
                    clear = color is None or _stands_out(color, palette)
                    known = fills[bytes(rgba)] = (color, a == 0, clear)
                fill, transparent, clear = known
                if transparent:
                    render = 3  # fully transparent: as invisible as render mode 3
            # a glyph box 3 pt tall or more holds no text under 2 pt
            points = default
            if y1 - y0 < low and font_size(obj, p_size) and get_matrix(obj, p_matrix):
                points = abs(size.value) * math.hypot(matrix[2], matrix[3])
            if (
                clear
                and render != 3
                and render != 7
                and not 0 < points < least
                and not (x1 < bx0 or x0 > bx1 or y1 < by0 or y0 > by1)
            ):
                continue  # what _judge would say: visible
            hidden = _judge(render, fill, points, crop, (x0, y0, x1, y1), regions)
            if hidden is not None:
                text = _object_text(calls, obj, address(textpage.raw))
                if re.search(r"\w", text):
                    found.append((hidden, number, text))
        elif kind == path_kind:
            if draw_mode(obj, m0, m1) and (modes[0] or modes[1]):
                color = None  # a stroke paints too, over an area not cheap to know (a wide pen draws a disc)
                filled = fill_color(obj, c0, c1, c2, c3) and rgba[3] == 255
                if modes[0] and not modes[1] and filled:
                    color = (rgba[0] / 255, rgba[1] / 255, rgba[2] / 255)
                regions.append((x0, y0, x1, y1, color))
                if color is not None and color not in palette:
                    palette.add(color)
                    fills.clear()
        else:  # image, shading, form: not a flat colour
            regions.append((x0, y0, x1, y1, None))
    return found


def _stands_out(fill: RGB, palette: set[RGB]) -> bool:
    """Whether text in ``fill`` can be read over every colour in ``palette``."""
    return all(contrast(fill, color) >= MIN_CONTRAST for color in palette)


def _object_text(calls: dict[str, Any], obj: int, textpage: int) -> str:
    """The text of one pdfium text object (UTF-16 through the text page)."""
    import ctypes

    get_text = calls["FPDFTextObj_GetText"]
    length = get_text(obj, textpage, None, 0)
    if length <= 2:
        return ""
    buffer = ctypes.create_string_buffer(length)
    get_text(obj, textpage, ctypes.addressof(buffer), length)
    return buffer.raw[: length - 2].decode("utf-16-le", errors="replace")
