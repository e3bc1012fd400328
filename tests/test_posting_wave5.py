"""Posting facts that held on postings no one tuned for (issue 11, wave 5): a degree's
abbreviation that names something else there ("MS Project", "the MS Services business", "The BA
will lead"), and the ones that still name a degree."""

from __future__ import annotations

import pytest

from matcher import analyze_posting


@pytest.mark.parametrize(
    "line",
    [
        "- Azure DevOps and MS project experience",
        "- Completely comfortable with the modern tools of document production, the MS office suite",
        "We take an Agile approach to provide a key source of innovation for the MS Services business.",
        "Our products reach people through online services such as Bing and MSN.",
        "The BA will then lead the configuration detail effort with the product owners.",
        "- Building management systems (BAS, EPMS, SCADA)",
    ],
)
def test_an_abbreviation_that_names_something_else_is_no_degree(line: str) -> None:
    text = f"Service Engineer\n{line}\nRequirements:\n- 5+ years of SQL Server administration\n"
    assert analyze_posting(text).degree is None


@pytest.mark.parametrize(
    ("line", "level", "required"),
    [
        ("- MS in Computer Science or a related field", "master", True),
        ("- BS/MS in Computer Science", "bachelor", True),
        ("- MS preferred", "master", False),
        ("- MBA a plus", "master", False),
        ("- BS", "bachelor", True),
        ("Our new colleague holds a BS Computer Science and has shipped services.", "bachelor", True),
        ("Someone with an MS Statistics who loves working with data at scale.", "master", True),
    ],
)
def test_an_abbreviation_that_names_a_degree_still_counts(line: str, level: str, required: bool) -> None:
    # above the requirements, where a sentence asks for nothing: what stands around it decides
    text = f"Data Engineer\n{line}\nRequirements:\n- 5+ years of SQL\n"
    degree = analyze_posting(text).degree
    assert degree is not None
    assert (degree.min_level, degree.required) == (level, required)


@pytest.mark.parametrize(
    "statement",
    [
        "TRIGYN is an ISO 9001:2008, ISO 27001:2013 (ISMS) and CMMI Level 3 certified company.",
        "Denali Advanced Integration is one of the nation's leading technology integrators by volume, "
        "with experience in unified communications, mobility and virtualization.",
        "The Identity Division is a customer focused organization with an emphasis on security.",
        "We are a business and technology services firm specializing in cloud computing and data "
        "warehousing.",
    ],
)
def test_a_company_describing_itself_by_name_asks_for_no_skill(statement: str) -> None:
    # in a requirements list too: the sentence is about the company, not the candidate
    text = f"Support Analyst\nRequirements:\n- 2+ years of SQL Server\n- {statement}\n- Experience with Jira"
    got = {s.name for s in analyze_posting(text).skills}
    assert got == {"SQL Server", "Jira"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Contoso is looking for a developer with Kafka experience.",
        "Contoso is a fintech company, and you bring Kafka experience.",
        "The ideal candidate is a strong engineer with Kafka experience.",
    ],
)
def test_a_company_sentence_that_asks_for_someone_still_counts(sentence: str) -> None:
    text = f"Developer\nRequirements:\n- {sentence}\n"
    assert "Kafka" in {s.name for s in analyze_posting(text).skills}


@pytest.mark.parametrize(
    ("requirement", "not_named"),
    [
        (
            "We have no time or interest for bureaucracy and micromanagement - you will be required "
            "to move fast",
            "bureaucracy and micromanagement",
        ),
        ("Experience with relational and no-SQL databases such as PostgreSQL", "relational and no"),
        ("Knowledge of Storage tools from HDS and EMC.", "HDS and EMC"),
    ],
)
def test_a_learned_phrase_joining_two_things_is_no_skill_name(requirement: str, not_named: str) -> None:
    text = f"Engineer\nRequirements:\n- {requirement}\n- Experience with Python\n"
    names = {s.name for s in analyze_posting(text).skills}
    assert "Python" in names and not_named not in names


@pytest.mark.parametrize(
    ("requirement", "named"),
    [
        (
            "Strong analytical, organizational and problem-solving skills.",
            {"analytical skills", "organizational skills"},
        ),
        ("Excellent interpersonal and presentation skills", {"interpersonal skills", "presentation skills"}),
        (
            "Good organisational, writing and communication skills",
            {"organizational skills", "writing skills"},
        ),
    ],
)
def test_words_that_share_the_last_ones_skills_name_those_skills(requirement: str, named: set[str]) -> None:
    # "analytical, organizational and problem-solving skills": each is a skill, as "X skills"
    text = f"Coordinator\nRequirements:\n- {requirement}\n- 2+ years of Excel\n"
    got = {s.name: s.importance for s in analyze_posting(text).skills}
    assert named <= set(got)
    assert {got[n] for n in named} == {"required"}


def test_words_before_other_skills_are_left_alone() -> None:
    text = "Coordinator\nRequirements:\n- Experience in Python, and strong communication skills\n"
    got = {s.name for s in analyze_posting(text).skills}
    assert got == {"Python", "communication"}


@pytest.mark.parametrize(
    "statement",
    [
        "For over 11 years Incendia Partners has been specializing in IT staffing.",
        "Our combined 70 years in the software industry provide you with the best guidance.",
    ],
)
def test_the_companys_own_years_are_no_experience_asked(statement: str) -> None:
    text = f"Java Developer\n{statement}\nRequirements:\n- 3+ years of Java\n"
    assert analyze_posting(text).min_years == 3.0


@pytest.mark.parametrize(
    ("requirement", "years"),
    [
        ("BS/MS in Computer Science or 4+ years industry experience\n- 2+ years of C#", 2.0),
        (
            "Bachelor's degree OR a minimum of four years of experience\n- Minimum two years in IT support",
            2.0,
        ),
        (
            "BS in Computer Science and at least 5 years in network engineering or 10 years of hands-on work",
            5.0,
        ),
        (
            "A bachelor's degree in computer science, OR an additional 4 years' work experience\n"
            "- 3+ years of C#",
            3.0,
        ),
        ("BS in Computer Science or a related field and 5+ years of Java", 5.0),
    ],
)
def test_years_that_stand_in_for_a_degree_are_no_minimum(requirement: str, years: float) -> None:
    text = f"Engineer\nRequirements:\n- {requirement}\n"
    assert analyze_posting(text).min_years == years


@pytest.mark.parametrize(
    ("requirement", "years"),
    [
        ("B.A. in Math or Computer Science or 2+ years of software engineering experience", 2.0),
        ("High School Diploma or equivalent 7+ years of experience in Information Technology", 7.0),
    ],
)
def test_years_asked_beside_a_degree_alone_still_count(requirement: str, years: float) -> None:
    text = f"Engineer\nRequirements:\n- {requirement}\n"
    assert analyze_posting(text).min_years == years


@pytest.mark.parametrize("company", ["TRIGYN TECHNOLOGIES, INC.", "Contoso Software, LLC", "Fabrikam GmbH"])
def test_a_companys_legal_form_is_no_skill(company: str) -> None:
    text = f"Java Developer\nRequirements:\n- 3+ years of Java\n- Experience with SQL\n{company}\n"
    assert {s.name for s in analyze_posting(text).skills} == {"Java", "SQL"}
