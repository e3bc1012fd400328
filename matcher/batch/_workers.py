"""Parsing resumes in worker processes, each file under a hard time limit and a memory cap.

Workers are started once and kept alive across files. With the ``fork`` start method they are
forked after spaCy and the taxonomy are loaded, so they start warm; with ``spawn`` (the default
on macOS and Windows) each loads them itself before its first file. A file that runs past the
time limit gets its worker killed and replaced and becomes a ``timeout`` failure; one that needs
more memory than the cap becomes ``too_much_memory``; a worker killed from outside has its file
tried once more, then ``worker_died``. Nothing else is lost: the other files go on. Workers die
with the main process (parent-death signal on Linux; no worker holds another's pipe end), and
ignore Ctrl-C, which the main process answers.
Nothing of the calling program is changed: its garbage collector, logging and signal handlers are
as they were.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matcher._processes import cap_memory, start_context
from matcher.batch._feed import spread, timed_parse
from matcher.batch._parsing import ParseResult
from matcher.errors import failure_of
from matcher.records import Failure

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from matcher.extract import Limits

__all__ = ["parse_in_workers"]

_IN_FLIGHT = 2  # paths handed to a worker at once: it never waits for the caller between files
_START_UP = 120.0  # seconds a spawned worker may take to load spaCy and the taxonomy
_READY = "ready"


def _die_with(parent: int) -> None:
    """Make this process end when ``parent`` does: Linux's parent-death signal (the closed pipe
    ends the others' ``recv`` elsewhere), checked once against a parent that went first."""
    import signal
    import sys

    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(0)


_PR_SET_PDEATHSIG = 1


def _worker(
    conn: Connection, engine: str, limits: Limits, parent: int = 0, inherited: tuple[int, ...] = ()
) -> None:
    import logging
    import signal

    from matcher.batch._collector import collections_as_before
    from matcher.batch._parsing import warm_up

    # Ctrl-C reaches the whole process group: the main process answers it and stops this one, so
    # the worker prints nothing (issue 17: two worker tracebacks on Ctrl-C)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    collections_as_before()  # forked inside rank(): full collections again (parsing makes cycles)
    if parent:
        _die_with(parent)
    for fd in inherited:  # forked: the main process's ends of every pipe, ours and the others'
        with contextlib.suppress(OSError):
            os.close(fd)
    try:
        # this process is ours: pypdf's notes on recoverable oddities in resumes are not news
        logging.getLogger("pypdf").setLevel(logging.ERROR)
        warm_up()  # loaded already when forked; a spawned worker loads all before its first file
        if limits.max_memory:
            # the cap is on top of what the warm worker holds, and never above the hard limit
            cap_memory(limits.max_memory)
    except Exception as exc:  # a worker that cannot start says why, instead of dying silently
        conn.send(failure_of(exc, "worker start-up"))
        return
    conn.send(_READY)
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        # this process has the caps: pdfium needs no process of its own (isolate=False)
        conn.send(timed_parse(Path(path), engine=engine, limits=limits))


class _Worker:
    """A worker process with up to ``_IN_FLIGHT`` paths handed to it; the first is being parsed."""

    def __init__(self, context: Any, engine: str, limits: Limits, others: list[_Worker] = []) -> None:  # noqa: B006
        self.conn, child = context.Pipe()
        # a forked worker inherits the main process's end of its own pipe and of every other
        # worker's: closed in the worker, so each pipe ends (and each worker with it) when the
        # main process goes; a spawned worker inherits none
        inherited = (
            (self.conn.fileno(), *(w.conn.fileno() for w in others if not w.conn.closed))
            if context.get_start_method() == "fork"
            else ()
        )
        self.process = context.Process(
            target=_worker, args=(child, engine, limits, os.getpid(), inherited), daemon=True
        )
        self.process.start()
        child.close()
        self.paths: deque[Path] = deque()
        self.ready = False
        self.started = time.monotonic()  # when the first path began (or the worker, until ready)

    def give(self, path: Path) -> None:
        if not self.paths and self.ready:
            self.started = time.monotonic()
        self.paths.append(path)
        self.conn.send(str(path))

    def deadline(self, max_seconds: float) -> float:
        return self.started + (max_seconds if self.ready else max(max_seconds, _START_UP))

    def done(self) -> Path:
        """The first path is finished; the next one (already sent) starts now."""
        self.started = time.monotonic()
        return self.paths.popleft()

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(BrokenPipeError, OSError):
                self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def parse_in_workers(
    paths: Iterable[Path],
    *,
    workers: int,
    engine: str = "pypdf",
    limits: Limits | None = None,
    start_method: str | None = None,
) -> Iterator[ParseResult]:
    """Parse ``paths`` in ``workers`` processes; yield every file's outcome as it finishes.

    Each file runs under ``limits.max_seconds`` and ``limits.max_memory``. ``start_method`` is
    ``fork``, ``spawn`` or ``forkserver`` (None: the platform's default).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Ann Lee\\nann@x.org")
    >>> (folder / "b.pdf").write_bytes(b"junk") > 0
    True
    >>> results = sorted(parse_in_workers(sorted(folder.iterdir()), workers=2), key=lambda r: r.path)
    >>> [(r.path.name, r.resume.email if r.resume else r.failure.kind) for r in results]
    [('a.txt', 'ann@x.org'), ('b.pdf', 'unsupported')]
    """
    from multiprocessing.connection import wait

    from matcher.extract import DEFAULT_LIMITS

    limits = limits or DEFAULT_LIMITS
    context = start_context(start_method)
    queue = list(paths)
    if not queue:
        return
    forking = context.get_start_method() == "fork"
    if forking:
        from matcher.batch._parsing import warm_up

        warm_up()  # load spaCy, the taxonomy and the word lists once, before forking: workers start warm
    # what is loaded so far is moved out of the garbage collector's sight while a worker is forked:
    # the worker then neither scans it on every collection nor copies its pages (measured: 8.5 ->
    # 10.6 docs/s on 2 cores). This process gets it back at once; a caller that froze objects
    # itself is left alone.
    freeze = forking and gc.get_freeze_count() == 0
    max_seconds = limits.max_seconds

    def start() -> _Worker:
        if freeze:
            gc.freeze()
        try:
            return _Worker(context, engine, limits, pool)
        finally:
            if freeze:
                gc.unfreeze()

    queue.reverse()
    pool: list[_Worker] = []
    for _ in range(max(1, min(workers, len(queue)))):
        pool.append(start())
    retried: set[Path] = set()

    def feed(worker: _Worker) -> None:
        while queue and len(worker.paths) < _IN_FLIGHT:
            worker.give(queue.pop())

    def feed_one(worker: Any) -> bool:
        if not queue:
            return False
        worker.give(queue.pop())
        return True

    def replace(worker: _Worker) -> None:
        """Kill ``worker``; its waiting paths go back to the queue; a fresh worker takes its place."""
        worker.stop(kill=True)
        pool.remove(worker)
        queue.extend(reversed(list(worker.paths)[1:]))
        fresh = start()
        pool.append(fresh)
        feed(fresh)

    try:
        spread(pool, feed_one, _IN_FLIGHT)  # one path to each worker before a second to any
        while any(worker.paths for worker in pool):
            busy = {worker.conn: worker for worker in pool if worker.paths}
            deadline = min(w.deadline(max_seconds) for w in busy.values())
            ready = wait(list(busy), timeout=max(0.0, deadline - time.monotonic()))
            for conn in ready:
                worker = busy[conn]
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):  # the worker died: killed, its memory cap or a crash
                    path = worker.paths[0]
                    worker.process.join(timeout=5)
                    signalled = worker.process.exitcode in (-signal.SIGKILL, -signal.SIGTERM)
                    replace(worker)
                    if signalled and worker.ready and path not in retried:
                        retried.add(path)  # killed from outside (or by the kernel): once more
                        queue.append(path)
                        feed(pool[-1])
                        continue
                    if signalled and worker.ready:
                        failure = Failure(
                            "worker_died",
                            f"{path.name}: the worker reading it was killed twice (signal "
                            f"{-(worker.process.exitcode or 0)}: from outside, or the system short "
                            "of memory)",
                        )
                    elif worker.ready:
                        failure = Failure(
                            "too_much_memory", f"{path.name}: the reader stopped (out of memory?)"
                        )
                    else:
                        failure = Failure(
                            "internal", f"{path.name}: the worker process stopped while starting"
                        )
                    yield ParseResult(path, None, failure)
                    continue
                if message == _READY:
                    worker.ready, worker.started = True, time.monotonic()
                    continue
                if isinstance(message, Failure):  # the worker could not start: this file is listed
                    path = worker.paths[0]
                    replace(worker)
                    yield ParseResult(path, None, Failure(message.kind, f"{path.name}: {message.message}"))
                    continue
                worker.done()
                feed(worker)  # hand over the next path before the caller handles this one
                yield message
            now = time.monotonic()
            for worker in list(pool):
                if worker.paths and now > worker.deadline(max_seconds):
                    path = worker.paths[0]
                    replace(worker)
                    if not worker.ready:
                        allowed = max(max_seconds, _START_UP)
                        message = f"{path.name}: the worker did not start within {allowed:g} s"
                    else:
                        message = f"{path.name}: reading took longer than {max_seconds:g} s"
                    yield ParseResult(path, None, Failure("timeout", message))
    finally:
        for worker in pool:
            worker.stop(kill=not worker.process.is_alive())
