"""``analyze_posting``: a job posting into its requirements (sections, importance, degree, years,
certifications), each with evidence."""

from __future__ import annotations

from matcher.posting._analyze import analyze_posting, analyze_posting_file
from matcher.posting._correct import IGNORED, correct_posting

__all__ = [
    "IGNORED",
    "analyze_posting",
    "analyze_posting_file",
    "correct_posting",
]
