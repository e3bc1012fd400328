"""``rank``: score every resume in files and folders against one posting.

Every file ends as a ranked entry or a listed failure with its error kind and message; failures
come last; ties are broken by path, so the same inputs always give the same order.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matcher._processes import start_context
from matcher.batch._cache_lru import DEFAULT_CACHE_MAX_MB
from matcher.batch._collector import young_collections_only
from matcher.batch._compact import Shared
from matcher.batch._listing import survey
from matcher.batch._parse_all import parse_all
from matcher.batch._ranking import RankEntry, Ranking
from matcher.batch._score_pool import (
    POOL_FROM,
    Scored,
    Stored,
    StoredScoring,
    pool_possible,
)
from matcher.batch._scored import Scoring
from matcher.batch._spill import IN_MEMORY, Spill, SpilledEntries
from matcher.errors import InputError
from matcher.records import Posting, Resume
from matcher.scoring import Weights

if TYPE_CHECKING:
    from matcher.extract import Limits

_SCORE_BATCH = 512  # resumes scored together: one TF-IDF product each, and a bound on memory
_POOL_BATCH = 128  # cached files handed to a scoring worker at once

__all__ = ["rank"]


class _Tally:
    """What ``progress`` is told: files done of all files, and every failure, the ones decided
    after parsing too (a cached file's stored failure or a twin, found by a scoring worker; a
    resume that failed to score), and a second pass over files the cache could not give back
    counted as those files, not again from zero."""

    def __init__(self, progress: Callable[[int, int, int], None] | None, total: int) -> None:
        self.progress, self.total = progress, total
        self.done = self.failures = self.later = 0
        self.done_before = self.failures_before = 0

    def parsed(self, done: int, _total: int, failures: int) -> None:
        self.done, self.failures = self.done_before + done, self.failures_before + failures
        self._tell()

    def failed(self) -> None:
        self.later += 1
        self._tell()

    def again(self, count: int) -> None:
        """``count`` files, counted done already, are parsed again from here."""
        self.done_before, self.failures_before = self.done - count, self.failures

    def _tell(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total, self.failures + self.later)


@young_collections_only()  # the entries kept are not walked again and again (_collector)
def rank(
    posting: Posting,
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    weights: Weights | None = None,
    as_of: date | None = None,
    top: int | None = None,
    engine: str = "auto",
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
        PDF engine: auto (default; pdfium, pypdf for a file pdfium cannot read), pypdf or pdfium.
    workers : int, optional
        Worker processes that parse the files (default: the machine's cores; 0 parses in this
        process, without the time and memory caps). In a folder of 2,000 files or more, the
        cached ones are also read and scored by that many forked workers (Linux).
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
        Called as ``progress(done, total, failed)`` after each file, and when a file's failure
        is found after it was counted done (by a scoring worker, or in scoring).
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
        order, so memory stays flat however big the folder. Entries scored by the scoring workers
        (the cached files of a folder of 2,000 or more) go to that file from the first.

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
    tally = _Tally(progress, len(files))
    scored: list[tuple[bool, float, str, Any]] = []  # sort key, then (resume, score) or where spilled
    spill: Spill | None = None
    batch: list[tuple[str, Resume, bytes | None]] = []
    shared = Shared()
    scorings: list[Scoring] = []  # made (the posting's vector read from the cache) when first needed
    digests: dict[str, str] = {}
    count = (os.cpu_count() or 1) if workers is None else workers
    # a big folder's cached resumes are read and scored by worker processes (_score_pool)
    pooled = (  # and a cache to read: a first run has none yet
        cache is not None
        and len(files) >= POOL_FROM
        and pool_possible(count, start_method)
        and Path(cache).is_file()
    )
    pool: StoredScoring | None = None
    unread: list[tuple[str, Stored]] = []  # cached files for the scoring workers
    again: list[Path] = []  # their stored rows could not be read: parsed again

    def scoring() -> Scoring:
        if not scorings:
            from matcher.batch._postings import posting_vector

            scorings.append(Scoring(posting, weights, day, posting_vector(posting.text, cache)))
        return scorings[0]

    def keep(path: str, knocked_out: bool, total: float, payload: Any) -> None:
        nonlocal spill
        if isinstance(payload, bytes):  # encoded already (scored in a batch a worker gave back)
            spill = spill or Spill()
            payload = spill.put_encoded(payload)
        elif isinstance(payload[0], int):  # where a scoring worker wrote it in the spill
            pass
        elif len(scored) >= keep_in_memory:
            spill = spill or Spill()
            payload = spill.put(*payload)
        scored.append((knocked_out, -total, path, payload))

    def score_batch() -> None:
        # one sparse matrix product per batch (each resume's similarity is still its own); the
        # text is dropped once scored, so memory does not grow with every resume's text. Cached
        # resumes bring their vector; the others are vectorised together, the same way.
        for path, resume, result, failure in scoring().score_batch(batch):
            if result is None:
                failed.append(RankEntry(path, None, None, None, failure))
                tally.failed()
            else:
                keep(path, result.knocked_out, result.total, (shared.resume(resume), shared.score(result)))
        batch.clear()

    def take(outcome: Scored) -> None:
        if outcome.entry is not None or outcome.where is not None:
            keep(outcome.path, outcome.knocked_out, outcome.total, outcome.where or outcome.entry)
        elif outcome.failure is not None:
            failed.append(RankEntry(outcome.path, None, None, None, outcome.failure))
            tally.failed()
        else:
            again.append(Path(outcome.path))

    def hand_out() -> None:
        nonlocal unread
        assert pool is not None
        for outcome in pool.submit(unread, scoring()):
            take(outcome)
        unread = []  # a new list: the pool keeps the old one until its batch is done

    def parse_and_score(files: list[Path], pooled: bool) -> None:
        # closing: an interrupt stops the workers and closes the cache at once, not when collected
        cap = None if cache_max_mb is None else int(cache_max_mb * (1 << 20))
        with contextlib.closing(
            parse_all(
                files, engine, workers, cache, limits, start_method, tally.parsed, scheduler, cap, pooled
            )
        ) as results:
            for path, resume, vector, failure, digest in results:
                name = str(path)  # one string for the digests and the entry: 250,000 of them add up
                if digest is not None:  # the run log names each file by the digest of the bytes ranked
                    digests[name] = digest
                if failure is not None:
                    failed.append(failure)
                elif isinstance(resume, Stored):
                    unread.append((name, resume))
                    if len(unread) >= _POOL_BATCH:
                        hand_out()
                else:
                    assert resume is not None
                    batch.append((name, resume, vector))
                    if len(batch) >= _SCORE_BATCH:
                        score_batch()

    try:
        if pooled:  # forked first: no thread running yet, no cache open in this process
            assert cache is not None
            spill = Spill()  # with a file for each worker to write its entries to
            pool = StoredScoring(Scoring(posting, weights, day, b""), Path(cache), count, spill)
        parse_and_score(files, pooled)
        if unread:
            hand_out()
        for outcome in pool.rest() if pool is not None else ():
            take(outcome)
    finally:
        if pool is not None:
            pool.close()
    if again:  # the cache answers for them no more: parsed and stored anew
        tally.again(len(again))
        parse_and_score(again, False)
    if batch:
        score_batch()
    if spill is not None and not any(isinstance(item[3][0], int) for item in scored):
        spill.close()  # made for the scoring workers, and nothing was kept in it
        spill = None
    # knocked-out candidates stay listed, below the others; ties go by path
    scored.sort(key=lambda item: item[:3])
    if top is not None:
        scored = scored[: max(0, top)]
    failed.sort(key=lambda e: e.path)
    if spill is not None:  # read back from the file one at a time, in rank order
        spilled = SpilledEntries([(i[2], i[3]) for i in scored], failed, spill, RankEntry)
        if blind:  # blinding reads every entry (a blind ranking is held in memory)
            return _blinded(posting, tuple(spilled), found.hidden, digests)
        return Ranking(posting, spilled, hidden=found.hidden, digests=digests)
    entries = [RankEntry(p, i, s, r) for i, (_, _, p, (r, s)) in enumerate(scored, 1)]
    if blind:
        return _blinded(posting, (*entries, *failed), found.hidden, digests)
    return Ranking(posting, (*entries, *failed), hidden=found.hidden, digests=digests)


def _blinded(
    posting: Posting, entries: tuple[RankEntry, ...], hidden: int, digests: dict[str, str]
) -> Ranking:
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
    entries = (*ranked, *failures)
    return Ranking(posting, entries, blind=True, blind_key=tuple(sorted(key)), hidden=hidden, digests=digests)
