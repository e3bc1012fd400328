"""The school of an education entry: the first part of it that names one ("University of Bremen",
"Curry College"), by the words that name schools (data/wordlists/resume_history.txt)."""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.facts import find_degrees
from matcher.text import alternation, wordlist

__all__ = ["SEGMENTS", "institution", "institution_word"]

SEGMENTS = re.compile(r"\s{2,}|\t|\s*[|•·;]\s*|\s+[–—]\s+|ï¼")


@lru_cache(maxsize=1)
def institution_word() -> re.Pattern[str]:
    """Words naming a school ("University", "College"): data/wordlists/resume_history.txt."""
    words = alternation(wordlist("resume_history", "institutions"))
    return re.compile(rf"\b(?:{words})\w*", re.IGNORECASE)


def institution(block: list[str], before: str, field: str | None) -> str | None:
    """The first part of the entry that names a school: "University of Bremen", "Curry College"."""
    field_words = set((field or "").split())
    segments = [*SEGMENTS.split(before), *(p for line in block for p in SEGMENTS.split(line))]
    for part in (piece.strip(" :") for segment in segments for piece in segment.split(",")):
        degrees = [(s, e) for _, s, e in find_degrees(part)]
        m: re.Match[str] | None = next(
            (m for m in institution_word().finditer(part) if not any(s <= m.start() < e for s, e in degrees)),
            None,
        )
        high_school = re.search(r"\bHigh School\b", part, re.IGNORECASE)
        if m is None and high_school and part[: high_school.start()].strip():
            m = high_school
        if m is None:
            continue
        words = part.split()
        at = first = len(part[: m.start()].split())
        while (
            at > 0
            and first - at < 4
            and words[at - 1][:1].isupper()
            and words[at - 1].lower() not in field_words
        ):
            at -= 1  # "Curry College", "Grand Canyon University", not "Digital Media University"
        name = " ".join(words[at:]).strip(" ,:-")
        name = re.split(r"\s+(?:GPA|City)\b|\s+(?:19|20)\d\d\b", name)[0].strip(" ,")
        if len(name) > 3:
            return name
    return None
