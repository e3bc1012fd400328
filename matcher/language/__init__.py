"""The shared skill vocabulary and the spaCy pipeline that finds it: the taxonomy, ``spacy.blank("en")``
with our tokenizer and components, and the skill finder."""

from __future__ import annotations

from matcher.language._pipeline import (
    MAX_TEXT_LENGTH,
    blank_pipeline,
    get_pipeline,
    make_doc,
    make_tokenizer,
    text_doc,
)
from matcher.language._skill_finder import SPAN_KEY, SkillFinder, find_skill_spans
from matcher.language._spans import (
    SPANS_MODEL,
    LearnedSpan,
    learned_spans,
    link_span,
    load_span_model,
    well_formed,
)
from matcher.language._taxonomy import (
    TAXONOMY_FILE,
    Pattern,
    Skill,
    Taxonomy,
    load_taxonomy,
    read_taxonomy,
    skill_word_keys,
)

__all__ = [
    "MAX_TEXT_LENGTH",
    "SPANS_MODEL",
    "SPAN_KEY",
    "TAXONOMY_FILE",
    "LearnedSpan",
    "Pattern",
    "Skill",
    "SkillFinder",
    "Taxonomy",
    "blank_pipeline",
    "find_skill_spans",
    "get_pipeline",
    "learned_spans",
    "link_span",
    "load_span_model",
    "load_taxonomy",
    "make_doc",
    "make_tokenizer",
    "read_taxonomy",
    "skill_word_keys",
    "text_doc",
    "well_formed",
]
