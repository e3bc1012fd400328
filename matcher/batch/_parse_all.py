"""``parse_all``: every file of a ranking as a parsed resume with its TF-IDF vector, or as a listed
failure, through the cache, the local workers or a Dask cluster, one outcome per file as it comes."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matcher.batch._parsing import ParseResult
from matcher.batch._ranking import RankEntry
from matcher.batch._score_pool import Stored
from matcher.records import Failure, Resume
from matcher.scoring import pack_vectors

if TYPE_CHECKING:
    from matcher.extract import Limits

__all__ = ["parse_all"]


def parse_all(
    files: list[Path],
    engine: str,
    workers: int | None,
    cache_path: str | Path | None,
    limits: Limits,
    start_method: str | None,
    progress: Callable[[int, int, int], None] | None = None,
    scheduler: Any = None,
    cache_max_bytes: int | None = None,
    unread: bool = False,
) -> Generator[tuple[Path, Resume | Stored | None, bytes | None, RankEntry | None, str | None], None, None]:
    """Every file as a parsed Resume (from the cache, or parsed now) with its packed TF-IDF vector
    when there is a cache (None without one), or as a failure entry; last, the SHA-256 (hex) of
    the bytes read, when they were read whole (None otherwise). ``unread``: a file the cache holds
    comes as :class:`Stored` (its key), for scoring workers to read (``_score_pool``)."""

    import sqlite3
    import warnings

    from matcher.batch._cache import content_key, open_cache
    from matcher.batch._stored import intern_skills
    from matcher.batch._workers import parse_in_workers

    cache = open_cache(cache_path, max_bytes=cache_max_bytes) if cache_path else None

    def cache_failed(exc: Exception) -> None:  # the ranking is never lost to the cache
        nonlocal cache
        warnings.warn(f"the resume cache failed ({exc}): going on without it", stacklevel=4)
        with contextlib.suppress(sqlite3.Error):
            cache.close() if cache is not None else None
        cache = None

    done = failures = 0
    todo: list[Path] = []
    seen: dict[str, Path] = {}  # content digest -> the first file with it

    def duplicate(path: Path, digest: str | None) -> RankEntry | None:
        if digest is None:
            return None
        first = seen.setdefault(digest, path)
        if first == path:
            return None
        failure = Failure("duplicate", f"{path.name}: the same content as {first}")
        return RankEntry(str(path), None, None, None, failure)

    keys = _keys_ahead(files, engine, limits) if cache is not None else None
    try:
        for start in range(0, len(files), _LOOKUP):
            chunk = files[start : start + _LOOKUP]
            if cache is None or keys is None:
                todo.extend(chunk)
                continue
            keyed = [(path, next(keys)) for path in chunk]  # streamed, after a stat; hashed ahead
            try:
                wanted = [key for _, key in keyed if key is not None]
                rows: dict[str, Any] = dict.fromkeys(cache.stored(wanted)) if unread else cache.rows(wanted)
            except sqlite3.Error as exc:
                cache_failed(exc)
                rows = {}
            for path, key in keyed:
                if unread and key is not None and key in rows:  # read and scored by the workers
                    done += 1
                    digest = key.split(":", 1)[0]
                    twin = duplicate(path, digest)
                    yield path, Stored(key, twin.failure if twin else None), None, None, digest
                    if progress is not None:
                        progress(done, len(files), failures)
                    continue
                hit = _outcome(rows[key], path) if key in rows else None
                if hit is None or key is None:
                    todo.append(path)
                    continue
                done += 1
                digest = key.split(":", 1)[0]
                outcome, vector = hit
                if isinstance(outcome, Failure):  # a failure these bytes always give
                    failures += 1
                    yield path, None, None, RankEntry(str(path), None, None, None, outcome), digest
                elif (twin := duplicate(path, digest)) is not None:
                    failures += 1
                    yield path, None, None, twin, digest
                else:
                    yield path, outcome, vector, None, digest  # read with its source: see _outcome
                if progress is not None:
                    progress(done, len(files), failures)
        count = (os.cpu_count() or 1) if workers is None else workers

        def outcomes() -> Iterator[ParseResult]:
            if scheduler is not None:
                from matcher.batch._cluster import parse_on_cluster

                return parse_on_cluster(todo, scheduler, engine=engine, limits=limits)
            if count <= 0:  # parsed here: with the program's own collector (see _collector)
                return (_parsed_here(path, engine, limits) for path in todo)
            return parse_in_workers(
                todo, workers=count, engine=engine, limits=limits, start_method=start_method
            )

        # each parse is stored the moment it is done: an interrupted run keeps everything finished
        for result in outcomes():
            path, resume = result.path, result.resume
            done += 1
            twin = duplicate(path, result.digest) if resume is not None else None
            if twin is not None:
                failures += 1
                yield path, None, None, twin, result.digest
            elif resume is None:
                failures += 1
                if cache is not None and result.digest is not None and result.failure is not None:
                    try:  # when its bytes decide it, the failure is stored like a parse
                        key = content_key(result.digest, engine=engine, limits=limits)
                        cache.put_failure(key, result.failure, path.name)
                    except sqlite3.Error as exc:
                        cache_failed(exc)
                yield path, None, None, RankEntry(str(path), None, None, None, result.failure), result.digest
            else:
                vector = None
                if cache is not None and result.digest is not None:
                    # under the key of the bytes the parse read: a file changed since it was
                    # looked up can never store its new parse under its old content's key
                    (vector,) = pack_vectors([resume.visible_text])
                    try:
                        cache.put(content_key(result.digest, engine=engine, limits=limits), resume, vector)
                    except sqlite3.Error as exc:
                        cache_failed(exc)
                yield path, intern_skills(resume), vector, None, result.digest
            if progress is not None:
                progress(done, len(files), failures)
    finally:
        if keys is not None:
            keys.close()
        if cache is not None:
            try:
                cache.close()
            except sqlite3.Error as exc:  # what was stored stays; which entries were used may not
                warnings.warn(f"the resume cache failed as it was closed ({exc})", stacklevel=3)


def _parsed_here(path: Path, engine: str, limits: Limits) -> ParseResult:
    from matcher.batch._collector import full_collections
    from matcher.batch._parsing import parse_file

    with full_collections():
        return parse_file(path, engine=engine, limits=limits)


_AHEAD = 64  # files hashed in one task of the hashing thread, a task or two ahead
_LOOKUP = 64  # files looked up in the cache in one query


def _outcome(row: tuple[str, bytes | None], path: Path) -> tuple[Resume | Failure, bytes | None] | None:
    """A stored row read back for ``path`` (None for a row no writer of ours made: parsed again)."""
    from matcher.batch._stored import outcome_from_json

    try:
        return outcome_from_json(row[0], path.name, str(path)), row[1]
    except (ValueError, KeyError, TypeError):
        return None


def _keys_ahead(files: list[Path], engine: str, limits: Limits) -> Generator[str | None, None, None]:
    """Each file's :func:`path_key`, in order, hashed by a thread a chunk or two ahead: reading and
    hashing let go of the interpreter, so they run while this thread decodes and scores. One task
    per chunk of files, not per file: a task's own cost was a third of what hashing a file took."""
    import threading
    from collections import deque
    from concurrent.futures import Future, ThreadPoolExecutor

    from matcher.batch import _cache

    stopped = threading.Event()  # the lookup ended (done, an error, Ctrl-C): stop at the next file

    def keys_of(chunk: list[Path]) -> list[str | None]:
        keys = []
        for path in chunk:
            if stopped.is_set():
                break
            keys.append(_cache.path_key(path, engine=engine, limits=limits))
        return keys

    with ThreadPoolExecutor(1, thread_name_prefix="matcher-hash") as pool:
        waiting: deque[Future[list[str | None]]] = deque()
        try:
            for start in range(0, len(files), _AHEAD):
                waiting.append(pool.submit(keys_of, files[start : start + _AHEAD]))
                if len(waiting) > 1:
                    yield from waiting.popleft().result()
            while waiting:
                yield from waiting.popleft().result()
        finally:
            stopped.set()
            for future in waiting:
                future.cancel()
