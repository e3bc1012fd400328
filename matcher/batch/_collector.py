"""No full runs of Python's cycle collector while a ranking runs.

A ranking keeps thousands of scored entries alive, and every full collection walks all of them
again: on 2,484 cached resumes that was a fifth of the run's CPU. Scoring makes no reference cycles
(reference counting frees what it makes), so full collections wait until the ranking is done; the
young generations are still collected as usual, so a cycle made meanwhile is freed as before.
A scoring worker turns the collector off altogether for each batch it scores (``no_collections``).
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collections_as_before", "full_collections", "no_collections", "young_collections_only"]

_NEVER = 2**31 - 1  # collections of the middle generation before a full one: never, in practice
_lock = threading.Lock()  # rankings may run in several threads at once (the web app)
_open = 0  # blocks open now, in every thread
_program: tuple[int, int, int] = gc.get_threshold()  # the thresholds the first open block found


@contextlib.contextmanager
def young_collections_only() -> Iterator[None]:
    """Inside the block the collector runs on its two young generations only; its thresholds are
    as they were after the last open block ends (whatever the program had set), in any thread.

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
    global _open, _program
    with _lock:
        if _open == 0:
            _program = gc.get_threshold()
            gc.set_threshold(_program[0], _program[1], _NEVER)
        _open += 1
    try:
        yield
    finally:
        with _lock:
            _open -= 1
            if _open == 0:
                gc.set_threshold(*_program)


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
    if _open:
        gc.set_threshold(*_program)


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
    if not _open:
        yield
        return
    gc.set_threshold(*_program)
    try:
        yield
    finally:
        with _lock:
            if _open:
                gc.set_threshold(_program[0], _program[1], _NEVER)


@contextlib.contextmanager
def no_collections() -> Iterator[None]:
    """No collection at all inside the block, and the collector as it was after it: for a scoring
    worker's batch, whose records each young collection would walk again (about 30 us a file).

    Examples
    --------
    >>> import gc
    >>> with no_collections():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
