"""One file's bytes parsed in a helper process under a ranking's time and memory caps, for callers
that may not start a multiprocessing child: a Dask worker is a daemonic process.

The helper is a ``subprocess`` (which a daemonic process may start) running this module: it loads
spaCy and the taxonomy once, caps its own address space with :func:`matcher._processes.cap_memory`
and parses the files it is sent, one at a time, warm. Past the time cap it is killed (the work
really stops) and the file is ``timeout``; a helper that dies on a file is ``too_much_memory``, or
``worker_died`` when killed from outside twice. Helpers end with the process that started them.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matcher.batch._parsing import ParseResult, parse_file
from matcher.records import Failure

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from matcher.extract import Limits

__all__ = ["parse_bytes_capped"]

_START_UP = 120.0  # seconds a helper may take to load spaCy, the taxonomy and the word lists
_READY = "ready"
_idle: dict[int, list[_Helper]] = {}  # by memory cap: helpers waiting for their next file
_lock = threading.Lock()


def _parse_named_bytes(name: str, data: bytes, engine: str, limits: Limits | None) -> ParseResult:
    """Parse one file's bytes, under its original name, right in this process (no caps of its
    own: the helper process has them)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="matcher-") as folder:
        path = Path(folder) / f"resume{Path(name).suffix}"
        path.write_bytes(data)
        result = parse_file(path, engine=engine, limits=limits, isolate=False)
    if result.resume is not None:  # the digest of the bytes sent: the caller stores under its key
        return ParseResult(Path(name), dataclasses.replace(result.resume, source=name), digest=result.digest)
    assert result.failure is not None
    message = result.failure.message.replace(path.name, Path(name).name)
    return ParseResult(
        Path(name), None, dataclasses.replace(result.failure, message=message), digest=result.digest
    )


class _Helper:
    """A helper process and the two pipe ends this process talks to it through."""

    def __init__(self, max_memory: int) -> None:
        from multiprocessing.connection import Connection

        to_child, from_parent = os.pipe()
        to_parent, from_child = os.pipe()
        command = [sys.executable, "-m", "matcher.batch._sandbox", str(to_child), str(from_child),
                   str(os.getpid()), str(max_memory)]  # fmt: skip
        self.process = subprocess.Popen(
            command, pass_fds=(to_child, from_child), stdin=subprocess.DEVNULL, start_new_session=False
        )
        os.close(to_child)
        os.close(from_child)
        self.send: Connection = Connection(from_parent, readable=False)
        self.receive: Connection = Connection(to_parent, writable=False)
        self.ready = False

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.send.close()
        self.receive.close()


def _take(max_memory: int) -> _Helper:
    with _lock:
        idle = _idle.setdefault(max_memory, [])
        if idle:
            return idle.pop()
    return _Helper(max_memory)


def _give_back(helper: _Helper, max_memory: int) -> None:
    with _lock:
        _idle.setdefault(max_memory, []).append(helper)


def parse_bytes_capped(name: str, data: bytes, engine: str, limits: Limits | None) -> ParseResult:
    """Parse one file's bytes in a helper process under ``limits.max_seconds`` and
    ``limits.max_memory``; never raises for anything the file does. A helper killed from outside
    has the file tried once more, then it is ``worker_died``.

    Examples
    --------
    >>> result = parse_bytes_capped("cv.txt", b"Ann Lee\\nann@x.org", "pypdf", None)
    >>> result.path.name, result.resume.email
    ('cv.txt', 'ann@x.org')
    """
    from matcher.extract import DEFAULT_LIMITS

    limits = limits or DEFAULT_LIMITS
    label = Path(name).name
    for attempt in (1, 2):
        helper = _take(limits.max_memory)
        try:
            if not helper.ready:
                allowed = max(_START_UP, limits.max_seconds)
                if not helper.receive.poll(allowed):
                    helper.kill()
                    failure = Failure("timeout", f"{label}: the reader did not start within {allowed:g} s")
                    return ParseResult(Path(name), None, failure)
                helper.receive.recv()  # ready
                helper.ready = True
            helper.send.send((name, data, engine, limits))
            if not helper.receive.poll(limits.max_seconds):
                helper.kill()  # the work stops here, not when it would have ended
                message = f"{label}: reading took longer than {limits.max_seconds:g} s"
                return ParseResult(Path(name), None, Failure("timeout", message))
            answer = helper.receive.recv()
        except (EOFError, OSError):  # the helper died: its memory cap outside Python, or a kill
            helper.kill()
            if helper.process.returncode in (-signal.SIGKILL, -signal.SIGTERM):
                if attempt == 1:
                    continue
                message = (
                    f"{label}: the process reading it was killed twice (from outside, or the "
                    "system short of memory)"
                )
                return ParseResult(Path(name), None, Failure("worker_died", message))
            if not helper.ready:  # before its first file: it could not start (an install problem?)
                failure = Failure("internal", f"{label}: the reader process stopped while starting")
                return ParseResult(Path(name), None, failure)
            failure = Failure("too_much_memory", f"{label}: the reader stopped (out of memory?)")
            return ParseResult(Path(name), None, failure)
        _give_back(helper, limits.max_memory)
        if answer == "memory":
            message = f"{label}: reading needed more than {limits.max_memory >> 20} MiB"
            return ParseResult(Path(name), None, Failure("too_much_memory", message))
        assert isinstance(answer, ParseResult)
        return answer
    raise AssertionError("unreachable")  # pragma: no cover


def _watch(parent: int) -> None:
    """End this helper when the process that started it is gone (even mid-file)."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(0)


def _serve(receive_fd: int, send_fd: int, parent: int, max_memory: int) -> None:
    import logging
    from multiprocessing.connection import Connection

    from matcher._processes import address_space, cap_memory
    from matcher.batch._parsing import warm_up

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the caller answers Ctrl-C
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    receive, send = Connection(receive_fd, writable=False), Connection(send_fd, readable=False)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    warm_up()  # the time cap is the file's, not the loading's
    if max_memory and address_space():  # Linux; elsewhere no memory cap
        cap_memory(max_memory)
    send.send(_READY)
    while True:
        try:
            task: Any = receive.recv()
        except (EOFError, OSError):
            os._exit(0)
        try:
            send.send(_parse_named_bytes(*task))
        except MemoryError:
            send.send("memory")


if __name__ == "__main__":
    _serve(*(int(arg) for arg in sys.argv[1:5]))
