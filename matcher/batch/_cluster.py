"""Parsing on a Dask cluster (extra ``dask``): for folders too big for one machine.

The caller reads each file and sends its bytes, so cluster workers need no shared disk; parsed
resumes come back to the caller, which keeps the cache and does the scoring. The ranking is the
same as a local run's. On the workers each file is parsed in a helper process under the run's time
and memory caps (matcher.batch._sandbox): past ``--timeout`` it is killed and the file is
``timeout``; a Dask worker killed mid-file gives that file ``worker_died``.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matcher.batch._parsing import ParseResult
from matcher.batch._sandbox import parse_bytes_capped
from matcher.errors import InputError, failure_of
from matcher.records import Failure

if TYPE_CHECKING:
    from matcher.extract import Limits

__all__ = ["parse_on_cluster"]

_IN_FLIGHT = 256  # files sent to the cluster and not yet back
_SAFE = re.compile(r"[^A-Za-z0-9._-]")


def parse_on_cluster(
    paths: Iterable[Path], scheduler: Any, *, engine: str = "pypdf", limits: Limits | None = None
) -> Iterator[ParseResult]:
    """Parse ``paths`` on a Dask cluster; ``scheduler`` is an address ("tcp://host:8786") or a
    ``distributed.Client``. Yields every file's outcome as it finishes."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise InputError(
            "a Dask scheduler needs the 'dask' extra: pip install 'skills-matcher[dask]'"
        ) from exc
    from matcher.extract import DEFAULT_LIMITS, read_file

    limits = limits or DEFAULT_LIMITS
    own = not isinstance(scheduler, Client)
    client = Client(scheduler) if own else scheduler
    pending = iter(paths)
    futures: dict[Any, Path] = {}
    unread: list[ParseResult] = []  # files this caller could not read, listed as they come

    def submit_next() -> Any:
        for path in pending:
            try:  # stat first, never more than the cap read: a huge file is never held to send it
                data = read_file(path, limits=limits)
            except Exception as exc:  # unreadable, too large, not a file: that file's failure
                unread.append(ParseResult(path, None, failure_of(exc, path)))
                continue
            # the task names its file (safe characters only) for the dashboard, in one task group
            key = ("matcher-parse", _SAFE.sub("_", path.name)[:80], uuid.uuid4().hex)
            # on the worker, in a helper process under the run's caps (a Dask worker is daemonic
            # and may start no multiprocessing child; past the time cap the helper is killed)
            future = client.submit(parse_bytes_capped, str(path), data, engine, limits, key=key)
            futures[future] = path
            return future
        return None

    try:
        # a bounded number of files in flight: the caller never holds every file's bytes at once
        done = as_completed([f for f in (submit_next() for _ in range(_IN_FLIGHT)) if f is not None])
        while unread:
            yield unread.pop(0)
        for future in done:
            path = futures.pop(future)
            following = submit_next()
            if following is not None:
                done.add(following)
            while unread:
                yield unread.pop(0)
            try:
                result = future.result()
            except Exception as exc:  # the cluster lost the task (a worker died on this file...)
                if type(exc).__name__ == "KilledWorker":  # Dask retried it on other workers first
                    message = f"{path.name}: the Dask workers reading it died ({exc})"
                    yield ParseResult(path, None, Failure("worker_died", message))
                else:
                    yield ParseResult(path, None, failure_of(exc, path))
                continue
            yield dataclasses.replace(result, path=path)
    finally:
        if own:
            client.close()
