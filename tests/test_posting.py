"""Posting analysis on real posting snippets: sections, importance, degree, years, boilerplate."""

from __future__ import annotations

import pytest

from matcher import EmptyDocumentError, InputError, analyze_posting


def _importance(text: str) -> dict[str, str]:
    return {s.name: s.importance for s in analyze_posting(text).skills}


@pytest.mark.parametrize(
    ("text", "skill", "importance"),
    [
        ("Requirements:\n- Python\n- SQL", "Python", "required"),
        ("Qualifications\n• 7+ years of Java, Python or C++", "Java", "required"),
        ("You have:\n- Strong SQL skills", "SQL", "required"),
        ("Preferred qualifications:\n- Kafka", "Kafka", "preferred"),
        ("Nice to have: Docker", "Docker", "preferred"),
        ("Bonus points\n- Terraform", "Terraform", "preferred"),
        ("Experience with Kubernetes is a plus.", "Kubernetes", "preferred"),
        ("Ideally you know Airflow.", "Airflow", "preferred"),
        ("Familiarity with Tableau desired.", "Tableau", "preferred"),
        ("Responsibilities\n- Build dashboards in Power BI.", "Power BI", "mentioned"),
        ("We build pipelines in Spark.", "Spark", "mentioned"),
        ("Proficiency in Python is required.", "Python", "required"),
        ("Python required, Java preferred.", "Java", "preferred"),
        ("Python required, Java preferred.", "Python", "required"),
    ],
)
def test_posting_reads_importance(text: str, skill: str, importance: str) -> None:
    assert _importance(text)[skill] == importance


def test_posting_run_in_headings_split_sections() -> None:
    text = (
        "Senior Engineer We build storage. Responsibilities Build services in Go. Qualifications "
        "Basic Qualifications:BS in Computer Science 5+ years of C++ experiencePreferred "
        "Qualifications: Knowledge of Rust is preferred."
    )
    got = _importance(text)
    assert got["C++"] == "required"
    assert got["Rust"] == "preferred"
    assert got["Go"] == "mentioned"


def test_boilerplate_yields_no_requirements() -> None:
    text = (
        "Data Analyst\nRequirements:\n- SQL\n"
        "Benefits\n- Free Python courses and a Kubernetes workshop\n"
        "Equal opportunity\nWe are an equal opportunity employer and value Java developers "
        "of all backgrounds."
    )
    posting = analyze_posting(text)
    assert [s.name for s in posting.skills] == ["SQL"]
    assert posting.min_years is None


def test_skills_keep_their_evidence_sentence() -> None:
    posting = analyze_posting("Requirements:\n- 3+ years of Python.\n- Solid SQL.")
    python = next(s for s in posting.skills if s.name == "Python")
    assert python.evidence == "3+ years of Python."
    assert posting.text[python.start : python.end] == "Python"


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("5+ years of experience in data science.", 5),
        ("3-5 years of professional experience.", 3),
        ("At least two years of experience with SQL.", 2),
        ("Minimum of 2 yrs experience.", 2),
        ("Three (3) years of related experience.", 3),
        ("10 or more years of industry experience.", 10),
        ("[x] years of experience in sales.", None),
        ("X+ years of experience building APIs.", None),
        ("We were founded 20 years ago and serve 5,000 clients.", None),
        ("The contract runs for two years, extendable.", None),
    ],
)
def test_posting_reads_overall_years(text: str, years: float | None) -> None:
    assert analyze_posting(text).min_years == years


def test_posting_reads_years_per_skill() -> None:
    posting = analyze_posting("Requirements: 3+ years of Python and 2 years of experience with Docker.")
    years = {s.name: s.years for s in posting.skills}
    assert years == {"Python": 3, "Docker": 2}


def test_preferred_years_are_kept_apart() -> None:
    posting = analyze_posting(
        "Requirements: 3+ years of experience.\nPreferred: 5+ years of experience in fintech."
    )
    assert (posting.min_years, posting.preferred_years) == (3, 5)


@pytest.mark.parametrize(
    ("text", "level", "required", "preferred_level", "equivalent"),
    [
        ("BS/MS in Computer Science.", "bachelor", True, None, False),
        ("Master's or PhD in Statistics.", "master", True, None, False),
        ("Bachelor's degree required, Master's preferred.", "bachelor", True, "master", False),
        ("Bachelor's degree in CS or equivalent experience.", "bachelor", True, None, True),
        ("PhD preferred.", "doctorate", False, None, False),
        ("High school diploma or GED.", "high_school", True, None, False),
        ("Associate's degree in nursing.", "associate", True, None, False),
        ("Degree in Computer Science, MS or PhD preferred.", "bachelor", True, "master", False),
        ("MBA required.", "master", True, None, False),
    ],
)
def test_posting_reads_degree(
    text: str, level: str, required: bool, preferred_level: str | None, equivalent: bool
) -> None:
    degree = analyze_posting(text).degree
    assert degree is not None
    assert (degree.min_level, degree.required, degree.preferred_level, degree.equivalent_experience) == (
        level,
        required,
        preferred_level,
        equivalent,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Experience with MS Excel and MS Office.",
        "A high degree of autonomy.",
        "Ship features at a 180-degree pace.",
    ],
)
def test_posting_without_degree_has_none(text: str) -> None:
    assert analyze_posting(text).degree is None


def test_degree_fields_are_read_and_not_reported_as_skills() -> None:
    posting = analyze_posting("Requirements: BS in Computer Science or Statistics. Strong Python.")
    assert posting.degree is not None
    assert posting.degree.fields == ("computer science", "statistics")
    assert [s.name for s in posting.skills] == ["Python"]


def test_certifications_and_languages_asked_for() -> None:
    posting = analyze_posting(
        "Requirements:\n- AWS Certified Solutions Architect certification.\n- Fluent German and English."
    )
    assert posting.certifications == ("AWS Certified Solutions Architect",)
    assert set(posting.languages) == {"German", "English"}


def test_title_is_the_first_short_line() -> None:
    assert analyze_posting("Data Scientist\n\nRequirements: Python.").title == "Data Scientist"


@pytest.mark.parametrize("text", ["", "   \n\t", "...!!"])
def test_empty_posting_is_a_typed_error(text: str) -> None:
    with pytest.raises(EmptyDocumentError):
        analyze_posting(text)


def test_non_text_posting_is_an_input_error() -> None:
    with pytest.raises(InputError, match="expects the posting text as str"):
        analyze_posting(b"bytes")  # type: ignore[arg-type]


def test_same_text_gives_same_result() -> None:
    text = "Requirements: 3+ years of Python, SQL and Kafka. Docker is a plus."
    assert analyze_posting(text).to_dict() == analyze_posting(text).to_dict()


# Snippets from real postings (Microsoft careers and SkillSpan, MIT), as scraped: bullets lost,
# sentences and headings glued together.
@pytest.mark.parametrize(
    ("text", "skill", "importance"),
    [
        (
            "Qualifications Basic Qualifications:Bachelor's degree in Computer Science, MS or PhD "
            "preferred 8+ years of programming experience in Java OR C++ OR C# OR C OR object-oriented "
            "programming OR ScriptingPreferred Qualifications: Knowledge in distributed systems is "
            "preferred.",
            "C++",
            "required",
        ),
        (
            "PREFERRED, NOT REQUIRED:Experience developing Power BI reports.\nKnowledge and concepts of "
            "Big data systems",
            "big data",
            "preferred",
        ),
        (
            "Requirements:\nVery good knowledge of PHP JavaScript jQuery React\nNice to have: knowledge of "
            "RabbitMQ\nExperience in unit & functional testing",
            "RabbitMQ",
            "preferred",
        ),
        (
            "Requirements:\nVery good knowledge of PHP JavaScript jQuery React\nNice to have: knowledge of "
            "RabbitMQ\nExperience in unit & functional testing",
            "functional testing",
            "required",
        ),
        (
            "There are plenty of other skills that are not required, but you'll find useful in this role. "
            "Let us know if you have experience with:API designComputer Graphics: GPU, DirectX, or OpenGL",
            "OpenGL",
            "preferred",
        ),
        (
            "You will get extra points for the following\nKnowledge of AMI functionalities\n"
            "Experience in DevOps",
            "DevOps",
            "preferred",
        ),
        (
            "You will get extra points for the following\nExperience in DevOps\nFluent English both written "
            "and spoken is a must while German and French are considered as an advantage",
            "English",
            "required",
        ),
        (
            "Team player with great communication and presentation skills Experience participating in "
            "Kaggle or similar competitions is desired but not required.",
            "communication",
            "required",
        ),
        ("3+ years of relevant software development experience, preferably in C++.", "C++", "preferred"),
        ("Java Backend Engineer\nWe build integrations for banks.", "Java", "required"),
    ],
)
def test_posting_reads_importance_in_scraped_text(text: str, skill: str, importance: str) -> None:
    assert _importance(text)[skill] == importance


def test_glued_list_items_are_split_but_known_names_are_not() -> None:
    text = "Requirements:\nSQL Azure / NOSQL / MySQLMicrosoft Azure / AWSREST / JSONPREFERRED: JavaScript"
    names = set(_importance(text))
    assert {"MySQL", "AWS", "JSON", "JavaScript"} <= names
    assert "Java" not in names


def test_run_on_boilerplate_only_silences_its_neighbourhood() -> None:
    filler = "Build features for millions of customers in a fast moving team. " * 3
    text = (
        f"Qualifications: Experience with Kafka and Spark. {filler}Ability to meet Microsoft, customer "
        "and/or government security screening requirements are required for this role."
    ).replace(". ", " ")
    got = _importance(text)
    assert got["Kafka"] == "required"


def test_company_self_description_yields_no_soft_skills() -> None:
    posting = analyze_posting("We are an insatiably curious and creative team.\nRequirements: Python.")
    assert [s.name for s in posting.skills] == ["Python"]


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("You are fluent in written and spoken English.", True),
        ("Ability to work in an English-speaking team.", True),
        ("We teach key fields of Danish law.", False),
        ("The concept focuses on the Chinese kitchen.", False),
    ],
)
def test_spoken_languages_need_a_language_context(text: str, present: bool) -> None:
    languages = {s.name for s in analyze_posting(text).skills if s.kind == "language"}
    assert bool(languages) is present
