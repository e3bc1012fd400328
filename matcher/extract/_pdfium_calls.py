"""pdfium's C functions as matcher's per-object and per-glyph loops call them.

pypdfium2's bindings check each argument against a pointer type and wrap each pointer returned in
a ctypes object: a microsecond or two a call, and a livecareer page holds 3,000 text objects (one
a glyph), each read three or four times. The same functions (the same addresses in the library
pypdfium2 loaded) are bound here again with plain ``void *`` arguments and results: a handle is a
Python int, an out-parameter is the address of a ctypes array read back in one slice. The
functions and what they return are pdfium's own, so the results are the same as through
pypdfium2's bindings.
"""

from __future__ import annotations

import ctypes
from functools import lru_cache
from typing import Any

__all__ = ["address", "fast_calls"]

_NAMES = (
    "FPDFPage_CountObjects",
    "FPDFPage_GetObject",
    "FPDFPageObj_GetType",
    "FPDFPageObj_GetBounds",
    "FPDFPageObj_GetFillColor",
    "FPDFPageObj_GetMatrix",
    "FPDFTextObj_GetTextRenderMode",
    "FPDFTextObj_GetFontSize",
    "FPDFTextObj_GetText",
    "FPDFPath_GetDrawMode",
    "FPDFText_GetLooseCharBox",
)


def _plain(kind: Any) -> Any:
    """A pointer type becomes ``void *``; anything else (int, float, ...) stays."""
    if kind is not None and issubclass(kind, ctypes._Pointer | ctypes.c_void_p):
        return ctypes.c_void_p
    return kind


@lru_cache(maxsize=1)
def fast_calls() -> dict[str, Any]:
    """pdfium's functions by name (see ``_NAMES``), taking and returning handles as ints.

    Examples
    --------
    >>> fast_calls()["FPDFPage_GetObject"].restype.__name__  # a handle comes back as an int
    'c_void_p'
    """
    import pypdfium2.raw as pdfium_c

    calls = {}
    for name in _NAMES:
        function = getattr(pdfium_c, name)
        # pypdfium2 loads pdfium with ctypes.CDLL: CFUNCTYPE (cdecl) is the convention it calls by
        prototype = ctypes.CFUNCTYPE(_plain(function.restype), *(_plain(a) for a in function.argtypes))
        calls[name] = prototype(address(function))
    return calls


def address(handle: Any) -> int:
    """The address a pypdfium2 handle (``page.raw``, ``textpage.raw``) points at, as an int.

    Examples
    --------
    >>> address(ctypes.pointer(ctypes.c_int(7))) > 0
    True
    """
    return int(ctypes.cast(handle, ctypes.c_void_p).value or 0)
