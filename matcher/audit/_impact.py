"""The adverse-impact audit: scoring or selection rates and impact ratios by group.

New York City's Local Law 144 bias audit: for each category of each characteristic (and each
intersection), the share of candidates scoring above the median score of all candidates (the
scoring rate) or the share selected (the selection rate), divided by the highest group's rate
(the impact ratio); under 0.8 fails the four-fifths rule. Candidates whose category is unknown are
counted apart; a category under 2% of the candidates is reported but left out of the ratios.
"""

from __future__ import annotations

import csv
import io
import itertools
import statistics
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from matcher.batch import Ranking
from matcher.errors import InputError

__all__ = [
    "FOUR_FIFTHS",
    "MIN_SHARE",
    "AuditReport",
    "CharacteristicRates",
    "GroupRate",
    "audit",
    "read_groups",
    "read_selected",
]

#: An impact ratio under this is flagged (the four-fifths rule).
FOUR_FIFTHS = 0.8
#: A group under this share of the candidates is reported but left out of the ratios.
MIN_SHARE = 0.02
_UNKNOWN = frozenset({"", "unknown", "not disclosed", "undisclosed", "declined", "decline to state",
                      "prefer not to say", "n/a", "na", "none given", "?", "-"})  # fmt: skip
Basis = Literal["scoring_rate", "selection_rate"]


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


@dataclass(frozen=True, slots=True)
class GroupRate:
    """One group's figures: ``n`` candidates, ``rate`` (None for an empty group), ``impact_ratio``
    (rate / the highest rate of the groups not excluded; None when it cannot be computed), ``flag``
    (impact ratio under 0.8) and ``excluded`` (under 2% of the candidates: left out of the ratios).

    Examples
    --------
    >>> men = GroupRate("M", n=10, rate=0.3, impact_ratio=0.6, flag=True, excluded=False)
    >>> men.flag, men.to_dict()["impact_ratio"]
    (True, 0.6)
    """

    group: str
    n: int
    rate: float | None
    impact_ratio: float | None
    flag: bool
    excluded: bool

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form."""
        return {
            "group": self.group,
            "n": self.n,
            "rate": None if self.rate is None else round(self.rate, 4),
            "impact_ratio": None if self.impact_ratio is None else round(self.impact_ratio, 4),
            "flag": self.flag,
            "excluded": self.excluded,
        }


@dataclass(frozen=True, slots=True)
class CharacteristicRates:
    """The groups of one characteristic (``sex``), or of an intersection (``sex x race_ethnicity``).

    Examples
    --------
    >>> women = GroupRate("F", n=10, rate=0.5, impact_ratio=1.0, flag=False, excluded=False)
    >>> men = GroupRate("M", n=10, rate=0.3, impact_ratio=0.6, flag=True, excluded=False)
    >>> sex = CharacteristicRates("sex", (women, men))
    >>> [g.group for g in sex.groups if g.flag], sex.to_dict()["name"]
    (['M'], 'sex')
    """

    name: str
    groups: tuple[GroupRate, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form."""
        return {"name": self.name, "groups": [g.to_dict() for g in self.groups]}


@dataclass(frozen=True, slots=True)
class AuditReport:
    """An adverse-impact audit of one ranking (see :func:`audit`).

    Examples
    --------
    >>> ranking = [{"path": p, "score": s} for p, s in [("a", 90), ("b", 80), ("c", 70), ("d", 60)]]
    >>> groups = {"a": {"sex": "F"}, "b": {"sex": "M"}, "c": {"sex": "F"}, "d": {"sex": ""}}
    >>> report = audit(ranking, groups, selected={"a", "b"})
    >>> report.basis, report.candidates, report.unknown
    ('selection_rate', 4, 1)
    >>> report.to_dict()["characteristics"][0]["groups"][1]
    {'group': 'M', 'n': 1, 'rate': 1.0, 'impact_ratio': 1.0, 'flag': False, 'excluded': False}
    """

    basis: Basis
    median: float | None
    characteristics: tuple[CharacteristicRates, ...]
    unknown: int
    candidates: int = 0
    threshold: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form: basis, median, characteristics with their groups, unknown."""
        return {
            "basis": self.basis,
            "median": _number(self.median),
            "characteristics": [c.to_dict() for c in self.characteristics],
            "unknown": self.unknown,
        }


def _scores(ranking: Ranking | Sequence[Mapping[str, Any]]) -> list[tuple[str, float]]:
    if isinstance(ranking, Ranking):
        return [(e.path, e.score.total) for e in ranking.entries if e.score is not None]
    out = []
    for item in ranking:
        if not isinstance(item, Mapping) or "path" not in item:
            raise InputError("a ranking is a list of objects with path and score (matcher rank --json)")
        if item.get("score") is not None:
            out.append((str(item["path"]), float(item["score"])))
    return out


def _known(value: object) -> str | None:
    text = "" if value is None else " ".join(str(value).split())
    return None if text.lower() in _UNKNOWN else text


def _lookup(table: Mapping[str, Any], path: str) -> Any:
    """A candidate's row by its path as written, as a normalised path, or by file name when unique."""
    if path in table:
        return table[path]
    by_posix = {Path(k).as_posix(): v for k, v in table.items()}
    if Path(path).as_posix() in by_posix:
        return by_posix[Path(path).as_posix()]
    names = [k for k in table if Path(k).name == Path(path).name]
    return table[names[0]] if len(names) == 1 else None


def audit(
    ranking: Ranking | Sequence[Mapping[str, Any]],
    groups: Mapping[str, Mapping[str, str | None]],
    *,
    selected: Collection[str] | None = None,
    threshold: float | None = None,
) -> AuditReport:
    """Scoring or selection rates and impact ratios by group, for each characteristic and their
    intersection (NYC Local Law 144; the four-fifths rule).

    Parameters
    ----------
    ranking : Ranking or list of dict
        A :class:`matcher.batch.Ranking`, or the list ``matcher rank --json`` prints. Only scored
        candidates count.
    groups : mapping
        Candidate path -> {characteristic: category} (``sex``, ``race_ethnicity``...), supplied by
        the employer, never inferred; an empty or "unknown"/"declined" category is unknown.
    selected : collection of str, optional
        Paths of the candidates selected: the rate is then the selection rate.
    threshold : float, optional
        Candidates scoring at least this are selected: the rate is then the selection rate.

    Without ``selected`` or ``threshold`` the rate is the scoring rate: the share of a group
    scoring above (not at) the median score of all candidates.

    Examples
    --------
    >>> ranking = [{"path": p, "score": s} for p, s in [("a", 90), ("b", 80), ("c", 70), ("d", 60)]]
    >>> groups = {"a": {"sex": "F"}, "b": {"sex": "M"}, "c": {"sex": "F"}, "d": {"sex": "M"}}
    >>> report = audit(ranking, groups)
    >>> report.median, [(g.group, g.rate, g.impact_ratio) for g in report.characteristics[0].groups]
    (75.0, [('F', 0.5, 1.0), ('M', 0.5, 1.0)])
    """
    if selected is not None and threshold is not None:
        raise InputError("give either the candidates selected or a threshold score, not both")
    scores = _scores(ranking)
    median = statistics.median(s for _, s in scores) if scores else None
    if selected is not None:
        chosen = {Path(p).as_posix() for p in selected}
        positive = {p: Path(p).as_posix() in chosen or p in chosen for p, _ in scores}
    elif threshold is not None:
        positive = {p: s >= threshold for p, s in scores}
    else:
        positive = {p: median is not None and s > median for p, s in scores}
    names = list(dict.fromkeys(name for row in groups.values() for name in row))
    rows = {path: {n: _known(row.get(n)) for n in names} for path, row in groups.items()}
    members = {p: _lookup(rows, p) or dict.fromkeys(names) for p, _ in scores}
    unknown = sum(any(v is None for v in row.values()) or not row for row in members.values())
    combos: list[tuple[str, ...]] = [(n,) for n in names]
    if len(names) > 1:
        combos += [c for k in range(2, len(names) + 1) for c in itertools.combinations(names, k)]
    characteristics = []
    for combo in combos:
        seen = {tuple(row[n] for n in combo) for row in rows.values()}
        values = sorted(v for v in seen if all(part is not None for part in v))
        characteristics.append(
            CharacteristicRates(
                " x ".join(combo),
                _rates(values, combo, members, positive, len(scores)),
            )
        )
    return AuditReport(
        basis="scoring_rate" if selected is None and threshold is None else "selection_rate",
        median=median,
        characteristics=tuple(characteristics),
        unknown=unknown,
        candidates=len(scores),
        threshold=threshold,
    )


def _rates(
    values: list[tuple[str | None, ...]],
    combo: tuple[str, ...],
    members: Mapping[str, Mapping[str, str | None]],
    positive: Mapping[str, bool],
    total: int,
) -> tuple[GroupRate, ...]:
    counted = []
    for value in values:
        inside = [p for p, row in members.items() if tuple(row.get(n) for n in combo) == value]
        n = len(inside)
        rate = sum(positive[p] for p in inside) / n if n else None
        excluded = n == 0 or n < MIN_SHARE * total
        counted.append((" / ".join(str(v) for v in value), n, rate, excluded))
    rates = [r for _, _, r, excluded in counted if not excluded and r is not None]
    best = max(rates, default=None)
    out = []
    for group, n, rate, excluded in counted:
        ratio = None if excluded or rate is None or not best else rate / best
        out.append(GroupRate(group, n, rate, ratio, ratio is not None and ratio < FOUR_FIFTHS, excluded))
    return tuple(out)


def _csv_rows(text: str, what: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if reader.fieldnames is None or "path" not in [f.strip() for f in reader.fieldnames]:
        raise InputError(f"{what}: the CSV needs a 'path' column (and one column per characteristic)")
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in reader]


def _read(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: is not UTF-8 text") from exc


def read_groups(path: str | Path) -> dict[str, dict[str, str | None]]:
    """Read GROUPS.csv: a ``path`` column and one column per characteristic.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "groups.csv"
    >>> _ = path.write_text("path,sex,race_ethnicity\\na.pdf,F,Asian\\nb.pdf,M,\\n", encoding="utf-8")
    >>> read_groups(path)
    {'a.pdf': {'sex': 'F', 'race_ethnicity': 'Asian'}, 'b.pdf': {'sex': 'M', 'race_ethnicity': ''}}
    >>> _ = path.write_text("name,sex\\nAnn,F\\n", encoding="utf-8")
    >>> read_groups(path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    matcher.errors.InputError: ...: the CSV needs a 'path' column (and one column per characteristic)
    """
    rows = _csv_rows(_read(path), str(path))
    out: dict[str, dict[str, str | None]] = {}
    for row in rows:
        key = row.pop("path")
        if key:
            out[key] = {k: v for k, v in row.items() if k}
    if not out or not any(out.values()):
        raise InputError(f"{path}: no candidates with a characteristic column")
    return out


def read_selected(path: str | Path) -> set[str]:
    """Read DECISIONS.csv: a ``path`` column, and a ``selected`` column (yes/true/1) or none (then
    every path listed was selected).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "decisions.csv"
    >>> _ = path.write_text("path,selected\\na.pdf,yes\\nb.pdf,no\\nc.pdf,1\\n", encoding="utf-8")
    >>> sorted(read_selected(path))
    ['a.pdf', 'c.pdf']
    """
    rows = _csv_rows(_read(path), str(path))
    if rows and "selected" in rows[0]:
        return {r["path"] for r in rows if r["selected"].lower() in ("1", "yes", "y", "true", "selected")}
    return {r["path"] for r in rows if r["path"]}
