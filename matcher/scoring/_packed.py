"""TF-IDF similarity of packed vectors (:func:`matcher.scoring.pack_vectors`) with numpy alone: a
re-rank of cached resumes loads neither scikit-learn nor SciPy, and a cold ranking scores its
freshly packed vectors through the same code, so both give the same bytes."""

from __future__ import annotations

import json
from functools import lru_cache

from matcher.errors import ModelError
from matcher.scoring._similarity import IDF_FILE, Similarity

__all__ = ["similarities_of_packed", "vocabulary_terms"]


@lru_cache(maxsize=1)
def vocabulary_terms() -> tuple[str, ...]:
    """The background vocabulary's terms in index order (the IDF model's ``terms``).

    Words and two-word phrases, sorted; a term's place is its column in a packed vector.

    Examples
    --------
    >>> terms = vocabulary_terms()
    >>> "python" in terms, "machine learning" in terms, terms == tuple(sorted(terms))
    (True, True, True)
    """
    from matcher._models import model_dir

    path = model_dir() / IDF_FILE
    try:
        return tuple(json.loads(path.read_text(encoding="utf-8"))["terms"])
    except FileNotFoundError as exc:
        raise ModelError(f"IDF model not found at {path}; rebuild it with scripts/build_idf.py") from exc


def similarities_of_packed(posting: bytes, resumes: list[bytes], *, top: int = 5) -> list[Similarity]:
    """The TF-IDF cosine of a posting's packed vector to each resume's (0 to 1, the vectors are
    L2-normalised), with the ``top`` shared terms that contributed most (ties by term index): what
    :func:`matcher.scoring.similarities` gives for the texts.

    Examples
    --------
    >>> from matcher.scoring import pack_vectors, similarity
    >>> job, cv = pack_vectors(["Python developer for data pipelines", "Built data pipelines in Python"])
    >>> (packed,) = similarities_of_packed(job, [cv])
    >>> direct = similarity("Python developer for data pipelines", "Built data pipelines in Python")
    >>> packed.score == direct.score and packed.top_terms == direct.top_terms
    True
    """
    import numpy

    terms = vocabulary_terms()
    dense = numpy.zeros(len(terms), dtype="<f8")
    count = len(posting) // 12
    dense[numpy.frombuffer(posting, dtype="<i4", count=count)] = numpy.frombuffer(
        posting, dtype="<f8", offset=4 * count
    )
    if not resumes:
        return []
    # every resume's terms in one array, so the products, sums and orderings are a few numpy calls
    counts = [len(packed) // 12 for packed in resumes]
    indices = numpy.concatenate(
        [numpy.frombuffer(packed, dtype="<i4", count=n) for packed, n in zip(resumes, counts, strict=True)]
    )
    weights = numpy.concatenate(
        [numpy.frombuffer(p, dtype="<f8", offset=4 * n) for p, n in zip(resumes, counts, strict=True)]
    )
    rows = numpy.repeat(numpy.arange(len(resumes)), counts)
    products = weights * dense[indices]
    shared = products != 0
    products, indices, rows = products[shared], indices[shared], rows[shared]
    scores = numpy.bincount(rows, weights=products, minlength=len(resumes)).tolist()
    order = numpy.lexsort((indices, -products, rows))  # by resume, then contribution, then term
    ranked = indices[order].tolist()
    bounds = numpy.searchsorted(rows[order], numpy.arange(len(resumes) + 1)).tolist()
    out = []
    for row, score in enumerate(scores):
        if not score:
            out.append(Similarity(0.0, ()))
            continue
        start = bounds[row]
        best = ranked[start : min(start + top, bounds[row + 1])]
        out.append(Similarity(round(score, 6), tuple(terms[j] for j in best)))
    return out
