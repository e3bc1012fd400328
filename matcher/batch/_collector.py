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

__all__ = ["young_collections_only"]

_NEVER = 2**31 - 1  # collections of the middle generation before a full one: never, in practice


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
    gc.set_threshold(thresholds[0], thresholds[1], _NEVER)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
