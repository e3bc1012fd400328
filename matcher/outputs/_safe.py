"""Text from files and file names is data, never a command: what is printed to a terminal loses
its control characters, what is written keeps every byte of a file name in a form that cannot run.

A file name that is not UTF-8 reaches Python with its bytes as lone surrogates ("caf\\udce9.txt");
those cannot be encoded, so reports show them as ``\\xNN`` ("caf\\xe9.txt") and JSON as ``\\udcNN``
escapes, which give the original bytes back (``os.fsencode``).
"""

from __future__ import annotations

import re

__all__ = ["csv_cell", "json_safe", "printable", "terminal_text"]

# C0 controls but tab and newline, DEL, C1 controls (\x9b is a one-character CSI), and the
# bidirectional overrides that make a name read backwards on screen
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_CELL_BREAK = re.compile("[\x00-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def printable(text: str) -> str:
    """``text`` with a file name's undecodable bytes shown as ``\\xNN``: encodable in UTF-8.

    Examples
    --------
    >>> import os
    >>> printable(os.fsdecode(b"caf\\xe9.pdf"))
    'caf\\\\xe9.pdf'
    """
    if text.isascii():
        return text
    return _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)


def terminal_text(text: str) -> str:
    """``text`` fit for a terminal: no escape sequence, no control character but tab and newline,
    no bidirectional override, undecodable bytes as ``\\xNN``.

    Examples
    --------
    >>> terminal_text("Jane\\x1b]0;pwned\\x07 Doe\\x1b[2J")
    'Jane]0;pwned Doe[2J'
    """
    return _CONTROL.sub("", printable(text))


def json_safe(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the characters it leaves raw
    that a terminal runs (DEL, C1 controls, bidirectional overrides) or that UTF-8 cannot encode
    (a file name's lone surrogates) written as ``\\uXXXX`` escapes: the same JSON value.

    Examples
    --------
    >>> json_safe('"caf\\udce9\\x9b"')
    '"caf\\\\udce9\\\\u009b"'
    """
    if text.isascii() and "\x7f" not in text:
        return text
    return _JSON_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def csv_cell(value: object) -> object:
    """A CSV cell no spreadsheet splits or evaluates: line breaks, tabs and other control
    characters become spaces, a text that starts like a formula (after any spaces) gets a leading
    apostrophe, undecodable bytes are shown as ``\\xNN``. Numbers are left as they are.

    Examples
    --------
    >>> [csv_cell(v) for v in ["a\\r=2+5+cmd|x.txt", " =1+1", "-3", 2.5, None]]
    ['a =2+5+cmd|x.txt', "' =1+1", "'-3", 2.5, '']
    """
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    text = _CELL_BREAK.sub(" ", printable(str(value)))
    if text.lstrip().startswith(_FORMULA_START):
        return "'" + text
    return text
