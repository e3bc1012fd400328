"""Records: the explanations of the bundled example ranking stay exactly as they were."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from matcher import Ranking, analyze_posting_file, rank
from matcher.scoring import Weights

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "data" / "explanations-example.json"
WEIGHTS = {
    "default": None,
    "knockouts": Weights(knockouts=("degree", "experience", "certifications"), related_credit=0),
}


@pytest.fixture(scope="module")
def rankings() -> dict[str, Ranking]:
    posting = analyze_posting_file(ROOT / "data" / "examples" / "posting-ml-engineer.md")
    folder = ROOT / "data" / "examples" / "resumes"
    return {
        label: rank(posting, [folder], as_of=date(2026, 11, 1), weights=weights)
        for label, weights in WEIGHTS.items()
    }


def test_explanations_of_the_example_ranking_are_unchanged(rankings: dict[str, Ranking]) -> None:
    # tests/data/explanations-example.json was written by the code before explain() was computed
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    got = {
        label: {Path(e.path).name: e.score.explain() for e in ranking.entries if e.score is not None}
        for label, ranking in rankings.items()
    }
    assert got == golden
    assert any("Knocked out by: " in text for text in golden["knockouts"].values())
