"""``rank``: score every resume in files and folders against one posting.

Every file ends as a ranked entry or a listed failure with its error kind and message; failures
come last; ties are broken by path, so the same inputs always give the same order.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matcher._processes import start_context
from matcher.batch._cache_lru import DEFAULT_CACHE_MAX_MB
from matcher.batch._compact import Shared
from matcher.batch._listing import survey
from matcher.batch._parsing import ParseResult
from matcher.batch._spill import IN_MEMORY, Spill, SpilledEntries
from matcher.errors import InputError, failure_of
from matcher.integrity import posting_copied
from matcher.records import Failure, Posting, Resume, Score
from matcher.scoring import Weights, pack_vectors, score, similarities_of_packed

if TYPE_CHECKING:
    from matcher.extract import Limits

_SCORE_BATCH = 512  # resumes scored together: one TF-IDF product each, and a bound on memory

__all__ = ["RankEntry", "Ranking", "rank"]


@dataclass(frozen=True, slots=True)
class RankEntry:
    """One file of a ranking: its score and parsed resume, or the :class:`Failure` that stopped it.

    Examples
    --------
    >>> RankEntry("cv.pdf", None, None, None, Failure("encrypted", "cv.pdf: needs a password")).to_dict()
    {'rank': None, 'path': 'cv.pdf', 'score': None, 'error': {'kind': 'encrypted', 'message': 'cv.pdf: ...'}}
    """

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
        """Return the JSON contract form (DESIGN.md section 5); ``integrity`` lists the resume's
        integrity findings (hidden text, keyword stuffing, a copied posting)."""
        out: dict[str, Any] = {"rank": self.rank, "path": self.path}
        if self.score is None:
            out["score"] = None
            out["error"] = self.failure.to_dict() if self.failure else None
            return out
        out.update(self.score.to_dict())
        out["integrity"] = [f.to_dict() for f in self.resume.integrity] if self.resume else []
        if self.resume is not None:  # who the candidate is, and where each matched skill was seen
            resume = self.resume
            out.update(name=resume.name, email=resume.email, phone=resume.phone, links=list(resume.links))
        out["matched_evidence"] = [m.to_dict() for m in self.score.matched]
        out["error"] = None
        return out


@dataclass(frozen=True, slots=True)
class Ranking:
    """Ranked entries, best first, then failures (by path).

    A blind ranking (``rank(..., blind=True)``) shows a candidate id in each entry's ``path``;
    ``blind_key`` pairs each id with its file, for the employer to keep.
    Examples
    --------
    >>> s = Score(80.0, {"skills": 0.8}, checks=(), matched=(), missing=(), knocked_out=False)
    >>> bad = RankEntry("bad.pdf", None, None, None, Failure("damaged", "bad.pdf: the PDF is damaged"))
    >>> ranking = Ranking(Posting("Analyst", (), None, None, None, ()), (RankEntry("a.txt", 1, s, None), bad))
    >>> [e.path for e in ranking.ranked], [e.path for e in ranking.failures]
    (['a.txt'], ['bad.pdf'])
    >>> [row["score"] for row in ranking.to_list()]
    [80, None]
    """

    posting: Posting
    entries: Sequence[RankEntry]  # a tuple; past ``keep_in_memory`` entries, read from disk as iterated
    blind: bool = field(default=False, kw_only=True)
    blind_key: tuple[tuple[str, str], ...] = field(default=(), kw_only=True)
    #: hidden files and folders (a leading ".") skipped under the folders given
    hidden: int = field(default=0, kw_only=True)

    @property
    def ranked(self) -> tuple[RankEntry, ...]:
        """The entries that were scored."""
        return tuple(e for e in self.entries if e.score is not None)

    @property
    def counts(self) -> tuple[int, int]:
        """How many entries were ranked and how many failed, without reading spilled entries."""
        if isinstance(self.entries, SpilledEntries):
            ranked = self.entries.ranked_count
        else:
            ranked = sum(e.score is not None for e in self.entries)
        return ranked, len(self.entries) - ranked

    @property
    def failures(self) -> tuple[RankEntry, ...]:
        """The files that could not be read, with their error."""
        return tuple(e for e in self.entries if e.score is None)

    def to_list(self) -> list[dict[str, Any]]:
        """Return the JSON contract form: a list, best first, failures last."""
        return [e.to_dict() for e in self.entries]


def _parse_all(
    files: list[Path],
    engine: str,
    workers: int | None,
    cache_path: str | Path | None,
    limits: Limits,
    start_method: str | None,
    progress: Callable[[int, int, int], None] | None = None,
    scheduler: Any = None,
    cache_max_bytes: int | None = None,
) -> Generator[tuple[Path, Resume | None, bytes | None, RankEntry | None], None, None]:
    """Every file as a parsed Resume (from the cache, or parsed now) with its packed TF-IDF vector
    when there is a cache (None without one), or as a failure entry."""

    import sqlite3
    import warnings

    from matcher.batch._cache import content_key, open_cache, path_key
    from matcher.batch._parsing import parse_file
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
    blind: bool = False,
    cache_max_mb: float | None = DEFAULT_CACHE_MAX_MB,
    keep_in_memory: int = IN_MEMORY,
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
    blind : bool
        Blind review: each entry shows a stable candidate id (from the file's content) instead of
        its path, and no name, e-mail, phone, links, street address, date of birth, age or
        graduation year, in evidence quotes neither; ``Ranking.blind_key`` maps ids to files. The
        scores are those of an open ranking.
    cache_max_mb : float, optional
        The cache's size cap in MB (default ``DEFAULT_CACHE_MAX_MB``; None: no cap): past it the
        least recently used entries are dropped.
    keep_in_memory : int
        Scored entries held as objects (default 20,000, about 14 KB each); the others go to a
        temporary file as they are scored and ``entries`` reads them back one at a time, in rank
        order, so memory stays flat however big the folder.

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
    scored: list[tuple[bool, float, str, Any]] = []  # sort key, then (resume, score) or where spilled
    spill: Spill | None = None
    batch: list[tuple[Path, Resume, bytes | None]] = []
    shared = Shared()
    posting_vectors: list[bytes] = []  # made (or read from the cache) for the first batch

    def score_batch() -> None:
        nonlocal spill
        # one sparse matrix product per batch (each resume's similarity is still its own); the
        # text is dropped once scored, so memory does not grow with every resume's text. Cached
        # resumes bring their vector; the others are vectorised here, together, the same way.
        made = iter(pack_vectors([resume.text for _, resume, vector in batch if vector is None]))
        vectors = [next(made) if vector is None else vector for _, _, vector in batch]
        if not posting_vectors:
            from matcher.batch._postings import posting_vector

            posting_vectors.append(posting_vector(posting.text, cache))
        sims = similarities_of_packed(posting_vectors[0], vectors)
        for (path, parsed, _), sim in zip(batch, sims, strict=True):
            try:  # the facts as written, worked out for the day of this ranking, then scored
                resume = resolve_dates(parsed, day)
                copied = posting_copied(posting.text, resume.text)
                if copied:
                    resume = dataclasses.replace(resume, integrity=(*resume.integrity, *copied))
                result = score(posting, resume, weights=weights, similarity=sim)
            except Exception as exc:  # a bug on one file lists that file; the ranking goes on
                failed.append(RankEntry(str(path), None, None, None, failure_of(exc, path)))
                continue
            payload: Any = (shared.resume(resume), shared.score(result))
            if len(scored) >= keep_in_memory:
                spill = spill or Spill()
                payload = spill.put(*payload)
            scored.append((result.knocked_out, -result.total, str(path), payload))
        batch.clear()

    # closing: an interrupt stops the workers and closes the cache at once, not when collected
    cap = None if cache_max_mb is None else int(cache_max_mb * (1 << 20))
    with contextlib.closing(
        _parse_all(files, engine, workers, cache, limits, start_method, progress, scheduler, cap)
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
    scored.sort(key=lambda item: item[:3])
    if top is not None:
        scored = scored[: max(0, top)]
    failed.sort(key=lambda e: e.path)
    if spill is not None:  # read back from the file one at a time, in rank order
        spilled = SpilledEntries([(i[2], i[3]) for i in scored], failed, spill, RankEntry)
        if blind:  # blinding reads every entry (a blind ranking is held in memory)
            return _blinded(posting, tuple(spilled), found.hidden)
        return Ranking(posting, spilled, hidden=found.hidden)
    entries = [RankEntry(p, i, s, r) for i, (_, _, p, (r, s)) in enumerate(scored, 1)]
    if blind:
        return _blinded(posting, (*entries, *failed), found.hidden)
    return Ranking(posting, (*entries, *failed), hidden=found.hidden)


def _blinded(posting: Posting, entries: tuple[RankEntry, ...], hidden: int) -> Ranking:
    """The ranking with a candidate id for each file and the candidates' identities left out."""
    from matcher.batch._blind import blind_entry_parts, candidate_id

    out = []
    key = []
    for entry in entries:
        ident = candidate_id(entry.path)
        key.append((ident, entry.path))
        resume, result, failure = blind_entry_parts(
            entry.path, ident, entry.resume, entry.score, entry.failure
        )
        out.append(RankEntry(ident, entry.rank, result, resume, failure))
    # failures by id: in the order of their file names they would hint at the names
    ranked = [e for e in out if e.score is not None]
    failures = sorted((e for e in out if e.score is None), key=lambda e: e.path)
    return Ranking(posting, (*ranked, *failures), blind=True, blind_key=tuple(sorted(key)), hidden=hidden)
