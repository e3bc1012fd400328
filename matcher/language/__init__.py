"""The shared skill vocabulary and the spaCy pipeline that finds it: the taxonomy, ``spacy.blank("en")``
with our tokenizer and components, and the skill finder."""

from __future__ import annotations

from matcher.language._pipeline import (
    blank_pipeline,
    get_pipeline,
    make_doc,
    make_tokenizer,
)
from matcher.language._skill_finder import SPAN_KEY, SkillFinder, find_skill_spans
from matcher.language._taxonomy import (
    TAXONOMY_FILE,
    Pattern,
    Skill,
    Taxonomy,
    load_taxonomy,
    read_taxonomy,
)

__all__ = [
    "SPAN_KEY",
    "TAXONOMY_FILE",
    "Pattern",
    "Skill",
    "SkillFinder",
    "Taxonomy",
    "blank_pipeline",
    "find_skill_spans",
    "get_pipeline",
    "load_taxonomy",
    "make_doc",
    "make_tokenizer",
    "read_taxonomy",
]
