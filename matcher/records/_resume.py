"""A parsed resume: contact, sections, skills, education and dated jobs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from matcher.records._kinds import DEGREE_LEVELS, SkillKind, json_number

__all__ = ["Education", "Job", "Resume", "ResumeSkill"]


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
            "in_progress": self.in_progress,
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
    kind: SkillKind
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
            "years": json_number(self.years),
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
