"""``score``: one resume against one posting, from weighted components and rule checks, explained."""

from __future__ import annotations

from matcher.scoring._packed import similarities_of_packed, vocabulary_terms
from matcher.scoring._role import (
    TITLES_FILE,
    RoleMatch,
    occupations_of,
    resume_titles,
    role_match,
    title_key,
)
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
from matcher.scoring._weights import COMPONENTS, Weights

__all__ = [
    "COMPONENTS",
    "IDF_FILE",
    "TITLES_FILE",
    "VECTORIZER_SETTINGS",
    "RoleMatch",
    "Similarity",
    "Weights",
    "load_vectorizer",
    "occupations_of",
    "pack_vectors",
    "resume_titles",
    "role_match",
    "score",
    "similarities",
    "similarities_of_packed",
    "similarities_of_vectors",
    "similarity",
    "title_key",
    "unpack_vectors",
    "vocabulary_terms",
]
