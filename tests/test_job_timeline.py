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


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # the first entry's one date is older than a later job's start: that month alone
            "Work History\n01/2007  Company Name  – City  ,\nState  Led technology teams.\n"
            "DIRECTOR OF FINANCE  ,\n01/2011  to Current  Company Name  – City  ,\nState\n"
            "VP  ,\n01/2010  to 01/2012  Company Name\n",
            ("2007-01", "2007-01"),
        ),
        (  # the newest job, with its start only: to the present
            "Experience\n2016 / 09 - University of Bremen\nFullstack Javascript Engineer\n"
            "2014 - 2016 IT Consultant, We4IT GmbH\n",
            ("2016-09", "present"),
        ),
    ],
)
def test_a_first_job_with_its_start_only_runs_to_the_present_when_newest(
    text: str, want: tuple[str, str]
) -> None:
    jobs, _ = _parse(text)
    assert jobs[0][2:] == want


@pytest.mark.parametrize(
    ("header", "title"),
    [
        ("Athletic Director, Coach, PE Teacher  08/2015  to Current  Company Name",
         "Athletic Director, Coach, PE Teacher"),
        ("Trainer, Bartender, Server  11/2010  to 03/2012  Company Name", "Trainer, Bartender, Server"),
        ("Fitness Director - Certified Personal Trainer  06/2008  to 05/2010  Company Name",
         "Fitness Director - Certified Personal Trainer"),
        ("Assistant Vice President, Sales Development Consultant  12/2004  to 01/2008  Company Name",
         "Assistant Vice President, Sales Development Consultant"),
        # one title, then its employer or its place: not joined
        ("Software Engineer - Google Inc  01/2015  to 03/2018", "Software Engineer"),
        ("Store Manager, Acme Stores  01/2015  to 03/2018  Dallas, TX", "Store Manager"),
    ],
)  # fmt: skip
def test_the_titles_of_one_job_listed_together_are_its_title(header: str, title: str) -> None:
    jobs, _ = _parse(f"Experience\n{header}\nDid the work well.\n")
    assert jobs[0][0] == title


def test_a_title_below_the_place_keeps_a_word_after_a_slash() -> None:
    jobs, _ = _parse(
        "Experience\n01/2014  - 12/2014\nCompany Name  ï¼\nCity  ,\nState  Food Service Cook /Temp\n"
        "Assisted co-workers.\n"
    )
    assert jobs == [("Food Service Cook /Temp", "Company Name", "2014-01", "2014-12")]


@pytest.mark.parametrize("title", ["Head Of English Department", "Director Of Nursing Services"])
def test_a_title_is_not_split_before_of(title: str) -> None:
    text = f"Experience\n06/2016 to 06/2017\n{title}\nCompany Name\nCity, State\nPlanned meetings.\n"
    jobs, _ = _parse(text)
    assert jobs == [(title, "Company Name", "2016-06", "2017-06")]
