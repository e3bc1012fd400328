"""JSON indented by two spaces, as ``json.dumps(value, ensure_ascii=False, indent=2)`` lays it out,
written by msgspec in C: the standard library falls back to its pure-Python encoder when asked
to indent, and that was a sixth of a cached re-rank's time. Strict JSON: a float in exponent form
is written the shortest way (``1e-7``, the same number as ``1e-07``) and a float that is not
finite as ``null``, as JavaScript's ``JSON.stringify`` does (``json`` would write ``NaN``, which
JSON parsers reject)."""

from __future__ import annotations

import json
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
    except (TypeError, UnicodeEncodeError):  # a file name's undecodable bytes (lone surrogates)
        return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=True)
    text: str = msgspec.json.format(data, indent=2).decode()
    return text
