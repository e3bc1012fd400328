"""Resume parsing: sections, contact, education, experience, skills; real files of every kind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from matcher import parse_resume, parse_resume_text
from matcher.resume._sections import clean_resume_text, split_sections

from .conftest import SAMPLE_COLUMNS, make_pdf, two_column_row_ordered_pdf

AS_OF = date(2024, 6, 1)

RESUME = """Ana García
ana.garcia@example.com | +34 612 345 678 | linkedin.com/in/ana-garcia | github.com/anagarcia

SUMMARY
Data engineer with a taste for reliable pipelines.

EXPERIENCE
Senior Data Engineer, Acme Corporation
Madrid | Mar 2021 - Present
- Built streaming pipelines in Kafka and Python.
Data Engineer, Globex Systems
Madrid | Jan 2019 - Jun 2021
- Migrated reporting to Airflow and SQL.

EDUCATION
M.Sc. Data Science
University of Edinburgh | 2016 - 2018
Ph.D. Statistics (expected 2026)
Universidad de Salamanca

VOLUNTEER
Coach, Youth Football Club | 2010 - 2018

SKILLS
Python, SQL, Kafka, Airflow, Docker
"""


def test_resume_text_parses_into_an_evidenced_profile() -> None:
    r = parse_resume_text(RESUME, as_of=AS_OF)
    assert (r.name, r.email, r.phone) == ("Ana García", "ana.garcia@example.com", "+34 612 345 678")
    assert r.links == ("linkedin.com/in/ana-garcia", "github.com/anagarcia")
    assert r.sections == ("summary", "experience", "education", "volunteer", "skills")
    assert [(j.start, j.end) for j in r.experience] == [("2021-03", "present"), ("2019-01", "2021-06")]
    assert r.experience[0].title == "Senior Data Engineer"
    assert r.experience[0].employer == "Acme Corporation"
    # overlapping jobs merged, up to the as-of date; education and volunteering never count
    assert r.total_years == 5.5


def test_highest_degree_counts_completed_degrees_only() -> None:
    r = parse_resume_text(RESUME, as_of=AS_OF)
    levels = {(e.level, e.completed) for e in r.education}
    assert levels == {("master", True), ("doctorate", False)}
    assert r.highest_degree == "master"


def test_skills_carry_count_evidence_and_last_use() -> None:
    r = parse_resume_text(RESUME, as_of=AS_OF)
    skills = {s.name: s for s in r.skills}
    assert skills["Kafka"].count == 2
    assert skills["Kafka"].evidence == "- Built streaming pipelines in Kafka and Python."
    assert skills["Kafka"].last_used == "present"
    assert skills["Airflow"].last_used == "2021-06"
    assert skills["Docker"].last_used is None  # named only in the skills list


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("B.S. in Accounting, 2010", "bachelor"),
        ("BBA, Marketing, 2012", "bachelor"),
        ("MBA, 2015", "master"),
        ("M.Ed Curriculum and Instruction, 2011", "master"),
        ("PhD in Physics, 2019", "doctorate"),
        ("AAS Nursing, 2008", "associate"),
        ("Associate of Arts : General Studies 2007", "associate"),
        ("High School Diploma, 2001", "high_school"),
        ("J.D., Law 2016", "doctorate"),
    ],
)
def test_degree_levels(line: str, level: str) -> None:
    r = parse_resume_text(f"EDUCATION\n{line}\n", as_of=AS_OF)
    assert r.highest_degree == level


@pytest.mark.parametrize(
    "line", ["B.S. Computer Science, expected 2025", "Currently pursuing MBA", "Bachelor of Arts, 2027"]
)
def test_degrees_in_progress_do_not_count(line: str) -> None:
    r = parse_resume_text(f"EDUCATION\n{line}\n", as_of=AS_OF)
    assert r.education and not r.education[0].completed
    assert r.highest_degree is None


@pytest.mark.parametrize(
    "heading",
    ["EXPERIENCE", "Work Experience:", "Professional experience", "EMPLOYMENT HISTORY", "Work History"],
)
def test_headings_in_any_style(heading: str) -> None:
    text = f"Jo Park\n{heading}\nCook, Diner Inc, 2010 - 2012\nEDUCATION\nBA History 2009 - 2013\n"
    r = parse_resume_text(text, as_of=AS_OF)
    assert "experience" in r.sections
    assert r.total_years == 3.0  # the 2009-2013 degree dates do not count


def test_heading_run_into_the_next_word() -> None:
    sections = split_sections("Jo Park\nEXPERIENCECook, Diner, 2010-2012\nEDUCATIONBA History\n")
    assert [s.kind for s in sections] == ["header", "experience", "education"]


def test_resume_without_headings_still_finds_jobs_but_not_school_dates() -> None:
    text = "Jo Park\nCook, Diner Inc, 2010 - 2012\nBA History, State University, 2006 - 2010\n"
    r = parse_resume_text(text, as_of=AS_OF)
    assert [(j.start, j.end) for j in r.experience] == [("2010-01", "2012-12")]


def test_no_dated_job_means_unknown_years() -> None:
    r = parse_resume_text("Jo Park\nEXPERIENCE\nCook at a diner\n", as_of=AS_OF)
    assert r.total_years is None
    assert r.warnings


def test_livecareer_fields_split_over_lines_are_joined() -> None:
    raw = (
        "Experience\nCompany Name\n \nJuly 2011\n \nto \nNovember 2012\n \nAccountant\n \n"
        "City\n \n, \nState\n"
    )
    r = parse_resume_text(raw, as_of=AS_OF)
    assert [(j.title, j.employer, j.start, j.end) for j in r.experience] == [
        ("Accountant", "Company Name", "2011-07", "2012-11")
    ]
    assert clean_resume_text("a\n \nb").startswith("a  b")


def test_pdf_resume(tmp_path: Path) -> None:
    lines = ["Ana Garcia", "ana@example.com", "EXPERIENCE", "Data Engineer, Acme Inc", "Jan 2020 - Dec 2021",
             "Python and SQL every day", "EDUCATION", "B.Sc. Mathematics, 2019"]  # fmt: skip
    r = parse_resume(make_pdf(tmp_path / "cv.pdf", lines), as_of=AS_OF)
    assert (r.email, r.highest_degree, r.total_years) == ("ana@example.com", "bachelor", 2.0)
    assert {"Python", "SQL"} <= {s.name for s in r.skills}


def test_docx_resume_reads_paragraphs_and_tables(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    for text in ["Ana Garcia", "EXPERIENCE", "Nurse, City Hospital, 2015 - 2019"]:
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Skills"
    table.rows[0].cells[1].text = "Phlebotomy, Epic"
    doc.add_paragraph("EDUCATION")
    doc.add_paragraph("BSN Nursing, State University, 2014")
    doc.save(str(tmp_path / "cv.docx"))
    r = parse_resume(tmp_path / "cv.docx", as_of=AS_OF)
    assert r.total_years == 5.0
    assert "Skills | Phlebotomy, Epic" in r.text


def test_two_column_row_ordered_pdf_keeps_columns_together(tmp_path: Path) -> None:
    path = two_column_row_ordered_pdf(tmp_path / "cv.pdf", *SAMPLE_COLUMNS)
    r = parse_resume(path, as_of=AS_OF)
    text = r.text
    assert text.index("Reported in Excel and SQL") < text.index("SKILLS")
    assert [(j.start, j.end) for j in r.experience] == [("2020-01", "2021-12"), ("2017-03", "2019-12")]


def test_glued_words_are_split_and_reported() -> None:
    glued = (
        "Byungjin Park\nposquit0.bj@gmail.com\nEXPERIENCE\nDevOps Engineer Sep. 2023 - Mar. 2024\n"
        + "Ledservicemeshtechnologyresearchandimplementationacrossclusters\n" * 3
        + "DesignedTerraformmodulestomanageinfrastructure, evaluatingIstio,Cilium\n"
        + "AllworkloadsontheKubernetesclusterweremanagedwithAnsibleandPrometheus\n"
    )
    r = parse_resume_text(glued, as_of=AS_OF)
    assert any("run together" in w for w in r.warnings)
    assert {"Terraform", "Istio", "Kubernetes", "Ansible", "Prometheus"} <= {s.name for s in r.skills}
    assert (r.name, r.email) == ("Byungjin Park", "posquit0.bj@gmail.com")  # names and addresses stay whole
    assert "Led service mesh technology research" in r.text
    assert not any("run together" in w for w in parse_resume_text(RESUME, as_of=AS_OF).warnings)


def test_unglue_leaves_ordinary_text_and_floods_alone() -> None:
    from matcher.text import unglue

    assert unglue(RESUME) == RESUME
    flood = "a" * 5_000 + " " + "ab" * 60_000  # a damaged file's text: left as it is, at once
    assert unglue(flood) == flood


def test_section_items_read_wrapped_lists_and_language_lines() -> None:
    text = (
        "Sam Lee\nsam@example.com\nSKILLS\n"
        "Account management, Banking, business plans, Corporate Finance, client relations, Financial\n"
        "Accounting, Financial Modeling, Forecasting\n"
        "LANGUAGES\nAmerican Sign Language  :\nElementary\n"
    )
    names = {s.name for s in parse_resume_text(text, as_of=AS_OF).skills}
    assert {"financial accounting", "American Sign Language", "financial modeling"} <= names
    assert "Elementary" not in names and "Financial" not in names


def test_a_name_set_over_two_lines_is_one_name() -> None:
    r = parse_resume_text("Đorđe\nŁapiński\nProduct Manager\nore@example.io\n", as_of=AS_OF)
    assert r.name == "Đorđe Łapiński"
