"""Scoring a batch of parsed resumes for one ranking: each one's facts worked out for the day of the
ranking, checked for text copied from the posting, and scored with its TF-IDF similarity. The one
way a ranking scores, whether in the main process or in a scoring worker."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from matcher.errors import failure_of
from matcher.integrity import posting_copied
from matcher.records import Failure, Posting, Resume, Score
from matcher.scoring import Weights, pack_vectors, score, similarities_of_packed

__all__ = ["Scoring"]


@dataclass(frozen=True)
class Scoring:
    """What scoring a ranking's resumes needs: the posting, the weights, the day "Present" means,
    and the posting's packed TF-IDF vector."""

    posting: Posting
    weights: Weights
    day: date
    posting_vector: bytes

    def score_batch(
        self, batch: list[tuple[str, Resume, bytes | None]]
    ) -> Iterator[tuple[str, Resume, Score | None, Failure | None]]:
        """Each ``(path, resume, vector)`` as ``(path, resume worked out for the day, score,
        None)``, or ``(path, resume, None, failure)`` for a bug of ours on that one file. A vector
        of None is made here; the similarities come from one sparse matrix product."""
        from matcher.resume import resolve_dates

        made = iter(pack_vectors([resume.visible_text for _, resume, vector in batch if vector is None]))
        vectors = [next(made) if vector is None else vector for _, _, vector in batch]
        sims = similarities_of_packed(self.posting_vector, vectors)
        for (path, parsed, _), sim in zip(batch, sims, strict=True):
            try:
                resume = resolve_dates(parsed, self.day)
                copied = posting_copied(self.posting.text, resume.text)
                if copied:
                    resume = dataclasses.replace(resume, integrity=(*resume.integrity, *copied))
                result = score(self.posting, resume, weights=self.weights, similarity=sim)
            except Exception as exc:  # a bug on one file lists that file; the ranking goes on
                yield path, parsed, None, failure_of(exc, Path(path))
                continue
            yield path, resume, result, None
