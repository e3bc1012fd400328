"""Jobs: title, employer, start and end from the layouts real resumes use; repeated jobs merged;
memberships, clubs, volunteering and education never counted as work."""

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
        (  # title | employer | dates on one line
            "EXPERIENCE\nData Engineer | Acme Corp | Jan 2018 - Present\n- Built pipelines.",
            [("Data Engineer", "Acme Corp", "2018-01", "present")],
        ),
        (  # title, employer above; place and dates below
            "EXPERIENCE\nSenior Engineer, Acme Corporation\nMadrid | Mar 2021 - Present\n- Built things.",
            [("Senior Engineer", "Acme Corporation", "2021-03", "present")],
        ),
        (  # LaTeX rows: "Title (Employer) dates"
            "EXPERIENCE\nFullstack Javascript Engineer (University of Bremen) 2016 - now\n"
            "Invent a realtime classroom management\n"
            "IT Consultant for IBM XPages (We4IT GmbH Bremen) 2014 - 2016\nRealize projects",
            [
                ("Fullstack Javascript Engineer", "University of Bremen", "2016-01", "present"),
                ("IT Consultant for IBM XPages", "We4IT GmbH Bremen", "2014-01", "2016-12"),
            ],
        ),
        (  # date first, employer on the date line, title on the line below
            "Experience\n2016 / 09 - University of Bremen\nFullstack Javascript Engineer\n"
            "Invent a realtime classroom management using Meteor and React\n"
            "2014 - 2016 - We4IT GmbH Bremen\nIT Consultant for IBM XPages and Notes Domino\n"
            "Realize projects in XPages, monitor project status",
            [
                ("Fullstack Javascript Engineer", "University of Bremen", "2016-09", "present"),
                ("IT Consultant for IBM XPages and Notes Domino", "We4IT GmbH Bremen", "2014-01", "2016-12"),
            ],
        ),
        (  # LaTeX CV class: employer and place columns, title and dates below
            "Experience\nGoogle LLC Mountain View, CA\nSoftware Engineer Oct 2016 – Present\n"
            "◦ TensorFlow: an open source library\nGeorgia Institute of Technology Atlanta, GA\n"
            "Graduate Research Assistant Jan 2015 – Sep 2016\n◦ Research on systems",
            [
                ("Software Engineer", "Google LLC", "2016-10", "present"),
                ("Graduate Research Assistant", "Georgia Institute of Technology", "2015-01", "2016-09"),
            ],
        ),
    ],
)
def test_jobs_read_title_employer_and_dates_from_every_layout(
    text: str, want: list[tuple[str | None, str | None, str, str]]
) -> None:
    assert _jobs(text) == want


def test_the_same_jobs_listed_twice_are_one_list() -> None:
    block = (
        "Cook, Diner, 01/2010 - 12/2011\nPrepared meals.\nServer, Cafe, 01/2012 - 12/2013\nServed tables.\n"
    )
    got = _jobs(f"EXPERIENCE\n{block}SUMMARY\nHard worker.\nEXPERIENCE\n{block}")
    assert [(j[2], j[3]) for j in got] == [("2010-01", "2011-12"), ("2012-01", "2013-12")]


@pytest.mark.parametrize(
    "section",
    [
        "Professional Affiliations\nMember, Society for Human Resource Management, 2009 to 2017",
        "Volunteer Associations\nVolunteer Coordinator, Red Cross, 2012 - 2015",
        "Clubs and Organizations\nPresident, Chess Club, 2008 - 2010",
        "Activities and Honors\nTreasurer, Student Government Association, 2009 - 2011",
        "Memberships\nMember, American Nurses Association, 2010 - present",
    ],
)
def test_memberships_clubs_and_volunteering_are_not_work(section: str) -> None:
    r = parse_resume_text(
        f"Jane Doe\nEXPERIENCE\nNurse, City Hospital, 2015 - 2020\nCared for patients.\n{section}\n",
        as_of=AS_OF,
    )
    assert [(j.start, j.end) for j in r.experience] == [("2015-01", "2020-12")]
    assert r.total_years == 6.0


@pytest.mark.parametrize("dash", ["ï¼", "－"])
def test_a_full_width_dash_between_dates_over_two_lines_is_a_range(dash: str) -> None:
    got = _jobs(
        f"Work Experience\nIndependent Beauty Advisor  ,\n10/2013  {dash}\nCurrent  Company Name  {dash}\n"
        f"City  ,\nProvide facials\nCommercial Lines Specialist  ,\n01/2013  {dash}\n09/2013  Company Name"
        f"  {dash}\nCity  ,\n"
        "Interviewed clients"
    )
    assert [(j[0], j[2], j[3]) for j in got] == [
        ("Independent Beauty Advisor", "2013-10", "present"),
        ("Commercial Lines Specialist", "2013-01", "2013-09"),
    ]


@pytest.mark.parametrize("dash", ["ï¼\u200b", "ï¼", "－"])
def test_a_full_width_dash_on_a_line_of_its_own_between_dates_is_a_range(dash: str) -> None:
    # pypdf: the fields on lines of their own; the title's line too long to be joined to the dash
    got = _jobs(
        "Experience\nProduction, Planning, and Expediting Clerk  \n \n03/2008\n \nï¼\u200b \n03/2010\n \n"
        "Company Name\nAssisted the supervisor.\nProduction, Planning, and Expediting Clerk Supervisor\n \n"
        f"03/2006\n \n{dash} \n03/2007\n \nCompany Name\nSupervised 15 personnel.\n"
    )
    assert [(j[2], j[3]) for j in got] == [("2008-03", "2010-03"), ("2006-03", "2007-03")]


@pytest.mark.parametrize(
    "section",
    [
        # a certifications section below the history: a membership's dates there are no job
        "Certifications\nEmergency Response\n"
        "Active Fire Dept. member from 2000-2012, Honorary Member to Present\nSafety Officer",
        "Certifications\nCertified Safety Officer, National Safety Council, 2011 - 2014",
        # a summary's award for a club office: no job either
        "Summary of Skills\n"
        "Leadership Activities: Director of Sports - Students Union, University of Technology,\n"
        "Jamaica (2008-2009) University of Technology Student Union Award for Exemplary Service as Director"
        " of Sports (2008-2009)",
    ],
)
def test_certifications_and_awards_outside_the_history_are_not_work(section: str) -> None:
    r = parse_resume_text(
        f"Jane Doe\n{section}\nEXPERIENCE\nNurse, City Hospital, 2015 - 2020\nCared for patients.\n",
        as_of=AS_OF,
    )
    assert [(j.start, j.end) for j in r.experience] == [("2015-01", "2020-12")]


@pytest.mark.parametrize(
    ("entry", "is_job"),
    [
        ("Nursing Student | State University | 2019 - 2021\nClinical rotations.", False),
        ("Graduate Students, Acme Lab, 2019 - 2021\nRan assays.", False),
        # a job held as a student is a job
        ("Student Assistant / Programmer | University of Bremen | 2019 - 2021\nWrote tools.", True),
        ("Scientific Employee / PhD Student (University of Bremen) 2019 - 2021\nResearch.", True),
        ("Student Accounts Representative, City College, 2019 - 2021\nBilled students.", True),
    ],
)  # fmt: skip
def test_studies_listed_as_a_job_are_not_work(entry: str, is_job: bool) -> None:
    r = parse_resume_text(
        f"Jane Doe\nEXPERIENCE\nNurse, City Hospital, 2015 - 2018\nCared for patients.\n{entry}\n",
        as_of=AS_OF,
    )
    want = [("2015-01", "2018-12")] + ([("2019-01", "2021-12")] if is_job else [])
    assert [(j.start, j.end) for j in r.experience if j.start != "2014-01"] == want
    assert all(j.start != "2014-01" for j in r.experience)


def test_studies_listed_as_a_job_with_the_dates_first_are_not_work() -> None:
    entry = "Company Name\n \n{start}\n \nto \n{end}\n \n{title}\n \nCity\n \n, \nState\n{duty}\n"
    r = parse_resume_text(
        "Jane Doe\nWork Experience\n"
        + entry.format(start="January 2014", end="Current", title="INFORMATION TECHNOLOGY STUDENT",
                       duty="Presented various projects")
        + entry.format(start="September 2010", end="October 2013", title="FORECLOSURE PROCESSOR PARALEGAL",
                       duty="Processed files"),
        as_of=AS_OF,
    )  # fmt: skip
    assert [(j.title, j.start, j.end) for j in r.experience] == [
        ("FORECLOSURE PROCESSOR PARALEGAL", "2010-09", "2013-10")
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # LaTeX CV: month and a two-digit year
            "WORK EXPERIENCE\nDevOps/FullStack developer Sep 15 - NOW\nResearch and Development\n"
            "DevOps engineer                 Jan 15 - Sep 15\nResearch and Development\n"
            "Systems Analyst                 Mar 14 - Jan 15\nResearch and Development",
            [("2015-09", "present"), ("2015-01", "2015-09"), ("2014-03", "2015-01")],
        ),
        (
            "EXPERIENCE\nAnalyst, Acme Corp, Sept '98 – Jun '03\nBuilt reports.",
            [("1998-09", "2003-06")],
        ),
        (  # a day of the month is no year
            "EXPERIENCE\nAnalyst, Acme Corp, Jan 15, 2019 - Sep 15, 2020\nBuilt reports.",
            [("2019-01", "2020-09")],
        ),
    ],
)
def test_a_month_with_a_two_digit_year_dates_a_job(text: str, want: list[tuple[str, str]]) -> None:
    assert [(j[2], j[3]) for j in _jobs(text)] == want


def test_a_history_that_runs_on_under_a_sidebar_certifications_heading_still_counts() -> None:
    r = parse_resume_text(
        "Jane Doe\nWORK EXPERIENCE\nDevOps engineer            2015 - 2016\nResearch and Development\n"
        "CERTIFICATIONS\nLPIC 1 - Linux administrator\n"
        "Certificate issued by the Linux Professional Institute\n"
        "Systems Analyst            2013 - 2014\nTourism industry\nLegacy code analysis\n",
        as_of=AS_OF,
    )
    assert [(j.start, j.end) for j in r.experience] == [("2015-01", "2016-12"), ("2013-01", "2014-12")]


@pytest.mark.parametrize(
    "line",
    [
        "Activities: Volunteer Teacher, Akanksha Foundation, May 2008 - Aug 2013 *Helped students",
        "Volunteer Work: Red Cross Shelter Assistant, 2010 - 2012",
        "Memberships: IEEE Student Chapter Chair 2009 - 2011",
        # the heading's word with a noun of its own after it: still the heading, no job title
        "Volunteer Endeavors: Pathfinders of the Seventh Day Adventist Church| August 1998-present",
        "Volunteer Activities: Habitat for Humanity, 2011 - 2014",
    ],
)
def test_a_date_line_labelled_with_a_never_work_heading_is_no_job(line: str) -> None:
    text = f"EXPERIENCE\nAccountant  Jan 2015 - Dec 2016  Acme Corp\nADDITIONAL INFORMATION\n{line}"
    assert [j[2:] for j in _jobs(text)] == [("2015-01", "2016-12")]


def test_a_volunteer_title_before_a_colon_is_still_a_job() -> None:
    """ "Volunteer Coordinator:" names a job title after the heading's word: the line stays a job."""
    text = (
        "EXPERIENCE\nAccountant  Jan 2015 - Dec 2016  Acme Corp\n"
        "Volunteer Coordinator: Red Cross, Jan 2017 - Dec 2019\n"
    )
    assert [j[2:] for j in _jobs(text)] == [("2015-01", "2016-12"), ("2017-01", "2019-12")]


def test_a_count_after_from_is_no_start_date() -> None:
    text = (
        "EXPERIENCE\nExecutive Chef  02/2014 to 06/2016  Company Name\n"
        "Maintain a budget of 1.5M\nResponsible for special functions from 10-2000 plus\n"
    )
    assert [j[2:] for j in _jobs(text)] == [("2014-02", "2016-06")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # dates first; employer, place, then the title, each on a line of its own (livecareer)
            "Experience\nNovember 2013  to Current\nCompany Name  City  ,\nState  Accountant\n"
            "Sources items through the compilation of vendor information and bidding processes\n"
            "September 2010  to May 2013\nCompany Name  City  ,\nState  QA/Mobile Software Tester\n"
            "Worked specifically with different accounting and business software packages",
            [("Accountant", "Company Name", "2013-11", "present"),
             ("QA/Mobile Software Tester", "Company Name", "2010-09", "2013-05")],
        ),
        (  # the same with the employer and the place on lines of their own
            "Work Experience\n05/2014  - Current\nCompany Name  ï¼\nCity  ,\nState  Automobile Transporter\n"
            "Obeyed traffic laws and followed established traffic and transportation procedures\n"
            "09/2009  - 05/2014\nAcme Hauling Inc  ï¼\nCity  ,\nState  Driver/Car Hauler\n"
            "Transported freight from origin to destination in a safe and timely manner.",
            [("Automobile Transporter", "Company Name", "2014-05", "present"),
             ("Driver/Car Hauler", "Acme Hauling Inc", "2009-09", "2014-05")],
        ),
        (  # dates first with the title right below: the lines further down are duties
            "Experience\n2016 / 09 - University of Bremen\nFullstack Javascript Engineer\n"
            "Invent a realtime classroom\n2014 - 2016 - We4IT GmbH Bremen\nIT Consultant\nRealize projects",
            [("Fullstack Javascript Engineer", "University of Bremen", "2016-09", "present"),
             ("IT Consultant", "We4IT GmbH Bremen", "2014-01", "2016-12")],
        ),
    ],
)  # fmt: skip
def test_a_title_two_lines_below_the_dates(
    text: str, want: list[tuple[str | None, str | None, str, str]]
) -> None:
    assert _jobs(text) == want


_ON = "  12/2004  to Current  Company Name"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        # a title that holds an employer's word ("Systems", "Services", "Group", "Center") is still
        # the title: its last word names the role; "Company Name" stays the employer
        (f"SR BUSINESS SYSTEMS ANALYST{_ON}  City  ,", "SR BUSINESS SYSTEMS ANALYST"),
        (f"Group Sales Associate{_ON}", "Group Sales Associate"),
        (f"Device Support Center Manager{_ON}", "Device Support Center Manager"),
        (f"Control Systems Engineer I / II{_ON}  City  ,", "Control Systems Engineer I / II"),
        (f"Hospital & Physician Billing Specialist{_ON}", "Hospital & Physician Billing Specialist"),
        (f"Director of Nursing Services (Full-time){_ON}", "Director of Nursing Services"),
    ],
)
def test_a_title_with_an_employer_word_is_still_the_title(line: str, title: str) -> None:
    jobs = _jobs(f"Experience\n{line}\nManaged the team and the budget of the whole office.")
    assert [(j[0], j[1]) for j in jobs] == [(title, "Company Name")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # the title above the date line names its role by a word of O*NET's job titles
            "Experience\nMortgage Underwriter\nJanuary 2006 to January 2008 Company Name ï¼ City , State\n"
            "Processed new residential mortgage loan submissions.",
            [("Mortgage Underwriter", "Company Name")],
        ),
        (
            "Work Experience\nClaims Examiner  ,\n01/2013 - 09/2013  Acme Insurance Inc  ï¼\nCity  ,\nState\n"
            "Interviewed prospective clients to learn about their financial needs.",
            [("Claims Examiner", "Acme Insurance Inc")],
        ),
        (  # dates first, a title no short list has on the line below
            "Experience\n02/2014 to Current\nPastry Baker  Company Name  City  ,\n"
            "Acting manager of a staff of 50",
            [("Pastry Baker", "Company Name")],
        ),
        (  # a line above that names no role is not taken for the title
            "Experience\nRecent highlights\nJanuary 2006 to January 2008 Acme Corp\nProcessed loans.",
            [(None, "Acme Corp")],
        ),
    ],
)
def test_a_title_named_by_a_word_of_known_job_titles(
    text: str, want: list[tuple[str | None, str | None]]
) -> None:
    assert [(j[0], j[1]) for j in _jobs(text)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # a title's head stands before "of" / "for": "Office of the Secretary" is the employer
            "Experience\nOffice of the Secretary, Assistant Secretary for Preparedness, 2014 - 2016\n"
            "Led the office.",
            [("Assistant Secretary for Preparedness", "Office of the Secretary")],
        ),
        (  # a duty's sentence below the title is no employer
            "Experience\nPanel Builder  2014 - 2016\n"
            "Maintained work environments safe and efficient at all times.\nBuilt panels.",
            [("Panel Builder", None)],
        ),
        (
            "Experience\nResearcher  01/2011  to 01/2013\nevolution of material properties\nStudied alloys.",
            [("Researcher", None)],
        ),
    ],
)
def test_a_title_is_read_by_its_head_and_a_sentence_is_no_employer(
    text: str, want: list[tuple[str | None, str | None]]
) -> None:
    assert [(j[0], j[1]) for j in _jobs(text)] == want


@pytest.mark.parametrize("heading", ["Professional Experience", "Work History", "Experience"])
def test_the_heading_above_the_first_job_is_no_employer(heading: str) -> None:
    text = f"{heading}\nMedia Producer 01/2009 to Current\nProduced weekly segments for local news."
    assert [(j[0], j[1]) for j in _jobs(text)] == [("Media Producer", None)]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # one run of words (pdfium writes single spaces): the title ends at its last role word
        # before the employer's name
        ("Executive Chef Company Name ï¼ City , State 02/2014 to Current",
         ("Executive Chef", "Company Name")),
        ("Software Engineer Google LLC Oct 2016 – Present", ("Software Engineer", "Google LLC")),
        ("Health Systems Analyst Company Name January 1997 to January 1999",
         ("Health Systems Analyst", "Company Name")),
        # a lower-case word between them keeps the part whole
        ("Manager of Operations Acme Inc 2010 - 2012", ("Manager of Operations Acme Inc", None)),
    ],
)  # fmt: skip
def test_a_title_run_into_its_employer_is_split(line: str, want: tuple[str | None, str | None]) -> None:
    jobs = _jobs(f"Experience\n{line}\nCooked for 200 guests a night and ran the kitchen team.")
    assert [(j[0], j[1]) for j in jobs] == [want]


@pytest.mark.parametrize("label", ["EDUCATION.", "ACCOMPLISHMENTS.", "Education."])
def test_a_heading_word_ending_a_sentence_inside_a_job_is_no_heading(label: str) -> None:
    """livecareer prints in-job labels as "ACCOMPLISHMENTS." among a job's bullets; read as a heading,
    the jobs after it fell into an education or accomplishments section and were lost."""
    text = (
        "Work History\nAccount Executive 12/2013 to 04/2015\nCompany Name - City , State\n"
        f"Handled the largest account in the territory.\n{label}\nRaised sales by 40%.\n"
        "Sales Consultant 01/2009 to 03/2011\nCompany Name - City , State\nOpened 30 accounts.\n"
        "Education\nBachelor of Science : 2006 Troy University\n"
    )
    starts = [start for _, _, start, _ in _jobs(text)]
    assert starts == ["2013-12", "2009-01"]


def test_a_heading_with_a_colon_and_a_full_stop_stays_a_heading() -> None:
    from matcher.resume._sections import heading_of

    assert heading_of("CERTIFICATIONS:.") is not None
    assert heading_of("EDUCATION") is not None
