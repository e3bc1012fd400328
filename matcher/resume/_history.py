"""Work history and education from resume sections: dated jobs and degrees.

Only dates in experience sections count as work (when a resume has no headings at all, dates on
lines that name a degree or a school do not count either): education and volunteer dates never
add to years of experience.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from matcher.facts import (
    DateRange,
    find_date_ranges,
    find_degrees,
    leading_start,
)
from matcher.records import Job, Section
from matcher.text import alternation, wordlist

__all__ = ["DatedJob", "find_jobs"]

WORK_KINDS = frozenset({"experience"})
NEVER_WORK_KINDS = frozenset({"education", "volunteer", "projects", "publications"})
NO_WORK_KINDS = frozenset(
    {"education", "volunteer", "certifications", "projects", "publications", "accomplishments", "references",
     "interests", "affiliations", "languages", "skills"}
)  # fmt: skip
_SPLIT = re.compile(r"\s{2,}|\s*[|•·–—]\s*|\s+-\s+|\t|,\s+(?=[A-Z])|\s+at\s+(?=[A-Z])")
_LOCATION = re.compile(
    r"^(?:city|state|city,?\s*state|remote|[A-Z][a-zA-Z.]+(?:\s[A-Z][a-zA-Z.]+)*,\s*[A-Z]{2}|"
    r"[A-Z]{2}|usa|united states|uk|ï¼|,)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _employer() -> re.Pattern[str]:
    """Employer words ("Inc", "University"): data/wordlists/resume_history.txt."""
    return re.compile(rf"\b(?:{alternation(wordlist('resume_history', 'employers'))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _title() -> re.Pattern[str]:
    """Job title words ("engineer", "nurses"): data/wordlists/resume_history.txt."""
    return re.compile(rf"\b(?:{alternation(wordlist('resume_history', 'job_titles'))})s?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DatedJob:
    """A job with its date range and where its block of text starts and ends."""

    job: Job
    dates: DateRange
    block_start: int
    block_end: int


def _regions(sections: list[Section], kinds: frozenset[str]) -> list[Section]:
    chosen = [s for s in sections if s.kind in kinds]
    if chosen:
        return chosen
    return [s for s in sections if s.kind in ("body", "header", "summary", "additional")]


def find_jobs(text: str, sections: list[Section]) -> list[DatedJob]:
    """Return the dated jobs of the experience sections, in text order."""
    explicit = any(s.kind in WORK_KINDS for s in sections)
    found: list[tuple[int, DateRange, str | None, str | None, str]] = []
    regions = _regions(sections, WORK_KINDS)
    # a job block that continues below another section (two-column pages, page breaks) still
    # counts when it reads as one: a job title next to its dates
    strays = [s for s in sections if explicit and s not in regions and s.kind not in NEVER_WORK_KINDS]
    for region in [*regions, *strays]:
        stray = region in strays
        body = text[region.start : region.end]
        lines = body.splitlines(keepends=True)
        pos = region.start
        previous: list[str] = []
        for line in lines:
            ranges = find_date_ranges(line)
            if not ranges and not stray and explicit and not any(f[0] >= region.start for f in found):
                first = leading_start(line)  # the newest job, written with its start only
                ranges = [first] if first is not None else []
            if ranges and not explicit and _is_education_line(line):
                ranges = []
            if ranges and stray and find_degrees(line):
                ranges = []
            if ranges and stray and not _looks_like_job(line, previous):
                ranges = []
            if ranges:
                for r in ranges[:1]:
                    title, employer = _title_employer(line.replace(r.text, "  "), previous)
                    found.append((pos, r, title, employer, line.strip()))
            if line.strip():
                previous = [*previous[-1:], line.strip()]
            pos += len(line)
    found.sort(key=lambda item: item[0])
    jobs: list[DatedJob] = []
    for i, (offset, r, title, employer, evidence) in enumerate(found):
        region_end = next((s.end for s in sections if s.start <= offset < s.end), len(text))
        block_end = found[i + 1][0] if i + 1 < len(found) and found[i + 1][0] < region_end else region_end
        job = Job(title, employer, str(r.start), "present" if r.end is None else str(r.end), evidence)
        jobs.append(DatedJob(job, r, offset, block_end))
    return jobs


def _looks_like_job(line: str, previous: list[str]) -> bool:
    """A date line that reads as a job header: a job title on it or on the two lines before (a
    title wrapped over two lines: "Senior Engineer, Acme" / "Corporation")."""
    return bool(_title().search(line)) or any(_title().search(p) and len(p) < 90 for p in previous[-2:])


def _is_education_line(line: str) -> bool:
    return bool(find_degrees(line)) or bool(re.search(r"\b(?:university|college|school|gpa)\b", line, re.I))


def _parts(line: str) -> list[str]:
    """The fields of a job header line, without locations and dates."""
    parts = (p.strip(" ,:;()") for p in _SPLIT.split(line))
    return [p for p in parts if p and not _LOCATION.match(p) and len(p) <= 80 and not find_date_ranges(p)]


def _title_employer(rest: str, previous: list[str]) -> tuple[str | None, str | None]:
    """Title and employer from the date line, or from the line above it when that one holds the
    title ("Senior Engineer, Acme" above "Madrid | 2021 - Present")."""
    parts = _parts(rest)
    if previous and not any(_title().search(p) for p in parts):
        before = _parts(previous[-1])
        if not parts or any(_title().search(p) for p in before):
            parts = before
    title = next((p for p in parts if _title().search(p) and not _employer().search(p)), None)
    employer = next((p for p in parts if _employer().search(p) and p != title), None)
    if title is None:
        title = next((p for p in parts if p != employer), None)
    if employer is None:
        employer = next((p for p in parts if p != title), None)
    return title, employer
