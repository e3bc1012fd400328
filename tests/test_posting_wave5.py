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
