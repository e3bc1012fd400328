"""Keyword stuffing: a skill named far more often than the resume's length explains."""

from __future__ import annotations

import re
from collections.abc import Iterable

from matcher.records import IntegrityFinding, ResumeSkill

__all__ = ["STUFFING_MIN_COUNT", "keyword_stuffing", "stuffing_limit"]

#: A skill named fewer times than this is never stuffing, however short the resume.
STUFFING_MIN_COUNT = 10
#: Words of resume per further mention a skill may have before it counts as stuffing.
_WORDS_PER_MENTION = 40


def stuffing_limit(words: int) -> int:
    """The most mentions of one skill a resume of ``words`` words may hold before it is stuffing:
    ``STUFFING_MIN_COUNT`` plus one per 40 words (a 400-word resume: 20; 1,000 words: 35).

    Examples
    --------
    >>> stuffing_limit(400), stuffing_limit(1000)
    (20, 35)
    """
    return STUFFING_MIN_COUNT + words // _WORDS_PER_MENTION


def keyword_stuffing(text: str, skills: Iterable[ResumeSkill]) -> tuple[IntegrityFinding, ...]:
    """Findings for the skills named more often than :func:`stuffing_limit` allows for ``text``.

    Examples
    --------
    >>> from matcher.records import ResumeSkill
    >>> text = "Cook at a diner. " * 50
    >>> [f.kind for f in keyword_stuffing(text, [ResumeSkill("Python", "hard", "Python", 45)])]
    ['keyword_stuffing']
    >>> keyword_stuffing(text, [ResumeSkill("Python", "hard", "Python", 12)])
    ()
    """
    words = len(re.findall(r"\w+", text))
    limit = stuffing_limit(words)
    return tuple(
        IntegrityFinding(
            "keyword_stuffing",
            f"{skill.name} is named {skill.count} times in {words:,} words (more than {limit} is stuffing)",
            skill.evidence,
        )
        for skill in skills
        if skill.count > limit
    )
