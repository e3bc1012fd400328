"""Posting skills read through the wrong alias, or not read at all (issue 11, wave 7): general
guards on where an alias stands (a piece of a hyphenated word, a brand word inside a longer
name), and skills the taxonomy had folded into another."""

from __future__ import annotations

import pytest

from matcher import analyze_posting


def _skills(text: str) -> dict[str, str]:
    return {s.name: s.importance for s in analyze_posting(text).skills}


def _posting(*items: str) -> str:
    return "Software Engineer\nRequirements:\n" + "".join(f"- {item}\n" for item in items)


@pytest.mark.parametrize(
    ("item", "named", "not_named"),
    [
        ("Strong scripting skills to perform data/file manipulation", "scripting", "scripting languages"),
        ("Experience with scripting languages such as Python or Bash", "scripting languages", "scripting"),
        ("Experience administering Office 365 and SharePoint Online", "Microsoft 365", "Microsoft Office"),
        ("Proficiency with MS Office (Word, Excel, PowerPoint)", "Microsoft Office", "Microsoft 365"),
    ],
)
def test_a_skill_is_read_as_itself_not_as_a_neighbour(item: str, named: str, not_named: str | None) -> None:
    got = _skills(_posting(item))
    assert got.get(named) == "required", got
    if not_named is not None:
        assert not_named not in got, got


@pytest.mark.parametrize(
    ("item", "not_named"),
    [
        ("Deliver bi-weekly status reports to the client's stakeholders and Jira", "business intelligence"),
        ("Experience with relational and no-sql databases", "SQL"),
        ("Work in a multi-disciplined team on Linux services", "self-discipline"),
        ("Experience with non-Windows platforms such as Linux", "Microsoft Windows"),
    ],
)
def test_an_abbreviation_inside_a_hyphenated_word_is_no_skill(item: str, not_named: str) -> None:
    assert not_named not in _skills(_posting(item))


@pytest.mark.parametrize(
    ("item", "named"),
    [
        ("Experience with BI tools such as Power BI and Tableau", "business intelligence"),
        ("Experience building Python-based services", "Python"),
        ("Experience with SQL-based reporting", "SQL"),
    ],
)
def test_a_skill_glued_to_a_hyphenated_modifier_still_counts(item: str, named: str) -> None:
    assert _skills(_posting(item)).get(named) == "required"


@pytest.mark.parametrize(
    ("item", "not_named"),
    [
        ("Experience with Set Top Box, Android TV and Linux", "Box"),
        ("Experience testing Set Top Box and Smart TV applications in Python", "Box"),
        ("Our CEO demos Dynamics 365 Customer Insights AI; build it in C#", "artificial intelligence"),
    ],
)
def test_a_name_inside_a_longer_proper_name_is_not_that_skill(item: str, not_named: str) -> None:
    got = _skills(_posting(item))
    assert not_named not in got, got
    assert got, "the rest of the item is still read"


@pytest.mark.parametrize(
    ("item", "named"),
    [
        ("Experience with Box, Dropbox and Google Drive", "Box"),
        ("VMware VCP certification is a plus", "VMware Certified Professional"),
        ("Strong Excel and Word skills", "Excel"),
        ("Experience With Go And Rust", "Go"),
    ],
)
def test_a_name_standing_on_its_own_still_counts(item: str, named: str) -> None:
    assert named in _skills(_posting(item))


@pytest.mark.parametrize("duties", ["What You Will Be Doing", "What you'll be doing"])
def test_a_heading_is_read_with_or_without_its_contraction(duties: str) -> None:
    # "What You Will Be Doing" opens the duties as "What you'll be doing" does: the system the
    # team works on there is no requirement
    text = (
        "Salesforce Technical Lead\nMinimum Required Skills: Apex, SQL, JavaScript\n"
        f"{duties}\nOn the backend our solution integrates with our website, booking system and Tableau.\n"
        "What You Need for this Position\n- 5+ years of software development experience\n"
    )
    got = _skills(text)
    assert got.get("Tableau") == "mentioned", got
    assert "reservations management" not in got, got
    assert got["Apex"] == "required"


@pytest.mark.parametrize("heading", ["What You Will Bring", "What you'll bring"])
def test_a_requirements_heading_in_its_long_form(heading: str) -> None:
    text = (
        f"Data Engineer\nResponsibilities\n- Build pipelines for the reporting team\n{heading}\n- Tableau\n"
    )
    assert _skills(text).get("Tableau") == "required"


@pytest.mark.parametrize("end", ["!", ".", "?"])
def test_a_heading_glued_between_two_sentences_opens_its_section(end: str) -> None:
    # scraped postings that lost their line breaks: "... please read on!What You Will Be
    # DoingAs the lead ..." opens the duties, so what the team works on there is no requirement
    text = (
        "Senior Software Engineer\nMinimum Required Skills:Java, SQL, Spring\n"
        f"If you are a Senior Software Engineer with Java experience, please read on{end}What You Will Be "
        "DoingAs the lead you will work on our Tableau dashboards and booking system."
        "What You Need for this Position- 5+ years of Java- Experience with Kafka"
    )
    got = _skills(text)
    assert got.get("Tableau") == "mentioned", got
    assert "reservations management" not in got, got
    assert got["Java"] == "required" and got["Kafka"] == "required", got


def test_a_list_glued_with_dashes_is_no_longer_name() -> None:
    # "- PHP, OOP- MySQL- UNIX": items of a list that lost its line breaks, not one product's name
    text = "PHP Developer\nWhat You Need for this Position- PHP, OOP- MySQL- UNIX\n"
    assert "Unix" in _skills(text)


@pytest.mark.parametrize("bullet", ["•", "- ", "\n"])
def test_a_requirements_heading_glued_before_its_bullets_opens_the_requirements(bullet: str) -> None:
    """A recruiter's template scraped into one line ("...Development!What You Need for this
    Position•5+ years ...•Web Services experience"): the duties heading before it must not swallow
    the requirements, every item under it is required."""
    text = (
        "Ruby on Rails Developer\nMinimum Required Skills: Ruby On Rails, JavaScript, AWSLocated near "
        "Boston, we are a start-up!Top Reasons to Work with Us1.Stability2.Room for growthWhat You Will "
        "Be Doing•You will be a key member of our team•Build our web applications•Ideally, you are a "
        f"supporter of Test Driven Development!What You Need for this Position{bullet}5+ years of web "
        "application development•Web Services experience•Agile environment experience•Experience with "
        "large scale systemsWhat's In It for You- Competitive salaries"
    )
    importance = {s.name: s.importance for s in analyze_posting(text).skills}
    assert importance["web services"] == "required"
    assert importance["Agile"] == "required"
