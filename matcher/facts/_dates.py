"""Date ranges as resumes write them, and merging them into years of experience.

Forms read: "Aug 2007 to Current", "01/2010 - 05/2012", "2015 – Present", "2012-2014",
"Jan. 2019 – now", "Current to September 2014" (start and end written in reverse), "Summer 2016 -
Fall 2017", and ranges split over lines as pypdf emits them (the caller joins the lines first).
A month that is not written counts as January for a start and December for an end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

__all__ = [
    "DateRange",
    "YearMonth",
    "find_date_ranges",
    "leading_start",
    "merged_years",
    "parse_year_month",
    "span_years",
]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    "spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12,
}  # fmt: skip
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter)\.?"  # fmt: skip
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_POINT = (
    rf"(?:{_MONTH}\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s*)?,?\s*'?{_YEAR}"  # Aug 2007, Jan. 2019, Aug. 11, 2003
    rf"|(?:0?[1-9]|1[0-2])\s*[/.-]\s*{_YEAR}"  # 01/2010, 1-2010
    rf"|{_YEAR}\s*[/-]\s*(?:0[1-9]|1[0-2])(?!\d)"  # 2010-01
    rf"|{_YEAR})"  # 2015
)
_NOW = r"(?:present|current(?:ly)?|now|today|to\s+date|till\s+date|ongoing|date)"
_SEP = r"\s*(?:-|–|—|−|~|\u00ad|to|through|thru|until|till|\u2192)\s*"
_RANGE = re.compile(
    rf"(?P<start>{_POINT}|{_NOW}){_SEP}(?P<end>{_POINT}|{_NOW})(?![\d/])",
    re.IGNORECASE,
)
# "Sep 15 - NOW", "Jan 15 - Sep 15", "Sept '98 – Jun '03": a month and a two-digit year (not a day:
# no year follows)
_SHORT = rf"{_MONTH}\s*'?\d\d(?![\d:]|\s*,?\s*'?\d)"
_SHORT_RANGE = re.compile(rf"\b(?P<start>{_SHORT}){_SEP}(?P<end>{_SHORT}|{_NOW}\b)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")  # any decimal digit, as \d in the patterns: "Jan \u0661\u0665" is one
# "since 2015", "from 03/2019"; not a count: "functions from 10-2000 plus", "from 10-2000+ guests"
_SINCE = re.compile(
    rf"\b(?:since|from)\s+(?P<start>{_POINT})(?!\s*{_SEP})(?!\s*(?:\+|plus\b|%))", re.IGNORECASE
)


@dataclass(frozen=True, slots=True, order=True)
class YearMonth:
    """A month of a year; ``month_known`` is False when only the year was written.

    Examples
    --------
    >>> str(YearMonth(2019, 3)), YearMonth(2019, 3) < YearMonth(2019, 11)
    ('2019-03', True)
    >>> YearMonth(2020, 1).index - YearMonth(2019, 3).index  # months apart
    10
    >>> parse_year_month("2015").month_known
    False
    """

    year: int
    month: int
    month_known: bool = True

    @property
    def index(self) -> int:
        """Months since year 0, for arithmetic."""
        return self.year * 12 + self.month - 1

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class DateRange:
    """A span of time; ``end`` is None when it runs to the present ("Current").

    Examples
    --------
    >>> from datetime import date
    >>> r = find_date_ranges("Analyst, Acme, Jan 2020 - Present")[0]
    >>> str(r.start), r.end, r.text, r.offset
    ('2020-01', None, 'Jan 2020 - Present', 15)
    >>> r.months(date(2020, 12, 31))
    12
    """

    start: YearMonth
    end: YearMonth | None
    text: str
    offset: int

    def months(self, as_of: date) -> int:
        """Whole months covered, both ends included; 0 when the range ends before it starts."""
        end = self.end or YearMonth(as_of.year, as_of.month)
        end = min(end, YearMonth(as_of.year, as_of.month), key=lambda ym: ym.index)
        return max(0, end.index - self.start.index + 1)

    def span(self, as_of: date) -> tuple[int, int]:
        """The months covered as [first, past the last), in months since year 0."""
        return self.start.index, self.start.index + self.months(as_of)


def parse_year_month(text: str, *, is_end: bool = False) -> YearMonth | None:
    """Parse one date point ("Aug 2007", "01/2010", "2015"); None when it is not one.

    Examples
    --------
    >>> str(parse_year_month("Jan. 2019")), str(parse_year_month("2015", is_end=True))
    ('2019-01', '2015-12')
    """
    raw = text.strip().lower().replace(",", " ").replace("'", "")
    m = re.fullmatch(rf"({_MONTH})\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s*)?({_YEAR})", raw, re.IGNORECASE)
    if m:
        return YearMonth(int(m.group(2)), _MONTHS[m.group(1).rstrip(".")])
    m = re.fullmatch(rf"({_MONTH})\s*(\d\d)", raw, re.IGNORECASE)  # "Sep 15": 2015; "Jun 98": 1998
    if m:
        short = int(m.group(2))
        return YearMonth(short + (2000 if short < 50 else 1900), _MONTHS[m.group(1).rstrip(".")])
    m = re.fullmatch(rf"(0?[1-9]|1[0-2])\s*[/.-]\s*({_YEAR})", raw)
    if m:
        return YearMonth(int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(rf"({_YEAR})\s*[/-]\s*(0[1-9]|1[0-2])", raw)
    if m:
        return YearMonth(int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(_YEAR, raw)
    if m:
        return YearMonth(int(raw), 12 if is_end else 1, month_known=False)
    return None


def _is_now(text: str) -> bool:
    return re.fullmatch(_NOW, text.strip(), re.IGNORECASE) is not None


def find_date_ranges(text: str) -> list[DateRange]:
    """Return every date range in ``text``, in order.

    Examples
    --------
    >>> [(str(r.start), str(r.end)) for r in find_date_ranges("Aug 2007 to Current; 01/2010 - 05/2012")]
    [('2007-08', 'None'), ('2010-01', '2012-05')]
    >>> [(str(r.start), str(r.end)) for r in find_date_ranges("Current to September 2014")]
    [('2014-09', 'None')]
    """
    if not _DIGIT.search(text):  # every range holds a year or a month's number; most lines have none
        return []
    out: list[DateRange] = []
    for m in _RANGE.finditer(text):
        first, second = m.group("start"), m.group("end")
        if _is_now(first) and _is_now(second):
            continue
        if _is_now(first):  # "Current to September 2014": written newest first
            start, end = parse_year_month(second), None
        else:
            start = parse_year_month(first)
            end = None if _is_now(second) else parse_year_month(second, is_end=True)
            if end is not None and start is not None and end.index < start.index:
                start, end = (
                    parse_year_month(second),
                    parse_year_month(first, is_end=True),
                )  # "2014 - 2012": newest first
        if start is None or (end is None and not (_is_now(first) or _is_now(second))):
            continue
        out.append(DateRange(start, end, m.group(0), m.start()))
    for m in _SHORT_RANGE.finditer(text):
        if any(r.offset < m.end() and m.start() < r.offset + len(r.text) for r in out):
            continue
        start = parse_year_month(m.group("start"))
        end = None if _is_now(m.group("end")) else parse_year_month(m.group("end"), is_end=True)
        if start is not None and (end is None or end.index >= start.index):
            out.append(DateRange(start, end, m.group(0), m.start()))
    for m in _SINCE.finditer(text):
        start = parse_year_month(m.group("start"))
        if start is not None and not any(r.offset <= m.start() < r.offset + len(r.text) for r in out):
            out.append(DateRange(start, None, m.group(0), m.start()))
    return sorted(out, key=lambda r: r.offset)


_LEADING = re.compile(
    rf"^\s*(?P<point>{_MONTH}\s*'?{_YEAR}|(?:0?[1-9]|1[0-2])\s*/\s*{_YEAR}|{_YEAR}\s*/\s*(?:0[1-9]|1[0-2]))"
    rf"(?!\s*{_SEP}|\d)\s+\S",
    re.IGNORECASE,
)


def leading_start(line: str) -> DateRange | None:
    """A line that starts with one month-precise date and no end ("2016 / 09 Fullstack Engineer"):
    the newest job of a CV that writes only when it began. Returns a range open to the present.

    Examples
    --------
    >>> str(leading_start("2016 / 09 Fullstack Engineer, University of Bremen").start)
    '2016-09'
    >>> leading_start("2014 - 2016 IT Consultant") is None
    True
    """
    m = _LEADING.match(line)
    if m is None:
        return None
    start = parse_year_month(m.group("point").replace(" ", ""))
    return DateRange(start, None, m.group("point"), m.start("point")) if start else None


def merged_years(ranges: Iterable[DateRange], as_of: date) -> float | None:
    """Total years covered by ``ranges`` with overlaps and repeats counted once.

    Returns None when there are no ranges. Months after ``as_of`` do not count.

    Examples
    --------
    >>> from datetime import date
    >>> rs = find_date_ranges("Jan 2010 - Dec 2011, Jan 2011 - Dec 2012, Jan 2011 - Dec 2012")
    >>> merged_years(rs, date(2020, 1, 1))
    3.0
    """
    ranges = list(ranges)
    return span_years([r.span(as_of) for r in ranges]) if ranges else None


def span_years(spans: Iterable[tuple[int, int]]) -> float:
    """Years covered by month spans (see :meth:`DateRange.span`), overlaps counted once.

    Examples
    --------
    >>> span_years([(0, 24), (12, 36), (48, 48)])
    3.0
    """
    spans = sorted(span for span in spans if span[1] > span[0])
    if not spans:
        return 0.0
    total, (cur_start, cur_end) = 0, spans[0]
    for start, end in spans[1:]:
        if start <= cur_end:
            cur_end = max(cur_end, end)
        else:
            total += cur_end - cur_start
            cur_start, cur_end = start, end
    total += cur_end - cur_start
    return round(total / 12, 2)
