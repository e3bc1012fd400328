"""The plain, frozen records that flow between matcher's steps, each with ``to_dict()``.

Every extracted thing keeps its evidence: the sentence it came from and character offsets
into the analysed text, so a recruiter can check it.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal

__all__ = [
    "DEGREE_LEVELS",
    "Check",
    "CheckName",
    "CheckStatus",
    "DegreeRequirement",
    "Education",
    "Failure",
    "Importance",
    "Job",
    "MatchHow",
    "Posting",
    "Resume",
    "ResumeSkill",
    "Score",
    "Section",
    "SkillKind",
    "SkillMatch",
    "SkillMention",
]

SkillKind = Literal["hard", "soft", "language", "certification"]
Importance = Literal["required", "preferred", "mentioned"]
#: The rule checks a score can hold (see ``Check``).
CheckName = Literal["degree", "degree_field", "experience", "certifications"]
#: The outcome of a rule check: unknown is never a fail.
CheckStatus = Literal["pass", "fail", "unknown"]
#: How a posting skill was met (see ``SkillMatch``).
MatchHow = Literal["exact", "related", "short_years", "missing"]

#: Degree levels, lowest first. Comparisons use the position in this tuple.
DEGREE_LEVELS: tuple[str, ...] = ("high_school", "associate", "bachelor", "master", "doctorate")


@dataclass(frozen=True, slots=True)
class SkillMention:
    """One skill found in a text.

    Attributes
    ----------
    name : str
        Canonical name from the taxonomy ("Kubernetes" for "k8s").
    kind : str
        ``hard``, ``soft``, ``language`` or ``certification``.
    importance : str
        ``required``, ``preferred`` or ``mentioned`` (postings); ``mentioned`` for resumes.
    evidence : str
        The sentence or line the skill was found in.
    years : float or None
        Years asked for this skill ("3+ years of Python" -> 3.0), when stated.
    start, end : int
        Character offsets of the first mention in the analysed text.
    surface : str
        The words as written ("k8s").
    skill_id : str
        Stable taxonomy id.
    """

    name: str
    kind: str
    importance: str
    evidence: str
    years: float | None = None
    start: int = 0
    end: int = 0
    surface: str = ""
    skill_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form (DESIGN.md section 5)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "importance": self.importance,
            "years": _number(self.years),
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class DegreeRequirement:
    """The degree a posting asks for.

    ``min_level`` is the lowest level that satisfies the posting ("BS/MS" -> bachelor);
    ``required`` is False when the degree is only preferred; ``preferred_level`` is a higher
    level named as preferred ("MS or PhD preferred" -> master).
    """

    min_level: str | None
    fields: tuple[str, ...] = ()
    required: bool = True
    equivalent_experience: bool = False
    preferred_level: str | None = None
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form."""
        return {
            "min_level": self.min_level,
            "fields": list(self.fields),
            "required": self.required,
            "equivalent_experience": self.equivalent_experience,
            "preferred_level": self.preferred_level,
        }


@dataclass(frozen=True, slots=True)
class Section:
    """A stretch of a posting with one role: requirements, preferred, duties, boilerplate..."""

    kind: str
    heading: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"kind": self.kind, "heading": self.heading, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Posting:
    """What a job posting asks for, with evidence.

    ``min_years`` is None when the posting states no number (a placeholder such as
    "[x] years" is unknown, never 0).
    """

    title: str | None
    skills: tuple[SkillMention, ...]
    degree: DegreeRequirement | None
    min_years: float | None
    preferred_years: float | None
    certifications: tuple[str, ...]
    sections: tuple[Section, ...] = ()
    languages: tuple[str, ...] = ()
    text: str = ""

    def skills_by_importance(self, importance: str) -> tuple[SkillMention, ...]:
        """Return the skills of one importance (``required``, ``preferred``, ``mentioned``)."""
        return tuple(s for s in self.skills if s.importance == importance)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form (DESIGN.md section 5)."""
        return {
            "title": self.title,
            "skills": [s.to_dict() for s in self.skills],
            "degree": self.degree.to_dict() if self.degree else None,
            "min_years": _number(self.min_years),
            "preferred_years": _number(self.preferred_years),
            "certifications": list(self.certifications),
            "languages": list(self.languages),
            "sections": [s.to_dict() for s in self.sections],
        }


@dataclass(frozen=True, slots=True)
class Education:
    """One degree or school entry.

    ``in_progress`` is what the resume says ("expected 2025", "currently pursuing"); ``completed``
    also counts a year still to come as not completed, so it holds for one as-of date (see
    :func:`matcher.resume.resolve_dates`).
    """

    level: str | None
    field: str | None
    institution: str | None
    year: int | None
    completed: bool
    evidence: str = ""
    in_progress: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form."""
        return {
            "level": self.level,
            "field": self.field,
            "institution": self.institution,
            "year": self.year,
            "completed": self.completed,
        }


@dataclass(frozen=True, slots=True)
class Job:
    """One dated position. ``start``/``end`` are "YYYY-MM"; ``end`` is "present" for a current job."""

    title: str | None
    employer: str | None
    start: str
    end: str
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form."""
        return {"title": self.title, "employer": self.employer, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class ResumeSkill:
    """A skill a resume shows, how often, where first, and when last used in a dated job.

    ``jobs`` are the positions in ``Resume.experience`` of the dated jobs whose text names the
    skill; ``years`` merges them up to the as-of date (None when no dated job names it).
    """

    name: str
    kind: str
    evidence: str
    count: int
    last_used: str | None = None
    skill_id: str = ""
    years: float | None = None
    jobs: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form."""
        return {
            "name": self.name,
            "kind": self.kind,
            "evidence": self.evidence,
            "count": self.count,
            "last_used": self.last_used,
            "years": _number(self.years),
        }


@dataclass(frozen=True, slots=True)
class Resume:
    """A parsed resume: contact, sections, skills, education and experience, with evidence.

    ``total_years`` merges overlapping and repeated jobs (never sums them) up to the as-of date,
    and is None when no job is dated. The dated facts (jobs, education years and status markers,
    the jobs naming each skill) are kept as written; what depends on the as-of date
    (``total_years``, ``Education.completed``, ``ResumeSkill.years``) is worked out from them by
    :func:`matcher.resume.resolve_dates`.
    """

    source: str
    name: str | None
    email: str | None
    phone: str | None
    links: tuple[str, ...]
    sections: tuple[str, ...]
    skills: tuple[ResumeSkill, ...]
    education: tuple[Education, ...]
    experience: tuple[Job, ...]
    total_years: float | None
    warnings: tuple[str, ...] = ()
    text: str = ""

    @property
    def highest_degree(self) -> str | None:
        """The highest completed degree level, or None."""
        levels = [e.level for e in self.education if e.completed and e.level in DEGREE_LEVELS]
        return max(levels, key=DEGREE_LEVELS.index) if levels else None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form (DESIGN.md section 5)."""
        return {
            "path": self.source,
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "links": list(self.links),
            "sections": list(self.sections),
            "skills": [s.to_dict() for s in self.skills],
            "education": [e.to_dict() for e in self.education],
            "highest_degree": self.highest_degree,
            "experience": [j.to_dict() for j in self.experience],
            "total_years": self.total_years,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """Why one file could not be used: ``kind`` is the stable machine name (``encrypted``,
    ``damaged``, ``timeout``, ``internal``...), ``message`` says it for a person."""

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
            "margin": _number(self.margin),
        }


@dataclass(frozen=True, slots=True)
class SkillMatch:
    """How one posting skill was met: ``credit`` 0 to 1, ``how`` exact, related, short_years or
    missing (a ``MatchHow``), and the resume evidence.

    Examples
    --------
    >>> from typing import get_args
    >>> get_args(MatchHow)
    ('exact', 'related', 'short_years', 'missing')
    >>> SkillMatch("PostgreSQL", "required", 0.5, "related", "MySQL daily", via="MySQL").via
    'MySQL'
    """

    skill: str
    importance: Importance
    credit: float
    how: MatchHow
    evidence: str = ""
    via: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "skill": self.skill,
            "importance": self.importance,
            "credit": _number(self.credit),
            "how": self.how,
            "via": self.via,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Score:
    """A candidate's fit to a posting: ``total`` 0 to 100, its components (0 to 1), the rule
    checks, the skills matched and missing, whether a failed check knocked the candidate out,
    the similarity's top shared terms, and the checks that knock out under the weights used
    (``knockouts``); :meth:`explain` writes them as a short explanation.

    ``components`` is read-only (a ``types.MappingProxyType`` over a copy of the mapping given);
    a Score still copies, pickles, compares and goes through ``dataclasses.replace``.
    """

    total: float
    components: Mapping[str, float | None]
    checks: tuple[Check, ...]
    matched: tuple[SkillMatch, ...]
    missing: tuple[SkillMatch, ...]
    knocked_out: bool
    top_terms: tuple[str, ...] = ()
    knockouts: tuple[CheckName, ...] = ()

    def __post_init__(self) -> None:
        # a read-only copy: the caller's dict stays theirs, and no one changes a frozen Score's
        object.__setattr__(self, "components", MappingProxyType(dict(self.components)))

    def __reduce__(self) -> tuple[Any, ...]:
        # a mappingproxy cannot be pickled or copied: rebuild from a plain dict of the components
        values = (
            dict(self.components) if f.name == "components" else getattr(self, f.name)
            for f in dataclasses.fields(self)
        )
        return (Score, tuple(values))

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
        related or short-on-years match; the exact matches; the required skills missing; each
        check; the shared terms; and the checks that knocked the candidate out.

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
                lines.append(f"Short on years: {m.skill} ({m.importance}), {m.credit:.0%} credit")
        exact = [m.skill for m in self.matched if m.how == "exact"]
        if exact:
            lines.append(f"Has: {', '.join(exact)}")
        required_missing = [m.skill for m in self.missing if m.importance == "required"]
        if required_missing:
            lines.append(f"Missing required: {', '.join(required_missing)}")
        for check in self.checks:
            lines.append(f"Check {check.name}: {check.status} ({check.detail})")
        if self.top_terms:
            lines.append(f"Shared terms: {', '.join(self.top_terms)}")
        if self.knocked_out:
            knocked = [c.name for c in self.checks if c.status == "fail" and c.name in self.knockouts]
            lines.append(f"Knocked out by: {', '.join(knocked)}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form."""
        return {
            "score": _number(self.total),
            "components": {k: (None if v is None else round(v, 3)) for k, v in self.components.items()},
            "checks": [c.to_dict() for c in self.checks],
            "matched": [m.skill for m in self.matched],
            "missing": [m.skill for m in self.missing],
            "knocked_out": self.knocked_out,
        }


def _number(value: float | None) -> float | int | None:
    """Write whole numbers as ints (5, not 5.0) in JSON."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)
