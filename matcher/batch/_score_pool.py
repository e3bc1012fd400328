"""Cached resumes read and scored in worker processes, so a cached re-rank of a big folder uses
every core: reading a stored parse and scoring it is nearly all of such a run. The main process
finds which files are stored and hands out their keys; each worker reads its rows from the cache
(read-only), scores them and writes the finished entries, in the spill file's MessagePack, to a
spill file of its own (:meth:`Spill.writer`), sending back only where each is: neither the stored
text, the records nor the entries cross a pipe, and the main process writes none of them again.
Workers are forked (Linux), warm, ignore Ctrl-C and die with the main process; a worker that dies
has its batch scored in the main process, with the same result."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import sys
import warnings
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matcher.batch._collector import no_collections
from matcher.batch._scored import Scoring
from matcher.batch._spill import Spill
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
_IN_FLIGHT = 2  # batches handed to each worker at once (both fit in its pipe: no send waits)


@dataclass(frozen=True, slots=True)
class Stored:
    """A file whose parse the cache holds under ``key``, not read yet; ``twin`` is the failure it is
    listed with when an earlier file of the ranking has the same bytes (a duplicate)."""

    key: str
    twin: Failure | None = None


@dataclass(frozen=True, slots=True)
class Scored:
    """One file's outcome from the scoring workers: ``entry`` is the (resume, score) pair encoded as
    the spill file holds it, or ``where`` a scoring worker wrote it in the spill (a position
    :meth:`Spill.get` reads), with its sort key; or ``failure``; or none of them when the stored
    row could not be read (the file is parsed again)."""

    path: str
    knocked_out: bool = False
    total: float = 0.0
    entry: bytes | None = None
    failure: Failure | None = None
    where: tuple[int, int, int] | None = None


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
    """A pool of ``workers`` scoring workers over the cache at ``cache_path``, writing their entries
    to files of ``spill``: ``submit`` a batch of
    ``(path, Stored)`` and take the outcomes (:class:`Scored`) it yields as batches finish, then
    the rest from ``rest``; ``close`` stops the workers. Each worker has a pipe of its own, so one
    that dies (even halfway through sending) is seen at once, and its batches are scored here."""

    def __init__(self, scoring: Scoring, cache_path: Path, workers: int, spill: Spill) -> None:
        from multiprocessing import get_context

        self._scoring = scoring  # its posting vector is sent with each batch (made later)
        self._cache_path = cache_path
        self._warned = False  # that the cache could not be read (said once)
        # forked: the posting and the loaded models as they are, nothing pickled. Fork before the
        # cache is opened in this process: a worker opens its own connection, and SQLite's
        # bookkeeping of this process's locks must not come along (sqlite.org/howtocorrupt.html)
        context = get_context("fork")
        self._workers: list[_Worker] = []
        for _ in range(workers):
            self._workers.append(_Worker(context, scoring, cache_path, self._workers, spill.writer()))

    def submit(self, batch: list[tuple[str, Stored]], scoring: Scoring) -> Iterator[Scored]:
        """Hand ``batch`` to the least busy worker, to be scored by ``scoring`` (the pool's, with the
        posting's vector); yields the outcomes of the batches finished meanwhile, and waits for
        one when every worker has enough in hand."""
        self._scoring = scoring
        while self._workers and all(len(w.batches) >= _IN_FLIGHT for w in self._workers):
            yield from self._finished(timeout=None)
        if not self._workers:  # every worker died: scored here
            yield from self._here(batch)
            return
        worker = min(self._workers, key=lambda w: len(w.batches))
        try:  # plain tuples: pickling the records' own classes cost more than the keys
            worker.conn.send((scoring.posting_vector, [(path, st.key, st.twin) for path, st in batch]))
        except OSError:  # it died: its batches, and this one, are scored here
            yield from self._lost(worker)
            yield from self._here(batch)
            return
        worker.batches.append(batch)
        yield from self._finished(timeout=0)

    def rest(self) -> Iterator[Scored]:
        """The outcomes of every batch still out, waiting for them."""
        while any(w.batches for w in self._workers):
            yield from self._finished(timeout=None)

    def _finished(self, timeout: float | None) -> Iterator[Scored]:
        from multiprocessing.connection import wait

        busy = {w.conn: w for w in self._workers if w.batches}
        for conn in wait(list(busy), timeout):
            worker = busy[conn]
            try:
                outcomes = worker.conn.recv()
            except (EOFError, OSError):  # it died, perhaps halfway through a message
                yield from self._lost(worker)
                continue
            batch = worker.batches.popleft()
            # None: the worker could not read the cache (or met a bug of ours): scored here
            yield from self._here(batch) if outcomes is None else _unpacked(outcomes, worker.number)

    def _lost(self, worker: _Worker) -> Iterator[Scored]:
        self._workers.remove(worker)
        worker.stop()
        while worker.batches:
            yield from self._here(worker.batches.popleft())

    def _here(self, batch: list[tuple[str, Stored]]) -> list[Scored]:
        import sqlite3

        try:
            with contextlib.closing(connect_read_only(self._cache_path)) as db:
                return score_stored(self._scoring, db, batch)
        except sqlite3.Error as exc:  # the cache broke meanwhile: these files are parsed again
            if not self._warned:
                self._warned = True
                warnings.warn(
                    f"the resume cache cannot be read ({exc}): its files are parsed again", stacklevel=2
                )
            return [Scored(path, failure=stored.twin) for path, stored in batch]

    def close(self) -> None:
        """Stop the workers (batches they hold are dropped)."""
        for worker in self._workers:
            worker.stop()
        self._workers = []


class _Worker:
    """A forked scoring worker, its end of the pipe, and the batches handed to it, oldest first."""

    def __init__(
        self, context: Any, scoring: Scoring, cache_path: Path, others: list[_Worker], spill: tuple[int, int]
    ) -> None:
        self.conn, child = context.Pipe()
        self.number, fd = spill  # the spill file it writes its entries to
        # the worker closes the main process's end of its own pipe and of every other worker's,
        # so a pipe ends (and the worker with it) when the main process goes
        inherited = (self.conn.fileno(), *(w.conn.fileno() for w in others))
        self.process = context.Process(
            target=_serve, args=(child, scoring, cache_path, os.getpid(), inherited, fd), daemon=True
        )
        self.process.start()
        child.close()
        self.batches: deque[list[tuple[str, Stored]]] = deque()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)  # the worker ends after the batch it is on
        self.conn.close()  # one sending its outcomes meanwhile ends at once
        self.process.join(timeout=5.0)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


# -- in the workers ----------------------------------------------------------------------------


def _serve(
    conn: Any, scoring: Scoring, cache_path: Path, parent: int, inherited: tuple[int, ...], spill: int
) -> None:
    import sqlite3

    from matcher.batch._workers import _die_with

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process answers Ctrl-C
    _die_with(parent)
    for fd in inherited:
        with contextlib.suppress(OSError):
            os.close(fd)
    try:
        db = connect_read_only(cache_path)
    except sqlite3.Error:  # each batch is handed back (the main process says why, if it must)
        db = None
    end = 0  # of what this worker wrote to its spill file
    with contextlib.closing(db) if db is not None else contextlib.nullcontext():
        while True:
            try:
                message = conn.recv()
            except EOFError:
                return
            if message is None:
                return
            vector, keys = message
            if vector != scoring.posting_vector:
                scoring = dataclasses.replace(scoring, posting_vector=vector)
            try:
                batch = [(path, Stored(key, twin)) for path, key, twin in keys]
                with no_collections():  # scoring makes no reference cycles (_collector)
                    rows, data = _packed(score_stored(scoring, db, batch)) if db is not None else ([], b"")
                _write_at(spill, data, end)  # whole, before the main process is told where
                outcomes = (rows, end) if db is not None else None
                end += len(data)
            except Exception:  # the main process scores this batch, and reports any error (a full
                outcomes = None  # disk, a bug of ours)
            try:
                conn.send(outcomes)
            except OSError:  # the main process stopped taking them (stopped, or gone)
                return


_Rows = list[tuple[str, bool, float, int, Failure | None]]


def _packed(outcomes: list[Scored]) -> tuple[_Rows, bytes]:
    """Outcomes as plain tuples (what a worker sends), and every entry's bytes in one piece, in
    their order (what it writes to its spill file, in one call); a length of -1: no entry."""
    rows = [
        (o.path, o.knocked_out, o.total, -1 if o.entry is None else len(o.entry), o.failure) for o in outcomes
    ]
    return rows, b"".join(o.entry for o in outcomes if o.entry is not None)


def _write_at(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        view, offset = view[written:], offset + written


def _unpacked(packed: tuple[_Rows, int], number: int) -> Iterator[Scored]:
    """The outcomes a worker sent, its entries found in its spill file (``number``) from the
    offset it sent on, one after the other."""
    rows, at = packed
    for path, knocked_out, total, length, failure in rows:
        where = None if length < 0 else (number, at, length)
        at += max(length, 0)
        yield Scored(path, knocked_out, total, failure=failure, where=where)


def connect_read_only(cache_path: Path) -> Any:
    """The cache at ``cache_path`` opened for reading only (each scoring worker has its own)."""
    import sqlite3

    # as a file: URI, with "#", "?" and "%" in the path escaped (unescaped, "/a#b/c.sqlite" opened
    # and made "/a", read-write)
    uri = Path(cache_path).resolve().as_uri() + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None)
    db.execute("PRAGMA busy_timeout=30000")
    return db


def score_stored(scoring: Scoring, db: Any, items: list[tuple[str, Stored]]) -> list[Scored]:
    """Read each ``(path, Stored)`` from the cache ``db`` and score it: a failure the bytes always
    give is listed with it, a duplicate (``twin``) with its own failure, a row that cannot be read
    (changed or dropped meanwhile) comes back empty, to be parsed again (a duplicate listed as
    one)."""
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
        if outcome is None:  # parsed again; a duplicate is one still
            out.append(Scored(path, failure=stored.twin))
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
