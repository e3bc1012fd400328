"""Keeping thousands of ranked entries small: the text is dropped once scored, and the values they
all repeat (skill names, kinds, checks, the posting's missing skills) are held once."""

from __future__ import annotations

import dataclasses
import operator
import sys
from collections.abc import Callable
from typing import Any

from matcher.records import Resume, Score, SkillMatch

__all__ = ["Shared"]


def _text(value: str | None) -> str | None:
    return None if value is None else sys.intern(value)


class _Rebuild:
    """A copy of a record with some fields passed through functions: what ``dataclasses.replace``
    does, four times faster (it runs for every skill of every ranked resume)."""

    def __init__(self, cls: type, **change: Callable[[Any], Any]) -> None:
        fields = dataclasses.fields(cls)
        assert all(f.init for f in fields), cls  # every field is an argument, in this order
        names = [f.name for f in fields]
        self._cls = cls
        self._get = operator.attrgetter(*names)
        self._change = [(names.index(name), how) for name, how in change.items()]

    def __call__(self, record: Any) -> Any:
        values = list(self._get(record))
        same = True
        for index, how in self._change:
            value = values[index]
            values[index] = changed = how(value)
            same = same and changed is value
        # a record whose strings are shared already (read from the cache so) is kept as it is
        return record if same else self._cls(*values)


_TEXT_DROPPED = _Rebuild(Resume, text=lambda _: "")
_MATCH = _Rebuild(SkillMatch, skill=sys.intern, importance=sys.intern, how=sys.intern, via=_text)


class Shared:
    """Compact copies of resumes and scores (text dropped, repeated strings and values shared)."""

    def __init__(self) -> None:
        self._seen: dict[Any, Any] = {}

    def _one(self, value: Any) -> Any:
        return self._seen.setdefault(value, value)

    def resume(self, resume: Resume) -> Resume:
        """``resume`` without its text (its skills' strings are held once already: parse_all sees
        to it, see ``intern_skills``)."""
        return _TEXT_DROPPED(resume) if resume.text else resume

    def score(self, score: Score) -> Score:
        """``score`` with its checks, missing skills and matched skills' strings held once."""
        return dataclasses.replace(
            score,
            checks=tuple(self._one(c) for c in score.checks),
            matched=tuple(map(_MATCH, score.matched)),
            missing=tuple(self._one(m) for m in score.missing),
            top_terms=tuple(sys.intern(term) for term in score.top_terms),
        )
