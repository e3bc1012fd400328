"""A :class:`~matcher.records.Resume` in the JSON Resume schema (https://jsonresume.org/schema)."""

from __future__ import annotations

from typing import Any

from matcher.records import Resume

__all__ = ["to_json_resume"]

_DEGREE_NAMES = {
    "high_school": "High School",
    "associate": "Associate",
    "bachelor": "Bachelor",
    "master": "Master",
    "doctorate": "Doctorate",
}


def to_json_resume(resume: Resume) -> dict[str, Any]:
    """Return ``resume`` as a JSON Resume document (basics, work, education, skills, meta).

    Examples
    --------
    >>> from matcher.resume import parse_resume_text
    >>> text = "Ann Lee\\nann@x.org\\nEXPERIENCE\\nNurse, City Hospital, 2019-2021"
    >>> doc = to_json_resume(parse_resume_text(text))
    >>> doc["basics"]["email"], doc["work"][0]["startDate"], doc["work"][0]["endDate"]
    ('ann@x.org', '2019-01', '2021-12')
    """
    basics: dict[str, Any] = {"name": resume.name, "email": resume.email, "phone": resume.phone}
    basics["profiles"] = [{"url": link} for link in resume.links]
    work = []
    for job in resume.experience:
        entry = {"name": job.employer, "position": job.title, "startDate": job.start}
        if job.end != "present":
            entry["endDate"] = job.end
        work.append(entry)
    education = [
        {
            "institution": e.institution,
            "area": e.field,
            "studyType": _DEGREE_NAMES.get(e.level or "", e.level),
            **({"endDate": str(e.year)} if e.year and e.completed else {}),
        }
        for e in resume.education
    ]
    skills = [{"name": s.name, "keywords": [s.kind]} for s in resume.skills]
    return {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": {k: v for k, v in basics.items() if v},
        "work": work,
        "education": education,
        "skills": skills,
        "meta": {"source": resume.source, "totalYears": resume.total_years},
    }
