"""``rank``: score every resume in files and folders against one posting.

Every file ends as a ranked entry or a listed failure with its error kind and message; failures
come last; ties are broken by path, so the same inputs always give the same order.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from matcher._processes import start_context
from matcher.batch._listing import survey
from matcher.batch._parsing import ParseResult
from matcher.errors import InputError, failure_of
from matcher.records import Failure, Importance, MatchHow, Posting, Resume, Score, SkillKind
from matcher.scoring import Weights, pack_vectors, score, similarities_of_vectors, unpack_vectors

if TYPE_CHECKING:
    from matcher.extract import Limits

_SCORE_BATCH = 512  # resumes scored together: one TF-IDF product each, and a bound on memory

__all__ = ["RankEntry", "Ranking", "rank"]


@dataclass(frozen=True, slots=True)
class RankEntry:
    """One file of a ranking: its score and parsed resume, or the :class:`Failure` that stopped it."""

    path: str
    rank: int | None
    score: Score | None
    resume: Resume | None
    failure: Failure | None = None

    @property
    def error_kind(self) -> str | None:
        """Deprecated: ``failure.kind``."""
        warnings.warn(
            "RankEntry.error_kind is deprecated; use .failure.kind", DeprecationWarning, stacklevel=2
        )
        return self.failure.kind if self.failure else None

    @property
    def error_message(self) -> str | None:
        """Deprecated: ``failure.message``."""
        warnings.warn(
            "RankEntry.error_message is deprecated; use .failure.message", DeprecationWarning, stacklevel=2
        )
        return self.failure.message if self.failure else None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form (DESIGN.md section 5)."""
        out: dict[str, Any] = {"rank": self.rank, "path": self.path}
        if self.score is None:
            out["score"] = None
            out["error"] = self.failure.to_dict() if self.failure else None
            return out
        out.update(self.score.to_dict())
        if self.resume is not None:  # who the candidate is, and where each matched skill was seen
            resume = self.resume
            out.update(name=resume.name, email=resume.email, phone=resume.phone, links=list(resume.links))
        out["matched_evidence"] = [m.to_dict() for m in self.score.matched]
        out["error"] = None
        return out


@dataclass(frozen=True, slots=True)
class Ranking:
    """Ranked entries, best first, then failures (by path)."""

    posting: Posting
    entries: tuple[RankEntry, ...]
    #: hidden files and folders (a leading ".") skipped under the folders given
    hidden: int = 0

    @property
    def ranked(self) -> tuple[RankEntry, ...]:
        """The entries that were scored."""
        return tuple(e for e in self.entries if e.score is not None)

    @property
    def failures(self) -> tuple[RankEntry, ...]:
        """The files that could not be read, with their error."""
        return tuple(e for e in self.entries if e.score is None)

    def to_list(self) -> list[dict[str, Any]]:
        """Return the JSON contract form: a list, best first, failures last."""
        return [e.to_dict() for e in self.entries]


class _Shared:
    """Keeps thousands of ranked entries small: the text is dropped once scored, and the values they
    all repeat (skill names, kinds, checks, the posting's missing skills) are held once."""

    def __init__(self) -> None:
        self._seen: dict[Any, Any] = {}

    def _one(self, value: Any) -> Any:
        return self._seen.setdefault(value, value)

    @staticmethod
    def _text(value: str | None) -> str | None:
        return None if value is None else sys.intern(value)

    def resume(self, resume: Resume) -> Resume:
        i, t = sys.intern, self._text
        skills = tuple(
            dataclasses.replace(
                s,
                name=i(s.name),
                kind=cast(SkillKind, i(s.kind)),
                last_used=t(s.last_used),
                skill_id=i(s.skill_id),
            )
            for s in resume.skills
        )
        return dataclasses.replace(resume, text="", skills=skills)

    def score(self, score: Score) -> Score:
        i, t = sys.intern, self._text
        matched = tuple(
            dataclasses.replace(
                m,
                skill=i(m.skill),
                importance=cast(Importance, i(m.importance)),  # intern returns an equal string
                how=cast(MatchHow, i(m.how)),
                via=t(m.via),
            )
            for m in score.matched
        )
        return dataclasses.replace(
            score,
            checks=tuple(self._one(c) for c in score.checks),
            matched=matched,
            missing=tuple(self._one(m) for m in score.missing),
            top_terms=tuple(i(term) for term in score.top_terms),
        )


def _parse_all(
    files: list[Path],
    engine: str,
    workers: int | None,
    cache_path: str | Path | None,
    limits: Limits,
    start_method: str | None,
    progress: Callable[[int, int, int], None] | None = None,
    scheduler: Any = None,
) -> Generator[tuple[Path, Resume | None, bytes | None, RankEntry | None], None, None]:
    """Every file as a parsed Resume (from the cache, or parsed now) with its packed TF-IDF vector
    when there is a cache (None without one), or as a failure entry."""

    import sqlite3
    import warnings

    from matcher.batch._cache import content_key, open_cache, path_key
    from matcher.batch._parsing import parse_file
    from matcher.batch._workers import parse_in_workers

    cache = open_cache(cache_path) if cache_path else None

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

    try:
        for path in files:
            if cache is not None:
                key = path_key(path, engine=engine, limits=limits)  # streamed, after a stat
                try:
                    hit = cache.get_entry(key) if key is not None else None
                except sqlite3.Error as exc:
                    cache_failed(exc)
                    hit = None
                if hit is not None and key is not None:
                    done += 1
                    twin = duplicate(path, key.split(":", 1)[0])
                    if twin is not None:
                        failures += 1
                        yield path, None, None, twin
                    else:
                        yield path, dataclasses.replace(hit[0], source=str(path)), hit[1], None
                    if progress is not None:
                        progress(done, len(files), failures)
                    continue
            todo.append(path)
        count = (os.cpu_count() or 1) if workers is None else workers

        def outcomes() -> Iterator[ParseResult]:
            if scheduler is not None:
                from matcher.batch._cluster import parse_on_cluster

                return parse_on_cluster(todo, scheduler, engine=engine, limits=limits)
            if count <= 0:
                return (parse_file(path, engine=engine, limits=limits) for path in todo)
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
                yield path, None, None, twin
            elif resume is None:
                failures += 1
                yield path, None, None, RankEntry(str(path), None, None, None, result.failure)
            else:
                vector = None
                if cache is not None and result.digest is not None:
                    # under the key of the bytes the parse read: a file changed since it was
                    # looked up can never store its new parse under its old content's key
                    (vector,) = pack_vectors([resume.text])
                    try:
                        cache.put(content_key(result.digest, engine=engine, limits=limits), resume, vector)
                    except sqlite3.Error as exc:
                        cache_failed(exc)
                yield path, resume, vector, None
            if progress is not None:
                progress(done, len(files), failures)
    finally:
        if cache is not None:
            cache.close()


def rank(
    posting: Posting,
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    weights: Weights | None = None,
    as_of: date | None = None,
    top: int | None = None,
    engine: str = "pypdf",
    workers: int | None = None,
    cache: str | Path | None = None,
    limits: Limits | None = None,
    start_method: str | None = None,
    progress: Callable[[int, int, int], None] | None = None,
    scheduler: Any = None,
) -> Ranking:
    """Rank the resumes in ``paths`` (files, or folders searched recursively) for ``posting``.

    Parameters
    ----------
    posting : Posting
        From :func:`matcher.analyze_posting` or :func:`matcher.analyze_posting_file`.
    paths : str, Path, or an iterable of them
        Resume files (.pdf, .docx, .txt) and folders; one path alone is taken as one path (a
        string is not iterated letter by letter).
    weights : Weights, optional
        Scoring weights and knockouts (see :class:`matcher.Weights`).
    as_of : date, optional
        What "Present" means in the resumes (default: today).
    top : int, optional
        Keep only the best ``top`` ranked entries (failures are always listed).
    engine : str
        PDF engine: pypdf (default), pdfium or auto.
    workers : int, optional
        Worker processes that parse the files (default: the machine's cores; 0 parses in this
        process, without the time and memory caps).
    cache : str or Path, optional
        A SQLite file of parsed resumes (see :class:`matcher.batch.ResumeCache`); files parsed
        before are read from it instead of parsed again. Default: no cache.
    limits : Limits, optional
        Per-file caps (:class:`matcher.extract.Limits`): size, pages, decompressed streams, and
        in the workers time and memory (10 s, 1 GiB): a file past them is listed as ``timeout``
        or ``too_much_memory``.
    start_method : str, optional
        How worker processes start: ``fork``, ``spawn`` or ``forkserver`` (default: the one
        the program set, else the platform's; ``fork``, Linux's up to Python 3.13, starts them
        warm). The program's own multiprocessing settings are never changed.
    progress : callable, optional
        Called as ``progress(done, total, failed)`` after each file.
    scheduler : str or distributed.Client, optional
        Parse on a Dask cluster ("tcp://host:8786" or a Client; extra ``dask``) instead of local
        workers. The cache and the scoring stay here; the ranking is the same.

    Returns
    -------
    Ranking
        Entries best first (ties broken by path; knocked-out candidates after the others), then
        every file that failed, with its error.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from matcher import analyze_posting, rank
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("EXPERIENCE\\nEngineer, Acme Inc, 2015 - 2023\\nPython and SQL")
    >>> _ = (folder / "b.txt").write_text("EXPERIENCE\\nCook, Diner Inc, 2020 - 2023\\nGrill and prep")
    >>> (folder / "c.pdf").write_bytes(b"not a pdf") > 0
    True
    >>> ranking = rank(analyze_posting("Requirements: Python, SQL, 5+ years of experience"), [folder])
    >>> [(e.rank, pathlib.Path(e.path).name, e.failure and e.failure.kind) for e in ranking.entries]
    [(1, 'a.txt', None), (2, 'b.txt', None), (None, 'c.pdf', 'unsupported')]
    """
    from matcher.extract import DEFAULT_LIMITS
    from matcher.resume import resolve_dates

    weights = weights or Weights()
    limits = limits or DEFAULT_LIMITS
    day = as_of or date.today()
    if not isinstance(day, date):
        raise InputError(f"as_of must be a datetime.date, got {type(as_of).__name__}")
    if start_method is not None:
        start_context(start_method)  # an unknown one is an error before any work
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    found = survey(paths)
    files = found.files
    failed = [RankEntry(str(path), None, None, None, failure) for path, failure in found.listed]
    scored: list[tuple[Path, Resume, Score]] = []
    batch: list[tuple[Path, Resume, bytes | None]] = []
    shared = _Shared()

    def score_batch() -> None:
        # one sparse matrix product per batch (each resume's similarity is still its own); the
        # text is dropped once scored, so memory does not grow with every resume's text. Cached
        # resumes bring their vector; the others are vectorised here, together, the same way.
        made = iter(pack_vectors([resume.text for _, resume, vector in batch if vector is None]))
        vectors = [next(made) if vector is None else vector for _, _, vector in batch]
        sims = similarities_of_vectors(posting.text, unpack_vectors(vectors))
        for (path, parsed, _), sim in zip(batch, sims, strict=True):
            try:  # the facts as written, worked out for the day of this ranking, then scored
                resume = resolve_dates(parsed, day)
                result = score(posting, resume, weights=weights, similarity=sim)
            except Exception as exc:  # a bug on one file lists that file; the ranking goes on
                failed.append(RankEntry(str(path), None, None, None, failure_of(exc, path)))
                continue
            scored.append((path, shared.resume(resume), shared.score(result)))
        batch.clear()

    # closing: an interrupt stops the workers and closes the cache at once, not when collected
    with contextlib.closing(
        _parse_all(files, engine, workers, cache, limits, start_method, progress, scheduler)
    ) as results:
        for path, resume, vector, failure in results:
            if failure is not None:
                failed.append(failure)
                continue
            assert resume is not None
            batch.append((path, resume, vector))
            if len(batch) >= _SCORE_BATCH:
                score_batch()
    if batch:
        score_batch()
    # knocked-out candidates stay listed, below the others; ties go by path
    scored.sort(key=lambda item: (item[2].knocked_out, -item[2].total, str(item[0])))
    if top is not None:
        scored = scored[: max(0, top)]
    entries = [RankEntry(str(p), i, s, r) for i, (p, r, s) in enumerate(scored, 1)]
    return Ranking(posting, (*entries, *sorted(failed, key=lambda e: e.path)), hidden=found.hidden)
