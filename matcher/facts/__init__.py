"""Facts both documents state the same way: dates and intervals, degrees and fields, years of
experience, and section headings (one scanner, each document with its own vocabulary)."""

from __future__ import annotations

from matcher.facts._dates import (
    DateRange,
    YearMonth,
    find_date_ranges,
    leading_start,
    merged_years,
    parse_year_month,
    span_years,
)
from matcher.facts._degrees import (
    DegreeMention,
    accepts_equivalent,
    degree_name_field,
    field_spans,
    find_degrees,
    find_fields,
    level_rank,
)
from matcher.facts._fields import (
    FIELDS_FILE,
    acronym_field,
    degree_abbreviations,
    field_of_study,
    is_field_word,
    known_whole,
    listed_field,
    spelled_out,
)
from matcher.facts._headings import HeadingMatch, HeadingScanner, cut_sections, heading_lines
from matcher.facts._years import YearsMention, find_years

__all__ = [
    "FIELDS_FILE",
    "DateRange",
    "DegreeMention",
    "HeadingMatch",
    "HeadingScanner",
    "YearMonth",
    "YearsMention",
    "accepts_equivalent",
    "acronym_field",
    "cut_sections",
    "degree_abbreviations",
    "degree_name_field",
    "field_of_study",
    "field_spans",
    "find_date_ranges",
    "find_degrees",
    "find_fields",
    "find_years",
    "heading_lines",
    "is_field_word",
    "known_whole",
    "leading_start",
    "level_rank",
    "listed_field",
    "merged_years",
    "parse_year_month",
    "span_years",
    "spelled_out",
]
