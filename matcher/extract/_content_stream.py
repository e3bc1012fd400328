"""PDF content streams read fast, for pypdf's text extractor.

pypdf reads a page's content stream a byte at a time; on real resumes that is two thirds of
``extract_text``. This module reads the common tokens (numbers, plain names, literal strings without
escapes, hex strings, text-showing arrays, operators, comments) with one regular expression and
builds the very objects pypdf builds. Anything else (dictionaries, escaped strings, odd bytes) is
handed to pypdf's own ``read_object`` at that point, and a stream with an inline image, a stray
``R`` or more tokens than pypdf's budget allows is parsed wholly by pypdf, so the operations are
pypdf's, object for object (the tests and ``scripts/bench.py streams`` compare them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from typing import Any

from pypdf import get_configuration
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    ContentStream,
    FloatObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamParsingBudget,
    read_object,
)

__all__ = ["FastContentStream", "fast_contents", "parse_operations", "same_operations"]

_CONTENTS = NameObject("/Contents")

# pypdf's separators: between tokens WHITESPACES (no vertical tab); inside arrays also \v
_WS = rb"[\x00\t\n\f\r ]*"
_ARRAY_WS = rb"[\x00\t\n\v\f\r ]*"
_DELIMITER = rb"\s()<>\[\]{}/%"
# a number as pypdf reads it: starts with a digit, sign or point, runs on over [+,-.0-9]; longer
# runs go to pypdf, which reads them differently past 20 bytes
_NUMBER = rb"[0-9+\-.][+,\-.0-9]{0,18}(?![+,\-.0-9])"
_STRING = rb"\([^()\\]*\)"
_HEX = rb"<[0-9A-Fa-f\x00\t\n\f\r ]*>"
_TOKEN = re.compile(
    _WS
    + rb"(?:(?P<number>"
    + _NUMBER
    + rb")|(?P<operator>[A-Za-z'\"][^"
    + _DELIMITER
    + rb"]{0,90})(?![^"
    + _DELIMITER
    + rb"])|(?P<name>/[^"
    + _DELIMITER
    + rb"#\x80-\xff]{0,1000})(?![^"
    + _DELIMITER
    + rb"])|\((?P<string>[^()\\]*)\)|<(?P<hex>[0-9A-Fa-f\x00\t\n\f\r ]*)>|\[(?P<array>(?:"
    + _ARRAY_WS
    + rb"(?:"
    + _NUMBER
    + rb"|"
    + _STRING
    + rb"|"
    + _HEX
    + rb"))*)"
    + _ARRAY_WS
    + rb"\]|(?P<comment>%[^\r\n]*[\r\n]?)|(?P<end>\Z)|(?P<other>[\s\S]))"
)
_GROUPS = _TOKEN.groupindex
_NUMBER_GROUP, _OPERATOR_GROUP, _NAME_GROUP, _STRING_GROUP = (
    _GROUPS["number"],
    _GROUPS["operator"],
    _GROUPS["name"],
    _GROUPS["string"],
)
_HEX_GROUP, _ARRAY_GROUP, _COMMENT_GROUP, _END_GROUP = (
    _GROUPS["hex"],
    _GROUPS["array"],
    _GROUPS["comment"],
    _GROUPS["end"],
)
_ITEM = re.compile(rb"(" + _NUMBER + rb")|\(([^()\\]*)\)|<([^>]*)>")
_HEX_SPACE = b"\x00\t\n\f\r "


def _hex(digits: bytes) -> ByteStringObject:
    digits = digits.translate(None, _HEX_SPACE)
    if len(digits) % 2:
        digits += b"0"
    return ByteStringObject(bytes.fromhex(digits.decode("ascii")))


def _number(run: bytes) -> NumberObject | FloatObject:
    return FloatObject(run) if b"." in run else NumberObject(run)


class _Made(dict[bytes, Any]):
    """A dict that makes a missing value from its key (``make(key)``) and keeps it."""

    def __init__(self, make: Any) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: bytes) -> Any:
        value = self[key] = self._make(key)
        return value


def parse_operations(data: bytes) -> list[tuple[Any, bytes]] | None:
    """The (operands, operator) list pypdf's ContentStream would give for ``data`` (strings as
    bytes); None when the stream needs pypdf's own parser (an inline image, a stray ``R`` that pypdf
    may read as a reference, an overlong operator, or more tokens than its budget allows)."""
    operations: list[tuple[Any, bytes]] = []
    operands: list[Any] = []
    configuration = get_configuration()
    remaining = configuration.stream_parsing_work_maximum_count
    max_array = configuration.array_maximum_element_count
    # numbers and hex strings repeat; pypdf's objects are immutable, so one object serves them all
    numbers = _Made(_number)
    hexes = _Made(_hex)
    match = _TOKEN.match
    stream: BytesIO | None = None
    pos = 0
    while True:
        token = match(data, pos)
        assert token is not None  # the last alternative matches any byte or the end
        kind = token.lastindex
        pos = token.end()
        remaining -= 1
        if kind == _NUMBER_GROUP:
            operands.append(numbers[token.group(kind)])
        elif kind == _OPERATOR_GROUP:
            operator = token.group(kind)
            if operator == b"BI" or (operator[0] == 82 and not operator[1:2].isalpha()):
                return None  # an inline image, or "1 0 R" (pypdf reads a reference there)
            operations.append((operands, operator))
            operands = []
        elif kind == _HEX_GROUP:
            operands.append(hexes[token.group(kind)])
        elif kind == _NAME_GROUP:
            operands.append(NameObject(token.group(kind).decode("ascii")))
        elif kind == _STRING_GROUP:
            operands.append(ByteStringObject(token.group(kind)))
        elif kind == _ARRAY_GROUP:
            items = ArrayObject(
                numbers[number] if number else ByteStringObject(string) if string is not None else hexes[hexa]
                for number, string, hexa in (
                    (m.group(1), m.group(2), m.group(3)) for m in _ITEM.finditer(token.group(kind))
                )
            )
            if len(items) > max_array:
                return None
            remaining -= len(items)
            operands.append(items)
        elif kind == _COMMENT_GROUP:
            remaining += 1  # pypdf does not count comments
        elif kind == _END_GROUP:
            break
        else:  # anything else is pypdf's to read, from this byte on
            start = pos - 1  # the one byte the last alternative took
            if data[start : start + 1].isalpha() or data[start : start + 1] in (b"'", b'"'):
                return None  # an operator too long for the fast path
            if stream is None:
                stream = BytesIO(data)
            stream.seek(start)
            budget = StreamParsingBudget(remaining)
            operands.append(read_object(stream, None, "bytes", parsing_budget=budget))
            remaining = budget.remaining_budget
            pos = stream.tell()
        if remaining < 0:
            return None
    return operations


class FastContentStream(ContentStream):
    """A ContentStream whose operations come from :func:`parse_operations` (pypdf's parser when
    that declines). Its bytes are kept, so a layout-mode pass still sees the original stream."""

    @property
    def operations(self) -> list[tuple[Any, bytes]]:
        if not self._operations and self._data:
            parsed = parse_operations(self._data) if self.forced_encoding == "bytes" else None
            if parsed is None:
                super()._parse_content_stream(BytesIO(self._data))
            else:
                self._operations = parsed
        return self._operations

    @operations.setter
    def operations(self, operations: list[tuple[Any, bytes]]) -> None:
        self._operations = operations
        self._data = b""


class _LazyContents(PdfObject):
    """Stands in for a page's /Contents: resolved when pypdf's extractor asks for the content, at
    the very point it would resolve the original, so a damaged stream fails where and as it does
    under pypdf alone (pypdf remembers a failed read, so reading it twice would not fail alike)."""

    def __init__(self, original: Any, pdf: Any) -> None:
        self._original = original
        self._pdf = pdf
        self._fast: FastContentStream | None = None

    def get_object(self) -> FastContentStream:
        if self._fast is None:
            self._fast = FastContentStream(self._original, self._pdf, "bytes")
        return self._fast


@contextmanager
def fast_contents(page: Any) -> Iterator[None]:
    """Within the block, ``page.extract_text()`` (plain mode) reads the page's content through
    :class:`FastContentStream`; the page's own /Contents is put back afterwards."""
    original = dict.get(page, _CONTENTS)  # as stored: an indirect reference stays one
    if original is None:
        yield
        return
    page[_CONTENTS] = _LazyContents(original, page.pdf)
    try:
        yield
    finally:
        page[_CONTENTS] = original


def same_operations(a: Any, b: Any) -> bool:
    """Whether two parses are equal object for object: equal values of the same pypdf types all
    the way down (``1`` is not ``1.0``, ``b"a"`` is not ``"a"``), as the fast path promises."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same_operations(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_operations(a[k], b[k]) for k in a)
    return bool(a == b)
