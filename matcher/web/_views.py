"""What the pages show, from the library's records: text cut into highlighted pieces at the
evidence the records carry, and a ranking's rows sorted, filtered and cut into pages."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from matcher.batch import RankEntry, Ranking
from matcher.records import Posting
from matcher.web._store import Candidate

__all__ = ["Row", "highlight", "posting_marks", "rows_of", "table"]

SORTS = ("rank", "score", "name", "matched", "missing")


def highlight(text: str, marks: Iterable[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """Cut ``text`` into ``(piece, mark)`` pairs: ``mark`` is the label of the span a piece is in
    (overlapping spans are joined, their labels too), None outside every span."""
    spans = sorted((max(0, s), min(len(text), e), label) for s, e, label in marks if e > s)
    merged: list[list[Any]] = []
    for start, end, label in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            if label not in merged[-1][2]:
                merged[-1][2].append(label)
        else:
            merged.append([start, end, [label]])
    out: list[tuple[str, str | None]] = []
    at = 0
    for start, end, labels in merged:
        if start > at:
            out.append((text[at:start], None))
        out.append((text[start:end], " ".join(labels)))
        at = end
    if at < len(text):
        out.append((text[at:], None))
    return out


def find_evidence(text: str, evidence: str, near: int = 0) -> tuple[int, int] | None:
    """Where ``evidence`` (a sentence or line the library quoted) is in ``text``: the occurrence
    nearest ``near``, or None."""
    if not evidence:
        return None
    starts: list[int] = []
    at = text.find(evidence)
    while at >= 0 and len(starts) < 50:
        starts.append(at)
        at = text.find(evidence, at + 1)
    if not starts:
        return None
    best = min(starts, key=lambda s: abs(s - near))
    return best, best + len(evidence)


def posting_marks(posting: Posting) -> list[tuple[int, int, str]]:
    """The evidence sentence of each skill of the posting, labelled ``ev-N`` by its position, and
    of the degree (``ev-degree``)."""
    marks = []
    for i, skill in enumerate(posting.skills):
        where = find_evidence(posting.text, skill.evidence, skill.start)
        if where is not None:
            marks.append((where[0], where[1], f"ev-{i}"))
    if posting.degree is not None:
        where = find_evidence(posting.text, posting.degree.evidence)
        if where is not None:
            marks.append((where[0], where[1], "ev-degree"))
    return marks


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the ranking table."""

    entry: RankEntry
    candidate: Candidate | None

    @property
    def name(self) -> str:
        resume = self.entry.resume
        return (resume.name if resume and resume.name else None) or self.entry.path

    @property
    def score(self) -> float:
        return self.entry.score.total if self.entry.score else -1.0

    def check(self, name: str) -> str | None:
        """The status of one check, or None when the score has no such check."""
        if self.entry.score is None:
            return None
        return next((c.status for c in self.entry.score.checks if c.name == name), None)


def rows_of(ranking: Ranking, candidates: Mapping[str, Candidate]) -> list[Row]:
    """Every ranked entry with its candidate (decision and note)."""
    return [Row(e, candidates.get(e.path)) for e in ranking.ranked]


def table(
    rows: list[Row],
    *,
    sort: str = "rank",
    desc: bool = False,
    checks: Mapping[str, str] | None = None,
    decision: str = "",
    query: str = "",
    page: int = 1,
    per_page: int = 50,
) -> tuple[list[Row], int, int]:
    """Filter, sort and cut the rows into pages; return (the page's rows, matching rows, pages).

    ``checks`` keeps rows whose check has the status asked ({"degree": "pass"}); ``decision``
    keeps one decision ("none" for undecided); ``query`` matches names and file names.
    """
    kept = rows
    for name, status in (checks or {}).items():
        kept = [r for r in kept if r.check(name) == status]
    if decision:
        want = None if decision == "none" else decision
        kept = [r for r in kept if (r.candidate.decision if r.candidate else None) == want]
    if query:
        needle = query.lower()
        kept = [r for r in kept if needle in r.name.lower() or needle in r.entry.path.lower()]
    keys: dict[str, Any] = {
        "rank": lambda r: r.entry.rank or 0,
        "score": lambda r: r.score,
        "name": lambda r: r.name.lower(),
        "matched": lambda r: len(r.entry.score.matched) if r.entry.score else 0,
        "missing": lambda r: len(r.entry.score.missing) if r.entry.score else 0,
    }
    kept = sorted(kept, key=lambda r: (keys.get(sort, keys["rank"])(r), r.entry.rank or 0), reverse=desc)
    pages = max(1, -(-len(kept) // per_page))
    page = min(max(1, page), pages)
    return kept[(page - 1) * per_page : page * per_page], len(kept), pages
