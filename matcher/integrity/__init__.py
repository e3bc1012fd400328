"""Resume integrity beyond what extraction finds: keyword stuffing (a skill named far more often
than the resume's length explains) and a posting's own sentences copied into the resume.

Hidden, tiny and off-page text are found while a PDF is read (``matcher.extract``); every
finding is an :class:`matcher.records.IntegrityFinding` in ``Resume.integrity``."""

from __future__ import annotations

from matcher.integrity._copied import copied_run, posting_copied
from matcher.integrity._stuffing import STUFFING_MIN_COUNT, keyword_stuffing, stuffing_limit

__all__ = ["STUFFING_MIN_COUNT", "copied_run", "keyword_stuffing", "posting_copied", "stuffing_limit"]
