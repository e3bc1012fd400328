"""The plain, frozen records that flow between matcher's steps, each with ``to_dict()``.

Every extracted thing keeps its evidence: the sentence it came from and character offsets
into the analysed text, so a recruiter can check it.
"""

from __future__ import annotations

from matcher.records._integrity import IntegrityFinding, IntegrityKind
from matcher.records._kinds import DEGREE_LEVELS, CheckName, CheckStatus, Importance, MatchHow, SkillKind
from matcher.records._posting import (
    Certification,
    DegreeRequirement,
    Posting,
    Section,
    SkillGroup,
    SkillMention,
)
from matcher.records._resume import Education, Job, Resume, ResumeSkill
from matcher.records._score import Check, Failure, Score, SkillMatch

__all__ = [
    "DEGREE_LEVELS",
    "Certification",
    "Check",
    "CheckName",
    "CheckStatus",
    "DegreeRequirement",
    "Education",
    "Failure",
    "Importance",
    "IntegrityFinding",
    "IntegrityKind",
    "Job",
    "MatchHow",
    "Posting",
    "Resume",
    "ResumeSkill",
    "Score",
    "Section",
    "SkillGroup",
    "SkillKind",
    "SkillMatch",
    "SkillMention",
]
