"""Work history and education from resume sections: dated jobs and degrees.

Only dates in experience sections count as work (when a resume has no headings at all, dates on
lines that name a degree or a school do not count either): education and volunteer dates never
add to years of experience.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.facts import (
    DateRange,
    find_date_ranges,
    find_degrees,
    leading_start,
)
from matcher.records import Job, Section
from matcher.resume._job_header import header_below, is_place_line, title_employer, title_words
from matcher.resume._sections import heading_of
from matcher.resume._timeline import timeline_jobs

__all__ = ["DatedJob", "find_jobs"]

WORK_KINDS = frozenset({"experience"})
# memberships, clubs, honours, volunteering and study are never work, wherever their dates stand
NEVER_WORK_KINDS = frozenset(
    {"education", "volunteer", "projects", "publications", "affiliations", "accomplishments", "interests",
     "references"}
)  # fmt: skip
NO_WORK_KINDS = frozenset(
    {"education", "volunteer", "certifications", "projects", "publications", "accomplishments", "references",
     "interests", "affiliations", "languages", "skills"}
)  # fmt: skip
# a date line outside the history that names an award or a club office is no job, nor one in a
# certifications section that names a certificate (a sidebar layout may run the history on there)
_HONOUR = re.compile(
    r"\b(?:awards?|awarded|honou?rs?|honorary|scholarships?|student union|club)\b", re.IGNORECASE
)
# outside the history, a date line naming a membership is none: "Board Member, Texans for
# Midwifery (2001-2002)", "Vice-President (2011-2012): Armenian Students Association"
_MEMBERSHIP = re.compile(
    r"\b(?:members?|membership|associations?|organi[sz]ations?|societ(?:y|ies)|committees?|fraternity|sorority)\b",
    re.IGNORECASE,
)
_CERTIFICATE = re.compile(r"\b(?:certifi\w*|licen[cs]\w*)\b", re.IGNORECASE)
# "Information Technology Student", "Nursing Student": studies listed as a job (every part of the
# title names a student; "Student Assistant" and "Scientific Employee / PhD Student" are jobs)
_STUDENT_PART = re.compile(r"^.*\bstudents?$", re.IGNORECASE)
# "2016 / 09 - University of Bremen": a start date, a dash, then words (no end date)
_START_DASH = re.compile(r"^(\s*\d{4}\s*/\s*\d{1,2}|\s*\d{1,2}\s*/\s*\d{4})\s*[-–—]\s+(?=[A-Za-z])")


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
    open_starts: set[int] = set()  # where a job dated by its start alone stands
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
        content_seen = False  # a line of content after the heading, before the first dated line
        date_first: bool | None = None  # decided at the region's first dated line
        for k, line in enumerate(lines):
            ranges = find_date_ranges(line)
            if not ranges and not stray and explicit and not any(f[0] >= region.start for f in found):
                first = leading_start(_START_DASH.sub(r"\1 ", line))  # the newest job, with its start only
                ranges = [first] if first is not None else []
                if first is not None:
                    open_starts.add(pos)
            if ranges and not explicit and _is_education_line(line):
                ranges = []
            if ranges and stray and find_degrees(line):
                ranges = []
            if ranges and stray and (not _looks_like_job(line, previous) or _HONOUR.search(line)):
                ranges = []
            if ranges and stray and _MEMBERSHIP.search(line):
                ranges = []
            if ranges and _in_prose(line, ranges[0]):
                ranges = []  # "Planned the domain migration from 2008 to 2012 R2.": a duty's dates
            if ranges and region.kind == "certifications" and _CERTIFICATE.search(line):
                ranges = []
            if ranges and _never_work_label(line):
                ranges = []  # "Activities: Volunteer Teacher, Akanksha Foundation, May 2008 - Aug 2013"
            if ranges:
                r = ranges[0]
                if date_first is None:  # the dates open the entry, its title is on the line below
                    date_first = not content_seen and not title_words().search(line.replace(r.text, " "))
                rest = line.replace(r.text, "  ")
                following = header_below(lines[k + 1 : k + 6]) if date_first else []
                below = [] if date_first else header_below(lines[k + 1 : k + 3])[:1]
                title, employer = title_employer(rest, previous, following, below)
                if not _studies(title):
                    found.append((pos, r, title, employer, line.strip()))
            if line.strip() and not (k == 0 and _is_heading(line)):  # a heading is no job's part
                if k > 0 and not ranges and date_first is None:
                    content_seen = True
                if ranges or not is_place_line(line):  # "City  ," / "State": the header is above
                    previous = [*previous[-1:], line.strip()]
            pos += len(line)
    found.sort(key=lambda item: item[0])
    found = [_one_month(f, found) if f[0] in open_starts else f for f in found]
    if not found:  # no job dated by a range: a timeline of start dates may hold them
        found = timeline_jobs(text, sections, NEVER_WORK_KINDS)
    found = _without_repeats(found)
    jobs: list[DatedJob] = []
    for i, (offset, r, title, employer, evidence) in enumerate(found):
        region_end = next((s.end for s in sections if s.start <= offset < s.end), len(text))
        block_end = found[i + 1][0] if i + 1 < len(found) and found[i + 1][0] < region_end else region_end
        job = Job(title, employer, str(r.start), "present" if r.end is None else str(r.end), evidence)
        jobs.append(DatedJob(job, r, offset, block_end))
    return jobs


def _one_month(
    item: tuple[int, DateRange, str | None, str | None, str],
    found: list[tuple[int, DateRange, str | None, str | None, str]],
) -> tuple[int, DateRange, str | None, str | None, str]:
    """A first job dated by its start alone runs to the present when it is the newest; when
    another job starts later, its one date is that month alone ("01/2007  Company Name" above
    "01/2011 to Current")."""
    offset, r, title, employer, evidence = item
    if not any(f[1].start.index > r.start.index for f in found):
        return item
    return offset, DateRange(r.start, r.start, r.text, r.offset), title, employer, evidence


def _without_repeats(
    found: list[tuple[int, DateRange, str | None, str | None, str]],
) -> list[tuple[int, DateRange, str | None, str | None, str]]:
    """One job for each job listed twice (a resume pasted into itself, a sidebar repeating the
    history): the same dates and the same title, or no title on one of them."""
    kept: list[tuple[int, DateRange, str | None, str | None, str]] = []
    for item in found:
        _, r, title, _, _ = item
        if not any(
            (str(r.start), r.end and str(r.end)) == (str(k[1].start), k[1].end and str(k[1].end))
            and (title is None or k[2] is None or title.lower() == k[2].lower())
            for k in kept
        ):
            kept.append(item)
    return kept


_FUNCTION_WORDS = frozenset(
    "a an the and or of in on at to for from with by as de la del since until through".split()
)
_CLAUSE_END = re.compile(r"\s{2,}|[.;:]\s|\t|\s[-–—|]\s")
# what a date stands after in a sentence: "from 2008 to 2012", "since 2008", "(2008-2011)"
_PROSE_BEFORE = re.compile(r"(?:\b(?:from|since|during|between|in|for|the|of|by|through|until)|\()\s*$", re.I)
_SENTENCE_END = re.compile(r"[.!?][)\"']?(?:\u00c2)?\s*$")  # "... to 2016.Â": a no-break space's mojibake


def _in_prose(line: str, r: DateRange) -> bool:
    """True when a date range stands inside a sentence, not in a job's header: the words before
    it, back to a column gap, a spaced dash or the end of a sentence, hold three words or more in
    lower case that are no function words, and the range follows a preposition or "(", or the
    line ends as a sentence does ("domain migration from 2008 to 2012 R2.", "end user software
    (Microsoft Office 2003-2008 including Outlook)."). Still jobs: "Worked as cashier at Acme
    from 2003 to 2004", "Programmer otulea.uni-bremen.de, 2010 - 2011", and pdfium's one-line
    headers with a title in lower case ("State kitchen Manager / Catering and events chef
    07/2011 to 01/2014")."""
    head = line[: max(r.offset, 0)]
    words = (w.strip(",;()\"'") for w in _CLAUSE_END.split(head)[-1].split())  # "uni-bremen.de," is none
    lower = [w for w in words if re.fullmatch(r"[a-z]+", w) and w not in _FUNCTION_WORDS]
    after_preposition = _PROSE_BEFORE.search(head) or re.match(
        r"(?:since|from)\b", r.text, re.I
    )  # "since 1958"
    return len(lower) >= 3 and bool(after_preposition or _SENTENCE_END.search(line))


_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z &/-]{2,40}?)\s*:")


def _never_work_label(line: str) -> bool:
    """True when the line opens with the heading of a section that is never work, as a label
    before a colon ("Activities:", "Volunteer Work:", "Memberships:"), or with such a heading's word
    and words that name no job after it ("Volunteer Endeavors:"; "Volunteer Coordinator:" is a job)."""
    label = _LABEL.match(line)
    if label is None:
        return False
    words = label.group(1).split()
    for cut in range(len(words), 0, -1):  # the whole label, then its first words
        named = " ".join(words[:cut])
        heading = heading_of(named)
        if heading is not None and heading[2] == len(named):
            rest = " ".join(words[cut:])
            return heading[0] in NEVER_WORK_KINDS and not title_words().search(rest)
    return False


def _is_heading(line: str) -> bool:
    """True when the whole line is a section heading ("Professional Experience")."""
    heading = heading_of(line)
    return heading is not None and heading[2] >= len(line.strip().rstrip(":"))


def _studies(title: str | None) -> bool:
    """True when a job's title names studies, not work: every part of it ends in "student"."""
    parts = [p.strip() for p in re.split(r"[/&,]| and ", title or "") if p.strip()]
    return bool(parts) and all(_STUDENT_PART.match(p) for p in parts)


def _looks_like_job(line: str, previous: list[str]) -> bool:
    """A date line that reads as a job header: a job title on it or on the two lines before (a
    title wrapped over two lines: "Senior Engineer, Acme" / "Corporation")."""
    return bool(title_words().search(line)) or any(
        title_words().search(p) and len(p) < 90 for p in previous[-2:]
    )


def _is_education_line(line: str) -> bool:
    return bool(find_degrees(line)) or bool(re.search(r"\b(?:university|college|school|gpa)\b", line, re.I))
