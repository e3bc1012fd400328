"""Jobs from a timeline that writes only when each one began ("10/2018 Software Engineer @UB"),
mixed with events and studies, as infographic CV templates print one (issue 12, wave 9)."""

from __future__ import annotations

from datetime import date

import pytest

from matcher import parse_resume_text

AS_OF = date(2026, 11, 1)


def _parse(text: str) -> tuple[list[tuple[str | None, str | None, str, str]], float | None]:
    r = parse_resume_text(f"Jane Doe\njane@example.com\n{text}", as_of=AS_OF)
    return [(j.title, j.employer, j.start, j.end) for j in r.experience], r.total_years


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # newest first, glued to the date as pdf text runs are; events and studies between
            "10/2020Meteor Impact Conference\n10/2018Software Engineer @Acme\n9/2016Software Engineer @Acme\n"
            "7/2015M.Sc. Graduation\n11/2014IT Consultant @We4IT\n6/2011PM Training\n"
            "6/2010Student Assistant @Acme\n10/2007Bachelor Studies\n",
            [
                ("Software Engineer", "Acme", "2018-10", "present"),
                ("Software Engineer", "Acme", "2016-09", "2018-10"),
                ("IT Consultant", "We4IT", "2014-11", "2016-09"),
                ("Student Assistant", "Acme", "2010-06", "2014-11"),
            ],
        ),
        (  # oldest first, spaced, a month's name; a column of other text beside one entry
            "Timeline\nMar 2012  Junior Accountant, Acme Corp\nJan 2015  Senior Accountant, Acme Corp"
            "      Languages\nSep 2019  Finance Manager, Beta LLC\n",
            [
                ("Junior Accountant", "Acme Corp", "2012-03", "2015-01"),
                ("Senior Accountant", "Acme Corp", "2015-01", "2019-09"),
                ("Finance Manager", "Beta LLC", "2019-09", "present"),
            ],
        ),
    ],
)
def test_a_timeline_of_start_dates_gives_jobs_that_run_to_the_next(
    text: str, want: list[tuple[str | None, str | None, str, str]]
) -> None:
    jobs, _ = _parse(text)
    assert sorted(jobs, key=lambda j: j[2], reverse=True) == sorted(want, key=lambda j: j[2], reverse=True)


@pytest.mark.parametrize(
    "text",
    [
        # one start date alone is no timeline
        "Summary\n10/2018 Software Engineer at Acme, building web apps.\n",
        # start dates of events and studies only
        "10/2020Meteor Impact Conference\n7/2015M.Sc. Graduation\n10/2007Bachelor Studies\n",
    ],
)
def test_no_timeline_without_two_dated_job_titles(text: str) -> None:
    assert _parse(text) == ([], None)


def test_a_history_with_date_ranges_is_read_as_before() -> None:
    text = (
        "Experience\nAnalyst | Acme Corp | Jan 2018 - Dec 2019\n"
        "Notes\n03/2020 Data Engineer, Beta LLC\n06/2022 Team Lead, Beta LLC\n"
    )
    jobs, years = _parse(text)
    assert jobs == [("Analyst", "Acme Corp", "2018-01", "2019-12")]
    assert years == 2.0
