"""Requirement groups: alternatives that are one requirement.

"7+ years of Java, Python or C++", "PyTorch or TensorFlow", "AWS/GCP", "one of Go, Rust, Zig":
skills named next to each other and joined by "or", "/" (or by commas after "one of") form a
group that any one member satisfies. A list joined by "and" is no group, and an "and" ends one:
"Python or Java, and SQL or Scala" is two groups. A skill that the posting also asks for on its
own, as strongly, is no alternative and leaves the group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["GroupFound", "Placed", "find_groups"]

_OR = re.compile(r"\s*+,?\s*+(?:or|and/or|/|\|)\s*+", re.IGNORECASE)
_COMMA = re.compile(r"\s*,\s*")
_ANY_OF = re.compile(
    r"\b(?:one of|any of|either|one or more of|at least one of)\b[^.;]{0,40}$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Placed:
    """A skill mention as the group finder sees it: where it is, in which sentence, how strongly
    asked (0 required, 1 preferred, 2 mentioned) and with what years."""

    sentence_start: int
    sentence: str
    start: int
    end: int
    skill_id: str
    rank: int
    years: float | None


@dataclass(frozen=True, slots=True)
class GroupFound:
    """The skill ids of one group, in text order, with its rank, years and sentence."""

    skill_ids: tuple[str, ...]
    rank: int
    years: float | None
    evidence: str


def _runs(mentions: list[Placed]) -> list[list[Placed]]:
    """Runs of adjacent mentions of one sentence joined by commas or "or"; a run with an "or"
    (or after "one of") is a group."""
    runs: list[list[Placed]] = []
    run: list[Placed] = []
    has_or = False

    def close() -> None:
        members = list({m.skill_id: m for m in run}.values())
        if len(members) >= 2 and (
            has_or or _ANY_OF.search(run[0].sentence[: run[0].start - run[0].sentence_start])
        ):
            runs.append(members)

    for m in mentions:
        if run and run[-1].sentence_start == m.sentence_start and m.start >= run[-1].end:
            gap = m.sentence[run[-1].end - m.sentence_start : m.start - m.sentence_start]
            if _OR.fullmatch(gap):
                run.append(m)
                has_or = True
                continue
            if _COMMA.fullmatch(gap):
                run.append(m)
                continue
        if run:
            close()
        run, has_or = [m], False
    if run:
        close()
    return runs


def find_groups(mentions: list[Placed]) -> list[GroupFound]:
    """The requirement groups among ``mentions`` (all the posting's kept mentions, text order).

    Examples
    --------
    >>> s = "7+ years of Java, Python or C++ and SQL"
    >>> spans = [(12, 16, "java"), (18, 24, "python"), (28, 31, "cpp"), (36, 39, "sql")]
    >>> found = find_groups([Placed(0, s, a, b, i, 0, 7.0) for a, b, i in spans])
    >>> [(g.skill_ids, g.years) for g in found]
    [(('java', 'python', 'cpp'), 7.0)]
    """
    mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
    runs = _runs(mentions)
    grouped = {id(m) for run in runs for m in run}
    alone: dict[str, int] = {}
    for m in mentions:
        if id(m) not in grouped:
            alone[m.skill_id] = min(m.rank, alone.get(m.skill_id, 3))
    found: list[GroupFound] = []
    taken: set[str] = set()
    for run in runs:
        rank = min(m.rank for m in run)
        members = [m for m in run if alone.get(m.skill_id, 3) > rank and m.skill_id not in taken]
        if len(members) < 2:
            continue
        taken.update(m.skill_id for m in members)
        years = next((m.years for m in members if m.years is not None), None)
        found.append(GroupFound(tuple(m.skill_id for m in members), rank, years, run[0].sentence))
    return found
