"""Job-description templates and career pages: only the posting counts (issue 11)."""

from __future__ import annotations

from matcher import analyze_posting

TEMPLATE = """Job Description Templates

Data Engineer Job Description Template

Below is a job description template for the Data Engineer role. Feel free to use it and modify it.

About [Company]

This section convinces candidates to apply. [Company] consists of over [x] employees.

Data Engineer Qualifications

  \u2022 A Bachelor's degree (ideally in computer science or statistics)
  \u2022 At least [x] years of experience with Python and SQL
  \u2022 Experience with Airflow
  \u2022 Relevant certifications, such as Certified Data Manager (CDM), or any other Azure certification

How much does a Data Engineer make?

Data Engineers earn a median salary of $120,000 in North America, where purchasing power is high.

How to become a Data Engineer

Education

A degree in mathematics is often essential. Coursework in Scala, Kafka and Tableau helps.

Degree

A master's degree in data science can be valuable, as can Kubernetes and Spark.

What skills are essential for data engineers?

Data engineers should know Java, Go and Snowflake.
"""


def test_template_title_is_the_role() -> None:
    assert analyze_posting(TEMPLATE).title == "Data Engineer"


def test_nothing_from_salary_guide_or_faq() -> None:
    posting = analyze_posting(TEMPLATE)
    names = {s.name for s in posting.skills}
    assert {"Python", "SQL", "Apache Airflow"} <= names or {"Python", "SQL", "Airflow"} <= names
    outside_posting = ("Scala", "Apache Kafka", "Tableau", "Kubernetes", "Apache Spark", "Java", "Snowflake")
    for outside in outside_posting:
        assert outside not in names, outside
    assert not any(s.name == "procurement" for s in posting.skills)
    material = [s for s in posting.sections if s.kind == "material"]
    assert material and material[0].heading.startswith("How much does")
    # the guide's "Education" and "Degree" headings open no requirements section
    assert not any(s.heading in ("Education", "Degree") for s in posting.sections)


def test_template_degree_and_placeholder_years() -> None:
    posting = analyze_posting(TEMPLATE)
    assert posting.min_years is None  # "[x] years" is unknown, never 0
    assert posting.degree is not None
    assert posting.degree.min_level == "bachelor" and posting.degree.required
    assert posting.degree.fields_preferred  # "ideally in"


def test_a_list_under_a_posting_heading_reopens_the_posting() -> None:
    text = (
        "Analyst\n\nHow to become an analyst\n\nAnalysts learn Excel at school.\n\n"
        "Requirements\n- Python\n- SQL\n"
    )
    names = {s.name: s.importance for s in analyze_posting(text).skills}
    assert names.get("Python") == "required" and names.get("SQL") == "required"
    assert "Microsoft Excel" not in names and "Excel" not in names
