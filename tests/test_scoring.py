"""Scoring: deterministic, explained, unknown never a fail, configurable, and in the right order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from matcher import InputError, Weights, parse_resume_text, score
from matcher.records import Posting

AS_OF = date(2024, 6, 1)

POSTING_TEXT = """Data Engineer
Requirements:
- 5+ years of experience building data pipelines.
- Strong Python and SQL; 3+ years of experience with Kafka.
- Experience with PostgreSQL.
- Bachelor's degree in Computer Science.
Nice to have: Airflow, Kubernetes.
Responsibilities: build streaming services on AWS.
"""


@pytest.fixture
def posting(analyzed: Callable[[str], Posting]) -> Posting:
    return analyzed(POSTING_TEXT)


def _resume(
    skills: str,
    years: tuple[int, int] | None = (2016, 2023),
    degree: str | None = "B.S. Computer Science, 2015",
) -> object:
    lines = ["Jo Park", "EXPERIENCE"]
    if years:
        lines.append(f"Data Engineer, Acme Inc, Jan {years[0]} - Dec {years[1]}")
    else:
        lines.append("Data Engineer at Acme Inc")
    lines.append(f"Built data pipelines with {skills}.")
    if degree:
        lines += ["EDUCATION", degree]
    return parse_resume_text("\n".join(lines), as_of=AS_OF)


def test_same_inputs_give_the_same_score(posting: Posting) -> None:
    cv = _resume("Python, SQL and Kafka")
    first, second = score(posting, cv), score(posting, cv)
    assert first == second
    assert first.to_dict() == second.to_dict()


def test_checks_carry_margins_in_words_and_numbers(posting: Posting) -> None:
    s = score(posting, _resume("Python", years=(2021, 2023)))
    experience = next(c for c in s.checks if c.name == "experience")
    assert (experience.status, experience.detail, experience.margin) == ("fail", "3 of 5 years", -2.0)
    degree = next(c for c in s.checks if c.name == "degree")
    assert (degree.status, degree.detail, degree.margin) == ("pass", "bachelor >= bachelor", 0.0)


def test_unknown_is_never_a_fail(posting: Posting) -> None:
    s = score(posting, _resume("Python and SQL", years=None, degree=None))
    status = {c.name: c.status for c in s.checks}
    assert status == {"degree": "unknown", "experience": "unknown"}
    assert s.components["degree"] is None and s.components["experience"] is None
    # left out of the total (as if their weights were 0), not counted as zero
    unknown = _resume("Python and SQL", years=None, degree=None)
    without = score(posting, unknown, weights=Weights(degree=0, experience=0))
    assert s.total == without.total
    w = Weights()
    known_parts = {k: v for k, v in s.components.items() if v is not None}
    counted_as_zero = (
        100
        * sum(getattr(w, k) * v for k, v in known_parts.items())
        / sum(getattr(w, k) for k in s.components)
    )
    assert s.total > round(counted_as_zero, 1)


def test_knockouts_flag_but_keep_the_candidate(posting: Posting) -> None:
    junior = _resume("Python, SQL and Kafka", years=(2022, 2023))
    assert not score(posting, junior).knocked_out
    flagged = score(posting, junior, weights=Weights(knockouts=("experience",)))
    assert flagged.knocked_out and "Knocked out by: experience" in flagged.explain()
    assert flagged.total == score(posting, junior).total


def test_related_skill_credit_can_be_switched_off(posting: Posting) -> None:
    cv = _resume("Python, SQL, Kafka and MySQL")
    with_related = score(posting, cv)
    postgres = next(m for m in with_related.matched if m.skill == "PostgreSQL")
    assert (postgres.how, postgres.via, postgres.credit) == ("related", "MySQL", 0.5)
    assert "Related: MySQL for PostgreSQL" in with_related.explain()
    without = score(posting, cv, weights=Weights(related_credit=0))
    assert "PostgreSQL" in [m.skill for m in without.missing]
    assert without.total < with_related.total


def test_years_asked_for_a_skill_give_partial_credit(posting: Posting) -> None:
    cv = parse_resume_text(
        "EXPERIENCE\nData Engineer, Acme Inc, Jan 2016 - Dec 2023\nPython and SQL pipelines.\n"
        "Streaming Engineer, Beta LLC, Jan 2023 - Dec 2023\nKafka streams.\n",
        as_of=AS_OF,
    )
    kafka = next(m for m in score(posting, cv).matched if m.skill == "Kafka")
    assert kafka.how == "short_years" and kafka.credit == pytest.approx(1 / 3, abs=0.01)


def test_config_file_sets_weights(tmp_path: Path, posting: Posting) -> None:
    config = tmp_path / "matcher.toml"
    config.write_text(
        "[weights]\nskills = 1.0\nsimilarity = 0\nrole = 0\nhistory = 0\ndegree = 0\nexperience = 0\n"
        'knockouts = ["degree"]\n'
    )
    weights = Weights.from_toml(config)
    s = score(posting, _resume("Python, SQL and Kafka"), weights=weights)
    assert s.total == pytest.approx(100 * s.components["skills"], abs=0.1)
    assert weights.knockouts == ("degree",)


@pytest.mark.parametrize(
    "text",
    [
        '[weights]\nskills = "a lot"',
        "[weights]\nunknown = 1",
        '[weights]\nknockouts = ["height"]',
        "not toml [",
    ],
)
def test_bad_config_is_a_clear_error(text: str) -> None:
    with pytest.raises(InputError):
        Weights.from_toml_text(text)


def test_fit_ladder_ranks_in_order(posting: Posting) -> None:
    ladder = [
        _resume("Python, SQL, Kafka, PostgreSQL, Airflow and Kubernetes on AWS"),  # all skills
        _resume("Python and SQL"),  # half
        _resume("Excel and PowerPoint"),  # none
        _resume(
            "Python, SQL, Kafka, PostgreSQL, Airflow and Kubernetes on AWS",
            degree="High School Diploma, 2010",
        ),
        _resume("Python, SQL, Kafka, PostgreSQL, Airflow and Kubernetes on AWS", years=(2022, 2023)),
    ]
    totals = [score(posting, cv).total for cv in ladder]
    assert totals[0] > totals[1] > totals[2]
    assert totals[0] > totals[3] and totals[0] > totals[4]
    assert totals[3] > totals[2] and totals[4] > totals[2]


def test_batch_similarity_equals_one_by_one(posting: Posting) -> None:
    from matcher.scoring import similarities, similarity

    texts = ["Python and SQL pipelines", "Registered nurse", "Kafka streaming in Python", ""]
    batch = similarities(posting.text, texts)
    assert batch == [similarity(posting.text, t) for t in texts]


def test_packed_vectors_give_the_same_similarities_as_the_texts(posting: Posting) -> None:
    from pathlib import Path

    from matcher.resume import parse_resume
    from matcher.scoring import pack_vectors, similarities, similarities_of_vectors, unpack_vectors

    folder = Path(__file__).resolve().parent.parent / "data" / "examples" / "resumes"
    texts = [parse_resume(p).text for p in sorted(folder.glob("*.pdf")) if p.name != "locked-resume.pdf"]
    texts += ["", "zzzz qqqq"]  # no known term: an empty vector
    packed = pack_vectors(texts)
    assert [len(v) for v in packed[-2:]] == [0, 0] and all(packed[:-2])
    direct = similarities(posting.text, texts)
    assert any(s.score > 0 for s in direct)
    assert similarities_of_vectors(posting.text, unpack_vectors(packed)) == direct
