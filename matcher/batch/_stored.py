"""How the cache stores a parsed Resume: JSON of every field, read back into the records."""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any

from matcher.records import Education, IntegrityFinding, Job, Resume, ResumeSkill

__all__ = ["resume_from_json", "resume_to_json"]


def resume_to_json(resume: Resume) -> str:
    """``resume`` as the JSON text the cache stores (every field, by name)."""
    return json.dumps(dataclasses.asdict(resume), ensure_ascii=False, sort_keys=True)


def _skill(data: dict[str, Any]) -> ResumeSkill:
    """One stored skill, its repeated strings held once (as a ranking keeps them: see _compact)."""
    intern = sys.intern
    data["jobs"] = tuple(data["jobs"])
    for name in ("name", "kind", "skill_id"):
        data[name] = intern(data[name])
    if data["last_used"] is not None:
        data["last_used"] = intern(data["last_used"])
    return ResumeSkill(**data)


def resume_from_json(text: str) -> Resume:
    """The Resume :func:`resume_to_json` stored (fields added since default when absent)."""
    data: dict[str, Any] = json.loads(text)
    return Resume(
        source=data["source"],
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        links=tuple(data["links"]),
        sections=tuple(data["sections"]),
        skills=tuple(map(_skill, data["skills"])),
        education=tuple(Education(**e) for e in data["education"]),
        experience=tuple(Job(**j) for j in data["experience"]),
        total_years=data["total_years"],
        warnings=tuple(data["warnings"]),
        text=data["text"],
        integrity=tuple(IntegrityFinding(**f) for f in data.get("integrity", ())),
        hidden_text=tuple(data.get("hidden_text", ())),
    )
