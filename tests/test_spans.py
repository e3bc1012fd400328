"""The learned skill-span extractor (models/spans/, built by scripts/train_spans.py)."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
from pathlib import Path

from matcher.language import get_pipeline, learned_spans, link_span, load_taxonomy, text_doc

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "spans"
TRAIN = ROOT / "data" / "spans" / "train.jsonl.gz"


def _script() -> object:
    spec = importlib.util.spec_from_file_location("train_spans", ROOT / "scripts" / "train_spans.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_model_was_trained_from_the_committed_data_and_settings() -> None:
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))["matcher"]
    assert meta["train_sha256"] == hashlib.sha256(TRAIN.read_bytes()).hexdigest()
    assert meta["settings"] == _script().SETTINGS  # type: ignore[attr-defined]


def test_training_data_holds_the_three_sources_and_no_skillspan_test_split() -> None:
    lines = gzip.decompress(TRAIN.read_bytes()).decode("utf-8").splitlines()
    sources = {json.loads(line)["source"] for line in lines}
    assert sources == {"skillspan-house", "skillspan-tech", "green2022", "sayfullina"}
    assert len(lines) > 8000
    for line in lines[:500]:
        s = json.loads(line)
        assert all(
            0 <= a < b <= len(s["tokens"]) and lab in ("SKILL", "KNOWLEDGE") for a, b, lab in s["spans"]
        )


def test_model_is_small() -> None:
    size = sum(f.stat().st_size for f in MODEL.rglob("*") if f.is_file())
    assert size < 8_000_000


def test_link_span_strips_the_words_around_a_skill() -> None:
    taxonomy = load_taxonomy()
    assert taxonomy.skills[link_span("strong knowledge of SQL")].name == "SQL"
    assert taxonomy.skills[link_span("communication skills")].name == "communication"
    assert link_span("flying carpets") == ""


def test_extractor_marks_skills_no_list_holds_with_offsets_into_the_text() -> None:
    text = (
        "You have experience with stakeholder management and data manipulation in Python. "
        "You communicate clearly and work independently."
    )
    spans = learned_spans(text_doc(get_pipeline(), text))
    assert spans, "the extractor found nothing"
    for s in spans:
        assert text[s.start : s.end] == s.text and s.label in ("SKILL", "KNOWLEDGE")
    found = " | ".join(s.text.lower() for s in spans)
    assert "stakeholder management" in found
    assert learned_spans(text_doc(get_pipeline(), text)) == spans  # the same answer every time


def test_posting_keeps_a_learned_name_listed_beside_a_known_skill() -> None:
    from matcher import analyze_posting

    posting = analyze_posting("Requirements:\n- Experience with Azure Data Factory or Integration Services\n")
    by_name = {s.name: s for s in posting.skills}
    assert by_name["Azure Data Factory"].skill_id == "azure-data-factory"
    learned = by_name["Integration Services"]
    assert learned.skill_id.startswith("learned:") and learned.importance == "required"
    assert posting.to_dict()["skills"][1]["name"] == "Integration Services"
    # standing alone, or in a sentence that asks for nothing, the same words are no skill
    assert [s.name for s in analyze_posting("Requirements:\n- Integration Services\n").skills] == []
    assert analyze_posting("About us\nWe run Azure Data Factory or Integration Services.\n").skills == ()


def test_span_score_counts_exact_bounds_per_label_and_for_either_label() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [{"label": "KNOWLEDGE", "pattern": "Python"}, {"label": "SKILL", "pattern": "data analysis"}]
    )
    gold = [
        {
            "tokens": ["Experience", "in", "Python", "and", "data", "analysis"],
            "spans": [[2, 3, "KNOWLEDGE"], [4, 6, "KNOWLEDGE"]],
        },
        {"tokens": ["You", "write", "Python", "code"], "spans": [[1, 4, "SKILL"]]},
    ]
    counts = _script()._score(nlp, gold)  # type: ignore[attr-defined]
    assert counts == {"SKILL": [0, 1, 1], "KNOWLEDGE": [1, 1, 1], "any label": [2, 1, 1]}
