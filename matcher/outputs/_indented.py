"""JSON indented by two spaces, as ``json.dumps(value, ensure_ascii=False, indent=2)`` lays it out,
written by msgspec in C: the standard library falls back to its pure-Python encoder when asked
to indent, and that was a sixth of a cached re-rank's time. Strict JSON: a float below 1e-4 or
from 1e16 up is written as msgspec writes it (``1e-7``, ``0.00001``, ``1e16``: the same numbers as
``json``'s ``1e-07``, ``1e-05``, ``1e+16``; the records round every number to 2 or 3 places, so
none reaches there), and a float that is not finite as ``null``, as JavaScript's
``JSON.stringify`` does (``json`` would write ``NaN``, which JSON parsers reject). msgspec also
writes types ``json`` refuses (bytes as base64, dates, sets); the records hold none."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import Any

__all__ = ["dumps_indented"]


@lru_cache(maxsize=1)
def _encoder() -> Any:
    import msgspec

    return msgspec.json.Encoder()


def dumps_indented(value: Any) -> str:
    """``value`` as JSON indented by two spaces, non-ASCII characters as they are.

    Examples
    --------
    >>> value = {"rank": 1, "score": 0.5, "tags": ["Python", "C++"], "error": None, "e": {}, "ok": True}
    >>> dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
    True
    >>> dumps_indented({"n": [1.5e-7, float("nan")]}).split()
    ['{', '"n":', '[', '1.5e-7,', 'null', ']', '}']
    """
    import msgspec

    try:
        data = _encoder().encode(value)
    except UnicodeEncodeError:  # a file name's undecodable bytes (lone surrogates): json writes them
        return json.dumps(_finite(value), ensure_ascii=False, indent=2, allow_nan=False)
    text: str = msgspec.json.format(data, indent=2).decode()
    return text


def _finite(value: Any) -> Any:
    """``value`` with every float that is not finite as None, as msgspec writes it."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value
