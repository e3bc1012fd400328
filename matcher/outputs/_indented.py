"""``json.dumps(value, ensure_ascii=False, indent=2)``, the same characters, written without the
standard library's pure-Python encoder (which ``indent`` falls back to, and which was a quarter of
a cached re-rank's time): strings still go through its C ``encode_basestring``."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

__all__ = ["dumps_indented"]

_FLOATS = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    return _FLOATS.get(value) or float.__repr__(value)


def _write(value: Any, indent: str, out: list[str]) -> bool:
    """Append ``value``'s JSON to ``out``; False when it holds something only ``json`` handles."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif type(value) is int:
        out.append(int.__repr__(value))
    elif type(value) is float:
        out.append(_float(value))
    elif type(value) is dict:
        if not value:
            out.append("{}")
            return True
        inner = indent + "  "
        first = True
        for key, item in value.items():
            if type(key) is not str:
                return False
            out.append(("{\n" if first else ",\n") + inner + encode_basestring(key) + ": ")
            first = False
            if not _write(item, inner, out):
                return False
        out.append("\n" + indent + "}")
    elif type(value) in (list, tuple):
        if not value:
            out.append("[]")
            return True
        inner = indent + "  "
        for index, item in enumerate(value):
            out.append(("[\n" if index == 0 else ",\n") + inner)
            if not _write(item, inner, out):
                return False
        out.append("\n" + indent + "]")
    else:
        return False
    return True


def dumps_indented(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``.

    Examples
    --------
    >>> value = {"rank": 1, "score": 0.5, "tags": ["Python", "C++"], "error": None, "e": {}, "ok": True}
    >>> dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
    True
    """
    out: list[str] = []
    if _write(value, "", out):
        return "".join(out)
    return json.dumps(value, ensure_ascii=False, indent=2)  # keys or values of other types
