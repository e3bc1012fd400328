"""The posting linter and the notice to candidates."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher import analyze_posting
from matcher.cli import main
from matcher.lint import candidate_notice, lint_posting, technology_years

from .conftest import EXAMPLE_POSTING

FAIR = """Data Analyst
Requirements:
- 2+ years of experience with SQL and Excel
- Bachelor's degree in statistics or equivalent experience
Salary: $70,000 - $85,000 a year.
"""
AS_OF = date(2026, 12, 1)


def _rules(text: str) -> list[str]:
    return [f.rule for f in lint_posting(text, as_of=AS_OF)]


def test_a_fair_posting_has_no_warning() -> None:
    assert [f for f in lint_posting(FAIR, as_of=AS_OF) if f.severity == "warning"] == []


@pytest.mark.parametrize(
    "phrase",
    ["digital native", "Recent graduates", "young and energetic", "no more than 5 years of experience"],
)
def test_age_coded_phrases(phrase: str) -> None:
    findings = lint_posting(FAIR + f"\nWe want {phrase} people.", as_of=AS_OF)
    (found,) = [f for f in findings if f.rule == "age_coded"]
    assert phrase.lower() in found.message.lower() and phrase in found.evidence


def test_young_company_is_not_age_coded() -> None:
    assert "age_coded" not in _rules(FAIR + "\nWe are a young company in Berlin.")


def test_gender_coded_words_are_counted_by_stem() -> None:
    text = FAIR + "\nA competitive, assertive leader who dominates, with a competitive drive. Supportive."
    (found,) = [f for f in lint_posting(text, as_of=AS_OF) if f.rule == "gender_coded"]
    # masculine: analyst (the title; "analy*"), competitive x2, assertive, leader, dominates;
    # feminine: supportive
    assert found.message.startswith("6 masculine- and 1 feminine-coded words")
    assert found.severity == "warning"
    assert "competitive x2" in found.evidence and "supportive" in found.evidence


def test_years_beyond_the_technology_s_age() -> None:
    text = "DevOps Engineer\nRequirements:\n- 15+ years of experience with Kubernetes\nSalary: $150,000"
    (found,) = [f for f in lint_posting(text, as_of=AS_OF) if f.rule == "years_exceed_technology"]
    assert "first released in 2014, 12 years before 2026" in found.message
    assert "12+ years of experience with Kubernetes" not in found.evidence
    # 12 years of Kubernetes is possible in 2026, and was not in 2020
    twelve = text.replace("15+", "12+")
    assert "years_exceed_technology" not in _rules(twelve)
    assert "years_exceed_technology" in [f.rule for f in lint_posting(twelve, as_of=date(2020, 1, 1))]


def test_every_technology_year_has_a_source_and_a_taxonomy_name() -> None:
    from matcher.language import load_taxonomy

    taxonomy = load_taxonomy()
    years = technology_years()
    assert len(years) >= 50
    for name, (year, source) in years.items():
        assert 1990 < year <= 2026 and source.startswith("https://"), name
        found = taxonomy.find(name)
        assert found is not None and found.name == name, name


@pytest.mark.parametrize(("title", "flagged"), [("Junior Data Analyst", True), ("Entry-level Analyst", True),
                                                 ("Senior Data Analyst", False)])  # fmt: skip
def test_entry_level_title_asking_for_years(title: str, flagged: bool) -> None:
    text = f"{title}\nRequirements:\n- 5+ years of experience with SQL\nSalary: $50,000 - $60,000"
    assert ("entry_level_years" in _rules(text)) is flagged
    assert "entry_level_years" not in _rules(text.replace("5+", "2+"))


def test_degree_without_equivalent_experience() -> None:
    assert "degree_without_equivalent" in _rules(FAIR.replace(" or equivalent experience", " required"))
    assert "degree_without_equivalent" not in _rules(FAIR)


def test_too_many_requirements() -> None:
    skills = ["Python", "SQL", "Java", "Go", "Rust", "Docker", "Kubernetes", "Terraform", "AWS", "Kafka",
              "Spark", "Airflow", "React", "TypeScript", "GraphQL", "Redis"]  # fmt: skip
    text = "Engineer\nRequirements:\n" + "".join(f"- Experience with {s}\n" for s in skills) + "Salary: $1"
    (found,) = [f for f in lint_posting(text, as_of=AS_OF) if f.rule == "too_many_requirements"]
    assert found.message.startswith("16 required skills")
    assert "too_many_requirements" not in _rules(text.replace("- Experience with Redis\n", ""))


def test_missing_salary() -> None:
    assert "missing_salary" in _rules(FAIR.replace("Salary: $70,000 - $85,000 a year.", ""))
    for pay in ("Pay range: 60k-70k USD", "€45.000 – €55.000", "Compensation: 120000 to 140000 per year"):
        assert "missing_salary" not in _rules(FAIR.replace("Salary: $70,000 - $85,000 a year.", pay))


def test_findings_have_the_contract_shape() -> None:
    findings = lint_posting("Junior Engineer\nRequirements: 5+ years of Python", as_of=AS_OF)
    assert findings and all(
        list(f.to_dict()) == ["rule", "severity", "message", "evidence"] for f in findings
    )


def test_notice_names_this_posting_s_requirements() -> None:
    posting = analyze_posting(FAIR)
    text = candidate_notice(posting, contact="jobs@example.com")
    assert text.startswith("NOTICE: an automated tool helps review applications for Data Analyst")
    assert "Required skills: SQL (2+ years), Excel (2+ years)" in text
    assert "Degree: bachelor or higher (required) in statistics; equivalent experience accepted" in text
    assert "does not use your name, photo, age" in text
    assert "by writing to jobs@example.com" in text
    markdown = candidate_notice(posting, markdown=True)
    assert (
        markdown.splitlines()[0] == "# Notice: an automated tool helps review applications for Data Analyst"
    )
    assert "## How to ask for another process" in markdown and "- Required skills: SQL" in markdown


def test_cli_lint_and_notice(tmp_path: Path) -> None:
    runner = CliRunner()
    run = runner.invoke(main, ["lint", str(EXAMPLE_POSTING), "--json"])
    assert run.exit_code == 0, run.output
    assert [f["rule"] for f in json.loads(run.stdout)] == [
        f.rule for f in lint_posting(EXAMPLE_POSTING.read_text())
    ]
    run = runner.invoke(main, ["lint", str(EXAMPLE_POSTING)])
    assert "finding(s)" in run.stdout
    run = runner.invoke(main, ["notice", str(EXAMPLE_POSTING), "--markdown", "--contact", "hr@example.com"])
    assert run.exit_code == 0 and "Machine Learning Engineer" in run.stdout and "hr@example.com" in run.stdout
    missing = runner.invoke(main, ["lint", str(tmp_path / "none.md")])
    assert missing.exit_code == 1 and "Traceback" not in missing.output


def test_notice_says_which_requirements_are_alternatives_and_which_fields_are_only_preferred() -> None:
    posting = analyze_posting(
        "Data Analyst\nRequirements:\n- Bachelor's degree, ideally in statistics or economics\n"
        "- 3+ years of Python or R\n- SQL"
    )
    text = candidate_notice(posting)
    assert "- Required skills: Python or R (3+ years), SQL\n" in text
    assert "- Degree: bachelor or higher (required); statistics or economics preferred\n" in text
