"""``calibrate``: fit the component weights to a recruiter's own past decisions.

The score stays a weighted sum of named components; calibration only chooses the weights. Each
decision is one resume graded for one posting (a grade such as 1-7, or shortlisted yes/no). The
components of every decision are computed once; within each posting the components and the
grades are centred (a ranking only compares candidates for the same job), and a ridge regression
with non-negative coefficients (scikit-learn ``Ridge(positive=True)``) fits how much each
component explains the grades. The coefficients, scaled to sum to 1, are the weights.

How well weights rank is measured by cross-validation over postings (``GroupKFold``): fitted on
some postings, scored on the others, against the starting weights on the same held-out postings.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from matcher.calibration._metrics import ndcg_at, spearman
from matcher.errors import InputError
from matcher.scoring import COMPONENTS, Weights

__all__ = [
    "Calibration",
    "Decision",
    "Quality",
    "calibrate",
    "fit_weights",
    "read_decisions",
    "weighted_total",
]

_YES = frozenset({"yes", "y", "true", "1", "shortlisted"})
_NO = frozenset({"no", "n", "false", "0", "rejected"})
_GRADE_COLUMNS = ("grade", "score", "rating")


@dataclass(frozen=True, slots=True)
class Decision:
    """One past decision: a resume file graded for a posting file (a shortlist is 1 or 0).

    Examples
    --------
    >>> d = Decision(Path("jobs/data.txt"), Path("cvs/ann.pdf"), grade=6)
    >>> d.resume.name, d.grade
    ('ann.pdf', 6)
    """

    posting: Path
    resume: Path
    grade: float


def read_decisions(path: str | Path, *, resumes: str | Path | None = None) -> list[Decision]:
    """Read a decisions CSV: columns ``posting``, ``resume`` and ``grade`` (or ``score``, ``rating``:
    a number) or ``shortlisted`` (yes/no). Paths are relative to the CSV's folder; resume paths to
    ``resumes`` when given.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> rows = "posting,resume,shortlisted\\njob.txt,cv/a.pdf,yes\\njob.txt,b.pdf,no\\n"
    >>> _ = (folder / "d.csv").write_text(rows)
    >>> [(d.resume.name, d.grade) for d in read_decisions(folder / "d.csv")]
    [('a.pdf', 1.0), ('b.pdf', 0.0)]
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read the decisions {path}: {exc.strerror}") from exc
    reader = csv.DictReader(text.splitlines())
    rows = list(reader)
    # the headings only: a row with more cells than headings adds a None key to its dict
    columns = {c.strip().lower(): c for c in reader.fieldnames or ()}
    grade_column = next((columns[c] for c in (*_GRADE_COLUMNS, "shortlisted") if c in columns), None)
    if not rows or "posting" not in columns or "resume" not in columns or grade_column is None:
        raise InputError(
            f"{path}: a decisions CSV needs the columns posting, resume and grade (a number) or "
            "shortlisted (yes/no), and at least one row"
        )
    base = path.parent
    resume_base = Path(resumes) if resumes is not None else base
    out = []
    for line, row in enumerate(rows, start=2):
        value = (row[grade_column] or "").strip()
        if grade_column == columns.get("shortlisted"):
            if value.lower() not in _YES | _NO:
                raise InputError(f"{path}, line {line}: shortlisted must be yes or no, got {value!r}")
            grade = float(value.lower() in _YES)
        else:
            try:
                grade = float(value)
            except ValueError:
                raise InputError(f"{path}, line {line}: the grade must be a number, got {value!r}") from None
        posting, resume = (row[columns["posting"]] or "").strip(), (row[columns["resume"]] or "").strip()
        if not posting or not resume:
            raise InputError(f"{path}, line {line}: posting and resume must both be given")
        out.append(Decision(base / posting, resume_base / resume, grade))
    return out


def _rows(components: Sequence[dict[str, float | None]]) -> list[list[float]]:
    """Components as numbers; one unknown in a posting is its posting's mean (centred away)."""
    out = [[0.0] * len(COMPONENTS) for _ in components]
    for k, name in enumerate(COMPONENTS):
        known = [c[name] for c in components if c.get(name) is not None]
        mean = sum(v for v in known if v is not None) / len(known) if known else 0.0
        for i, c in enumerate(components):
            value = c.get(name)
            out[i][k] = float(value) if value is not None else mean
    return out


def fit_weights(
    groups: Sequence[tuple[Sequence[dict[str, float | None]], Sequence[float]]],
    *,
    base: Weights | None = None,
    alpha: float = 1.0,
) -> Weights:
    """Weights fitted to graded groups (one group per posting: each candidate's components and
    grade); the other settings of ``base`` are kept. Components that explain nothing get 0.

    Examples
    --------
    >>> groups = [([{"skills": s, "similarity": 0.5} for s in (0.9, 0.5, 0.1)], [7, 4, 1])] * 3
    >>> w = fit_weights(groups)
    >>> w.skills > 0.9, w.similarity
    (True, 0.0)
    """
    import numpy
    from sklearn.linear_model import Ridge

    base = base or Weights()
    xs: list[list[float]] = []
    ys: list[float] = []
    for components, grades in groups:
        if len(grades) < 2:
            continue
        rows = _rows(components)
        means = [sum(col) / len(rows) for col in zip(*rows, strict=True)]
        mean_grade = sum(grades) / len(grades)
        spread = (sum((g - mean_grade) ** 2 for g in grades) / len(grades)) ** 0.5 or 1.0
        xs.extend([v - m for v, m in zip(row, means, strict=True)] for row in rows)
        ys.extend((g - mean_grade) / spread for g in grades)
    if not xs:
        raise InputError("calibration needs at least one posting with two or more graded resumes")
    model = Ridge(alpha=alpha, positive=True, fit_intercept=False)
    model.fit(numpy.asarray(xs), numpy.asarray(ys))
    coefs = [max(0.0, float(c)) for c in model.coef_]
    if sum(coefs) <= 0:  # nothing explains the grades: keep the weights as they were
        return base
    total = sum(coefs)
    fitted: dict[str, Any] = {name: round(c / total, 3) for name, c in zip(COMPONENTS, coefs, strict=True)}
    return dataclasses.replace(base, **fitted)


def weighted_total(components: dict[str, float | None], weights: Weights) -> float:
    """The total :func:`matcher.score` gives these components under ``weights`` (0 to 100).

    A component that is None (unknown: no degree asked for) is left out and the other weights
    share its part.

    Examples
    --------
    >>> w = Weights(skills=0.6, similarity=0.2, role=0, history=0, degree=0.2, experience=0)
    >>> weighted_total({"skills": 1.0, "similarity": 0.5, "degree": 0.0}, w)
    70.0
    >>> weighted_total({"skills": 1.0, "similarity": 0.5, "degree": None}, w)
    87.5
    """
    w = weights.component_weights()
    parts = {k: v for k, v in components.items() if v is not None and w.get(k, 0) > 0}
    total_weight = sum(w[k] for k in parts)
    return round(100 * sum(w[k] * v for k, v in parts.items()) / total_weight, 1) if total_weight else 0.0


@dataclass(frozen=True, slots=True)
class Quality:
    """Mean per-posting Spearman and NDCG@5 of some weights over held-out postings.

    Examples
    --------
    >>> fitted, baseline = Quality(spearman=0.82, ndcg5=0.95), Quality(spearman=0.61, ndcg5=0.88)
    >>> round(fitted.spearman - baseline.spearman, 2)
    0.21
    """

    spearman: float
    ndcg5: float


def _quality(
    groups: Sequence[tuple[Sequence[dict[str, float | None]], Sequence[float]]],
    weights: Weights,
    lowest: float,
) -> Quality:
    """Mean per-posting Spearman and NDCG@5 (gain = grade - the lowest grade of all decisions)."""
    rhos, ndcgs = [], []
    for components, grades in groups:
        totals = [weighted_total(dict(c), weights) for c in components]
        rhos.append(spearman(totals, grades))
        ndcgs.append(ndcg_at(totals, grades, 5, lowest=lowest))
    return Quality(sum(rhos) / len(rhos), sum(ndcgs) / len(ndcgs))


@dataclass(frozen=True, slots=True)
class Calibration:
    """Fitted weights, the weights they started from, and how both rank held-out postings.

    Examples
    --------
    >>> base = Weights(skills=0.5, similarity=0.5, role=0, history=0, degree=0, experience=0)
    >>> fitted = dataclasses.replace(base, skills=0.8, similarity=0.2)
    >>> c = Calibration(fitted, base, Quality(0.9, 0.95), Quality(0.7, 0.9), 4, decisions=40, folds=4)
    >>> print(c.report())  # doctest: +ELLIPSIS
    40 decisions on 4 postings
    fitted weights:   skills 0.8, similarity 0.2, role 0, ...
    starting weights: skills 0.5, similarity 0.5, role 0, ...
    cross-validated over postings (4 folds), mean per-posting Spearman / NDCG@5:
      fitted   0.900 / 0.950
      starting 0.700 / 0.900
    >>> Weights.from_toml_text(c.to_toml()) == fitted
    True
    """

    weights: Weights
    base: Weights
    fitted: Quality
    baseline: Quality
    postings: int
    decisions: int
    folds: int
    skipped: tuple[str, ...] = ()

    def report(self) -> str:
        """A few lines for a person: what was fitted and how it ranks under cross-validation."""
        fitted = ", ".join(f"{k} {v:g}" for k, v in self.weights.component_weights().items())
        start = ", ".join(f"{k} {v:g}" for k, v in self.base.component_weights().items())
        lines = [
            f"{self.decisions} decisions on {self.postings} postings"
            + (f" ({len(self.skipped)} resumes could not be read)" if self.skipped else ""),
            f"fitted weights:   {fitted}",
            f"starting weights: {start}",
            f"cross-validated over postings ({self.folds} folds), mean per-posting Spearman / NDCG@5:",
            f"  fitted   {self.fitted.spearman:.3f} / {self.fitted.ndcg5:.3f}",
            f"  starting {self.baseline.spearman:.3f} / {self.baseline.ndcg5:.3f}",
        ]
        return "\n".join(lines)

    def to_toml(self) -> str:
        """A ``[weights]`` table that ``matcher rank --config`` and :meth:`Weights.from_toml` read."""
        lines = [
            "# written by matcher calibrate: component weights fitted to "
            f"{self.decisions} decisions on {self.postings} postings",
            f"# cross-validated mean per-posting Spearman: fitted {self.fitted.spearman:.3f}, "
            f"starting weights {self.baseline.spearman:.3f}",
            "[weights]",
        ]
        for f in dataclasses.fields(self.weights):
            value: Any = getattr(self.weights, f.name)
            if f.name == "knockouts":
                lines.append(f"knockouts = [{', '.join(repr(str(k)) for k in value)}]".replace("'", '"'))
            elif isinstance(value, bool):  # a switch (count_hidden_text), not a number
                lines.append(f"{f.name} = {'true' if value else 'false'}")
            else:
                lines.append(f"{f.name} = {float(value):g}")
        return "\n".join(lines) + "\n"


def calibrate(
    decisions: str | Path | Sequence[Decision],
    *,
    base: Weights | None = None,
    resumes: str | Path | None = None,
    as_of: date | None = None,
    folds: int = 5,
    alpha: float = 1.0,
    **rank_options: Any,
) -> Calibration:
    """Fit the component weights to past decisions and measure them by cross-validation.

    Parameters
    ----------
    decisions : path or list of Decision
        A decisions CSV (see :func:`read_decisions`) or the decisions themselves.
    base : Weights, optional
        The weights to start from and compare with (default: the defaults); their other settings
        (related and listed credit, knockouts) are kept in the result.
    resumes : path, optional
        The folder the CSV's resume paths are relative to (default: the CSV's own folder).
    as_of : date, optional
        The date "Present" means in the resumes (default: today).
    folds : int
        Cross-validation folds over postings (at most one per posting).
    alpha : float
        Ridge regularisation; larger keeps the weights closer to equal shares of nothing.
    **rank_options
        Passed to :func:`matcher.rank` (``cache``, ``workers``, ``engine``).

    Returns
    -------
    Calibration
        ``weights`` fitted on every decision; ``fitted`` and ``baseline`` quality on held-out
        postings; ``report()`` and ``to_toml()``.

    Examples
    --------
    Two postings, each with the resume that has its skills graded 7 and the others lower:

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> files = {"data.txt": "Data Engineer\\nRequirements: Python, SQL, Spark",
    ...          "web.txt": "Web Developer\\nRequirements: JavaScript, React, CSS",
    ...          "py.txt": "Ann Lee\\nann@x.org\\nSkills: Python, SQL, Spark",
    ...          "js.txt": "Bo Chen\\nbo@x.org\\nSkills: JavaScript, React, CSS",
    ...          "cook.txt": "Cy Diaz\\ncy@x.org\\nSkills: cooking"}
    >>> for name, text in files.items():
    ...     _ = (folder / name).write_text(text)
    >>> grades = {"data.txt": {"py.txt": 7, "js.txt": 2, "cook.txt": 1},
    ...           "web.txt": {"py.txt": 2, "js.txt": 7, "cook.txt": 1}}
    >>> decisions = [Decision(folder / job, folder / cv, g)
    ...              for job, row in grades.items() for cv, g in row.items()]
    >>> result = calibrate(decisions, workers=0)  # workers=0: parse in this process
    >>> result.postings, result.decisions, result.folds
    (2, 6, 2)
    >>> round(sum(result.weights.component_weights().values()), 2), result.weights.skills > 0
    (1.0, True)
    """
    from sklearn.model_selection import GroupKFold

    from matcher.batch import rank
    from matcher.posting import analyze_posting_file

    base = base or Weights()
    rows = decisions if not isinstance(decisions, str | Path) else read_decisions(decisions, resumes=resumes)
    by_posting: dict[Path, list[Decision]] = {}
    for d in rows:
        by_posting.setdefault(d.posting, []).append(d)
    groups: list[tuple[list[dict[str, float | None]], list[float]]] = []
    skipped: list[str] = []
    for posting_path, graded in sorted(by_posting.items()):
        posting = analyze_posting_file(posting_path)
        ranking = rank(posting, [d.resume for d in graded], weights=base, as_of=as_of, **rank_options)
        found = {Path(e.path): e for e in ranking.entries}
        components, grades = [], []
        for d in graded:
            entry = found.get(d.resume)
            if entry is None or entry.score is None:
                skipped.append(str(d.resume))
                continue
            components.append(dict(entry.score.components))
            grades.append(d.grade)
        if len(grades) >= 2:
            groups.append((components, grades))
    if len(groups) < 2:
        raise InputError("calibration needs at least two postings with two or more graded resumes each")
    lowest = min(g for _, grades in groups for g in grades)
    n_folds = max(2, min(folds, len(groups)))
    fitted_parts: list[tuple[list[dict[str, float | None]], list[float]]] = []
    held_weights: list[Weights] = []
    for train, test in GroupKFold(n_splits=n_folds).split(groups, groups=list(range(len(groups)))):
        w = fit_weights([groups[i] for i in train], base=base, alpha=alpha)
        for i in test:
            fitted_parts.append(groups[i])
            held_weights.append(w)
    fitted_q = _mean_quality(
        [_quality([g], w, lowest) for g, w in zip(fitted_parts, held_weights, strict=True)]
    )
    return Calibration(
        weights=fit_weights(groups, base=base, alpha=alpha),
        base=base,
        fitted=fitted_q,
        baseline=_quality(groups, base, lowest),
        postings=len(groups),
        decisions=sum(len(g) for _, g in groups),
        folds=n_folds,
        skipped=tuple(skipped),
    )


def _mean_quality(parts: list[Quality]) -> Quality:
    return Quality(sum(q.spearman for q in parts) / len(parts), sum(q.ndcg5 for q in parts) / len(parts))
