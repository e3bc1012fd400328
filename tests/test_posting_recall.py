"""Posting skills the learned extractor adds and how they are linked (issue 11, wave 4)."""

from __future__ import annotations

import pytest

from matcher import analyze_posting
from matcher.language import link_span


def _skills(text: str) -> dict[str, str]:
    return {s.name: s.importance for s in analyze_posting(text).skills}


@pytest.mark.parametrize(
    "line",
    [
        "Knowledge of SWIFT messaging especially MT566 (confirmation of payment of Corp actions)",
        "Familiarity with SWIFT MT and MX messages",
    ],
)
def test_an_acronym_in_capitals_is_not_the_product_written_in_title_case(line: str) -> None:
    # SWIFT, the interbank messaging network, is not Swift, Apple's language: the taxonomy holds
    # "Swift" in its written case, and a learned span's words are linked in that case too
    text = f"Corporate Actions Analyst\nRequirements:\n- Basic knowledge of Corporate Actions\n- {line}\n"
    assert "Swift" not in _skills(text)


def test_the_language_in_its_own_case_is_still_linked() -> None:
    assert link_span("Swift") == "swift"
    assert link_span("SWIFT") == ""
    got = _skills("iOS Developer\nRequirements:\n- 3+ years of Swift and Objective-C\n")
    assert got["Swift"] == "required"


def test_a_name_listed_among_known_skills_is_a_skill() -> None:
    # names no list holds, standing in a list of skills the taxonomy knows: an item of a list of
    # skills is a skill, and so is the next one along ("SOQL, & SOSL")
    got = _skills(
        "Salesforce Developer\nRequirements:\n"
        "- Proficiency with SQL, SOQL, & SOSL\n"
        "- One or more of the frameworks Scikit learn, TLC, Keras, TensorFlow, H2O\n"
        "Nice to have: experience with PyTorch, WinML or similar\n"
    )
    for name in ("SOQL", "SOSL", "TLC", "H2O"):
        assert got.get(name) == "required", name
    assert got.get("WinML") == "preferred"


@pytest.mark.parametrize(
    "text",
    [
        "Data Engineer\nRequirements:\n- Experience with Python, SQL or Similar tools\n",
        "Data Engineer\nRequirements:\n- Python, SQL and Excellent written communication\n",
        "Data Engineer\nOur stack: Python, SOQL and Kafka.\nRequirements:\n- Experience with Java\n",
    ],
)
def test_an_ordinary_word_or_a_mere_mention_in_a_list_is_no_listed_name(text: str) -> None:
    got = _skills(text)
    assert not {"Similar", "Similar tools", "Excellent", "SOQL"} & set(got), got


def test_an_equal_opportunity_statement_glued_to_a_long_run_on_keeps_the_last_item() -> None:
    # a scraped posting whose bullets lost their breaks: one run-on of more than 250 characters,
    # its last item glued to the company's equal-opportunity sentence
    text = (
        "Marketing Data Scientist\nQualifications 3+ years' hands on experience in marketing analytics "
        "Advanced working knowledge of data mining using SQL Advanced Excel and PowerPoint skills "
        "Good written and verbal communication skills Experience with marketing automation and "
        "CRM systems preferred Experience with Data Lake infrastructures (Cosmos, Hadoop) preferred "
        "Contoso is an equal opportunity employer. All qualified applicants will receive consideration."
    )
    got = _skills(text)
    assert got.get("Hadoop") == "preferred", got
    assert got.get("SQL") == "required"


@pytest.mark.parametrize(
    ("phrase", "skill"),
    [
        ("solving big problems", "problem-solving"),
        ("writing clean and maintainable code", "clean-code"),
        ("handle multiple complex projects and tasks", "multitasking"),
    ],
)
def test_a_learned_phrase_links_to_the_skill_its_words_name_in_another_order(phrase: str, skill: str) -> None:
    assert link_span(phrase) == skill


def test_a_phrase_with_more_than_the_name_and_two_words_links_to_nothing() -> None:
    # the roots of "clean code" are in it, but the phrase is about something else
    assert link_span("writing clean documentation for the code of our partners") == ""


@pytest.mark.parametrize(
    ("line", "skill"),
    [
        ("Experience solving big problems", "problem solving"),
        ("Ability to handle multiple complex projects and tasks", "multitasking"),
    ],
)
def test_a_requirement_in_other_words_is_read_as_the_skill(line: str, skill: str) -> None:
    got = _skills(f"Backend Engineer\nRequirements:\n- {line}\n- 3+ years of Go\n")
    assert got.get(skill) == "required", got


def test_lower_case_words_between_two_known_skills_are_a_skill() -> None:
    got = _skills(
        "Data Engineer\nRequirements:\n- Experience with SQL (T-SQL), relational modeling, and Kafka\n"
        "- Python, SQL, and similar tools\n"
    )
    assert got.get("relational modeling") == "required", got
    assert "similar tools" not in got  # the list's last item: only one known skill beside it


def test_the_company_describing_itself_names_no_skill_of_the_job() -> None:
    got = _skills(
        "Backend Engineer\nOur growing portfolio includes SQL Server and Dynamics products. "
        "We are part of the Bing team. You will build services in Go. Experience with Python is required.\n"
    )
    assert "SQL Server" not in got and "Bing" not in got, got
    assert got.get("Python") == "required"


def test_we_are_looking_for_is_about_the_candidate_not_the_company() -> None:
    got = _skills("Engineer\nWe are looking for an enthusiastic Kafka developer to join us in Oslo.\n")
    assert "Kafka" in got, got


def test_a_long_run_on_read_in_pieces_has_no_leading_cue_in_its_middle() -> None:
    # a run-on is read around each mention; a piece that starts just before "... strongly
    # preferred" does not start with a preferred cue as a sentence would
    text = (
        "Marketing Analyst\nQualifications 3+ years' hands on experience in marketing analytics with "
        "proven quantitative orientation Bachelor's degree in computer science or a quantitative field "
        "required/Master's degree Expertise in B2B marketing acquisition, campaigns, marketing "
        "automation, content marketing, and digital marketing strongly preferred Advanced working "
        "knowledge of large data manipulation and data mining using SQL/Cosmos Advanced Excel and "
        "PowerPoint skills, as well as visualization tools (familiarity with Power BI preferred) "
        "Exceptional problem solving, technical and data analysis skills\n"
    )
    got = _skills(text)
    assert got.get("PowerPoint") == "required", got
    assert got.get("Power BI") == "preferred", got


def test_certifications_in_a_field_are_certifications() -> None:
    posting = analyze_posting(
        "Project Manager\nRequirements:\n- 5+ years of project management\n"
        "Candidates who have the following will be preferred:\n"
        "- Certifications within SAFe and Project Management are highly valued\n"
        "- Certification in AWS or Azure\n"
    )
    got = {c.name: c.importance for c in posting.certifications_detail}
    for name in ("SAFe certification", "Project Management certification", "AWS certification"):
        assert got.get(name) == "preferred", got


@pytest.mark.parametrize(
    ("line", "skill"),
    [
        ("Mastery with a range of prototyping tools: Sketch, InVision and Figma", "Sketch"),
        ("Well familiarized with AWS structure and environment", "AWS"),
    ],
)
def test_a_requirement_written_in_a_duties_list_still_asks(line: str, skill: str) -> None:
    got = _skills(f"UX Designer\nResponsibilities:\n- Lead the design of our apps\n- {line}\n")
    assert got.get(skill) == "required", got
