"""Postings kept in the resume cache: a posting file's analysis (keyed by its bytes and a digest of
matcher's code and models) and a posting text's TF-IDF vector, so that a re-rank whose resumes are
all cached loads neither spaCy nor scikit-learn nor a PDF engine."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from matcher.errors import InputError
from matcher.records import Certification, DegreeRequirement, Posting, Section, SkillGroup, SkillMention

__all__ = ["analyze_posting_file_cached", "code_digest", "posting_vector"]


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A short hash of matcher's own source files: any change to the code retires the posting
    analyses made by the code before it (no version number to forget to bump)."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent  # the matcher package
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _version() -> str:
    from matcher.batch._cache import PARSER_VERSION, models_digest

    return f"{PARSER_VERSION}-{models_digest()}-{code_digest()}"


def _open(path: Path) -> Any:
    import sqlite3

    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = sqlite3.connect(path, timeout=30, isolation_level=None)
        db.execute("PRAGMA busy_timeout=30000")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        for table in ("posting_files", "posting_vectors"):
            db.execute(
                f"CREATE TABLE IF NOT EXISTS {table} "
                "(key TEXT PRIMARY KEY, value BLOB NOT NULL, stored REAL NOT NULL)"
            )
    except sqlite3.DatabaseError as exc:
        raise InputError(
            f"{path}: cannot be used as the resume cache ({exc}); remove the file or rank with --no-cache"
        ) from exc
    return db


def _lookup(cache: Path, table: str, key: str) -> Any:
    db = _open(cache)
    try:
        row = db.execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None
    finally:
        db.close()


def _store(cache: Path, table: str, key: str, value: str | bytes) -> None:
    db = _open(cache)
    try:
        db.execute(
            f"INSERT OR REPLACE INTO {table} (key, value, stored) VALUES (?, ?, ?)",
            (key, value, time.time()),
        )
    finally:
        db.close()


def _posting_from_json(text: str) -> Posting:
    data: dict[str, Any] = json.loads(text)
    degree = data["degree"]
    return Posting(
        title=data["title"],
        skills=tuple(SkillMention(**s) for s in data["skills"]),
        degree=DegreeRequirement(**{**degree, "fields": tuple(degree["fields"])}) if degree else None,
        min_years=data["min_years"],
        preferred_years=data["preferred_years"],
        certifications=tuple(data["certifications"]),
        sections=tuple(Section(**s) for s in data["sections"]),
        languages=tuple(data["languages"]),
        text=data["text"],
        groups=tuple(SkillGroup(**{**g, "any_of": tuple(g["any_of"])}) for g in data["groups"]),
        certifications_detail=tuple(Certification(**c) for c in data["certifications_detail"]),
    )


def analyze_posting_file_cached(path: str | Path, cache: str | Path | None) -> Posting:
    """:func:`matcher.posting.analyze_posting_file`, kept in ``cache`` (a resume cache file; None:
    analysed every time): the same posting file analysed by the same code and models is read back.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "job.txt").write_text("Analyst\\nRequirements: Excel and SQL.")
    >>> first = analyze_posting_file_cached(folder / "job.txt", folder / "c.sqlite")
    >>> first == analyze_posting_file_cached(folder / "job.txt", folder / "c.sqlite")
    True
    """
    from matcher.posting import analyze_posting_file

    if cache is None:
        return analyze_posting_file(path)
    source = Path(path)
    try:
        data = source.read_bytes()
    except OSError:  # the analysis says what is wrong with the file
        return analyze_posting_file(path)
    key = f"{hashlib.sha256(data).hexdigest()}:{source.suffix.lower()}:{_version()}"
    kept = _lookup(Path(cache), "posting_files", key)
    if kept is not None:
        return _posting_from_json(kept)
    posting = analyze_posting_file(path)
    text = json.dumps(dataclasses.asdict(posting), ensure_ascii=False, sort_keys=True)
    _store(Path(cache), "posting_files", key, text)
    return posting


def posting_vector(text: str, cache: str | Path | None) -> bytes:
    """The packed TF-IDF vector of a posting's text (:func:`matcher.scoring.pack_vectors`), kept in
    ``cache`` when one is given."""
    from matcher.batch._cache import models_digest
    from matcher.scoring import pack_vectors

    if cache is None:
        return pack_vectors([text])[0]
    key = f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}:{models_digest()}"
    kept = _lookup(Path(cache), "posting_vectors", key)
    if kept is not None:
        return bytes(kept)
    (vector,) = pack_vectors([text])
    _store(Path(cache), "posting_vectors", key, vector)
    return vector
