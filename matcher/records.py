"""The plain, frozen records that flow between matcher's steps, each with ``to_dict()``.

Every extracted thing keeps its evidence: the sentence it came from and character offsets
into the analysed text, so a recruiter can check it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "DEGREE_LEVELS",
    "Check",
    "DegreeRequirement",
    "Education",
    "Importance",
    "Job",
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
    """A stretch of a posting or a resume under one heading, with its kind: requirements,
    preferred, duties, boilerplate... in a posting; experience, education, skills... in a resume."""

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
    """One degree or school entry. ``completed`` is False for "expected 2025", "currently pursuing"."""

    level: str | None
    field: str | None
    institution: str | None
    year: int | None
    completed: bool
    evidence: str = ""

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

    ``years`` merges the dated jobs whose text names the skill (None when no dated job does).
    """

    name: str
    kind: str
    evidence: str
    count: int
    last_used: str | None = None
    skill_id: str = ""
    years: float | None = None

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
    and is None when no job is dated.
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
class Check:
    """One rule check: ``status`` is pass, fail or unknown (unknown is never a fail).

    ``detail`` says it in words ("4.3 of 5 years"); ``margin`` in numbers (resume minus posting,
    in years or degree levels), None when unknown.
    """

    name: str
    status: str
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
    missing, and the resume evidence."""

    skill: str
    importance: str
    credit: float
    how: str
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
    and a short explanation."""

    total: float
    components: dict[str, float | None]
    checks: tuple[Check, ...]
    matched: tuple[SkillMatch, ...]
    missing: tuple[SkillMatch, ...]
    knocked_out: bool
    explanation: str
    top_terms: tuple[str, ...] = ()

    def explain(self) -> str:
        """Return the short readable account of the score."""
        return self.explanation

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
