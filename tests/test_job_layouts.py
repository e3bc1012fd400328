"""Jobs from the layouts the unlabelled livecareer resumes use most, where title, employer and
place stand on lines of their own around the dates; and dates in duty sentences or in community
and membership lines that are no jobs (issue 12, wave 6)."""

from __future__ import annotations

from datetime import date

import pytest

from matcher import parse_resume_text

AS_OF = date(2026, 11, 1)


def _jobs(text: str) -> list[tuple[str | None, str | None, str, str]]:
    r = parse_resume_text(f"Jane Doe\n{text}", as_of=AS_OF)
    return [(j.title, j.employer, j.start, j.end) for j in r.experience]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # title, employer, city and state each on a line of its own, the dates last
            "Work History\nRegional Banking District Manager\nCompany Name\nCity  ,\nState\n"
            "June 2011  to Current\nResponsible for leading local branches.\n"
            "Branch Manager\nAcme Bank\nCity  ,\nState\nMay 2005  to June 2011\nManaged a branch.",
            [
                ("Regional Banking District Manager", "Company Name", "2011-06", "present"),
                ("Branch Manager", "Acme Bank", "2005-05", "2011-06"),
            ],
        ),
        (  # the same with the place on one line
            "Experience\nStore Manager\nCompany Name\nCity, State\n01/2012  to 02/2015\nRan the store.",
            [("Store Manager", "Company Name", "2012-01", "2015-02")],
        ),
        (  # employer and city above, the state, title and dates below
            "Experience\nCompany Name  City  ,\nState  Housekeeping  02/2008  to 02/2009\n"
            "Performed routine cleaning and sanitizing in offices.",
            [("Housekeeping", "Company Name", "2008-02", "2009-02")],
        ),
        (  # employer and city, then the state and the title, then the dates alone
            "Experience\nCompany Name  City  ,\nState  Chef de Partie\n01/2016  to Current\n"
            "Reduced food costs by estimating purchasing needs.\n"
            "Company Name  City  ,\nState  Sous Chef  05/2015  to 01/2016\nPrepared meals.",
            [
                ("Chef de Partie", "Company Name", "2016-01", "present"),
                ("Sous Chef", "Company Name", "2015-05", "2016-01"),
            ],
        ),
    ],
)
def test_employer_and_place_lines_around_the_dates(
    text: str, want: list[tuple[str | None, str | None, str, str]]
) -> None:
    assert _jobs(text) == want


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "BUSINESS SYSTEMS ANALYST I/II  01/2003  to 12/2004  Company Name  City  ,",
            "BUSINESS SYSTEMS ANALYST I/II",
        ),
        ("Software Engineer II/III  01/2003  to 12/2004  Company Name  City  ,", "Software Engineer II/III"),
    ],
)
def test_a_grade_written_with_a_slash_ends_the_title(line: str, title: str) -> None:
    assert _jobs(f"Experience\n{line}\nState\nLead BA for the ADP applications.") == [
        (title, "Company Name", "2003-01", "2004-12")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Electrical Engineer  11/2001  to 05/2005  Designed electrical systems to be integrated in military "
        "flight simulators.",
        "Electrical Engineer  11/2001  to 05/2005  Designed and tested power distribution systems for the "
        "company's flight simulators",
    ],
)
def test_a_duty_sentence_on_the_date_line_is_no_employer(line: str) -> None:
    assert _jobs(f"Experience\n{line}\nValidated drawings.") == [
        ("Electrical Engineer", None, "2001-11", "2005-05")
    ]


@pytest.mark.parametrize(
    "duty",
    [
        "Planned and executed Active Directory domain migration from 2008 to 2012 R2.",
        "Installed and troubleshot end user software (Microsoft Office 2003-2008 including Outlook).",
        "More than doubled inherited annual territory revenue from 2004 to 2006.",
        "While going to school fulltime (2008-2011) I supported myself as a bartender.",
        "which has been the premier performing arts series in the area since 1958. I am responsible for the",
    ],
)
def test_a_range_inside_a_duty_sentence_is_no_job(duty: str) -> None:
    text = f"Experience\nIT Manager  01/2010  to 12/2016  Company Name  City  ,\nState\n{duty}\nRan a desk."
    assert _jobs(text) == [("IT Manager", "Company Name", "2010-01", "2016-12")]


@pytest.mark.parametrize(
    ("line", "want"),
    [  # a duty's sentence ends before the next job's dates on the same line
        (
            "Maintained the outside referrals of our patients to other providers. 07/2001 to 04/2005 "
            "Bridal Consultant - Belk",
            ("Bridal Consultant", "Belk", "2001-07", "2005-04"),
        ),
        (
            "Store Manager  Acme Foods  Jan 2005 to Dec 2009",
            ("Store Manager", "Acme Foods", "2005-01", "2009-12"),
        ),
        ("Worked as cashier at Acme Foods from 2003 to 2004", None),
        ("Sales Associate- via C department 02/2010 to 05/2014 Company Name", None),
        # pdfium's one-line headers, the title in lower case or followed by a note
        ("Company Name City , State kitchen Manager / Catering and events chef 07/2011 to 01/2014", None),
        (
            "District Business Planning Manager - Progressive positions leading to the Multi Unit level "
            "Apr 1989 to Oct 1999",
            None,
        ),
        ("Billing & coding intern student 11/2011 to 12/2011 Company Name City , State", None),
        (
            "Fairmont Royal Pavilion - General cook - nominated employee of the month - 2003-2005 - "
            "Responsible for meals",
            None,
        ),
        (
            "accounts Managed executive calendar and for physicians 03/2006 to 02/2007 Optometry Technician "
            "Eyeglass World",
            None,
        ),
    ],
)
def test_a_job_line_after_a_sentence_still_counts(line: str, want: tuple[str, str, str, str] | None) -> None:
    jobs = _jobs(f"Experience\nIT Manager  01/2010  to 12/2016  Company Name\nManaged the help desk.\n{line}")
    assert jobs[0] == ("IT Manager", "Company Name", "2010-01", "2016-12")
    assert len(jobs) == 2
    if want:
        assert jobs[1] == want


@pytest.mark.parametrize(
    "line",
    [
        "community involvement 2007-Present Youth Rec. Cheerleading Coach - Allen Sports Association",
        "Vice-President (2011-2012): Armenian Students Association, UC Berkeley",
        "Board Member, Texans for Midwifery (2001-2002)",
        "ORGANIZATION A.S.A - African Students Association Webster University (October 2018 - Present) "
        "Position - member",
    ],
)
def test_memberships_outside_the_history_are_no_jobs(line: str) -> None:
    text = (
        "Experience\nStore Manager  Acme Foods  Jan 2005 to Dec 2009\nRan a store.\n"
        f"Additional Information\n{line}"
    )
    assert _jobs(text) == [("Store Manager", "Acme Foods", "2005-01", "2009-12")]


@pytest.mark.parametrize(
    "heading", ["Employment & Experience", "Employment and Experience", "WORK HISTORY / EXPERIENCE"]
)
def test_two_headings_of_one_kind_joined_are_that_heading(heading: str) -> None:
    text = (
        "Education\nMay 2010\nBachelor of Science  :\nExercise Science  Western Kentucky University\n"
        f"{heading}\n07/2012  to Current\nFitness Coordinator  Company Name\nCity  ,\nState\nTrained staff."
    )
    assert _jobs(text) == [("Fitness Coordinator", "Company Name", "2012-07", "present")]


def test_headings_of_two_kinds_joined_are_no_heading() -> None:
    from matcher.resume._sections import heading_of

    assert heading_of("Education & Experience") is None
    assert heading_of("Skills and Abilities") == ("skills", "Skills and Abilities", 20)  # listed whole


def test_a_web_address_before_the_dates_is_no_sentence() -> None:
    text = (
        "Experience\nTopics included customer contracts, change management, controlling\n"
        "Student Assistant / Programmer otulea.uni-bremen.de, 2010 - 2011\nRealized an online platform"
    )
    assert [j[2:] for j in _jobs(text)] == [("2010-01", "2011-12")]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        (
            "Fullstack Javascript Engineer University of Bremen, 2016/09 - now",
            ("Fullstack Javascript Engineer", "University of Bremen"),
        ),
        ("Financial Analyst Bank of America  2014 - 2016", ("Financial Analyst", "Bank of America")),
    ],
)
def test_a_title_run_into_an_employer_named_with_of_is_split(line: str, want: tuple[str, str]) -> None:
    assert [j[:2] for j in _jobs(f"Experience\n{line}\nInvented things")] == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # title and dates, the employer on the line below (a LaTeX sidebar CV), a duty's tail above
            "Experience\nSystems Analyst  Oct 12 - Sep 13\nBig Bank Corp\n• Improved the code quality\n"
            "and identification + elimination of potential code flaws\nIT Consultant Oct 11 - Oct 12\n"
            "Accenture Tech. Solutions\nLarge public service project with a platform for finance processes.",
            [
                ("Systems Analyst", "Big Bank Corp", "2012-10", "2013-09"),
                ("IT Consultant", "Accenture Tech. Solutions", "2011-10", "2012-10"),
            ],
        ),
    ],
)
def test_the_employer_on_the_line_below_the_title_and_dates(
    text: str, want: list[tuple[str | None, str | None, str, str]]
) -> None:
    assert _jobs(text) == want


@pytest.mark.parametrize("dash", ["ï¼", "－"])
def test_a_full_width_dash_between_employer_and_place_parts_them(dash: str) -> None:
    text = (
        f"Experience\nCommunity Advocate Nov 2015 to Current\nCompany Name {dash} City , State\nHelped kids."
    )
    assert _jobs(text) == [("Community Advocate", "Company Name", "2015-11", "present")]


def test_a_sentence_ending_in_mojibake_is_still_a_sentence() -> None:
    text = (
        "Experience\nNetwork Engineer  01/2009  to 12/2017  Company Name\nIncreased speed and reliability of "
        "company email by migrating from Microsoft Exchange 2010 to 2016.\u00c2"
    )
    assert [j[2:] for j in _jobs(text)] == [("2009-01", "2017-12")]


@pytest.mark.parametrize(
    ("heading", "listed"),
    [
        ("Product Specialist/FAS Experience", "Areas of Expertise\nPCR\nCell Biology/Tissue Culture\n"),
        ("Food and Beverage Industry Experience", "Skills\nMenu planning\nInventory control\n"),
        ("PRODUCTION EXPERIENCE", "Skills\nFinal Cut Pro\n"),
    ],
)
def test_a_qualified_experience_heading_before_dates_opens_the_experience(heading: str, listed: str) -> None:
    """ "<what> Experience" named by the resume itself, with a job's dates right under it, opens the
    experience section, so the jobs under it are read (they were read as the skills list's items)."""
    text = (
        f"Jane Roe\nProfile\nScientist with ten years at the bench.\n{listed}{heading}\nFebruary 2013\nto\n"
        "December 2015\nCompany Name  City  ,  State  Adjunct Faculty\nLectured graduate students.\n"
        "November 2005\nto\nCurrent\nCompany Name  City  ,  State  Senior Field Application Scientist\n"
        "Provide pre-sales application support.\n"
    )
    assert _jobs(text) == [
        ("Adjunct Faculty", "Company Name", "2013-02", "2015-12"),
        ("Senior Field Application Scientist", "Company Name", "2005-11", "present"),
    ]


@pytest.mark.parametrize(
    "item", ["Customer Service Experience", "Retail Experience", "Volunteering Experience"]
)
def test_a_skills_item_ending_in_experience_is_no_heading(item: str) -> None:
    """Without a job's dates under it, "<what> Experience" stays an item of its list; a volunteering
    one never opens work experience."""
    text = (
        "Jane Roe\nExperience\nCashier  Acme Foods  2005 - 2009\nRang up sales.\n"
        f"Skills\nCash handling\n{item}\nInventory\nVolunteering\nFood bank helper 2010 - 2011\n"
    )
    assert _jobs(text) == [("Cashier", "Acme Foods", "2005-01", "2009-12")]
