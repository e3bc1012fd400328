"""Years of experience as postings state them: "5+ years", "3-5 years", "at least two years",
"minimum of 2 yrs", "three (3) years". A placeholder ("[x] years", "X+ years") is unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["YearsMention", "find_years"]

_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "a": 1,
    "an": 1,
}
_NUM = r"(?:\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_PLACEHOLDER_NUM = r"(?:\[\s*[a-zA-Z#_ ]{1,10}\s*\]|\b[xX]{1,2}\b|\bN\b|(?<!_)_++|(?<!\?)\?++)"
_YEARS = r"(?:years?|yrs?\.?)"
# whitespace is taken possessively ("\s*+") and runs of "_" or "?" from their first character, so
# a number followed by a long run of spaces is no longer tried at every split of it (issue 17)
_RANGE = re.compile(
    rf"(?P<lo>{_NUM})(?:\s*+\(\d+\))?\s*+\+?\s*+(?:-|–|—|to)\s*+(?P<hi>{_NUM})\s*+\+?\s*+{_YEARS}",
    re.IGNORECASE,
)
_SINGLE = re.compile(
    rf"(?P<n>{_NUM})(?:\s*+\(\d+\))?\s*+(?P<plus>\+|or more|plus)?\s*+{_YEARS}", re.IGNORECASE
)
_PLACEHOLDER = re.compile(rf"{_PLACEHOLDER_NUM}\s*+\+?\s*+{_YEARS}", re.IGNORECASE)
# what must follow (or precede) the number for it to be about experience
_EXPERIENCE_AFTER = re.compile(
    r"^\s*(?:of|'|’|in|with|working|experience|hands-on|professional|industry|relevant|related|"
    r"progressive|proven|practical|post|using|building|developing|doing|as|leading|managing|\(|\+|"
    r"or (?:more|longer)|minimum|at least|combined|total|overall|exp\b)",
    re.IGNORECASE,
)
_NOT_EXPERIENCE = re.compile(
    r"^\s*(?:old|of age|ago|thereafter|from now|contract|term|warranty|in business|in a row|running|"
    r"extendable|fixed|of (?:service|operation|history|growth|age)|anniversary)",
    re.IGNORECASE,
)
_BEFORE_NOT = re.compile(
    r"(?:within|every|after|for the (?:first|next|last)|over the (?:past|last|next)|"
    r"in (?:the )?(?:next|past|last)|founded|since|than)\s*$",
    re.IGNORECASE,
)

# "Most of our sales organization has been at Acme for 7-15+ years", "have been in business for
# over 30 years": how long the employer or its staff have been at it; "you have been" is the candidate
_TENURE = re.compile(
    r"\b(?<!you )(?:has|have)\s+been\b[^.;*\n]{0,40}\bfor\s+"
    r"(?:over|more than|nearly|almost|about)?\s*(?:\d{1,2}\s*[-–]\s*)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class YearsMention:
    """One "N years" phrase about experience; ``years`` is None for a placeholder.

    Examples
    --------
    >>> text = "At least 5+ years of Python experience"
    >>> mention = find_years(text)[0]
    >>> mention.years, text[mention.start : mention.end]
    (5.0, '5+ years')
    """

    years: float | None
    start: int
    end: int


def _number(text: str) -> float:
    low = text.lower()
    return float(_WORDS[low]) if low in _WORDS else float(low)


def find_years(text: str) -> list[YearsMention]:
    """Return the years-of-experience phrases in ``text``, in order.

    Examples
    --------
    >>> [m.years for m in find_years("3-5 years of Python; at least two years in SQL")]
    [3.0, 2.0]
    >>> [m.years for m in find_years("[x] years of experience")]
    [None]
    """
    found: list[YearsMention] = []
    taken: set[int] = set()  # every character of a phrase already taken: linear in the phrases

    def add(value: float | None, start: int, end: int) -> None:
        if not taken.isdisjoint(range(start, end)):
            return
        before = text[max(0, start - 25) : start]
        after = text[end : end + 30]
        if _BEFORE_NOT.search(before) or _NOT_EXPERIENCE.match(after):
            return
        if _TENURE.search(text[max(0, start - 60) : start]):
            return
        near = text[max(0, start - 60) : end + 80].lower()
        if not (_EXPERIENCE_AFTER.match(after) or "experience" in near):
            return
        taken.update(range(start, end))
        found.append(YearsMention(value, start, end))

    for m in _PLACEHOLDER.finditer(text):
        add(None, m.start(), m.end())
    for m in _RANGE.finditer(text):
        add(_number(m.group("lo")), m.start(), m.end())
    for m in _SINGLE.finditer(text):
        word = m.group("n").lower()
        if word in ("a", "an"):
            continue
        add(_number(m.group("n")), m.start(), m.end())
    return sorted(found, key=lambda y: y.start)
