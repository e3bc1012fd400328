"""``parse_resume``: a resume into an evidenced profile (sections, contact, education, jobs, skills)."""

from __future__ import annotations

from matcher.resume._dating import resolve_dates
from matcher.resume._parse import parse_resume, parse_resume_text

__all__ = [
    "parse_resume",
    "parse_resume_text",
    "resolve_dates",
]
