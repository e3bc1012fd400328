"""``analyze_posting``: a job posting into its requirements (sections, importance, degree, years,
certifications), each with evidence."""

from __future__ import annotations

from matcher.posting._analyze import analyze_posting, analyze_posting_file

__all__ = [
    "analyze_posting",
    "analyze_posting_file",
]
