"""Jobs from a timeline of start dates: "10/2018 Software Engineer @UB", "9/2016 Software Engineer
@UB", "11/2014 IT Consultant @We4IT", as infographic CV templates print a career, with events and
studies on the same timeline ("7/2015 M.Sc. Graduation", "10/2020 Meteor Impact Conference").

Read only when a resume dates no job by a range: each dated line that names a job title is a job
that runs until the next such job starts, the newest one to the present.
"""

from __future__ import annotations

import re

from matcher.facts import DateRange, find_date_ranges, find_degrees, parse_year_month
from matcher.records import Section
from matcher.resume._job_header import title_employer, title_words

__all__ = ["timeline_jobs"]

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# a start date, then at once (pdf runs glue them: "10/2018Software") or after spaces, a capital
_START = re.compile(
    rf"(?<![\w/.-])(?P<point>(?:0?[1-9]|1[0-2])\s*/\s*(?:19[5-9]\d|20[0-4]\d)|{_MONTH}\s+(?:19[5-9]\d|20[0-4]\d))"
    r"(?![\d/])\s*(?=[A-Z])",
    re.IGNORECASE,
)
_STUDIES = re.compile(r"\b(?:studies|graduation|semester|training|conference|course)\b", re.I)

Found = tuple[int, DateRange, str | None, str | None, str]


def timeline_jobs(text: str, sections: list[Section], skipped: frozenset[str]) -> list[Found]:
    """The jobs of a timeline of start dates in ``text`` (outside the ``skipped`` kinds of
    section), newest first as written or not; none unless two dated lines or more name a job."""
    starts: list[tuple[int, DateRange, str | None, str | None, str]] = []
    for section in sections:
        if section.kind in skipped:
            continue
        pos = section.start
        for line in text[section.start : section.end].splitlines(keepends=True):
            if find_date_ranges(line):
                pos += len(line)
                continue
            for m in _START.finditer(line):
                rest = line[m.end() :].split("\n")[0]
                point = parse_year_month(re.sub(r"\s*/\s*", "/", m.group("point")))
                title, employer = title_employer(rest.replace("@", "  "), [], [])
                if point is None or title is None or not title_words().search(title):
                    continue
                if find_degrees(rest) or _STUDIES.search(title):
                    continue
                starts.append((pos + m.start(), DateRange(point, None, m.group("point"), m.start()), title,
                               employer, line.strip()))  # fmt: skip
            pos += len(line)
    if len(starts) < 2:
        return []
    by_start = sorted(starts, key=lambda s: s[1].start.index)
    out: list[Found] = []
    for i, (offset, r, title, employer, evidence) in enumerate(by_start):
        end = by_start[i + 1][1].start if i + 1 < len(by_start) else None
        out.append((offset, DateRange(r.start, end, r.text, r.offset), title, employer, evidence))
    return sorted(out, key=lambda s: s[0])
