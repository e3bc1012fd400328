"""Parsing on a Dask cluster (extra ``dask``): for folders too big for one machine.

The caller reads each file and sends its bytes, so cluster workers need no shared disk; parsed
resumes come back to the caller, which keeps the cache and does the scoring. The ranking is the
same as a local run's.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from matcher.batch._workers import ParseResult

__all__ = ["parse_on_cluster"]

_IN_FLIGHT = 256  # files sent to the cluster and not yet back


def _parse_bytes(name: str, data: bytes, as_of: date | None, engine: str) -> tuple[str, Any]:
    """Runs on a cluster worker: parse one file's bytes; return ("ok", Resume) or (kind, message)."""
    from matcher.errors import MatcherError
    from matcher.resume import parse_resume

    suffix = Path(name).suffix
    with tempfile.TemporaryDirectory(prefix="matcher-") as folder:
        path = Path(folder) / f"resume{suffix}"
        path.write_bytes(data)
        try:
            resume = parse_resume(path, as_of=as_of, engine=engine)
        except MatcherError as exc:
            return exc.kind, str(exc).replace(path.name, Path(name).name)
        except MemoryError:
            return "too_much_memory", f"{Path(name).name}: reading needed too much memory"
        except Exception as exc:  # a parser bug must not stop the batch
            return "damaged", f"{Path(name).name}: could not be read ({type(exc).__name__})"
    return "ok", resume


def parse_on_cluster(
    paths: Iterable[Path], scheduler: Any, *, as_of: date | None = None, engine: str = "pypdf"
) -> Iterator[ParseResult]:
    """Parse ``paths`` on a Dask cluster; ``scheduler`` is an address ("tcp://host:8786") or a
    ``distributed.Client``. Yields every file's outcome as it finishes."""
    import dataclasses

    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        from matcher.errors import InputError

        raise InputError(
            "a Dask scheduler needs the 'dask' extra: pip install 'skills-matcher[dask]'"
        ) from exc
    own = not isinstance(scheduler, Client)
    client = Client(scheduler) if own else scheduler
    pending = iter(paths)
    futures: dict[Any, Path] = {}

    def submit_next() -> Any:
        path = next(pending, None)
        if path is None:
            return None
        future = client.submit(_parse_bytes, str(path), path.read_bytes(), as_of, engine, pure=False)
        futures[future] = path
        return future

    try:
        # a bounded number of files in flight: the caller never holds every file's bytes at once
        done = as_completed([f for f in (submit_next() for _ in range(_IN_FLIGHT)) if f is not None])
        for future in done:
            path = futures.pop(future)
            following = submit_next()
            if following is not None:
                done.add(following)
            kind, payload = future.result()
            if kind == "ok":
                yield ParseResult(path, dataclasses.replace(payload, source=str(path)))
            else:
                yield ParseResult(path, None, kind, payload)
    finally:
        if own:
            client.close()
