"""The web app's work, apart from HTTP: jobs from posting files, corrected requirements, resumes
parsed in the background by the library's workers, rankings, decisions and exports.

Everything here calls the library (``analyze_posting_file``, ``correct_posting``, ``rank``,
``to_csv``, ``to_html``); nothing here reads or scores a document itself.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast, get_args

from matcher.batch import RankEntry, Ranking, ResumeCache, file_key, rank
from matcher.errors import FileTooLargeError, InputError, MatcherError
from matcher.extract import DEFAULT_LIMITS
from matcher.outputs import to_csv, to_html
from matcher.posting import analyze_posting_file, correct_posting
from matcher.records import CheckName, Posting, Resume
from matcher.resume import resolve_dates
from matcher.scoring import Weights
from matcher.web._store import Candidate, JobRow, Store
from matcher.web._uploads import UploadLimits, expand_uploads, suffix_of

__all__ = ["CHECK_NAMES", "NotFoundError", "RankState", "UploadLimits", "Workspace"]


class NotFoundError(InputError):
    """No such job or candidate (HTTP 404).

    Examples
    --------
    >>> import tempfile
    >>> ws = Workspace(tempfile.mkdtemp(), workers=0)
    >>> try:
    ...     ws.job(99)
    ... except NotFoundError as exc:
    ...     print(exc.kind, "-", exc, "-", isinstance(exc, InputError))
    not_found - no job 99 - True
    >>> ws.close()
    """

    kind = "not_found"


#: The checks a failure of which can knock a candidate out (``Weights.knockouts``).
CHECK_NAMES: tuple[str, ...] = get_args(CheckName)


@dataclass
class RankState:
    """A job's ranking as the background parsing leaves it: ``status`` parsing or done.

    Examples
    --------
    >>> import tempfile
    >>> ws = Workspace(tempfile.mkdtemp(), workers=0)
    >>> job = ws.create_job("job.txt", b"Data Analyst\\nRequirements: SQL and Excel.")
    >>> resumes = [("ann.txt", b"Ann Lee\\nSKILLS\\nSQL"), ("bob.txt", b"Bob Roe\\nSKILLS\\nExcel")]
    >>> _ = ws.add_resumes(job, resumes)
    >>> state = ws.wait(job)
    >>> state.status, state.done, state.total, state.error, len(state.ranking.entries)
    ('done', 2, 2, None, 2)
    >>> ws.close()
    """

    status: str = "done"
    done: int = 0
    total: int = 0
    ranking: Ranking | None = None
    error: str | None = None
    running: bool = False
    dirty: bool = False


class Workspace:
    """One data folder's jobs and candidates, and the background rankings of them.

    ``workers``, ``as_of`` and ``start_method`` are :func:`matcher.rank`'s; ``timeout`` is the
    seconds one resume may take in a worker (the library's 10 s by default); ``limits`` caps uploads.

    Examples
    --------
    >>> import tempfile
    >>> ws = Workspace(tempfile.mkdtemp(), workers=0)
    >>> job = ws.create_job("job.txt", b"Data Analyst\\nRequirements: SQL and Excel.")
    >>> [s["name"] for s in ws.job(job).posting["skills"]]
    ['SQL', 'Excel']
    >>> ws.add_resumes(job, [("ann.txt", b"Ann Lee\\nSKILLS\\nSQL")])["accepted"]
    1
    >>> state = ws.wait(job)
    >>> [(e.path, e.rank) for e in state.ranking.entries]
    [('ann.txt', 1)]
    >>> ws.close()
    """

    def __init__(
        self,
        folder: str | Path,
        *,
        workers: int | None = None,
        limits: UploadLimits | None = None,
        as_of: date | None = None,
        start_method: str | None = None,
        timeout: float = DEFAULT_LIMITS.max_seconds,
    ) -> None:
        self.store = Store(folder)
        self.timeout = timeout
        self.cache_path = self.store.folder / "resume-cache.sqlite"
        self.workers = workers
        self.limits = limits or UploadLimits()
        self.as_of = as_of
        self.start_method = start_method
        self._lock = threading.Lock()
        self._warming = threading.Lock()
        self._states: dict[int, RankState] = {}
        self._postings: dict[tuple[int, int], Posting] = {}
        self._threads: list[threading.Thread] = []

    def warm(self, *, background: bool = False) -> None:
        """Load what reading postings and resumes needs (spaCy, the taxonomy, the word lists, the
        IDF model, pypdf) now, so the first posting is read sooner and the workers forked for the
        first upload start warm. A posting or a ranking that comes meanwhile waits for it instead of
        loading the same things again; ``background`` returns at once (the web server answers pages
        meanwhile)."""
        self._warming.acquire()
        if background:
            threading.Thread(target=self._warm, name="matcher-warm-up", daemon=True).start()
        else:
            self._warm()

    def _warm(self) -> None:
        import pypdf  # noqa: F401  (imported here, so forked workers have it)

        from matcher.posting import analyze_posting
        from matcher.resume import parse_resume_text
        from matcher.scoring import similarity

        try:
            posting = analyze_posting("Engineer\nRequirements: Python and SQL, 3+ years, a BSc degree.")
            resume = parse_resume_text("Ann Lee\nEXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nPythonand SQL")
            similarity(posting.text, resume.visible_text)
        finally:
            self._warming.release()

    def close(self) -> None:
        """Wait for background work to end and close the database."""
        for thread in list(self._threads):
            thread.join()
        self.store.close()

    # -- jobs ---------------------------------------------------------------------------------

    def create_job(self, name: str, data: bytes) -> int:
        """A job from a posting file's bytes (``name`` only gives the type: .txt, .md, .pdf, .html,
        .docx); raises a ``MatcherError`` for a posting that cannot be read."""
        import tempfile

        suffix = suffix_of(name) or ".txt"
        if len(data) > self.limits.max_file_bytes:
            raise FileTooLargeError(
                f"{name}: {len(data):,} bytes is over the {self.limits.max_file_bytes:,}-byte limit"
            )
        with self._warming:
            pass
        with tempfile.TemporaryDirectory() as tmp:  # read first: a posting that fails is not stored
            trial = Path(tmp) / f"posting{suffix}"
            trial.write_bytes(data)
            posting = analyze_posting_file(trial)
        sha = self.store.put_file(data, suffix)
        job_id = self.store.add_job(posting.title, Path(name).name, sha, posting.to_dict())
        self._postings[(job_id, 1)] = posting
        return job_id

    def job(self, job_id: int) -> JobRow:
        """The job, or an InputError when there is none."""
        row = self.store.job(job_id)
        if row is None:
            raise NotFoundError(f"no job {job_id}")
        return row

    def analysed(self, job_id: int) -> Posting:
        """The posting as read (version 1), analysed again from its stored file when not in memory."""
        row = self.job(job_id)
        key = (job_id, 1)
        if key not in self._postings:
            self._postings[key] = analyze_posting_file(self.store.file_path(row.posting_sha))
        return self._postings[key]

    def posting(self, job_id: int) -> tuple[Posting, Weights]:
        """The job's posting as corrected (its latest version), and the weights with its knockouts."""
        row = self.job(job_id)
        key = (job_id, row.version)
        if key not in self._postings:
            self._postings[key] = correct_posting(self.analysed(job_id), row.corrections)
        return self._postings[key], Weights(knockouts=cast(Any, row.knockouts))

    def correct(self, job_id: int, body: dict[str, Any]) -> JobRow:
        """Keep a new version of the requirements: ``body`` is the posting JSON shape (see
        :func:`matcher.posting.correct_posting`) with ``knockouts`` (check names) beside it; the
        corrections are applied to the posting as read, and the ranking is made again."""
        if not isinstance(body, dict):
            raise InputError(f"the requirements must be a JSON object, got {type(body).__name__}")
        corrections = dict(body)
        current = self.job(job_id)
        knockouts = corrections.pop("knockouts", list(current.knockouts))
        if not isinstance(knockouts, list | tuple) or not all(k in CHECK_NAMES for k in knockouts):
            raise InputError(f"knockouts must be a list of {', '.join(CHECK_NAMES)}; got {knockouts!r}")
        for key in ("title", "certifications", "languages", "sections", "version"):
            corrections.pop(key, None)  # echoed back from the posting JSON: derived, not corrections
        merged = {**current.corrections, **corrections}
        if "skills" in corrections and "skills" in current.corrections:
            merged["skills"] = [*current.corrections["skills"], *corrections["skills"]]
        posting = correct_posting(self.analysed(job_id), merged)
        version = self.store.add_version(job_id, merged, tuple(knockouts), posting.to_dict())
        self._postings[(job_id, version)] = posting
        self._schedule(job_id)
        return self.job(job_id)

    # -- resumes ------------------------------------------------------------------------------

    def add_resumes(self, job_id: int, uploads: Iterable[tuple[str, bytes]]) -> dict[str, Any]:
        """Store resume files (by content hash) for a job and start parsing them in the background.

        A .zip is opened and its resumes taken. Returns ``{"accepted": n, "duplicates": n,
        "failures": [{"name", "kind", "message"}]}``: unsupported or oversized files are listed,
        not stored.
        """
        self.job(job_id)
        accepted = duplicates = 0
        failures: list[dict[str, str]] = []
        for name, data in expand_uploads(uploads, self.limits, failures):
            sha = self.store.put_file(data, suffix_of(name))
            if self.store.add_candidate(job_id, sha, Path(name).name or sha):
                accepted += 1
            else:
                duplicates += 1
        if accepted:
            self._schedule(job_id)
        return {"accepted": accepted, "duplicates": duplicates, "failures": failures}

    # -- ranking ------------------------------------------------------------------------------

    def _schedule(self, job_id: int) -> None:
        with self._lock:
            state = self._states.setdefault(job_id, RankState())
            state.dirty, state.status = True, "parsing"
            if state.running:
                return
            state.running = True
            thread = threading.Thread(
                target=self._work, args=(job_id, state), name=f"rank-job-{job_id}", daemon=True
            )
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def _work(self, job_id: int, state: RankState) -> None:
        with self._warming:  # workers forked after the warm-up start warm
            pass
        while True:
            with self._lock:
                if not state.dirty:
                    state.running, state.status = False, "done"
                    return
                state.dirty = False
            try:
                posting, weights = self.posting(job_id)
                candidates = self.store.candidates(job_id)
                state.total, state.done = len(candidates), 0

                def progress(done: int, total: int, failed: int) -> None:
                    state.done, state.total = done, total

                ranking = rank(
                    posting,
                    [c.path for c in candidates],
                    weights=weights,
                    as_of=self.as_of,
                    workers=self.workers,
                    cache=self.cache_path,
                    limits=dataclasses.replace(DEFAULT_LIMITS, max_seconds=self.timeout),
                    start_method=self.start_method,
                    progress=progress,
                )
                by_path = {str(c.path): c for c in candidates}
                entries = tuple(_shown(e, by_path[e.path].name) for e in ranking.entries)
                state.ranking, state.error = Ranking(ranking.posting, entries), None
                state.done = state.total = len(candidates)
            except Exception as exc:  # the job shows what went wrong; the app goes on
                state.error = str(exc) if isinstance(exc, MatcherError) else f"{type(exc).__name__}: {exc}"

    def state(self, job_id: int) -> RankState:
        """The job's ranking state; the first look after a start ranks it (from the cache)."""
        self.job(job_id)
        with self._lock:
            state = self._states.get(job_id)
        if state is None:
            self._schedule(job_id)
            state = self._states[job_id]
        return state

    def wait(self, job_id: int, timeout: float | None = None) -> RankState:
        """Wait until the job's ranking is done (for scripts and tests) and return its state."""
        import time

        state = self.state(job_id)
        deadline = None if timeout is None else time.monotonic() + timeout
        while state.running or state.dirty:
            if deadline is not None and time.monotonic() > deadline:
                break
            time.sleep(0.02)
        return state

    def candidate(self, job_id: int, ref: str) -> Candidate:
        """A job's candidate by content hash or shown name, with its current decision."""
        for c in self.store.candidates(job_id):
            if ref in (c.sha, c.name):
                return c
        raise NotFoundError(f"job {job_id} has no candidate {ref!r}")

    def resume_text(self, job_id: int, candidate: Candidate) -> Resume | None:
        """The candidate's parsed resume with its text (from the resume cache), dates resolved."""
        cache = ResumeCache(self.cache_path)
        try:
            found = cache.get(file_key(candidate.path.read_bytes(), engine="auto", limits=DEFAULT_LIMITS))
        finally:
            cache.close()
        return None if found is None else resolve_dates(found, self.as_of or date.today())

    def decide(self, job_id: int, ref: str, decision: str | None, note: str) -> Candidate:
        """Record a decision (shortlist, hold, reject, or None to clear) and a note."""
        candidate = self.candidate(job_id, ref)
        self.store.decide(job_id, candidate.sha, decision or None, note)
        return self.candidate(job_id, candidate.sha)

    def export_csv(self, job_id: int) -> str:
        """The ranking as CSV (formula-safe) with each candidate's decision and note."""
        state = self.wait(job_id)
        assert state.ranking is not None
        by_name = {c.name: c for c in self.store.candidates(job_id)}

        def of(entry: RankEntry, what: str) -> str:
            c = by_name.get(entry.path)
            return "" if c is None else (c.decision or "") if what == "decision" else c.note

        return to_csv(
            state.ranking,
            columns={
                "decision": lambda e: of(e, "decision"),
                "note": lambda e: of(e, "note"),
            },
        )

    def export_html(self, job_id: int) -> str:
        """The self-contained HTML report of the ranking."""
        state = self.wait(job_id)
        assert state.ranking is not None
        return to_html(state.ranking)


def _shown(entry: RankEntry, name: str) -> RankEntry:
    """The entry under the name its file was uploaded as (the stored name is a hash)."""
    resume = dataclasses.replace(entry.resume, source=name) if entry.resume is not None else None
    failure = entry.failure
    if failure is not None:
        message = failure.message.replace(entry.path, name).replace(Path(entry.path).name, name)
        failure = dataclasses.replace(failure, message=message)
    return dataclasses.replace(entry, path=name, resume=resume, failure=failure)
