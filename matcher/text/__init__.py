"""Text clean-up shared by every stage: mojibake, glued words and sentences, token keys."""

from __future__ import annotations

from matcher.text._cleaning import fix_mojibake, prepare_text, split_glued
from matcher.text._tokens import token_key
from matcher.text._unglue import glued_words, unglue

__all__ = [
    "fix_mojibake",
    "glued_words",
    "prepare_text",
    "split_glued",
    "token_key",
    "unglue",
]
