"""Date ranges as resumes write them, and years merged from them."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.facts import find_date_ranges, leading_start, merged_years, parse_year_month

AS_OF = date(2024, 6, 1)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Aug 2007 to Current", "2007-08", None),
        ("01/2010 - 05/2012", "2010-01", "2012-05"),
        ("2015 – Present", "2015-01", None),
        ("2012-2014", "2012-01", "2014-12"),
        ("Jan. 2019 – now", "2019-01", None),
        ("Current to September 2014", "2014-09", None),
        ("Aug 2007\n \nto \nCurrent", "2007-08", None),
        ("Sept, 2015 - Feb 2016", "2015-09", "2016-02"),
        ("Aug. 11, 2003 thru May 18, 2007", "2003-08", "2007-05"),
        ("Summer 2016 - Fall 2017", "2016-06", "2017-09"),
        ("Sep. 2023\u00adMar. 2024", "2023-09", "2024-03"),
        ("2010-01 - 2012-03", "2010-01", "2012-03"),
        ("2014 - 2012", "2012-01", "2014-12"),
    ],
)
def test_date_range_forms(text: str, start: str, end: str | None) -> None:
    (found,) = find_date_ranges(text)
    assert str(found.start) == start
    assert (None if found.end is None else str(found.end)) == end


@pytest.mark.parametrize(
    "text",
    [
        "Phone 555-1234",
        "GPA 3.8/4.0",
        "Present - Current",
        "Room 2010",
        # a count after "from", not a start: "functions from 10-2000 plus", "from 10-2000+ guests"
        "special functions from 10-2000 plus",
        "events from 10-2000+ guests",
    ],
)
def test_things_that_are_not_date_ranges(text: str) -> None:
    assert find_date_ranges(text) == []


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Jan 2010 - Dec 2011", 2.0),
        ("Jan 2010 - Dec 2011; Jan 2011 - Dec 2012", 3.0),  # overlap counted once
        ("Jan 2010 - Dec 2011; Jan 2010 - Dec 2011", 2.0),  # a repeated job counted once
        ("Jan 2010 - Dec 2010; Jan 2015 - Dec 2015", 2.0),  # a gap is not experience
        ("Jan 2023 - Present", 1.5),  # up to the as-of month, inclusive
        ("Jan 2023 - Dec 2030", 1.5),  # nothing after the as-of date
    ],
)
def test_merged_years_never_sum_overlaps(text: str, years: float) -> None:
    assert merged_years(find_date_ranges(text), AS_OF) == years


def test_no_ranges_is_unknown() -> None:
    assert merged_years([], AS_OF) is None


def test_three_separate_jobs_all_count() -> None:
    # each run of months between gaps is added to the total, not just the last two
    text = "Jan 2010 - Dec 2010; Jan 2013 - Dec 2013; Jan 2016 - Dec 2016"
    assert merged_years(find_date_ranges(text), AS_OF) == 3.0


def test_a_job_after_the_as_of_date_is_no_experience() -> None:
    (later,) = find_date_ranges("Jan 2025 - Dec 2025")
    assert later.months(AS_OF) == 0
    assert merged_years([later], AS_OF) == 0.0  # a range of no months: 0 years, not unknown


def test_a_year_with_an_apostrophe() -> None:
    (found,) = find_date_ranges("Aug '2007 - Mar '2010")
    assert (str(found.start), str(found.end)) == ("2007-08", "2010-03")


@pytest.mark.parametrize(
    ("text", "is_end", "point", "month_known"),
    [
        ("2015", False, "2015-01", False),
        ("2015", True, "2015-12", False),
        ("Mar 2015", True, "2015-03", True),
    ],
)
def test_a_year_alone_says_its_month_is_not_known(
    text: str, is_end: bool, point: str, month_known: bool
) -> None:
    found = parse_year_month(text, is_end=is_end)
    assert found is not None
    assert (str(found), found.month_known) == (point, month_known)


@pytest.mark.parametrize(
    ("line", "start", "text", "offset"),
    [
        ("2016 / 09 Fullstack Engineer", "2016-09", "2016 / 09", 0),
        ("09/2016 Fullstack Engineer", "2016-09", "09/2016", 0),
        ("Sep. 2016 Engineer", "2016-09", "Sep. 2016", 0),
        ("  Mar 2019  Data Analyst", "2019-03", "Mar 2019", 2),
    ],
)
def test_a_line_that_starts_with_when_a_job_began(line: str, start: str, text: str, offset: int) -> None:
    found = leading_start(line)
    assert found is not None
    assert (str(found.start), found.end, found.text, found.offset) == (start, None, text, offset)


@pytest.mark.parametrize(
    "line",
    [
        "2016 Engineer",
        "2016/09",
        "Sep 2016 - Engineer",
        "2016 / 09 - 2018 / 01 Engineer",
        "Engineer 2016 / 09",
    ],
)
def test_a_line_with_no_lone_month_precise_start(line: str) -> None:
    assert leading_start(line) is None  # a bare year, nothing after it, an end to come, or not first


@pytest.mark.parametrize(
    ("text", "start", "found", "offset"),
    [
        ("Analyst, Acme, since 2019", "2019-01", "since 2019", 15),
        ("Analyst, Acme (from March 2019)", "2019-03", "from March 2019", 15),
        ("Analyst, Acme, Jan 2020 - Present", "2020-01", "Jan 2020 - Present", 15),  # the whole range's text
    ],
)
def test_a_range_open_to_the_present(text: str, start: str, found: str, offset: int) -> None:
    (only,) = find_date_ranges(text)
    assert (str(only.start), only.end, only.text, only.offset) == (start, None, found, offset)


def test_a_range_of_two_now_words_is_skipped_and_the_next_read() -> None:
    found = find_date_ranges("Present - Current; Jan 2010 - Dec 2011")
    assert [(str(r.start), str(r.end)) for r in found] == [("2010-01", "2011-12")]


def test_a_two_digit_year_range_stands_beside_a_four_digit_one_with_its_own_text_and_place() -> None:
    text = "Jan 2010 - Dec 2011; Sep 15 - NOW"
    found = [(str(r.start), str(r.end), r.text, r.offset) for r in find_date_ranges(text)]
    assert found == [
        ("2010-01", "2011-12", "Jan 2010 - Dec 2011", 0),
        ("2015-09", "None", "Sep 15 - NOW", 21),
    ]


def test_a_two_digit_year_range_of_one_month_is_a_range() -> None:
    (only,) = find_date_ranges("Sep 15 - Sep 15")
    assert (str(only.start), str(only.end)) == ("2015-09", "2015-09")


@pytest.mark.parametrize(
    ("written", "read"),
    [("Sep 49", "2049-09"), ("Sep 50", "1950-09"), ("Jun 98", "1998-06"), ("Sept. 15", "2015-09")],
)
def test_a_month_with_a_two_digit_year_reads_its_century_and_a_dotted_month(written: str, read: str) -> None:
    assert str(parse_year_month(written)) == read


def test_a_skills_years_are_set_as_dataclasses_replace_sets_them() -> None:
    import dataclasses

    from matcher.records import ResumeSkill
    from matcher.resume._dating import _with_years

    skill = ResumeSkill("SQL", "hard", "SQL daily", 3, "2024-01", "sql", 1.5, (0, 2), True)
    assert _with_years(skill, 4.0) == dataclasses.replace(skill, years=4.0)
    assert _with_years(skill, None) == dataclasses.replace(skill, years=None)
