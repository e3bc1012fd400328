"""``score``: one resume against one posting, from weighted components and rule checks, explained."""

from __future__ import annotations

from matcher.scoring._packed import similarities_of_packed, vocabulary_terms
from matcher.scoring._score import score
from matcher.scoring._similarity import (
    IDF_FILE,
    VECTORIZER_SETTINGS,
    Similarity,
    load_vectorizer,
    pack_vectors,
    similarities,
    similarities_of_vectors,
    similarity,
    unpack_vectors,
)
from matcher.scoring._weights import Weights

__all__ = [
    "IDF_FILE",
    "VECTORIZER_SETTINGS",
    "Similarity",
    "Weights",
    "load_vectorizer",
    "pack_vectors",
    "score",
    "similarities",
    "similarities_of_packed",
    "similarities_of_vectors",
    "similarity",
    "unpack_vectors",
    "vocabulary_terms",
]
