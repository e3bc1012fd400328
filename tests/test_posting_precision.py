"""Posting skills that are not the posting's: legal statements about the right to work, and
taxonomy aliases that named a different, broader or narrower skill (issue 11, wave 3)."""

from __future__ import annotations

import pytest

from matcher import analyze_posting


def _skills(text: str) -> dict[str, str]:
    return {s.name: s.importance for s in analyze_posting(text).skills}


@pytest.mark.parametrize(
    "statement",
    [
        "Your Right to Work - In compliance with federal law, all persons hired will be required to "
        "verify identity and eligibility to work in the United States and to complete the required "
        "employment eligibility verification document form upon hire.",
        "All candidates must be legally authorized to work in the US; employment eligibility "
        "verification is required at hire.",
    ],
)
def test_the_right_to_work_statement_asks_for_no_skill(statement: str) -> None:
    text = f"Data Analyst\nRequirements:\n- 3+ years of SQL\n- Experience with Tableau\n{statement}\n"
    got = _skills(text)
    assert got == {"SQL": "required", "Tableau": "required"}
    assert analyze_posting(text).min_years == 3.0


@pytest.mark.parametrize(
    ("requirement", "named", "not_named"),
    [
        ("Experience with Cosmos or other MapReduce systems", "MapReduce", "Hadoop"),
        (
            "Strong knowledge of object-oriented design principles",
            "object-oriented design",
            "object-oriented programming",
        ),
        (
            "Experience with relational database design and SQL",
            "relational database design",
            "relational database",
        ),
        (
            "Experience with machine learning and predictive analytics",
            "predictive analytics",
            "predictive modeling",
        ),
        ("Experience in demand forecasting for retail", "demand forecasting", "demand planning"),
        ("Hands-on project planning experience", "project planning", "project management"),
        ("2 years of technical support for enterprise customers", "technical support", "IT support"),
        ("Experience with customer retention programs", "customer retention", "customer success"),
        ("Ability to work under pressure", "working under pressure", "resilience"),
        ("A portfolio that shows motion design work", "motion design", "motion graphics"),
        ("Experience with campaign planning", "campaign planning", "campaign management"),
        ("Experience with Linux, networking and storage", "networking", "computer networking"),
    ],
)
def test_a_narrower_skill_is_not_read_as_the_broader_one(
    requirement: str, named: str, not_named: str
) -> None:
    got = _skills(f"Requirements:\n- {requirement}\n")
    assert got.get(named) == "required", got
    assert not_named not in got


@pytest.mark.parametrize(
    ("text", "not_named"),
    [
        ("Requirements:\n- Experience with network security design and Python\n", "software design"),
        ("Requirements:\n- Understanding of lambda architecture (Kafka, Spark)\n", "software architecture"),
        (
            "Requirements:\n- Validate the functional design; build prototypes with Java and Python\n",
            "software design",
        ),
        ("Qualifications\n- Experience designing complex workflows in Figma\n", "software design"),
    ],
)
def test_a_generic_word_is_not_the_specific_skill_whose_name_holds_it(text: str, not_named: str) -> None:
    got = _skills(text)
    assert not_named not in got, got
    assert got  # the sentence's real skills are still read


def test_the_specific_skill_still_counts_under_its_full_name() -> None:
    got = _skills("Requirements:\n- Software design and software architecture experience\n- Cassandra\n")
    assert got == {
        "software design": "required",
        "software architecture": "required",
        "Apache Cassandra": "required",
    }


def test_a_learned_name_of_rare_words_counts_on_its_own() -> None:
    """The learned extractor's unlinked span counts alone when its words are rare in the shipped
    background postings ("quantum physics", "CQRS"), not when one is common there ("software")."""
    got = _skills(
        "Requirements:\n- Strong background in quantum physics\n- Experience solving software problems\n"
        "- Familiarity with event sourcing and CQRS\n"
    )
    assert got.get("quantum physics") == "required"
    assert got.get("CQRS") == "required"
    # "software problems" is no name of its own (solving them is problem solving: wave 4)
    assert not any("software problem" in name for name in got), got


def test_a_merely_mentioned_skill_counts_under_its_own_name_not_a_paraphrase() -> None:
    """A duty's "honesty" is not the posting asking for integrity: a mention through an alias in
    other words is dropped; one by its name, an acronym ("NLP", "k8s") or a vendor's full name stays."""
    got = _skills(
        "Responsibilities:\n- Work in a team that values honesty and transparency\n"
        "- Build NLP models with k8s and Azure\n- Maintain our Kafka pipelines\n"
        "Requirements:\n- 3+ years of Python\n- Honesty and a positive attitude\n"
    )
    assert got.get("natural language processing") == "mentioned"
    assert got.get("Kubernetes") == "mentioned"
    assert got.get("Azure") == "mentioned"
    assert got.get("Kafka") == "mentioned"
    assert got.get("Python") == "required"
    assert got.get("integrity") == "required"  # asked for, by another word: still counts


def test_a_paraphrase_in_the_duties_alone_is_no_skill() -> None:
    got = _skills(
        "Responsibilities:\n- Work in a team that values honesty and transparency\n"
        "Requirements:\n- 3+ years of Python\n"
    )
    assert got == {"Python": "required"}


def test_a_benefits_line_glued_to_the_last_dash_bullet_keeps_the_requirement_before_it() -> None:
    """Scraped text with its line breaks lost: "...knowledge of:- JavaScript- PHP- UIWhat's In It
    for YouWe are willing to offer excellent compensation packages": the benefits reach back over
    their own glued item, not over the years asked before it."""
    text = (
        "Software Engineer\nWhat You Need for this PositionAt Least 3 Years of experience and knowledge "
        "of:- JavaScript- PHP- MySQL- C#- UIWhat's In It for YouWe are willing to offer excellent "
        "compensation packages, including a base salary and benefits.\n"
    )
    assert analyze_posting(text).min_years == 3.0
    assert analyze_posting(text.replace("UIWhat's", "UI. What's")).min_years == 3.0


def test_a_lead_in_glued_to_the_last_item_leaves_the_item_in_its_list() -> None:
    """ "- Ability to work under pressure  Desirable (but not required) Skills:": the scraped line
    holds the last requirement and the next list's heading; only the heading opens that list."""
    got = _skills(
        "Requirements:\n- Java and SQL\n"
        "- Ability to work under pressure  Desirable (but not required) Skills:\n- Kafka\n"
    )
    assert got == {
        "Java": "required",
        "SQL": "required",
        "working under pressure": "required",
        "Kafka": "preferred",
    }
