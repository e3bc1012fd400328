"""A score and what explains it: checks, matched and missing skills; a file's failure."""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from matcher.records._kinds import CheckName, CheckStatus, Importance, MatchHow, json_number

__all__ = ["Check", "Failure", "Score", "SkillMatch"]


@dataclass(frozen=True, slots=True)
class Failure:
    """Why one file could not be used: ``kind`` is the stable machine name (``encrypted``,
    ``damaged``, ``timeout``, ``internal``...), ``message`` says it for a person.

    Examples
    --------
    >>> Failure("encrypted", "cv.pdf: the PDF is protected by a password").to_dict()
    {'kind': 'encrypted', 'message': 'cv.pdf: the PDF is protected by a password'}
    """

    kind: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form (``{"kind": ..., "message": ...}``)."""
        return {"kind": self.kind, "message": self.message}


@dataclass(frozen=True, slots=True)
class Check:
    """One rule check: ``name`` is degree, degree_field, experience or certifications (a
    ``CheckName``); ``status`` is pass, fail or unknown (a ``CheckStatus``; unknown is never a fail).

    ``detail`` says it in words ("4.3 of 5 years"); ``margin`` in numbers (resume minus posting,
    in years or degree levels), None when unknown.

    Examples
    --------
    >>> from typing import get_args
    >>> get_args(CheckName), get_args(CheckStatus)
    (('degree', 'degree_field', 'experience', 'certifications'), ('pass', 'fail', 'unknown'))
    >>> Check("experience", "fail", "3 of 5 years", -2.0).to_dict()
    {'name': 'experience', 'status': 'fail', 'detail': '3 of 5 years', 'margin': -2}
    """

    name: CheckName
    status: CheckStatus
    detail: str
    margin: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form."""
        return {
            "name": self.name,
            "status": self.status,
            "detail": self.detail,
            "margin": json_number(self.margin),
        }


@dataclass(frozen=True, slots=True)
class SkillMatch:
    """How one posting skill was met: ``credit`` 0 to 1, ``how`` exact, related, short_years,
    listed (named only in a list or summary, in none of the resume's dated jobs), missing or group
    (a ``MatchHow``; for a requirement group, ``skill`` names the alternatives and ``via`` the one
    shown), and the resume evidence. ``via`` names the resume's skill that stood in: the related
    one, or for exact, listed and short_years the narrower skill shown (inventory control for
    inventory management), else None.

    Examples
    --------
    >>> from typing import get_args
    >>> get_args(MatchHow)
    ('exact', 'related', 'short_years', 'listed', 'missing', 'group')
    >>> SkillMatch("PostgreSQL", "required", 0.5, "related", "MySQL daily", via="MySQL").via
    'MySQL'
    """

    skill: str
    importance: Importance
    credit: float
    how: MatchHow
    evidence: str = ""
    via: str | None = None

    def shown_as(self) -> str:
        """ " (shown as <via>)" when a narrower skill met the one asked (exact, listed or short on
        years: "inventory management (shown as inventory control)"), else "".

        Examples
        --------
        >>> SkillMatch("inventory management", "required", 1.0, "exact", via="inventory control").shown_as()
        ' (shown as inventory control)'
        >>> SkillMatch("PostgreSQL", "required", 0.5, "related", via="MySQL").shown_as()
        ''
        """
        return (
            f" (shown as {self.via})" if self.via and self.how in ("exact", "listed", "short_years") else ""
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "skill": self.skill,
            "importance": self.importance,
            "credit": json_number(self.credit),
            "how": self.how,
            "via": self.via,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Score:
    """A candidate's fit to a posting: ``total`` 0 to 100, its components (0 to 1), the rule
    checks, the skills matched and missing, whether a failed check knocked the candidate out,
    the similarity's top shared terms, the checks that knock out under the weights used
    (``knockouts``), and one line for each component that needs words to explain it
    (``details``: the role matched, the work history counted); :meth:`explain` writes them all
    as a short explanation.

    ``components`` is read-only (a ``types.MappingProxyType`` over a copy of the mapping given);
    a Score still copies, pickles, compares and goes through ``dataclasses.replace``.

    Examples
    --------
    >>> s = Score(
    ...     total=72.5,
    ...     components={"skills": 0.8, "similarity": 0.4},
    ...     checks=(Check("experience", "pass", "6 of 5 years", 1.0),),
    ...     matched=(SkillMatch("Python", "required", 1.0, "exact", "Python daily"),),
    ...     missing=(SkillMatch("SQL", "required", 0.0, "missing"),),
    ...     knocked_out=False,
    ... )
    >>> s.to_dict()["score"], s.to_dict()["matched"], s.to_dict()["missing"]
    (72.5, ['Python'], ['SQL'])
    >>> s.components["skills"] = 1.0
    Traceback (most recent call last):
    ...
    TypeError: 'mappingproxy' object does not support item assignment
    """

    total: float
    components: Mapping[str, float | None]
    checks: tuple[Check, ...]
    matched: tuple[SkillMatch, ...]
    missing: tuple[SkillMatch, ...]
    knocked_out: bool
    # keyword-only: a caller that passed the old ``explanation`` string seventh gets a TypeError,
    # not an explanation read as shared terms
    top_terms: tuple[str, ...] = field(default=(), kw_only=True)
    knockouts: tuple[CheckName, ...] = field(default=(), kw_only=True)
    details: tuple[str, ...] = field(default=(), kw_only=True)
    #: skills the resume names only in text a reader cannot see, left out of the score
    not_counted: tuple[str, ...] = field(default=(), kw_only=True)

    def __post_init__(self) -> None:
        # a read-only copy: the caller's dict stays theirs, and no one changes a frozen Score's
        object.__setattr__(self, "components", MappingProxyType(dict(self.components)))

    def __reduce__(self) -> tuple[Any, ...]:
        # a mappingproxy cannot be pickled or copied: rebuild from a plain dict of the components
        values = {
            f.name: dict(self.components) if f.name == "components" else getattr(self, f.name)
            for f in dataclasses.fields(self)
        }
        return (_rebuild_score, (values,))

    @property
    def explanation(self) -> str:
        """Deprecated: the same as :meth:`explain` (once a stored field, now computed)."""
        warnings.warn(
            "Score.explanation is deprecated; use Score.explain()", DeprecationWarning, stacklevel=2
        )
        return self.explain()

    def explain(self) -> str:
        """Return the short readable account of the score, computed from its fields.

        One line with the total and the components judged; the components not judged; each
        related, short-on-years or only-listed match; the exact matches; the required skills
        missing; each check; the shared terms; the component details (role, history); and the
        checks that knocked the candidate out.

        Examples
        --------
        >>> s = Score(
        ...     total=40.0,
        ...     components={"skills": 0.5, "similarity": 0.25, "experience": None},
        ...     checks=(Check("degree", "fail", "bachelor < master", -1.0),),
        ...     matched=(SkillMatch("Python", "required", 1.0, "exact", "Python daily"),),
        ...     missing=(SkillMatch("SQL", "required", 0.0, "missing"),),
        ...     knocked_out=True,
        ...     knockouts=("degree",),
        ... )
        >>> print(s.explain())
        Score 40/100: skills 0.50, similarity 0.25
        Not judged (left out of the total): experience
        Has: Python
        Missing required: SQL
        Check degree: fail (bachelor < master)
        Knocked out by: degree
        """
        parts = ", ".join(f"{k} {v:.2f}" for k, v in self.components.items() if v is not None)
        lines = [f"Score {self.total:g}/100: {parts}"]
        unknown = [k for k, v in self.components.items() if v is None]
        if unknown:
            lines.append(f"Not judged (left out of the total): {', '.join(unknown)}")
        for m in self.matched:
            if m.how == "related":
                lines.append(f"Related: {m.via} for {m.skill} ({m.importance}), {m.credit:g} credit")
            elif m.how == "short_years":
                lines.append(
                    f"Short on years: {m.skill}{m.shown_as()} ({m.importance}), {m.credit:.0%} credit"
                )
            elif m.how == "listed":
                listed = f"{m.skill}{m.shown_as()} ({m.importance}), {m.credit:g} credit"
                lines.append(f"Only listed, in no dated job: {listed}")
            elif m.how == "group":
                lines.append(f"One of {m.skill} ({m.importance}): {m.via}, {m.credit:g} credit")
        exact = [m.skill + m.shown_as() for m in self.matched if m.how == "exact"]
        if exact:
            lines.append(f"Has: {', '.join(exact)}")
        required_missing = [m.skill for m in self.missing if m.importance == "required"]
        if required_missing:
            lines.append(f"Missing required: {', '.join(required_missing)}")
        for check in self.checks:
            lines.append(f"Check {check.name}: {check.status} ({check.detail})")
        if self.top_terms:
            lines.append(f"Shared terms: {', '.join(self.top_terms)}")
        lines.extend(self.details)
        if self.not_counted:
            lines.append(f"Not counted (only in hidden text): {', '.join(self.not_counted)}")
        if self.knocked_out:
            knocked = [c.name for c in self.checks if c.status == "fail" and c.name in self.knockouts]
            lines.append(f"Knocked out by: {', '.join(knocked)}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form."""
        return {
            "score": json_number(self.total),
            "components": {k: (None if v is None else round(v, 3)) for k, v in self.components.items()},
            "checks": [c.to_dict() for c in self.checks],
            "matched": [m.skill for m in self.matched],
            "missing": [m.skill for m in self.missing],
            "knocked_out": self.knocked_out,
        }


def _rebuild_score(values: dict[str, Any]) -> Score:
    """Unpickle a :class:`Score` (its fields by name; some are keyword-only)."""
    return Score(**values)
