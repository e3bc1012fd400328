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

__all__ = [
    "VECTORIZER_SETTINGS",
    "Similarity",
    "load_vectorizer",
    "pack_vectors",
    "similarities",
    "similarities_of_vectors",
    "similarity",
    "unpack_vectors",
]

#: TfidfVectorizer settings shared by the build and the runtime (sublinear tf, word 1-2 grams,
#: English stop words).
VECTORIZER_SETTINGS: dict[str, Any] = {
    "lowercase": True,
    "ngram_range": [1, 2],
    "stop_words": "english",
    "sublinear_tf": True,
    "strip_accents": "unicode",
}
IDF_FILE = "idf.json"


@dataclass(frozen=True, slots=True)
class Similarity:
    """Cosine similarity of two texts and the shared terms that contributed most.

    Examples
    --------
    >>> s = similarity("Python developer wanted", "Python developer")
    >>> s.top_terms, 0 < s.score < 1
    (('python', 'developer'), True)
    """

    score: float
    top_terms: tuple[str, ...]


@lru_cache(maxsize=1)
def load_vectorizer() -> Any:
    """A TfidfVectorizer with the background vocabulary and IDF weights fixed (built once).

    Examples
    --------
    >>> vectorizer = load_vectorizer()
    >>> vectorizer.ngram_range, vectorizer.sublinear_tf, load_vectorizer() is vectorizer
    ((1, 2), True, True)
    >>> vectorizer.transform(["Python developer"]).shape == (1, len(vectorizer.vocabulary_))
    True
    """
    import numpy
    from sklearn.feature_extraction.text import TfidfVectorizer

    from matcher._models import model_dir

    path = model_dir() / IDF_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError(f"IDF model not found at {path}; rebuild it with scripts/build_idf.py") from exc
    settings = dict(data["settings"])
    settings["ngram_range"] = tuple(settings["ngram_range"])
    vectorizer = TfidfVectorizer(vocabulary={t: i for i, t in enumerate(data["terms"])}, **settings)
    vectorizer.idf_ = numpy.asarray(data["idf"], dtype=numpy.float64)
    return vectorizer


@lru_cache(maxsize=1)
def _terms() -> Any:
    """The vocabulary in index order (scikit-learn sorts it anew on every call)."""
    return load_vectorizer().get_feature_names_out()


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
    return similarities_of_vectors(posting_text, load_vectorizer().transform(resume_texts), top=top)


def pack_vectors(resume_texts: list[str]) -> list[bytes]:
    """Each text's TF-IDF vector as bytes (term indices, then weights), for a cache to keep: a
    re-rank then skips tokenising the text again, the costliest step of scoring a cached resume.

    Examples
    --------
    >>> packed = pack_vectors(["Python developer", "Python"])
    >>> [len(item) // 12 for item in packed]  # terms per text: a 4-byte index and an 8-byte weight each
    [2, 1]
    """
    import numpy

    if not resume_texts:
        return []
    matrix = load_vectorizer().transform(resume_texts)
    out = []
    for i in range(matrix.shape[0]):
        start, end = matrix.indptr[i], matrix.indptr[i + 1]
        indices = numpy.asarray(matrix.indices[start:end], dtype="<i4")
        weights = numpy.asarray(matrix.data[start:end], dtype="<f8")
        out.append(indices.tobytes() + weights.tobytes())
    return out


def unpack_vectors(packed: list[bytes]) -> Any:
    """The sparse matrix (one row per item) of vectors from :func:`pack_vectors`.

    Examples
    --------
    >>> texts = ["Python developer", "Python"]
    >>> matrix = unpack_vectors(pack_vectors(texts))
    >>> matrix.shape[0], float(abs(matrix - load_vectorizer().transform(texts)).max())
    (2, 0.0)
    """
    import numpy
    from scipy.sparse import csr_matrix

    counts = [len(item) // 12 for item in packed]
    indptr = numpy.zeros(len(packed) + 1, dtype=numpy.int64)
    numpy.cumsum(counts, out=indptr[1:])
    indices = numpy.concatenate(
        [numpy.frombuffer(item, dtype="<i4", count=n) for item, n in zip(packed, counts, strict=True)]
        or [numpy.zeros(0, dtype="<i4")]
    )
    weights = numpy.concatenate(
        [numpy.frombuffer(item, dtype="<f8", offset=4 * n) for item, n in zip(packed, counts, strict=True)]
        or [numpy.zeros(0, dtype="<f8")]
    )
    size = len(load_vectorizer().vocabulary_)
    return csr_matrix((weights, indices, indptr), shape=(len(packed), size))


def similarities_of_vectors(posting_text: str, resumes: Any, *, top: int = 5) -> list[Similarity]:
    """:func:`similarities` for resumes already vectorised (a sparse matrix, one row each, from
    the vectorizer or :func:`unpack_vectors`).

    Examples
    --------
    >>> posting, texts = "Python developer wanted", ["Python developer", "Registered nurse"]
    >>> cached = unpack_vectors(pack_vectors(texts))  # as a cache keeps them
    >>> [s.score > 0 for s in similarities_of_vectors(posting, cached)]
    [True, False]
    >>> similarities_of_vectors(posting, cached) == similarities(posting, texts)
    True
    """
    vectorizer = load_vectorizer()
    posting = vectorizer.transform([posting_text])
    contributions = resumes.multiply(posting).tocsr()  # row i: per-term products for resume i
    terms = _terms()
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
