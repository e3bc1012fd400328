"""The readable summaries ``matcher resume`` and ``matcher posting`` print."""

from __future__ import annotations

from matcher.records import Posting, Resume

__all__ = ["format_posting", "format_resume"]


def format_resume(result: Resume) -> str:
    """Return the readable summary ``matcher resume`` prints.

    Examples
    --------
    >>> from matcher.records import Education, Job, ResumeSkill
    >>> resume = Resume(
    ...     source="ann.pdf", name="Ann Lee", email="ann@x.org", phone=None, links=(),
    ...     sections=("experience", "skills"),
    ...     skills=(ResumeSkill("Python", "hard", "ETL jobs in Python", 2, last_used="present"),),
    ...     education=(Education("bachelor", "computer science", "Leeds", 2018, completed=True),),
    ...     experience=(Job("Data Engineer", "Acme", "2019-03", "present"),),
    ...     total_years=5.8,
    ... )
    >>> print(format_resume(resume))
    Resume: ann.pdf
    Name: Ann Lee
    Email: ann@x.org
    Phone: not found
    Sections: experience, skills
    <BLANKLINE>
    Experience: 5.8 years (overlapping jobs counted once)
      - 2019-03 to present: Data Engineer at Acme
    <BLANKLINE>
    Highest completed degree: bachelor
      - bachelor: computer science, Leeds, 2018
    <BLANKLINE>
    Skills (1):
      - Python [hard] x2, last used present
    """
    lines = [f"Resume: {result.source}"]
    for label, value in (("Name", result.name), ("Email", result.email), ("Phone", result.phone)):
        lines.append(f"{label}: {value or 'not found'}")
    if result.links:
        lines.append(f"Links: {', '.join(result.links)}")
    lines.append(f"Sections: {', '.join(result.sections) or 'none found'}")
    years = "unknown (no dated job)" if result.total_years is None else f"{result.total_years:g}"
    lines += ["", f"Experience: {years} years (overlapping jobs counted once)"]
    for job in result.experience:
        lines.append(f"  - {job.start} to {job.end}: {job.title or '?'} at {job.employer or '?'}")
    lines += ["", f"Highest completed degree: {result.highest_degree or 'none found'}"]
    for edu in result.education:
        state = "" if edu.completed else " (in progress)"
        parts = [p for p in (edu.field, edu.institution, str(edu.year) if edu.year else None) if p]
        lines.append(f"  - {edu.level}{state}: {', '.join(parts)}")
    lines += ["", f"Skills ({len(result.skills)}):"]
    for skill in sorted(result.skills, key=lambda s: (-s.count, s.name.lower())):
        used = f", last used {skill.last_used}" if skill.last_used else ""
        lines.append(f"  - {skill.name} [{skill.kind}] x{skill.count}{used}")
    for warning in result.warnings:
        lines.append(f"Warning: {warning}")
    lines += [f"Integrity: {f.kind}: {f.message}: {f.evidence!r}" for f in result.integrity]
    return "\n".join(lines)


def format_posting(result: Posting) -> str:
    """Return the readable summary ``matcher posting`` prints.

    Examples
    --------
    >>> from matcher.records import DegreeRequirement, SkillMention
    >>> posting = Posting(
    ...     title="Data Engineer",
    ...     skills=(
    ...         SkillMention("Python", "hard", "required", "3+ years of Python are required."),
    ...         SkillMention("Airflow", "hard", "preferred", "Airflow is a plus."),
    ...     ),
    ...     degree=DegreeRequirement("bachelor", ("computer science",)),
    ...     min_years=3.0, preferred_years=None, certifications=(),
    ... )
    >>> print(format_posting(posting))
    Posting: Data Engineer
    <BLANKLINE>
    Required skills (1):
      - Python [hard]  "3+ years of Python are required."
    <BLANKLINE>
    Preferred skills (1):
      - Airflow [hard]  "Airflow is a plus."
    <BLANKLINE>
    Degree: bachelor or higher (required) in computer science
    Years of experience: 3+
    """
    lines = [f"Posting: {result.title or '(untitled)'}", ""]
    for importance in ("required", "preferred", "mentioned"):
        skills = result.skills_by_importance(importance)
        if not skills:
            continue
        lines.append(f"{importance.capitalize()} skills ({len(skills)}):")
        for s in skills:
            years = f", {s.years:g}+ years" if s.years is not None else ""
            evidence = " ".join(s.evidence.split())
            if len(evidence) > 90:
                evidence = evidence[:87] + "..."
            lines.append(f'  - {s.name} [{s.kind}{years}]  "{evidence}"')
        lines.append("")
    for group in result.groups:  # alternatives: any one member meets the requirement
        years = f", {group.years:g}+ years" if group.years is not None else ""
        lines.append(f"Any one of ({group.importance}{years}): {group.label}")
    if result.groups:
        lines.append("")
    degree = result.degree
    lines.append("Degree: none asked" if degree is None else f"Degree: {degree.summary}")
    years = "not stated" if result.min_years is None else f"{result.min_years:g}+"
    lines.append(f"Years of experience: {years}")
    if result.preferred_years is not None:
        lines.append(f"Preferred years: {result.preferred_years:g}+")
    if result.certifications_detail:
        named = (f"{c.name} ({c.importance})" for c in result.certifications_detail)
        lines.append(f"Certifications: {', '.join(named)}")
    elif result.certifications:
        lines.append(f"Certifications: {', '.join(result.certifications)}")
    if result.languages:
        lines.append(f"Languages: {', '.join(result.languages)}")
    return "\n".join(lines)
