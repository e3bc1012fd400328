"""The records of a ranking: ``RankEntry`` (one file: its rank, score and resume, or why it is
not ranked) and ``Ranking`` (the posting and every entry, best first, failures last)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from matcher.batch._spill import ShownResume, SpilledEntries
from matcher.records import Failure, Posting, Resume, Score

__all__ = ["RankEntry", "Ranking", "ShownEntry"]


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
        return _entry_dict(self.path, self.rank, self.score, self.resume, self.failure)


@dataclass(frozen=True, slots=True)
class ShownEntry:
    """An entry of a ranking as its JSON and the run log read it: ``resume`` is the whole
    :class:`Resume`, or for an entry read back from disk only what the JSON shows of it
    (:class:`ShownResume`: name, contacts, links, integrity findings), which is several times
    quicker to read. See :meth:`Ranking.iter_shown`.

    Examples
    --------
    >>> ShownEntry("cv.pdf", None, None, None, Failure("encrypted", "cv.pdf: needs a password")).to_dict()
    {'rank': None, 'path': 'cv.pdf', 'score': None, 'error': {'kind': 'encrypted', 'message': 'cv.pdf: ...'}}
    """

    path: str
    rank: int | None
    score: Score | None
    resume: Resume | ShownResume | None
    failure: Failure | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract form, the same as :meth:`RankEntry.to_dict`."""
        return _entry_dict(self.path, self.rank, self.score, self.resume, self.failure)


def _entry_dict(
    path: str,
    rank: int | None,
    score: Score | None,
    resume: Resume | ShownResume | None,
    failure: Failure | None,
) -> dict[str, Any]:
    """An entry's JSON contract form (``RankEntry.to_dict``)."""
    if score is None:
        return {"rank": rank, "path": path, "score": None, "error": failure.to_dict() if failure else None}
    out: dict[str, Any] = {"rank": rank, "path": path}
    out.update(score.to_dict())
    out["integrity"] = [f.to_dict() for f in resume.integrity] if resume else []
    if resume is not None:  # who the candidate is, and where each matched skill was seen
        out.update(name=resume.name, email=resume.email, phone=resume.phone, links=list(resume.links))
    out["matched_evidence"] = [m.to_dict() for m in score.matched]
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
    #: the SHA-256 (hex) of the bytes ranked, by file path (the real one in a blind ranking), for
    #: the files that were read; the run log takes them instead of reading every file again
    digests: Mapping[str, str] = field(default_factory=dict, kw_only=True, compare=False, repr=False)

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
        return list(self.iter_dicts())

    def iter_dicts(self) -> Iterator[dict[str, Any]]:
        """Each entry's JSON contract form, best first, failures last, one at a time: entries
        held on disk are read only as far as their JSON needs."""
        for entry in self.iter_shown():
            yield entry.to_dict()

    def iter_shown(self) -> Iterator[ShownEntry]:
        """Each entry as a :class:`ShownEntry`, best first, failures last, one at a time: what the
        JSON and the run log read, without reading the whole of an entry held on disk."""
        if isinstance(self.entries, SpilledEntries):
            yield from self.entries.shown(ShownEntry)
        else:
            for e in self.entries:
                yield ShownEntry(e.path, e.rank, e.score, e.resume, e.failure)
