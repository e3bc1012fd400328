"""A SQLite store of parsed resumes, keyed by file content, parser and model versions and PDF
engine. Not by the as-of date: a parse keeps its dated facts as written, and they are resolved
for the day of each ranking (:func:`matcher.resume.resolve_dates`), so a cache made yesterday
serves today.

Re-ranking the same folder against another posting reads every resume from here instead of parsing
it again, with its TF-IDF vector, so not even its text is tokenised again. Safe for concurrent
runs: WAL journal, a busy timeout, and writes that are retried when the database is locked.
"""

from __future__ import annotations

import contextlib
import time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matcher.batch._cache_lru import DEFAULT_CACHE_MAX_MB, Usage, entry_size, prepare_usage
from matcher.batch._stored import STORED_FAILURES, failure_to_json, resume_from_json, resume_to_json
from matcher.errors import InputError
from matcher.records import Failure, Resume

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Sequence

    from matcher.extract import Limits

__all__ = [
    "PARSER_VERSION",
    "ResumeCache",
    "content_key",
    "default_cache_path",
    "file_key",
    "models_digest",
    "open_cache",
    "path_key",
]

#: Bump when parsing code changes what a Resume holds: older cache entries are then ignored.
#: (A rebuilt taxonomy, IDF model or word list changes the key by itself: see :func:`models_digest`.)
PARSER_VERSION = "10"


def default_cache_path() -> Path:
    """The user's cache folder (platformdirs), e.g. ~/.cache/matcher/resumes.sqlite.

    Examples
    --------
    >>> path = default_cache_path()
    >>> path.name, "matcher" in path.parts
    ('resumes.sqlite', True)
    """
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("matcher")) / "resumes.sqlite"


@lru_cache(maxsize=1)
def models_digest() -> str:
    """A short hash of the built artefacts parsing and scoring read (the skill taxonomy, the IDF
    model, the word lists and the fields of study), so that rebuilding any of them retires the
    cache entries made with the old one.

    Examples
    --------
    >>> digest = models_digest()
    >>> len(digest), digest in file_key(b"Ann Lee", engine="pypdf")
    (12, True)
    """
    import hashlib

    from matcher._models import model_dir
    from matcher.facts import FIELDS_FILE
    from matcher.language import TAXONOMY_FILE
    from matcher.scoring import IDF_FILE
    from matcher.text import WORDLISTS_FILE

    digest = hashlib.sha256()
    for name in (TAXONOMY_FILE, IDF_FILE, WORDLISTS_FILE, FIELDS_FILE):
        digest.update((model_dir() / name).read_bytes())
    return digest.hexdigest()[:12]


def file_key(data: bytes, *, engine: str, limits: Limits | None = None) -> str:
    """The cache key of a file's bytes: content hash, parser and model versions, PDF engine, and
    the caps that decide what is read (file size, pages, decompressed stream size).

    Examples
    --------
    >>> import hashlib
    >>> from matcher.extract import Limits
    >>> key = file_key(b"Ann Lee, Python developer", engine="pypdf")
    >>> key.split(":")[0] == hashlib.sha256(b"Ann Lee, Python developer").hexdigest()
    True
    >>> key.split(":")[2:]
    ['pypdf', '20000000b50p10000000s']
    >>> file_key(b"x", engine="pypdf") == file_key(b"x", engine="pdfium")
    False
    >>> file_key(b"x", engine="pypdf", limits=Limits(max_pages=5)).endswith("b5p10000000s")
    True
    """
    import hashlib

    return content_key(hashlib.sha256(data).hexdigest(), engine=engine, limits=limits)


def content_key(digest: str, *, engine: str, limits: Limits | None = None) -> str:
    """:func:`file_key` from the SHA-256 hex digest of the bytes.

    Examples
    --------
    For bytes hashed elsewhere (in pieces, or by a worker): the same key as :func:`file_key`.

    >>> import hashlib
    >>> digest = hashlib.sha256(b"Ann Lee").hexdigest()
    >>> content_key(digest, engine="pypdf") == file_key(b"Ann Lee", engine="pypdf")
    True
    >>> content_key(digest, engine="pdfium").split(":")[2]
    'pdfium'
    >>> content_key(digest, engine="auto").split(":")[2] in ("auto-pdfium", "auto-pypdf")
    True
    """
    from matcher.extract import DEFAULT_LIMITS, engine_in_use

    caps = limits or DEFAULT_LIMITS
    read = f"{caps.max_bytes}b{caps.max_pages}p{caps.max_stream_bytes}s"
    if engine == "auto":  # which engine reads: pdfium (pypdf where it cannot), or pypdf alone
        engine = f"auto-{engine_in_use(engine)}"
    return f"{digest}:{PARSER_VERSION}-{models_digest()}:{engine}:{read}"


def path_key(path: Path, *, engine: str, limits: Limits | None = None) -> str | None:
    """The key of a file's current content, hashed in 1 MiB pieces (never held whole), to look it
    up; None when it is no regular file or over the size cap (it is then parsed, and fails, as it
    would without a cache). What is stored goes under the key of the bytes the parse read.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from matcher.extract import Limits
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "cv.txt"
    >>> _ = f.write_text("Ann Lee")
    >>> path_key(f, engine="pypdf") == file_key(b"Ann Lee", engine="pypdf")
    True
    >>> path_key(f.parent, engine="pypdf"), path_key(f, engine="pypdf", limits=Limits(max_bytes=3))
    (None, None)
    """
    import hashlib
    import stat

    from matcher.extract import DEFAULT_LIMITS

    caps = limits or DEFAULT_LIMITS
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > caps.max_bytes:
            return None
        with open(path, "rb") as fh:
            digest = hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None
    return content_key(digest, engine=engine, limits=limits)


class ResumeCache:
    """Parsed resumes in one SQLite file, kept under ``max_bytes`` (default
    ``DEFAULT_CACHE_MAX_MB`` MB; None: no cap) by dropping the least recently used entries.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from matcher.resume import parse_resume_text
    >>> cache = ResumeCache(pathlib.Path(tempfile.mkdtemp()) / "c.sqlite")
    >>> cache.put("k", parse_resume_text("Ann Lee\\nann@x.org"))
    >>> cache.get("k").email, cache.get("other")
    ('ann@x.org', None)
    """

    def __init__(self, path: str | Path, *, max_bytes: int | None = DEFAULT_CACHE_MAX_MB << 20) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        import sqlite3  # imported when a cache is opened: ``import matcher`` stays fast

        try:
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._refuse_foreign()  # before anything is written, the journal mode even
            # a new cache gives the pages of dropped entries back to the file system
            self._db.execute("PRAGMA auto_vacuum=INCREMENTAL")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA busy_timeout=30000")
            # no disk sync per stored resume: a crashed or killed run still keeps every commit (only
            # a power cut could lose the last few, which are parsed again); it is a cache
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._retry(
                "CREATE TABLE IF NOT EXISTS parses "
                "(key TEXT PRIMARY KEY, resume TEXT NOT NULL, vector BLOB, stored REAL NOT NULL)"
            )
            self._retry("DROP TABLE IF EXISTS resumes")  # parser version 5 and before: nothing reads it
            prepare_usage(self._db)
            self._usage = Usage(self._db, max_bytes, str(self.path))
        except sqlite3.DatabaseError as exc:
            raise InputError(
                f"{self.path}: cannot be used as the resume cache ({exc}); remove the file or rank with "
                "--no-cache"
            ) from exc

    def _refuse_foreign(self) -> None:
        """Another program's database is never written into (nor its "resumes" table dropped)."""
        import sqlite3

        tables = {row[0] for row in self._retry("SELECT name FROM sqlite_master WHERE type = 'table'")}
        ours = "resumes" not in tables or "key" in {
            row[1] for row in self._retry("PRAGMA table_info(resumes)")
        }  # matcher's own old table had a key column
        # parses (and the old resumes); posting_files and posting_vectors: batch/_postings.py
        if not tables <= {"parses", "resumes", "posting_files", "posting_vectors"} or not ours:
            raise sqlite3.DatabaseError(f"it holds tables of another program: {', '.join(sorted(tables))}")

    def _retry(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        import sqlite3

        for attempt in range(8):
            try:
                return self._db.execute(sql, params)
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                time.sleep(0.05 * 2**attempt)
        return self._db.execute(sql, params)

    def get(self, key: str) -> Resume | None:
        """The resume stored under ``key``, or None."""
        entry = self.get_entry(key)
        return entry[0] if entry else None

    def get_entry(self, key: str) -> tuple[Resume, bytes | None] | None:
        """The resume stored under ``key`` and its packed TF-IDF vector (None when it was stored
        without one), or None."""
        row = self._retry("SELECT resume, vector FROM parses WHERE key = ?", (key,)).fetchone()
        if not row:
            return None
        try:
            entry = resume_from_json(row[0]), row[1]
        except (ValueError, KeyError, TypeError):  # a row no parser of ours wrote: parsed again
            return None
        if not self._read_only:
            self._usage.touch(key)
        return entry

    _read_only = False

    def rows(self, keys: Sequence[str]) -> dict[str, tuple[str, bytes | None]]:
        """The stored text (:func:`outcome_from_json` reads it) and vector of each of ``keys``
        that is stored, in one query, each marked used."""
        return {key: (text, vector) for key, text, vector in self._found(", resume, vector", keys)}

    def stored(self, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` are stored, each marked used; read from the key index alone (the rows
        are read later, by whoever scores them: see ``_score_pool``)."""
        return {key for (key,) in self._found("", keys)}

    def _found(self, columns: str, keys: Sequence[str]) -> list[Any]:
        """The key and ``columns`` of each of ``keys`` that is stored, in one query, marked used."""
        marks = ",".join("?" * len(keys))
        found = self._retry(f"SELECT key{columns} FROM parses WHERE key IN ({marks})", tuple(keys)).fetchall()
        if not self._read_only:
            for row in found:
                self._usage.touch(row[0])
        return found

    def put(self, key: str, resume: Resume, vector: bytes | None = None) -> None:
        """Store ``resume`` (and its vector from :func:`matcher.scoring.pack_vectors`) under
        ``key``, committed at once: an interrupted run keeps it (a read-only cache stores nothing)."""
        self._store(key, resume_to_json(resume), vector)

    def put_failure(self, key: str, failure: Failure, name: str) -> None:
        """Store ``failure`` of the file called ``name`` under ``key`` when its kind is one the
        bytes decide (``STORED_FAILURES``); other failures are not stored."""
        if failure.kind in STORED_FAILURES:
            self._store(key, failure_to_json(failure, name), None)

    def _store(self, key: str, text: str, vector: bytes | None) -> None:
        if self._read_only:
            return
        now = time.time()
        old = self._retry("SELECT size FROM parses WHERE key = ?", (key,)).fetchone()
        size = entry_size(key, text, vector)
        self._retry(
            "INSERT OR REPLACE INTO parses (key, resume, vector, stored, used, size) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (key, text, vector, now, now, size),
        )
        self._usage.added(size, int(old[0] or 0) if old else 0)

    def usage_summary(self) -> tuple[int, int, float | None, float | None]:
        """Entries, the bytes they hold, and the oldest and newest "last used" times."""
        self._usage.flush()
        count, data, oldest, newest = self._retry(
            "SELECT count(*), coalesce(sum(size), 0), min(used), max(used) FROM parses"
        ).fetchone()
        return int(count), int(data), oldest, newest

    def clear(self) -> int:
        """Remove every entry and give the space back to the file system; return how many."""
        self._usage.flush()
        count = len(self)
        self._retry("DELETE FROM parses")
        self._usage.total = 0
        self._retry("VACUUM")
        return count

    def __len__(self) -> int:
        return int(self._retry("SELECT COUNT(*) FROM parses").fetchone()[0])

    def close(self) -> None:
        """Write which entries were used, keep to the size cap, and close the database."""
        try:
            if not self._read_only:
                self._usage.close()
        finally:
            self._db.close()


def open_cache(path: str | Path, *, max_bytes: int | None = DEFAULT_CACHE_MAX_MB << 20) -> ResumeCache | None:
    """The cache a ranking uses at ``path``; never the end of the ranking. A file that is no cache
    (corrupt, truncated, another program's database) is moved aside (``NAME.broken-TIME``, kept
    whole) with a warning and a new cache started; a read-only one is used read-only; one that
    cannot be opened at all is skipped with a warning (the files are parsed, nothing is stored).

    Examples
    --------
    >>> import tempfile, pathlib, warnings
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> cache = open_cache(folder / "new.sqlite")
    >>> len(cache), cache.path.name
    (0, 'new.sqlite')
    >>> cache.close()
    >>> path = folder / "resumes.sqlite"
    >>> _ = path.write_bytes(b"not a database" * 100)  # a damaged cache
    >>> with warnings.catch_warnings(record=True) as seen:
    ...     warnings.simplefilter("always")
    ...     cache = open_cache(path)
    >>> print(len(cache), seen[0].message)  # doctest: +NORMALIZE_WHITESPACE
    0 ...resumes.sqlite: not a usable resume cache (...file is not a database...); moved aside to
    resumes.sqlite.broken-... and started anew
    >>> cache.close()
    >>> [p.read_bytes()[:14] for p in folder.glob("resumes.sqlite.broken-*")]  # kept whole
    [b'not a database']
    """
    import os
    import sqlite3
    import warnings

    target = Path(path)
    try:
        return ResumeCache(target, max_bytes=max_bytes)
    except (InputError, sqlite3.Error, OSError) as exc:
        reason = exc
    cause = reason.__cause__ or reason
    if isinstance(cause, sqlite3.OperationalError) and ("locked" in str(cause) or "busy" in str(cause)):
        warnings.warn(f"{target}: the cache is busy ({cause}): ranking without it", stacklevel=3)
        return None
    if (target.exists() and not os.access(target, os.W_OK)) or not os.access(target.parent, os.W_OK):
        try:
            cache = ResumeCache.__new__(ResumeCache)
            cache.path = target
            uri = target.resolve().as_uri() + "?mode=ro"  # "#", "?", "%" escaped
            cache._db = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None)
            cache._db.execute("SELECT COUNT(*) FROM parses").fetchone()
            cache._read_only = True
            warnings.warn(
                f"{target}: the cache is read-only: used for reading, nothing new stored", stacklevel=3
            )
            return cache
        except (sqlite3.Error, OSError) as exc:
            warnings.warn(f"{target}: the cache cannot be used ({exc}): ranking without it", stacklevel=3)
            return None
    aside = target.with_name(f"{target.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        os.replace(target, aside)
        for side in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.replace(target.with_name(target.name + side), aside.with_name(aside.name + side))
        cache = ResumeCache(target, max_bytes=max_bytes)
    except (InputError, sqlite3.Error, OSError) as exc:
        warnings.warn(f"{target}: the cache cannot be used ({exc}): ranking without it", stacklevel=3)
        return None
    warnings.warn(
        f"{target}: not a usable resume cache ({reason}); moved aside to {aside.name} and started anew",
        stacklevel=3,
    )
    return cache
