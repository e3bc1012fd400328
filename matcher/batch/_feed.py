"""How the worker processes get their files: spread over every worker from the first file, and
each parse recorded with the worker that did it and when."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from matcher.batch._parsing import ParseResult, parse_file

if TYPE_CHECKING:
    from matcher.extract import Limits

__all__ = ["spread", "timed_parse"]


class _Fed(Protocol):
    @property
    def paths(self) -> Sequence[Path]: ...


def timed_parse(path: Path, *, engine: str, limits: Limits) -> ParseResult:
    """:func:`parse_file` in a worker process (which has the caps already: pdfium runs right here),
    with this process's id and the wall-clock times the parse began and ended."""
    began = time.time()
    result = parse_file(path, engine=engine, limits=limits, isolate=False)
    return dataclasses.replace(result, worker=os.getpid(), began=began, ended=time.time())


def spread(workers: Sequence[_Fed], feed_one: Callable[[_Fed], bool], in_flight: int) -> None:
    """Hand out waiting paths in rounds: every worker gets one before any gets a second, so N files
    on N workers run side by side. ``feed_one(worker)`` hands ``worker`` the next path and says
    whether there was one."""
    for depth in range(1, in_flight + 1):
        for worker in workers:
            if len(worker.paths) < depth and not feed_one(worker):
                return
