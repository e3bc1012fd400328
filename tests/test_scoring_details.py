"""Scoring details a reader sees: component values to their shown places, the words of each
detail line, which related skill is named, and the checks' branches no other test held.

Written against the survivors of a mutation run (scripts/mutation.py, docs/mutation-survivors.md):
each test names the behaviour a surviving mutant broke.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from matcher import Weights, parse_resume_text, score
from matcher.records import Posting, Resume
from matcher.scoring import Similarity

AS_OF = date(2024, 6, 1)


def _resume(*jobs: str, skills: str = "", education: str = "", certifications: str = "") -> Resume:
    lines = ["Jo Park", "EXPERIENCE"]
    for n, dates in enumerate(jobs):
        lines += [f"Producer, Studio {n} Inc, {dates}", "Mixed records."]
    if not jobs:
        lines.append("Mixed records at a studio.")
    if education:
        lines += ["EDUCATION", education]
    if certifications:
        lines += ["CERTIFICATIONS", certifications]
    if skills:
        lines += ["SKILLS", skills]
    return parse_resume_text("\n".join(lines), as_of=AS_OF)


def test_a_similarity_given_is_the_one_used(analyzed: Callable[[str], Posting]) -> None:
    posting = analyzed("Producer\nRequirements:\n- Ableton Live.\n")
    given = Similarity(0.25, ("records",))
    result = score(posting, _resume("Jan 2019 - Dec 2022"), similarity=given)
    assert result.components["similarity"] == 0.25
    assert result.top_terms == ("records",)


def test_every_component_of_weight_0_is_named(analyzed: Callable[[str], Posting]) -> None:
    posting = analyzed("Producer\nRequirements:\n- Ableton Live.\n")
    result = score(posting, _resume("Jan 2019 - Dec 2022"), weights=Weights(role=0, history=0))
    assert "Shown, not counted (weight 0): role, history" in result.details


def test_no_weighted_component_judged_is_a_total_of_0(analyzed: Callable[[str], Posting]) -> None:
    # only skills weigh, and the posting names none: nothing can be judged, the total is 0, not 100
    posting = analyzed("Producer\nWe make records.\n")
    weights = Weights(skills=1, similarity=0, role=0, history=0, degree=0, experience=0)
    result = score(posting, _resume("Jan 2019 - Dec 2022"), weights=weights)
    assert result.components["skills"] is None
    assert result.total == 0.0


@pytest.mark.parametrize(
    ("jobs", "positions", "value", "detail"),
    [
        (("Jan 2019 - Dec 2022",), 6.0, 0.1667, "History: 1 dated position (6 make 1)"),
        (
            ("Jan 2019 - Dec 2020", "Jan 2021 - Dec 2022"),
            3.0,
            0.6667,
            "History: 2 dated positions (3 make 1)",
        ),
        (("Jan 2019 - Dec 2020", "Jan 2021 - Dec 2022"), 1.0, 1.0, "History: 2 dated positions (1 make 1)"),
    ],
)
def test_history_is_positions_over_the_number_that_make_1(
    analyzed: Callable[[str], Posting], jobs: tuple[str, ...], positions: float, value: float, detail: str
) -> None:
    posting = analyzed("Producer\nRequirements:\n- Ableton Live.\n")
    result = score(posting, _resume(*jobs), weights=Weights(history_positions=positions))
    assert result.components["history"] == value  # shown to 4 places, never above 1
    assert detail in result.details


def test_a_skill_the_taxonomy_does_not_know_matches_by_name(analyzed: Callable[[str], Posting]) -> None:
    # "Crochet" is learned from the posting's list; the resume's skills section writes it in lower case
    posting = analyzed("Tailor\nRequirements:\n- Python, Crochet and SQL.\n")
    assert "Crochet" in [s.name for s in posting.skills]
    with_it = score(posting, _resume("Jan 2019 - Dec 2022", skills="crochet, Python"))
    assert [(m.skill, m.credit, m.how) for m in with_it.matched if m.skill == "Crochet"] == [
        ("Crochet", 0.5, "listed")
    ]
    without = score(posting, _resume("Jan 2019 - Dec 2022", skills="Python"))
    assert [(m.skill, m.credit, m.how) for m in without.missing if m.skill == "Crochet"] == [
        ("Crochet", 0.0, "missing")
    ]


@pytest.mark.parametrize(
    ("dates", "credit", "how"),
    [
        ("Jan 2021 - Dec 2023", 1.0, "exact"),  # exactly the years asked: not short
        ("Jan 2023 - Dec 2023", 0.333, "short_years"),  # 1 of 3 years, to 3 places
    ],
)
def test_skill_years_asked(analyzed: Callable[[str], Posting], dates: str, credit: float, how: str) -> None:
    posting = analyzed("Analyst\nRequirements:\n- 3+ years of Python.\n")
    resume = parse_resume_text(
        f"Jo Park\nEXPERIENCE\nAnalyst, Acme Inc, {dates}\nReports in Python.", as_of=AS_OF
    )
    (python,) = score(posting, resume).matched
    assert (python.credit, python.how) == (credit, how)


def test_listed_credit_of_1_is_an_exact_match(analyzed: Callable[[str], Posting]) -> None:
    posting = analyzed("Tailor\nRequirements:\n- Python and SQL.\n")
    resume = _resume("Jan 2019 - Dec 2022", skills="Python")
    (default,) = score(posting, resume).matched
    (full,) = score(posting, resume, weights=Weights(listed_credit=1)).matched
    assert (default.credit, default.how) == (0.5, "listed")
    assert (full.credit, full.how) == (1.0, "exact")


def test_the_related_skill_named_is_the_first_by_name(analyzed: Callable[[str], Posting]) -> None:
    # both are related to Ableton Live in the taxonomy; the resume names Logic Pro first
    posting = analyzed("Producer\nRequirements:\n- Ableton Live.\n")
    resume = parse_resume_text(
        "Jo Park\nEXPERIENCE\nProducer, Acme Inc, Jan 2019 - Dec 2022\nMixed in Logic Pro and FL Studio.",
        as_of=AS_OF,
    )
    (match,) = score(posting, resume).matched
    assert (match.skill, match.how, match.via, match.credit) == ("Ableton Live", "related", "FL Studio", 0.5)


def test_a_posting_skill_outside_the_taxonomy_missing_is_no_error(analyzed: Callable[[str], Posting]) -> None:
    posting = analyzed("Tailor\nRequirements:\n- Python, Crochet and SQL.\n")
    result = score(posting, _resume("Jan 2019 - Dec 2022"), weights=Weights(related_credit=0.5))
    assert "Crochet" in [m.skill for m in result.missing]


def _checks(posting: Posting, resume: Resume) -> list[tuple[str, str, str, float | None]]:
    return [(c.name, c.status, c.detail, c.margin) for c in score(posting, resume).checks]


def test_equivalent_experience_must_also_reach_the_years_asked(analyzed: Callable[[str], Posting]) -> None:
    # 6 years asked, 5 held, no degree: above the four-year floor but under the posting's own ask
    posting = analyzed(
        "Project Manager\nRequirements:\n- 6+ years of experience.\n"
        "- Bachelor's degree or equivalent experience.\n"
    )
    assert _checks(posting, _resume("Jan 2019 - Dec 2023")) == [
        ("degree", "unknown", "no completed degree found (bachelor asked)", None),
        ("experience", "fail", "5 of 6 years", -1.0),
    ]


def test_no_dated_job_leaves_experience_unknown(analyzed: Callable[[str], Posting]) -> None:
    posting = analyzed("Project Manager\nRequirements:\n- 3+ years of experience.\n")
    assert _checks(posting, _resume()) == [
        ("experience", "unknown", "no dated jobs found (3 years asked)", None)
    ]


def test_every_missing_required_certification_is_named(analyzed: Callable[[str], Posting]) -> None:
    posting = analyzed("Project Manager\nRequirements:\n- PMP and CISSP certifications are required.\n")
    assert _checks(posting, _resume("Jan 2019 - Dec 2023")) == [
        ("certifications", "fail", "missing PMP, CISSP", -2.0)
    ]


def test_a_certification_only_mentioned_is_no_check(analyzed: Callable[[str], Posting]) -> None:
    posting = analyzed("Project Manager\nResponsibilities:\n- Coach the team toward the PMP certification.\n")
    assert [(s.name, s.importance) for s in posting.skills] == [("PMP", "mentioned")]
    assert _checks(posting, _resume("Jan 2019 - Dec 2023")) == []


FIELDS = "Data Analyst\nRequirements:\n- Bachelor's degree in Computer Science or Statistics.\n"


def test_a_degree_in_another_field_fails_the_field_check(analyzed: Callable[[str], Posting]) -> None:
    result = score(analyzed(FIELDS), _resume("Jan 2019 - Dec 2023", education="B.A. History, 2015"))
    assert [(c.name, c.status, c.detail, c.margin) for c in result.checks] == [
        ("degree", "pass", "bachelor >= bachelor", 0.0),
        ("degree_field", "fail", "history is not computer science, statistics", None),
    ]
    assert result.components["degree"] == 0.5  # the level passes, the field halves it


def test_a_degree_without_its_field_names_every_field_asked(analyzed: Callable[[str], Posting]) -> None:
    checks = _checks(analyzed(FIELDS), _resume("Jan 2019 - Dec 2023", education="Bachelor of Arts, 2015"))
    assert checks[1] == (
        "degree_field",
        "unknown",
        "field of study not found (computer science, statistics asked)",
        None,
    )


def test_the_skills_component_to_4_places(analyzed: Callable[[str], Posting]) -> None:
    posting = analyzed("Analyst\nRequirements:\n- Python, SQL and Kafka.\n")
    resume = parse_resume_text(
        "Jo Park\nEXPERIENCE\nAnalyst, Acme Inc, Jan 2020 - Dec 2023\nBuilt reports in Python.", as_of=AS_OF
    )
    assert score(posting, resume).components["skills"] == 0.3333  # 1 of 3 required


@pytest.mark.parametrize(
    ("dates", "value", "detail"),
    [
        ("Jan 2020 - Jul 2021", 0.5267, "1.58 of 3 years"),  # to 4 places
        ("Jan 2025 - Present", 0.0, "0 of 3 years"),  # a job not begun yet: 0 years, not unknown
    ],
)
def test_the_experience_component(
    analyzed: Callable[[str], Posting], dates: str, value: float, detail: str
) -> None:
    posting = analyzed(
        "Project Manager\nRequirements:\n- 3+ years of experience.\n"
        "- PMP certification is a plus.\n- ITIL certification is a plus.\n"
    )
    resume = parse_resume_text(
        f"Jo Park\nEXPERIENCE\nProject Manager, Acme Inc, {dates}\nLed projects.", as_of=AS_OF
    )
    result = score(posting, resume)
    assert result.components["experience"] == value
    assert [(c.name, c.status, c.detail) for c in result.checks] == [
        ("experience", "fail", detail),
        ("certifications", "pass", "none required missing; preferred missing: PMP, ITIL"),
    ]
