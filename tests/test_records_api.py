"""Callers of the records written for the old API get an error or a warning, never a wrong answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher import Score, analyze_posting, rank


def test_the_old_positional_explanation_is_a_type_error_not_shared_terms() -> None:
    with pytest.raises(TypeError):
        Score(50.0, {"skills": 0.5}, (), (), (), False, "Score 50/100")  # type: ignore[misc]


def test_rank_entry_error_kind_still_answers_with_a_deprecation_warning(tmp_path: Path) -> None:
    (tmp_path / "cv.pdf").write_bytes(b"not a pdf")
    (entry,) = rank(analyze_posting("Requirements: Python"), [tmp_path], workers=0).entries
    with pytest.warns(DeprecationWarning):
        assert entry.error_kind == "unsupported"
    assert entry.failure is not None
    with pytest.warns(DeprecationWarning):
        assert entry.error_message == entry.failure.message
