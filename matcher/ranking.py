"""``rank``: score every resume in files and folders against one posting.

Every file ends as a ranked entry or a listed failure with its error kind and message; failures
come last; ties are broken by path, so the same inputs always give the same order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from matcher.errors import InputError, MatcherError
from matcher.records import Posting, Resume, Score
from matcher.scoring import Weights, score

__all__ = ["RankEntry", "Ranking", "find_resumes", "rank"]

RESUME_SUFFIXES = (".pdf", ".docx", ".txt")


@dataclass(frozen=True, slots=True)
class RankEntry:
    """One file of a ranking: its score and parsed resume, or the error that stopped it."""

    path: str
    rank: int | None
    score: Score | None
    resume: Resume | None
    error_kind: str | None = None
    error_message: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form (DESIGN.md section 5)."""
        out: dict[str, Any] = {"rank": self.rank, "path": self.path}
        if self.score is None:
            out["score"] = None
            out["error"] = {"kind": self.error_kind, "message": self.error_message}
            return out
        out.update(self.score.to_dict())
        out["error"] = None
        return out


@dataclass(frozen=True, slots=True)
class Ranking:
    """Ranked entries, best first, then failures (by path)."""

    posting: Posting
    entries: tuple[RankEntry, ...]

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


def find_resumes(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, and the .pdf/.docx/.txt files under folders (recursively), sorted.

    Raises InputError for a path that does not exist.
    """
    found: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in RESUME_SUFFIXES)
        elif path.is_file():
            found.add(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return sorted(found, key=lambda p: str(p))


def rank(
    posting: Posting,
    paths: Iterable[str | Path],
    *,
    weights: Weights | None = None,
    as_of: date | None = None,
    top: int | None = None,
    engine: str = "pypdf",
) -> Ranking:
    """Rank the resumes in ``paths`` (files, or folders searched recursively) for ``posting``.

    Parameters
    ----------
    posting : Posting
        From :func:`matcher.analyze_posting` or :func:`matcher.analyze_posting_file`.
    paths : iterable of str or Path
        Resume files (.pdf, .docx, .txt) and folders.
    weights : Weights, optional
        Scoring weights and knockouts (see :class:`matcher.Weights`).
    as_of : date, optional
        What "Present" means in the resumes (default: today).
    top : int, optional
        Keep only the best ``top`` ranked entries (failures are always listed).
    engine : str
        PDF engine: pypdf (default), pdfium or auto.

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
    >>> [(e.rank, pathlib.Path(e.path).name, e.error_kind) for e in ranking.entries]
    [(1, 'a.txt', None), (2, 'b.txt', None), (None, 'c.pdf', 'unsupported')]
    """
    from matcher.resume import parse_resume

    weights = weights or Weights()
    scored: list[tuple[Path, Resume, Score]] = []
    failed: list[RankEntry] = []
    for path in find_resumes(paths):
        try:
            resume = parse_resume(path, as_of=as_of, engine=engine)
        except MatcherError as exc:
            failed.append(RankEntry(str(path), None, None, None, exc.kind, str(exc)))
            continue
        scored.append((path, resume, score(posting, resume, weights=weights)))
    # knocked-out candidates stay listed, below the others; ties go by path
    scored.sort(key=lambda item: (item[2].knocked_out, -item[2].total, str(item[0])))
    if top is not None:
        scored = scored[: max(0, top)]
    entries = [RankEntry(str(p), i, s, r) for i, (p, r, s) in enumerate(scored, 1)]
    return Ranking(posting, (*entries, *sorted(failed, key=lambda e: e.path)))
