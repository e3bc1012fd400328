"""Cached resumes read and scored in worker processes, so a cached re-rank of a big folder uses
every core: reading a stored parse and scoring it is nearly all of such a run. The main process
finds which files are stored and hands out their keys; each worker reads its rows from the cache
(read-only), scores them and sends back finished entries in the spill file's MessagePack, so
neither the stored text nor the records cross a pipe as objects. Workers are forked (Linux), warm,
ignore Ctrl-C and die with the main process; a worker that dies has its batch scored in the main
process, with the same result."""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matcher.batch._scored import Scoring
from matcher.records import Failure

__all__ = [
    "POOL_FROM",
    "Scored",
    "Stored",
    "StoredScoring",
    "connect_read_only",
    "pool_possible",
    "score_stored",
]

#: files in a ranking from which its cached resumes are scored in worker processes (fewer: in the
#: main process, where starting workers would cost more than it saves)
POOL_FROM = 2_000
_IN_FLIGHT = 3  # batches handed to each worker at once


@dataclass(frozen=True, slots=True)
class Stored:
    """A file whose parse the cache holds under ``key``, not read yet; ``twin`` is the failure it is
    listed with when an earlier file of the ranking has the same bytes (a duplicate)."""

    key: str
    twin: Failure | None = None


@dataclass(frozen=True, slots=True)
class Scored:
    """One file's outcome from the scoring workers: ``entry`` is the (resume, score) pair encoded as
    the spill file holds it, with its sort key; or ``failure``; or neither when the stored row
    could not be read (the file is parsed again)."""

    path: str
    knocked_out: bool = False
    total: float = 0.0
    entry: bytes | None = None
    failure: Failure | None = None


def pool_possible(workers: int, start_method: str | None) -> bool:
    """Whether scoring workers can run: two or more workers, and forked processes (Linux; elsewhere
    ``fork`` is unsafe or absent and the main process scores)."""
    import multiprocessing

    return (
        workers >= 2
        and sys.platform.startswith("linux")
        and start_method in (None, "fork")
        and "fork" in multiprocessing.get_all_start_methods()
    )


class StoredScoring:
    """A pool of ``workers`` scoring workers over the cache at ``cache_path``; ``submit`` a batch of
    ``(path, Stored)``, then take the outcomes (:class:`Scored`, in the order submitted) from
    ``finished`` as they are ready and from ``rest`` at the end. ``close`` stops the workers."""

    def __init__(self, scoring: Scoring, cache_path: Path, workers: int) -> None:
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        self._scoring = scoring
        self._cache_path = cache_path
        self._workers = workers
        # forked: the workers get the posting and the loaded models as they are (nothing pickled)
        self._pool = ProcessPoolExecutor(
            workers, mp_context=get_context("fork"), initializer=_start,
            initargs=(scoring, cache_path, os.getpid()),
        )  # fmt: skip
        self._waiting: deque[tuple[list[tuple[str, Stored]], Future[list[Scored]]]] = deque()

    def submit(self, batch: list[tuple[str, Stored]]) -> Iterator[Scored]:
        """Hand ``batch`` to the workers; yields the outcomes of the batches finished meanwhile,
        and waits for the oldest when the workers have enough in hand."""
        self._waiting.append((batch, self._pool.submit(_score_stored, batch)))
        while self._waiting and (
            self._waiting[0][1].done() or len(self._waiting) > self._workers * _IN_FLIGHT
        ):
            yield from self._take()

    def rest(self) -> Iterator[Scored]:
        """The outcomes of every batch still out, waiting for them."""
        while self._waiting:
            yield from self._take()

    def _take(self) -> Iterator[Scored]:
        from concurrent.futures.process import BrokenProcessPool

        batch, future = self._waiting.popleft()
        try:
            outcomes = future.result()
        except BrokenProcessPool:  # a worker died (killed from outside): scored here instead
            outcomes = score_stored(self._scoring, connect_read_only(self._cache_path), batch)
        yield from outcomes

    def close(self) -> None:
        """Stop the workers: batches not started are dropped, and the workers end."""
        self._pool.shutdown(wait=False, cancel_futures=True)


# -- in the workers ----------------------------------------------------------------------------

_worker: dict[str, Any] = {}


def _start(scoring: Scoring, cache_path: Path, parent: int) -> None:
    from matcher.batch._workers import _die_with

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process answers Ctrl-C
    _die_with(parent)
    _worker["scoring"] = scoring
    _worker["db"] = connect_read_only(cache_path)


def _score_stored(items: list[tuple[str, Stored]]) -> list[Scored]:
    return score_stored(_worker["scoring"], _worker["db"], items)


def connect_read_only(cache_path: Path) -> Any:
    """The cache at ``cache_path`` opened for reading only (each scoring worker has its own)."""
    import sqlite3

    db = sqlite3.connect(f"file:{cache_path}?mode=ro", uri=True, timeout=30, isolation_level=None)
    db.execute("PRAGMA busy_timeout=30000")
    return db


def score_stored(scoring: Scoring, db: Any, items: list[tuple[str, Stored]]) -> list[Scored]:
    """Read each ``(path, Stored)`` from the cache ``db`` and score it: a failure the bytes always
    give is listed with it, a duplicate (``twin``) with its own failure, a row that cannot be read
    (changed or dropped meanwhile) comes back empty, to be parsed again."""
    from matcher.batch._compact import Shared
    from matcher.batch._spill import encode_entry
    from matcher.batch._stored import outcome_from_json

    marks = ",".join("?" * len(items))
    keys = tuple(stored.key for _, stored in items)
    query = f"SELECT key, resume, vector FROM parses WHERE key IN ({marks})"
    rows = {key: (text, vector) for key, text, vector in db.execute(query, keys)}
    out: list[Scored] = []
    batch = []
    for path, stored in items:
        row = rows.get(stored.key)
        try:
            # not shared: the record is encoded and let go at once
            outcome = outcome_from_json(row[0], Path(path).name, path, shared=False) if row else None
        except (ValueError, KeyError, TypeError):  # a row no writer of ours made
            outcome = None
        if outcome is None:
            out.append(Scored(path))
        elif isinstance(outcome, Failure):
            out.append(Scored(path, failure=outcome))
        elif stored.twin is not None:
            out.append(Scored(path, failure=stored.twin))
        else:
            batch.append((path, outcome, row[1] if row is not None else None))
    compact = Shared()
    for path, resume, score, failure in scoring.score_batch(batch):
        if score is None:
            out.append(Scored(path, failure=failure))
        else:  # the text dropped, as the main process keeps a ranked entry
            entry = encode_entry(compact.resume(resume), score)
            out.append(Scored(path, score.knocked_out, score.total, entry))
    return out
