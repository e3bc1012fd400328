"""A SQLite store of parsed resumes, keyed by file content, parser and model versions and PDF
engine. Not by the as-of date: a parse keeps its dated facts as written, and they are resolved
for the day of each ranking (:func:`matcher.resume.resolve_dates`), so a cache made yesterday
serves today.

Re-ranking the same folder against another posting reads every resume from here instead of
parsing it again, with its TF-IDF vector, so not even its text is tokenised again. Safe for
concurrent runs: WAL journal, a busy timeout, and writes that are retried when the database is
locked.
"""

from __future__ import annotations

import dataclasses
import json
import time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matcher.errors import InputError
from matcher.records import Education, Job, Resume, ResumeSkill

if TYPE_CHECKING:
    import sqlite3

    from matcher.extract import Limits

__all__ = ["PARSER_VERSION", "ResumeCache", "default_cache_path", "file_key", "models_digest"]

#: Bump when parsing code changes what a Resume holds: older cache entries are then ignored.
#: (A rebuilt taxonomy, IDF model or word list changes the key by itself: see :func:`models_digest`.)
PARSER_VERSION = "8"


def default_cache_path() -> Path:
    """The user's cache folder (platformdirs), e.g. ~/.cache/matcher/resumes.sqlite."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("matcher")) / "resumes.sqlite"


@lru_cache(maxsize=1)
def models_digest() -> str:
    """A short hash of the built artefacts parsing and scoring read (the skill taxonomy, the IDF
    model, the word lists and the fields of study), so that rebuilding any of them retires the
    cache entries made with the old one."""
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
    the caps that decide what is read (file size, pages, decompressed stream size)."""
    import hashlib

    from matcher.extract import DEFAULT_LIMITS

    caps = limits or DEFAULT_LIMITS
    digest = hashlib.sha256(data).hexdigest()
    read = f"{caps.max_bytes}b{caps.max_pages}p{caps.max_stream_bytes}s"
    return f"{digest}:{PARSER_VERSION}-{models_digest()}:{engine}:{read}"


def _to_json(resume: Resume) -> str:
    return json.dumps(dataclasses.asdict(resume), ensure_ascii=False, sort_keys=True)


def _from_json(text: str) -> Resume:
    data: dict[str, Any] = json.loads(text)
    return Resume(
        source=data["source"],
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        links=tuple(data["links"]),
        sections=tuple(data["sections"]),
        skills=tuple(ResumeSkill(**{**s, "jobs": tuple(s["jobs"])}) for s in data["skills"]),
        education=tuple(Education(**e) for e in data["education"]),
        experience=tuple(Job(**j) for j in data["experience"]),
        total_years=data["total_years"],
        warnings=tuple(data["warnings"]),
        text=data["text"],
    )


class ResumeCache:
    """Parsed resumes in one SQLite file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from matcher.resume import parse_resume_text
    >>> cache = ResumeCache(pathlib.Path(tempfile.mkdtemp()) / "c.sqlite")
    >>> cache.put("k", parse_resume_text("Ann Lee\\nann@x.org"))
    >>> cache.get("k").email, cache.get("other")
    ('ann@x.org', None)
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        import sqlite3  # imported when a cache is opened: ``import matcher`` stays fast

        try:
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
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
        except sqlite3.DatabaseError as exc:
            raise InputError(
                f"{self.path}: cannot be used as the resume cache ({exc}); remove the file or rank with "
                "--no-cache"
            ) from exc

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
        return (_from_json(row[0]), row[1]) if row else None

    def put(self, key: str, resume: Resume, vector: bytes | None = None) -> None:
        """Store ``resume`` (and its vector from :func:`matcher.scoring.pack_vectors`) under
        ``key``, committed at once: an interrupted run keeps it."""
        self._retry(
            "INSERT OR REPLACE INTO parses (key, resume, vector, stored) VALUES (?, ?, ?, ?)",
            (key, _to_json(resume), vector, time.time()),
        )

    def __len__(self) -> int:
        return int(self._retry("SELECT COUNT(*) FROM parses").fetchone()[0])

    def close(self) -> None:
        """Close the database."""
        self._db.close()
