"""One file -> a Resume or a Failure: the single place where an exception on one file becomes a
listed failure, used in this process, in the workers and on a Dask cluster alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from matcher.errors import EmptyDocumentError, failure_of
from matcher.records import Failure, Resume

if TYPE_CHECKING:
    from matcher.extract import Limits

__all__ = ["ParseResult", "parse_file", "warm_up"]


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
    #: SHA-256 (hex) of the bytes that were parsed, when they were read whole (a failure too): the
    #: cache stores the parse, or a failure those bytes always give, under their key
    digest: str | None = None


def _looks_like_a_resume(resume: Resume) -> bool:
    """A resume has a way to reach its writer, a section of its own, a job or a degree; a stray
    text in the folder (a README, a SOURCE.txt) has none of them."""
    return bool(
        resume.email
        or resume.phone
        or resume.links
        or resume.experience
        or resume.education
        or any(section != "body" for section in resume.sections)
    )


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
    import hashlib

    from matcher.extract import DEFAULT_LIMITS, read_file
    from matcher.resume import parse_resume

    limits = limits or DEFAULT_LIMITS
    digest = None
    try:
        data = read_file(path, limits=limits)  # read once: these bytes are hashed and parsed
        digest = hashlib.sha256(data).hexdigest()
        resume = parse_resume(path, data=data, engine=engine, limits=limits, isolate=isolate)
        del data
        if not _looks_like_a_resume(resume):
            failure = Failure(
                "not_a_resume",
                f"{path.name}: no contact details, resume sections or dated jobs: not a resume?",
            )
            return ParseResult(path, None, failure, digest=digest)
        return ParseResult(path, resume, digest=digest)
    except Exception as exc:  # every file gets an outcome: a bug of ours becomes kind "internal"
        if isinstance(exc, EmptyDocumentError) and digest is None:  # stat said 0 bytes: none to read
            digest = hashlib.sha256(b"").hexdigest()
        # the digest of the bytes read, when they were: the cache may store what they always give
        return ParseResult(path, None, failure_of(exc, path), digest=digest)


# a resume with every part a parse reads: what the parse of a real one loads, this one loads too
_WARM_UP = (
    "Jane Roe\njane@example.org  (555) 123-4567\nSUMMARY\nCurrently pursuing an MBA in finance.\n"
    "EXPERIENCE\nSenior Accountant  Acme Corp  Jan 2015 - Present\nReconciled bank accounts and "
    "prepared journal entries in QuickBooks.\nSales Experience\nMarch 2010 to Dec 2014\nCompany Name  "
    "City , State  Store Manager\nVolunteer Endeavors: Food bank, 2008 - 2009\nEDUCATION\nB.S. "
    "Accounting, Ohio State University, 2009\nSKILLS\nExcel, SAP, payroll, Python\n"
    "CERTIFICATIONS\nCPA, 2012\nLANGUAGES\nSpanish (fluent)\n"
)


def warm_up() -> None:
    """Load what parsing needs (spaCy's pipeline, the taxonomy, the word lists and models) by
    parsing a small resume: a worker does this before it says it is ready, so a file's time limit is
    spent on the file.

    Examples
    --------
    >>> warm_up()  # a second call costs a parse of a few lines
    """
    from matcher.language import get_pipeline
    from matcher.resume import parse_resume_text

    get_pipeline()
    parse_resume_text(_WARM_UP)
