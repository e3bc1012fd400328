"""Keeping the resume cache to its size: every entry knows its size and when it was last used, and
the least recently used go first when the cache grows past its cap."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3
    from concurrent.futures import Future

__all__ = ["DEFAULT_CACHE_MAX_MB", "Usage", "entry_size", "prepare_usage"]

#: The cache's default cap in MB (``--cache-max-mb``): about 100,000 parsed resumes.
DEFAULT_CACHE_MAX_MB = 2048

_TOUCH_BATCH = 4096  # entries whose "last used" time is written together, in one transaction
_TRIM_TO = 0.9  # an overfull cache is trimmed to this share of its cap, so it is not trimmed per put


def prepare_usage(db: sqlite3.Connection) -> None:
    """Give the parses table its ``used`` and ``size`` columns (a cache from before they existed
    gets them, its entries counted as used when they were stored) and an index on both."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(parses)")}
    if "used" not in columns:
        db.execute("ALTER TABLE parses ADD COLUMN used REAL")
    if "size" not in columns:
        db.execute("ALTER TABLE parses ADD COLUMN size INTEGER")
    if db.execute("SELECT 1 FROM parses WHERE used IS NULL OR size IS NULL LIMIT 1").fetchone():
        db.execute(
            "UPDATE parses SET used = coalesce(used, stored), "
            "size = coalesce(size, length(key) + length(resume) + coalesce(length(vector), 0)) "
            "WHERE used IS NULL OR size IS NULL"
        )
    # used and size together: the size total and the check above read this index, not every
    # entry (a cache of 100,000 resumes is about 2 GB); the least recently used come first in it
    db.execute("CREATE INDEX IF NOT EXISTS parses_usage ON parses (used, size)")
    db.execute("DROP INDEX IF EXISTS parses_used")  # the one index older caches had: half of this one


def entry_size(key: str, resume_json: str, vector: bytes | None) -> int:
    """The bytes one entry holds, as SQLite's ``length`` counts them."""
    return len(key) + len(resume_json.encode("utf-8")) + (len(vector) if vector else 0)


class Usage:
    """Which entries a run used (written in batches, not one write per read) and how big the cache
    is; drops the least recently used entries when it is over ``max_bytes`` (None: no cap).

    A batch of reads is written behind, by a thread with a connection of its own to the file at
    ``path``, while the reads go on: marking 4,096 entries used rewrites a page each and took about
    a third of a second, in which a big re-rank's scoring workers ran out of work. At most one batch
    is written behind at a time; ``flush`` and ``close`` wait for it."""

    def __init__(self, db: sqlite3.Connection, max_bytes: int | None, path: str) -> None:
        self._db = db
        self.max_bytes = max_bytes
        self._touched: list[str] = []
        self.total = int(db.execute("SELECT coalesce(sum(size), 0) FROM parses").fetchone()[0])
        self._path = path  # the cache's file, which the writing thread opens for itself
        self._writer: ThreadPoolExecutor | None = None
        self._behind: Future[None] | None = None
        self._own: sqlite3.Connection | None = None  # the writing thread's connection

    def touch(self, key: str) -> None:
        """``key`` was read now."""
        self._touched.append(key)
        if len(self._touched) >= _TOUCH_BATCH:
            self._wait()  # the batch before, and any error it met
            keys, self._touched = self._touched, []
            if self._writer is None:
                self._writer = ThreadPoolExecutor(1, thread_name_prefix="matcher-cache-usage")
            self._behind = self._writer.submit(self._write_behind, keys, time.time())

    def _write_behind(self, keys: list[str], now: float) -> None:
        import sqlite3

        if self._own is None:
            # made in the writing thread, closed by close() once that thread is done with it
            self._own = sqlite3.connect(self._path, timeout=30, isolation_level=None, check_same_thread=False)
            self._own.execute("PRAGMA busy_timeout=30000")
            self._own.execute("PRAGMA synchronous=NORMAL")
        _write_used(self._own, keys, now)

    def _wait(self) -> None:
        behind, self._behind = self._behind, None
        if behind is not None:
            behind.result()  # an error of the writing thread is raised here, as flush's would be

    def added(self, size: int, replaced: int) -> None:
        """An entry of ``size`` bytes was stored (over one of ``replaced`` bytes)."""
        self.total += size - replaced
        if self.max_bytes is not None and self.total > self.max_bytes:
            self.flush()
            self.trim(int(self.max_bytes * _TRIM_TO))

    def flush(self) -> None:
        """Write the "last used" time of the entries read since the last flush (a cache that
        cannot be written to still serves: its times just stay as they were)."""
        self._wait()
        if not self._touched:
            return
        keys, self._touched = self._touched, []
        _write_used(self._db, keys, time.time())

    def trim(self, target: int) -> int:
        """Drop the least recently used entries until the cache holds at most ``target`` bytes;
        return how many were dropped. The freed pages go back to the file system."""
        excess = self.total - target
        if excess <= 0:
            return 0
        doomed: list[tuple[str]] = []
        freed = 0
        for key, size in self._db.execute("SELECT key, size FROM parses ORDER BY used, key"):
            if freed >= excess:
                break
            doomed.append((key,))
            freed += int(size or 0)
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.executemany("DELETE FROM parses WHERE key = ?", doomed)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self.total -= freed
        self._db.execute("PRAGMA incremental_vacuum")
        return len(doomed)

    def close(self) -> None:
        """Write what is left of the reads, and keep to the cap."""
        try:
            self.flush()
            if self.max_bytes is not None and self.total > self.max_bytes:
                self.trim(int(self.max_bytes * _TRIM_TO))
        finally:
            self._behind = None  # an interrupted run: the batch behind is waited for just below
            if self._writer is not None:
                self._writer.shutdown(wait=True)
                self._writer = None
            if self._own is not None:
                self._own.close()
                self._own = None


def _write_used(db: sqlite3.Connection, keys: list[str], now: float) -> None:
    """Mark ``keys`` used at ``now``, in one transaction (a read-only cache: left as it is)."""
    import sqlite3

    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "read-only" in str(exc):
            return
        raise
    try:
        db.executemany("UPDATE parses SET used = ? WHERE key = ?", [(now, k) for k in keys])
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
