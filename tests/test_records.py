"""Records: read-only score components that still copy and pickle; the explanations of the
bundled example ranking stay exactly as they were."""

from __future__ import annotations

import copy
import dataclasses
import json
import multiprocessing
import pickle
from datetime import date
from pathlib import Path
from types import MappingProxyType

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


def test_score_components_are_read_only_and_a_score_copies_and_pickles(rankings: dict[str, Ranking]) -> None:
    s = rankings["default"].entries[0].score
    assert s is not None
    with pytest.raises(TypeError):
        s.components["skills"] = 1.0  # type: ignore[index]
    assert isinstance(s.components, MappingProxyType)
    given = {"skills": 0.5, "similarity": None}
    other = dataclasses.replace(s, components=given)
    given["skills"] = 1.0  # the Score holds its own copy
    assert other.components == {"skills": 0.5, "similarity": None} and other != s
    assert dataclasses.replace(s) == s and dataclasses.replace(s).to_dict() == s.to_dict()
    for clone in (copy.copy(s), copy.deepcopy(s), pickle.loads(pickle.dumps(s))):
        assert clone == s and clone.explain() == s.explain()
        assert isinstance(clone.components, MappingProxyType)
        assert json.dumps(clone.to_dict()) == json.dumps(s.to_dict())


def test_scores_cross_process_boundaries(rankings: dict[str, Ranking]) -> None:
    scores = [e.score for e in rankings["knockouts"].entries if e.score is not None]
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        back = pool.map(_same, scores)
    assert back == scores and [s.explain() for s in back] == [s.explain() for s in scores]


def _same(value: object) -> object:
    return value


def test_explain_is_computed_from_the_fields(rankings: dict[str, Ranking]) -> None:
    s = next(e.score for e in rankings["knockouts"].entries if e.score is not None and e.score.knocked_out)
    assert s.knockouts == ("degree", "experience", "certifications")
    assert "Knocked out by: " in s.explain()
    kept = dataclasses.replace(s, knocked_out=False, top_terms=())
    assert "Knocked out by" not in kept.explain() and "Shared terms" not in kept.explain()
    assert kept.explain() == "\n".join(
        line for line in s.explain().splitlines() if not line.startswith(("Knocked", "Shared"))
    )
    with pytest.deprecated_call():
        assert s.explanation == s.explain()
