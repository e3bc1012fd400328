"""Text similarity: TF-IDF cosine (scikit-learn) with a fixed background IDF from models/.

The IDF is learned once from a shipped corpus of real postings (``scripts/build_idf.py``), never
from the resumes being ranked, so one resume's score does not depend on the others in the folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from matcher.errors import ModelError

__all__ = ["VECTORIZER_SETTINGS", "Similarity", "load_vectorizer", "similarities", "similarity"]

#: TfidfVectorizer settings shared by the build and the runtime (sublinear tf, word 1-2 grams,
#: English stop words).
VECTORIZER_SETTINGS: dict[str, Any] = {
    "lowercase": True,
    "ngram_range": [1, 2],
    "stop_words": "english",
    "sublinear_tf": True,
    "strip_accents": "unicode",
}
MODEL_NAME = "idf.json"


@dataclass(frozen=True, slots=True)
class Similarity:
    """Cosine similarity of two texts and the shared terms that contributed most."""

    score: float
    top_terms: tuple[str, ...]


@lru_cache(maxsize=1)
def load_vectorizer() -> Any:
    """A TfidfVectorizer with the background vocabulary and IDF weights fixed (built once)."""
    import numpy
    from sklearn.feature_extraction.text import TfidfVectorizer

    from matcher.taxonomy import model_dir

    path = model_dir() / MODEL_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError(f"IDF model not found at {path}; rebuild it with scripts/build_idf.py") from exc
    settings = dict(data["settings"])
    settings["ngram_range"] = tuple(settings["ngram_range"])
    vectorizer = TfidfVectorizer(vocabulary={t: i for i, t in enumerate(data["terms"])}, **settings)
    vectorizer.idf_ = numpy.asarray(data["idf"], dtype=numpy.float64)
    return vectorizer


def similarity(posting_text: str, resume_text: str, *, top: int = 5) -> Similarity:
    """TF-IDF cosine of two texts (0 to 1), with the terms that contributed most.

    Examples
    --------
    >>> s = similarity("Python developer for data pipelines", "Built data pipelines in Python")
    >>> round(s.score, 2) > 0.3, "pipelines" in s.top_terms or "data pipelines" in s.top_terms
    (True, True)
    >>> similarity("Python developer", "Registered nurse, patient care").score
    0.0
    """
    return similarities(posting_text, [resume_text], top=top)[0]


def similarities(posting_text: str, resume_texts: list[str], *, top: int = 5) -> list[Similarity]:
    """:func:`similarity` of one posting to many resumes: one vectorisation of the batch and one
    sparse matrix product; each result is identical to the one-by-one call.

    Examples
    --------
    >>> [s.score > 0 for s in similarities("Python developer", ["Python", "Nursing", "Python SQL"])]
    [True, False, True]
    """
    vectorizer = load_vectorizer()
    posting = vectorizer.transform([posting_text])
    resumes = vectorizer.transform(resume_texts)
    contributions = resumes.multiply(posting).tocsr()  # row i: per-term products for resume i
    terms = vectorizer.get_feature_names_out()
    out = []
    for i in range(contributions.shape[0]):
        row = contributions.getrow(i)
        score = float(row.sum())
        if not score:
            out.append(Similarity(0.0, ()))
            continue
        pairs = sorted(zip(row.data, row.indices, strict=True), key=lambda p: (-p[0], p[1]))
        out.append(Similarity(round(score, 6), tuple(str(terms[j]) for _, j in pairs[:top])))
    return out
