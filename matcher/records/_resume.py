"""A parsed resume: contact, sections, skills, education and dated jobs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from matcher.records._integrity import IntegrityFinding
from matcher.records._kinds import DEGREE_LEVELS, SkillKind, json_number

__all__ = ["Education", "Job", "Resume", "ResumeSkill"]


@dataclass(frozen=True, slots=True)
class Education:
    """One degree or school entry.

    ``in_progress`` is what the resume says ("expected 2025", "currently pursuing"); ``completed``
    also counts a year still to come as not completed, so it holds for one as-of date (see
    :func:`matcher.resume.resolve_dates`).

    Examples
    --------
    >>> e = Education("master", "data science", "Leeds", 2027, completed=False, in_progress=True)
    >>> e.to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'level': 'master', 'field': 'data science', 'institution': 'Leeds', 'year': 2027, 'completed': False,
     'in_progress': True}
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
    """One dated position. ``start``/``end`` are "YYYY-MM"; ``end`` is "present" for a current job.

    Examples
    --------
    >>> Job("Data Engineer", "Acme", "2019-03", "present").to_dict()
    {'title': 'Data Engineer', 'employer': 'Acme', 'start': '2019-03', 'end': 'present'}
    """

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
    ``hidden`` is True when the skill is named only in text a reader cannot see (see
    ``Resume.integrity``); by default such a skill does not count in a score.

    Examples
    --------
    >>> s = ResumeSkill("Python", "hard", "ETL jobs in Python", 3, last_used="present", years=4.5, jobs=(0,))
    >>> s.to_dict()["years"], s.to_dict()["last_used"], s.count
    (4.5, 'present', 3)
    """

    name: str
    kind: SkillKind
    evidence: str
    count: int
    last_used: str | None = None
    skill_id: str = ""
    years: float | None = None
    jobs: tuple[int, ...] = ()
    hidden: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form (``"hidden": true`` only for a skill found only in hidden text)."""
        out: dict[str, Any] = {
            "name": self.name,
            "kind": self.kind,
            "evidence": self.evidence,
            "count": self.count,
            "last_used": self.last_used,
            "years": json_number(self.years),
        }
        if self.hidden:
            out["hidden"] = True
        return out


@dataclass(frozen=True, slots=True)
class Resume:
    """A parsed resume: contact, sections, skills, education and experience, with evidence.

    ``total_years`` merges overlapping and repeated jobs (never sums them) up to the as-of date,
    and is None when no job is dated. The dated facts (jobs, education years and status markers,
    the jobs naming each skill) are kept as written; what depends on the as-of date
    (``total_years``, ``Education.completed``, ``ResumeSkill.years``) is worked out from them by
    :func:`matcher.resume.resolve_dates`. ``integrity`` lists what a reader would not see or
    believe (hidden, tiny or off-page text, keyword stuffing, a copied posting); ``hidden_text``
    holds the runs of text a reader cannot see, which ``visible_text`` leaves out.

    Examples
    --------
    >>> r = Resume(
    ...     source="cv.txt",
    ...     name="Jane Doe",
    ...     email="jane@example.com",
    ...     phone=None,
    ...     links=(),
    ...     sections=("experience", "education"),
    ...     skills=(),
    ...     education=(
    ...         Education("master", "data science", None, 2027, completed=False, in_progress=True),
    ...         Education("bachelor", "mathematics", None, 2019, completed=True),
    ...     ),
    ...     experience=(Job("Analyst", "Acme", "2019-09", "present"),),
    ...     total_years=5.2,
    ... )
    >>> r.highest_degree  # the master is not completed yet
    'bachelor'
    >>> r.to_dict()["path"], r.to_dict()["experience"][0]["end"]
    ('cv.txt', 'present')
    >>> hid = Resume("cv.pdf", None, None, None, (), (), (), (), (), None, text="Cook. Python  SQL Grill.",
    ...              hidden_text=("Python SQL",))
    >>> hid.visible_text
    'Cook.   Grill.'
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
    integrity: tuple[IntegrityFinding, ...] = ()
    hidden_text: tuple[str, ...] = ()

    @property
    def visible_text(self) -> str:
        """``text`` without the runs a reader cannot see: what the similarity reads."""
        visible = self.text
        for run in self.hidden_text:  # each run once, where extraction put it (spacing may differ)
            pattern = r"\s*".join(re.escape(word) for word in run.split())
            visible = re.sub(pattern, " ", visible, count=1) if pattern else visible
        return visible

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
            "integrity": [f.to_dict() for f in self.integrity],
        }
