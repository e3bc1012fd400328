"""How matcher starts processes of its own (workers, the pdfium child) without touching the host's
multiprocessing settings."""

from __future__ import annotations

from typing import Any

from matcher.errors import InputError

__all__ = ["start_context"]


def start_context(start_method: str | None = None) -> Any:
    """The multiprocessing context for ``start_method``; None means the one the host program set
    with ``multiprocessing.set_start_method``, else the platform's default (``fork`` on Linux up to
    Python 3.13, ``forkserver`` from 3.14, ``spawn`` on macOS and Windows). The host's default
    context is never set or changed.

    Examples
    --------
    >>> start_context("spawn").get_start_method()
    'spawn'
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if start_method is not None and start_method not in methods:
        raise InputError(f"unknown start method {start_method!r}; use one of {', '.join(methods)}")
    # get_context(None) would fix the host's default for good; a named context leaves it unset
    chosen = start_method or multiprocessing.get_start_method(allow_none=True) or methods[0]
    return multiprocessing.get_context(chosen)
