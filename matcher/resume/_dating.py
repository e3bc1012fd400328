"""What a resume's dated facts come to on one day: years of experience, degrees completed, years
with each skill.

Parsing keeps the facts as written (job starts and ends, "present", education years and status
markers, the jobs that name each skill), so a parse never goes stale: a resume cached yesterday is
resolved against today without being read again.
"""

from __future__ import annotations

import dataclasses
import operator
from datetime import date

from matcher.facts import DateRange, YearMonth, span_years
from matcher.records import Education, Job, Resume, ResumeSkill

__all__ = ["resolve_dates"]


def resolve_dates(resume: Resume, as_of: date) -> Resume:
    """Return ``resume`` with its date-dependent fields worked out for ``as_of``.

    ``total_years`` merges the jobs up to ``as_of`` ("present" means ``as_of``); a degree is
    completed unless the resume marks it in progress or dates it after ``as_of``'s year; each
    skill's ``years`` merges the jobs that name it.

    Examples
    --------
    >>> from datetime import date
    >>> from matcher.resume import parse_resume_text
    >>> cv = parse_resume_text("EXPERIENCE\\nCook, Diner, Jan 2020 - Present\\n"
    ...                        "EDUCATION\\nB.S. Nutrition, State College, 2025", as_of=date(2024, 12, 1))
    >>> cv.total_years, cv.highest_degree
    (5.0, None)
    >>> later = resolve_dates(cv, date(2026, 12, 1))
    >>> later.total_years, later.highest_degree
    (7.0, 'bachelor')
    """
    spans = [_range(job).span(as_of) for job in resume.experience]
    merged: dict[tuple[int, ...], float | None] = {}  # skills named in the same jobs share one sum

    def years_of(jobs: tuple[int, ...]) -> float | None:
        if jobs not in merged:
            merged[jobs] = span_years([spans[i] for i in jobs])
        return merged[jobs]

    # only what changes is rebuilt: a cached parse resolved for the same day comes back as it was
    education = tuple(_completed(e, as_of) for e in resume.education)
    skills = tuple(
        s if (years := years_of(s.jobs) if s.jobs else None) == s.years else _with_years(s, years)
        for s in resume.skills
    )
    total = years_of(tuple(range(len(spans)))) if spans else None
    if total == resume.total_years and education == resume.education and skills == resume.skills:
        return resume
    return dataclasses.replace(resume, total_years=total, education=education, skills=skills)


_SKILL_FIELDS = [f.name for f in dataclasses.fields(ResumeSkill)]
_skill_values = operator.attrgetter(*_SKILL_FIELDS)
_YEARS = _SKILL_FIELDS.index("years")


def _with_years(skill: ResumeSkill, years: float | None) -> ResumeSkill:
    """``dataclasses.replace(skill, years=years)``, a few times faster: it runs for most skills of
    every resume ranked (a cached parse keeps its skills' years unresolved)."""
    values = list(_skill_values(skill))
    values[_YEARS] = years
    return ResumeSkill(*values)


def _completed(entry: Education, as_of: date) -> Education:
    completed = not entry.in_progress and not (entry.year is not None and entry.year > as_of.year)
    return entry if completed == entry.completed else dataclasses.replace(entry, completed=completed)


def _range(job: Job) -> DateRange:
    return DateRange(_month(job.start), None if job.end == "present" else _month(job.end), "", 0)


def _month(text: str) -> YearMonth:
    year, month = text.split("-")
    return YearMonth(int(year), int(month))
