"""No full runs of Python's cycle collector while a ranking runs.

A ranking keeps thousands of scored entries alive, and every full collection walks all of them
again: on 2,484 cached resumes that was a fifth of the run's CPU. Scoring makes no reference cycles
(reference counting frees what it makes), so full collections wait until the ranking is done; the
young generations are still collected as usual, so a cycle made meanwhile is freed as before.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collections_as_before", "full_collections", "young_collections_only"]

_NEVER = 2**31 - 1  # collections of the middle generation before a full one: never, in practice
_before: list[tuple[int, int, int]] = []  # the thresholds each open block found, outermost first


@contextlib.contextmanager
def young_collections_only() -> Iterator[None]:
    """Inside the block the collector runs on its two young generations only; its thresholds are
    as they were after it (whatever the program had set).

    Examples
    --------
    >>> import gc
    >>> before = gc.get_threshold()
    >>> with young_collections_only():
    ...     gc.get_threshold()[2] > 1_000_000
    True
    >>> gc.get_threshold() == before
    True
    """
    thresholds = gc.get_threshold()
    _before.append(thresholds)
    gc.set_threshold(thresholds[0], thresholds[1], _NEVER)
    try:
        yield
    finally:
        _before.pop()
        gc.set_threshold(*thresholds)


def collections_as_before() -> None:
    """In a process forked inside the block (a parse worker): the collector as the program had it.
    Parsing does make reference cycles (spaCy's objects), and a worker lives for many files.

    Examples
    --------
    >>> import gc
    >>> before = gc.get_threshold()
    >>> with young_collections_only():
    ...     collections_as_before()  # as a forked worker does first
    ...     gc.get_threshold() == before
    True
    """
    if _before:
        gc.set_threshold(*_before[0])


@contextlib.contextmanager
def full_collections() -> Iterator[None]:
    """Inside a :func:`young_collections_only` block, the program's own collector for a while: a
    file parsed in this process (``workers=0``) makes cycles that may live past the young
    generations.

    Examples
    --------
    >>> import gc
    >>> before = gc.get_threshold()
    >>> with young_collections_only(), full_collections():
    ...     gc.get_threshold() == before
    True
    """
    if not _before:
        yield
        return
    now = gc.get_threshold()
    gc.set_threshold(*_before[0])
    try:
        yield
    finally:
        gc.set_threshold(*now)
