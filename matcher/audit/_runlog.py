"""A record of every ranking: one JSON line per run, so a decision can be explained months later."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from matcher.batch import Ranking
from matcher.scoring import Weights

__all__ = ["RUN_LOG_ENV", "read_run_log", "run_log_path", "run_record", "write_run_record"]

#: An environment variable naming the folder of the run log instead of the user's data folder.
RUN_LOG_ENV = "MATCHER_DATA_DIR"
_FILE = "runs.jsonl"


def run_log_path(folder: str | Path | None = None) -> Path:
    """Where the run log is: ``folder``, else ``$MATCHER_DATA_DIR``, else the user's data folder
    (``~/.local/share/matcher`` on Linux), each with ``runs.jsonl`` in it.

    Examples
    --------
    >>> run_log_path("/srv/hiring").as_posix()
    '/srv/hiring/runs.jsonl'
    >>> run_log_path().name
    'runs.jsonl'
    """
    if folder is None:
        folder = os.environ.get(RUN_LOG_ENV) or None
    if folder is None:
        from platformdirs import user_data_dir

        folder = user_data_dir("matcher")
    return Path(folder) / _FILE


def _sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:  # streamed: a file listed as too large is not read into memory to be named here
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def run_record(
    ranking: Ranking,
    *,
    weights: Weights | None = None,
    as_of: date | None = None,
    engine: str = "pypdf",
    when: datetime | None = None,
) -> dict[str, Any]:
    """The audit record of one ranking: time, matcher version, model digests, the posting's digest
    and requirements, the weights, and each file's digest with its rank and score or failure.

    A blind ranking's record names candidates by id only (the employer's blind key maps them).

    Examples
    --------
    >>> from matcher import analyze_posting
    >>> from matcher.batch import Ranking
    >>> record = run_record(Ranking(analyze_posting("Requirements: Python"), ()))
    >>> sorted(record)[:5]
    ['as_of', 'blind', 'engine', 'files', 'matcher_version']
    >>> record["posting"]["requirements"]["skills"][0]["name"]
    'Python'
    """
    head = _record_head(ranking, weights=weights, as_of=as_of, engine=engine, when=when)
    return {**head, "files": list(_file_records(ranking))}


def _file_records(ranking: Ranking) -> Iterator[dict[str, Any]]:
    """Each file's part of the record, one at a time (a big ranking's are never all held)."""
    real = dict(ranking.blind_key)
    known = ranking.digests  # the bytes ranked, hashed as they were read; the others are read here
    for entry in ranking.iter_shown():  # not the whole of an entry held on disk: what is shown
        path = real.get(entry.path, entry.path)
        yield {
            "path": entry.path,
            "sha256": known.get(path) or _sha256(Path(path)),
            "rank": entry.rank,
            "score": entry.score.total if entry.score else None,
            "knocked_out": entry.score.knocked_out if entry.score else None,
            "error": entry.failure.to_dict() if entry.failure else None,
            "integrity": [f.kind for f in entry.resume.integrity] if entry.resume else [],
        }


def _record_head(
    ranking: Ranking,
    *,
    weights: Weights | None = None,
    as_of: date | None = None,
    engine: str = "pypdf",
    when: datetime | None = None,
) -> dict[str, Any]:
    """The record without its files."""
    from matcher import __version__
    from matcher._models import model_dir
    from matcher.batch import models_digest

    models = {
        p.name: digest for p in sorted(model_dir().glob("*.json*")) if (digest := _sha256(p)) is not None
    }
    requirements = ranking.posting.to_dict()
    requirements.pop("sections", None)
    return {
        "time": (when or datetime.now(UTC)).isoformat(timespec="seconds"),
        "matcher_version": __version__,
        "models": {"digest": models_digest(), "files": models},
        "posting": {
            "title": ranking.posting.title,
            "sha256": hashlib.sha256(ranking.posting.text.encode("utf-8")).hexdigest(),
            "requirements": requirements,
        },
        "weights": {
            k: list(v) if isinstance(v, tuple) else v
            for k, v in dataclasses.asdict(weights or Weights()).items()
        },
        "as_of": (as_of or date.today()).isoformat(),
        "engine": engine,
        "blind": ranking.blind,
        "files": [],
    }


def write_run_record(ranking: Ranking, *, folder: str | Path | None = None, **options: Any) -> Path:
    """Append the :func:`run_record` of ``ranking`` to the run log (one JSON line) and return the
    log's path; ``options`` go to :func:`run_record`.

    Examples
    --------
    >>> import tempfile
    >>> from matcher import analyze_posting
    >>> from matcher.batch import Ranking
    >>> folder = tempfile.mkdtemp()
    >>> path = write_run_record(Ranking(analyze_posting("Requirements: SQL"), ()), folder=folder)
    >>> [r["posting"]["title"] for r in read_run_log(folder)]
    ['Requirements: SQL']
    """
    path = run_log_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    # ASCII with escapes: a file name of any bytes (undecodable ones as \udcNN) is written losslessly
    # the line json.dumps(run_record(...), sort_keys=True) makes, with the files written one by one
    # into it: no list of every file's record, nor their text twice, for a big folder
    head = json.dumps(_record_head(ranking, **options), sort_keys=True)
    before, after = head.split('"files": []', 1)  # the first: only as_of, blind, engine come before
    line = bytearray(before.encode() + b'"files": [')
    for i, item in enumerate(_file_records(ranking)):
        line += (", " if i else "").encode() + json.dumps(item, sort_keys=True).encode()
    line += b"]" + after.encode() + b"\n"
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line)  # one write in append mode: runs at the same time do not interleave lines
    finally:
        os.close(fd)
    return path


def read_run_log(folder: str | Path | None = None) -> list[dict[str, Any]]:
    """Every record of the run log, oldest first (empty when there is none yet).

    Examples
    --------
    >>> import tempfile
    >>> from matcher import analyze_posting
    >>> from matcher.batch import Ranking
    >>> folder = tempfile.mkdtemp()
    >>> read_run_log(folder)
    []
    >>> for text in ("Requirements: Python", "Requirements: SQL"):
    ...     _ = write_run_record(Ranking(analyze_posting(text), ()), folder=folder)
    >>> [r["posting"]["requirements"]["skills"][0]["name"] for r in read_run_log(folder)]
    ['Python', 'SQL']
    """
    path = run_log_path(folder)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
