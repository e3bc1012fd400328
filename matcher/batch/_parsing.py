"""One file -> a Resume or a Failure: the single place where an exception on one file becomes a
listed failure, used in this process, in the workers and on a Dask cluster alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from matcher.errors import failure_of
from matcher.records import Failure, Resume

if TYPE_CHECKING:
    from matcher.extract import Limits

__all__ = ["ParseResult", "parse_file"]


@dataclass(frozen=True, slots=True)
class ParseResult:
    """One file's outcome: a Resume, or the Failure that stopped it. A worker process that parsed
    it also says which it was (``worker``, its process id) and when it began and ended the file
    (``began``, ``ended``: seconds since the epoch, comparable between processes).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "cv.txt"
    >>> _ = f.write_text("Ann Lee\\nann@example.org\\nSkills: Python, SQL")
    >>> result = parse_file(f)
    >>> result.failure, result.resume.email, result.worker
    (None, 'ann@example.org', None)
    """

    path: Path
    resume: Resume | None
    failure: Failure | None = None
    worker: int | None = None
    began: float | None = None
    ended: float | None = None


def parse_file(
    path: Path, *, engine: str = "pypdf", limits: Limits | None = None, isolate: bool = True
) -> ParseResult:
    """Parse one resume file; never raises for anything the file does (``KeyboardInterrupt`` and
    other ``BaseException`` still propagate).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "cv.pdf").write_bytes(b"junk") > 0
    True
    >>> parse_file(folder / "cv.pdf").failure.kind
    'unsupported'
    """
    from matcher.extract import DEFAULT_LIMITS
    from matcher.resume import parse_resume

    limits = limits or DEFAULT_LIMITS
    try:
        return ParseResult(path, parse_resume(path, engine=engine, limits=limits, isolate=isolate))
    except Exception as exc:  # every file gets an outcome: a bug of ours becomes kind "internal"
        return ParseResult(path, None, failure_of(exc, path))
