"""Text clean-up shared by every stage: mojibake, glued words and sentences, token keys; the word
lists of models/wordlists.json."""

from __future__ import annotations

from matcher.text._cleaning import fix_mojibake, prepare_text, split_glued
from matcher.text._tokens import token_key
from matcher.text._unglue import english_words, glued_words, unglue
from matcher.text._wordlists import WORDLISTS_FILE, alternation, heading_vocabulary, load_wordlists, wordlist

__all__ = [
    "WORDLISTS_FILE",
    "alternation",
    "english_words",
    "fix_mojibake",
    "glued_words",
    "heading_vocabulary",
    "load_wordlists",
    "prepare_text",
    "split_glued",
    "token_key",
    "unglue",
    "wordlist",
]
