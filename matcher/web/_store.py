"""The web app's one SQLite database: jobs, their requirement versions, candidates, uploaded files
(stored by content hash, never by the name they came with), decisions and notes.

Everything a recruiter did survives a restart. Files live beside the database as
``files/<sha256><suffix>``; the suffix is one of the supported ones, lower-cased, so a name
never becomes part of a path.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matcher.errors import InputError

__all__ = ["DECISIONS", "Candidate", "JobRow", "Store"]

#: What a recruiter can decide about a candidate.
DECISIONS = ("shortlist", "hold", "reject")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT, source_name TEXT NOT NULL,
    posting_sha TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS requirements (
    job_id INTEGER NOT NULL REFERENCES jobs(id), version INTEGER NOT NULL,
    corrections TEXT NOT NULL, knockouts TEXT NOT NULL, posting TEXT NOT NULL, created REAL NOT NULL,
    PRIMARY KEY (job_id, version));
CREATE TABLE IF NOT EXISTS files (sha TEXT PRIMARY KEY, suffix TEXT NOT NULL, size INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS candidates (
    job_id INTEGER NOT NULL REFERENCES jobs(id), sha TEXT NOT NULL REFERENCES files(sha),
    name TEXT NOT NULL, added REAL NOT NULL, PRIMARY KEY (job_id, sha), UNIQUE (job_id, name));
CREATE TABLE IF NOT EXISTS decisions (
    job_id INTEGER NOT NULL, sha TEXT NOT NULL, decision TEXT, note TEXT NOT NULL DEFAULT '',
    updated REAL NOT NULL, PRIMARY KEY (job_id, sha));
"""


@dataclass(frozen=True, slots=True)
class JobRow:
    """One job as stored: the posting file it came from and its latest requirement version.

    Examples
    --------
    >>> import tempfile
    >>> store = Store(tempfile.mkdtemp())
    >>> sha = store.put_file(b"Data Analyst\\nRequirements: SQL", ".txt")
    >>> job_id = store.add_job("Data Analyst", "job.txt", sha, {"skills": [{"name": "SQL"}]})
    >>> _ = store.add_version(job_id, {"add_skills": ["Excel"]}, ("degree",), {"skills": []})
    >>> job = store.job(job_id)
    >>> job.title, job.source_name, job.version, job.corrections, job.knockouts
    ('Data Analyst', 'job.txt', 2, {'add_skills': ['Excel']}, ('degree',))
    >>> store.close()
    """

    id: int
    title: str | None
    source_name: str
    posting_sha: str
    version: int
    corrections: dict[str, Any]
    knockouts: tuple[str, ...]
    posting: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One uploaded resume of a job: its content hash, the name it was uploaded as (shown, never a
    path), and the recruiter's decision and note.

    Examples
    --------
    >>> import tempfile
    >>> store = Store(tempfile.mkdtemp())
    >>> job_id = store.add_job("Data Analyst", "job.txt", store.put_file(b"SQL", ".txt"), {})
    >>> for text in (b"Ann Lee", b"Ann Lee, again"):
    ...     _ = store.add_candidate(job_id, store.put_file(text, ".txt"), "ann.txt")
    >>> first, second = store.candidates(job_id)
    >>> store.decide(job_id, first.sha, "shortlist", "strong SQL")
    >>> [(c.name, c.decision, c.note) for c in store.candidates(job_id)]
    [('ann.txt', 'shortlist', 'strong SQL'), ('ann (2).txt', None, '')]
    >>> first.path.read_bytes()
    b'Ann Lee'
    >>> store.close()
    """

    sha: str
    name: str
    path: Path
    decision: str | None
    note: str


class Store:
    """The database and the content-addressed files under ``folder``; safe to share between threads.

    Examples
    --------
    >>> import tempfile
    >>> store = Store(tempfile.mkdtemp())
    >>> sha = store.put_file(b"Ann Lee", ".txt")
    >>> store.file_path(sha).name == sha + ".txt", store.put_file(b"Ann Lee", ".txt") == sha
    (True, True)
    >>> store.close()
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.files = self.folder / "files"
        self.files.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        try:
            self._db = sqlite3.connect(
                self.folder / "matcher-web.sqlite", timeout=30, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{self.folder}: cannot be used as the web app's data folder ({exc})") from exc

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    def _all(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _run(self, sql: str, params: tuple[Any, ...] = ()) -> int:
        with self._lock:
            return int(self._db.execute(sql, params).lastrowid or 0)

    def secret(self) -> str:
        """This data folder's random secret (made once): the CSRF tokens are derived from it."""
        with self._lock:
            rows = self._all("SELECT value FROM settings WHERE name = 'secret'")
            if rows:
                return str(rows[0][0])
            value = secrets.token_hex(32)
            self._run("INSERT INTO settings (name, value) VALUES ('secret', ?)", (value,))
            return value

    def put_file(self, data: bytes, suffix: str) -> str:
        """Store ``data`` under its SHA-256 (once) and return the hash."""
        sha = hashlib.sha256(data).hexdigest()
        target = self.files / f"{sha}{suffix}"
        if not target.exists():
            tmp = target.with_name(f".{sha}.{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, target)
        self._run(
            "INSERT OR IGNORE INTO files (sha, suffix, size) VALUES (?, ?, ?)", (sha, suffix, len(data))
        )
        return sha

    def file_path(self, sha: str) -> Path:
        """Where the file with hash ``sha`` is kept."""
        rows = self._all("SELECT suffix FROM files WHERE sha = ?", (sha,))
        if not rows:
            raise InputError(f"no stored file {sha!r}")
        return self.files / f"{sha}{rows[0][0]}"

    def add_job(self, title: str | None, source_name: str, posting_sha: str, posting: dict[str, Any]) -> int:
        """A new job with its requirements as read (version 1)."""
        with self._lock:
            job_id = self._run(
                "INSERT INTO jobs (title, source_name, posting_sha, created) VALUES (?, ?, ?, ?)",
                (title, source_name, posting_sha, time.time()),
            )
            self.add_version(job_id, {}, (), posting)
            return job_id

    def add_version(
        self, job_id: int, corrections: dict[str, Any], knockouts: tuple[str, ...], posting: dict[str, Any]
    ) -> int:
        """Keep a new version of the job's requirements; return its number."""
        with self._lock:
            (last,) = self._all(
                "SELECT COALESCE(MAX(version), 0) FROM requirements WHERE job_id = ?", (job_id,)
            )[0]
            self._run(
                "INSERT INTO requirements (job_id, version, corrections, knockouts, posting, created) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    job_id,
                    last + 1,
                    json.dumps(corrections),
                    json.dumps(list(knockouts)),
                    json.dumps(posting),
                    time.time(),
                ),
            )
            return int(last) + 1

    def jobs(self) -> list[JobRow]:
        """Every job, newest first."""
        ids = [row[0] for row in self._all("SELECT id FROM jobs ORDER BY id DESC")]
        return [job for job_id in ids if (job := self.job(job_id)) is not None]

    def job(self, job_id: int) -> JobRow | None:
        """One job with its latest requirements, or None."""
        rows = self._all(
            "SELECT j.id, j.title, j.source_name, j.posting_sha, r.version, r.corrections, r.knockouts, "
            "r.posting FROM jobs j JOIN requirements r ON r.job_id = j.id WHERE j.id = ? "
            "ORDER BY r.version DESC LIMIT 1",
            (job_id,),
        )
        if not rows:
            return None
        i, title, source, sha, version, corrections, knockouts, posting = rows[0]
        return JobRow(
            i,
            title,
            source,
            sha,
            version,
            json.loads(corrections),
            tuple(json.loads(knockouts)),
            json.loads(posting),
        )

    def versions(self, job_id: int) -> list[tuple[int, float]]:
        """The job's requirement versions and when each was made."""
        return [
            (int(v), float(t))
            for v, t in self._all(
                "SELECT version, created FROM requirements WHERE job_id = ? ORDER BY version", (job_id,)
            )
        ]

    def add_candidate(self, job_id: int, sha: str, name: str) -> bool:
        """Add a stored file to a job under a shown name (made unique); False if the job has it."""
        with self._lock:
            if self._all("SELECT 1 FROM candidates WHERE job_id = ? AND sha = ?", (job_id, sha)):
                return False
            taken = {row[0] for row in self._all("SELECT name FROM candidates WHERE job_id = ?", (job_id,))}
            shown, n = name, 1
            while shown in taken:
                n += 1
                stem, dot, ext = name.rpartition(".")
                shown = f"{stem} ({n}).{ext}" if dot else f"{name} ({n})"
            self._run(
                "INSERT INTO candidates (job_id, sha, name, added) VALUES (?, ?, ?, ?)",
                (job_id, sha, shown, time.time()),
            )
            return True

    def candidates(self, job_id: int) -> list[Candidate]:
        """The job's resumes with decisions, in upload order."""
        rows = self._all(
            "SELECT c.sha, c.name, f.suffix, d.decision, COALESCE(d.note, '') FROM candidates c "
            "JOIN files f ON f.sha = c.sha LEFT JOIN decisions d ON d.job_id = c.job_id AND d.sha = c.sha "
            "WHERE c.job_id = ? ORDER BY c.added, c.name",
            (job_id,),
        )
        return [
            Candidate(sha, name, self.files / f"{sha}{suffix}", dec, note)
            for sha, name, suffix, dec, note in rows
        ]

    def decide(self, job_id: int, sha: str, decision: str | None, note: str) -> None:
        """Record (or clear, with None) a decision and a note for one candidate of a job."""
        if decision is not None and decision not in DECISIONS:
            raise InputError(f"decision {decision!r} is not one of {', '.join(DECISIONS)}")
        if not self._all("SELECT 1 FROM candidates WHERE job_id = ? AND sha = ?", (job_id, sha)):
            raise InputError(f"job {job_id} has no candidate {sha!r}")
        self._run(
            "INSERT OR REPLACE INTO decisions (job_id, sha, decision, note, updated) VALUES (?, ?, ?, ?, ?)",
            (job_id, sha, decision, note, time.time()),
        )
