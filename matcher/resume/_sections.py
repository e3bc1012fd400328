"""Resume text clean-up and sections: summary, experience, education, skills, ...

Headings come in every style: "EXPERIENCE", "Work Experience:", "Professional experience" with no
blank line after it, or run into the next word ("EDUCATIONMaster of..."). Resumes with no headings
at all get one ``body`` section. The headings and what kind of section each opens are data:
data/wordlists/resume_headings.txt.
"""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.facts import HeadingScanner, cut_sections, heading_lines
from matcher.records import Section
from matcher.text import fix_mojibake, heading_vocabulary

__all__ = ["clean_resume_text", "heading_of", "split_sections"]


@lru_cache(maxsize=1)
def _scanner() -> HeadingScanner:
    """The resume's headings (data/wordlists/resume_headings.txt)."""
    return HeadingScanner(heading_vocabulary("resume_headings"))


def clean_resume_text(text: str, *, fix_encoding: bool = True) -> str:
    """Repair mojibake and join the fragments pypdf writes on separate lines.

    livecareer-style exports put every field of an entry header on its own line, separated by lines
    holding one space ("Company Name\\n \\nJuly 2011\\n \\nto \\nNovember 2012"); they become one line.

    Examples
    --------
    >>> clean_resume_text("Company Name\\n \\nJuly 2011\\n \\nto \\nNovember 2012\\n \\nAccountant")
    'Company Name  July 2011  to November 2012  Accountant'
    """
    if fix_encoding:  # extract_text has done it already for files
        text = fix_mojibake(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    text = text.replace("\u200b", "").replace("\ufeff", "")
    text = _join_fields(text)
    # "10/2013  ï¼\n09/2013", "03/2006\nï¼\n03/2007": a full-width dash (or what is left of one)
    # between two dates, on the line of either or on its own
    text = _WIDE_DASH_RANGE.sub(r"\1 - ", text)
    text = re.sub(r"(\bto|\buntil|\bthrough|[-–—])[ \t]*\n[ \t]*(?=\S)", r"\1 ", text)  # "to \nNovember 2012"
    text = re.sub(
        r"(?:(?<![ \t])[ \t]++)?\n[ \t]*"
        r"(?=(?:to|-|–|—)\s+(?:(?:[A-Z][a-z]{2,8}\.?\s+|\d{1,2}/)?(?:19|20)\d\d\b|"
        r"(?:current|present|now)\b))",
        " ",
        text,
        flags=re.IGNORECASE,
    )
    return re.sub(r"(?<![ \t])[ \t]++$", "", text, flags=re.MULTILINE).strip()


_WIDE_DASH_RANGE = re.compile(
    r"\b((?:\d{1,2}/)?(?:19|20)\d\d)[ \t]*+\n?[ \t]*+(?:ï¼\x8d?|－)[ \t]*+\n?[ \t]*+"
    r"(?=(?:\d{1,2}/)?(?:19|20)\d\d\b|(?:current|present|now)\b)",
    re.IGNORECASE,
)
# A run of spaces is scanned from its first character only ("(?<![ \t])"), never again from each of
# the others: 40,000 spaces without a line break took 12 s (issue 17).
_FIELD_GAP = re.compile(r"(?:(?<![ \t])[ \t]++)?\n[ \t]++\n[ \t]*")


def _join_fields(text: str) -> str:
    """Join header fields that are split by lines holding only spaces, but never into a heading
    or after a long line (the end of a paragraph)."""
    parts = _FIELD_GAP.split(text)
    out = [parts[0]]
    for part in parts[1:]:
        last_line = out[-1].rsplit("\n", 1)[-1]
        first_line = part.split("\n", 1)[0]
        if len(last_line) <= 60 and heading_of(first_line) is None:
            out[-1] = f"{out[-1]}  {part}"
        else:
            out.append(part)
    return "\n".join(out)


def heading_of(line: str) -> tuple[str, str, int] | None:
    """Return (kind, heading, length) when ``line`` is a section heading (or starts with one run in).

    Examples
    --------
    >>> heading_of("WORK EXPERIENCE |"), heading_of("EDUCATIONMaster of Science")
    (('experience', 'WORK EXPERIENCE', 17), ('education', 'EDUCATION', 9))
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 60:
        return None
    m = _scanner().alone(stripped, lead=r"[\W_]", tail=r"[\s:\-–|_.]*", capitalised=True)
    if m is not None and stripped.endswith(f"{m.heading}."):
        return None  # a label ending a sentence among a job's bullets ("ACCOMPLISHMENTS."), no heading
    if m is None:
        m = _scanner().glued(stripped, min_length=5)
    return _joined(stripped) if m is None else (m.kind, m.heading, m.end)


_JOIN = re.compile(r"\s+(?:&|and|/)\s+|\s*/\s*", re.IGNORECASE)


def _joined(stripped: str) -> tuple[str, str, int] | None:
    """Two headings of one kind joined by "&", "and" or "/" ("Employment & Experience", "WORK
    HISTORY / EXPERIENCE") are that kind's heading; of two kinds ("Education & Experience"), none."""
    parts = _JOIN.split(stripped.rstrip(" :"))
    if len(parts) != 2:
        return None
    found = [_scanner().alone(p, lead=r"[\W_]", tail=r"[\s:\-–|_.]*", capitalised=True) for p in parts]
    if any(m is None or m.end < len(p) for m, p in zip(found, parts, strict=True)):
        return None
    kinds = {m.kind for m in found if m is not None}
    return (kinds.pop(), stripped.rstrip(" :"), len(stripped.rstrip(" :"))) if len(kinds) == 1 else None


# "Production Experience", "Product Specialist/FAS Experience", "Food and Beverage Industry Experience"
_QUALIFIED = re.compile(
    r"(?:[A-Z][\w&'./-]*\s+|(?:and|of|&|in)\s+){1,5}(?:Experience|EXPERIENCE)\s*:?",
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _qualified_experience(line: str, text: str, pos: int) -> tuple[str, str, int] | None:
    """A heading the resume names itself ("<what> Experience", capitalised, on its own line) opens
    work experience when a year stands within the next three lines, before any other heading: a job's
    dates under it. Without them it is an item of a list ("CRM Experience" above "Work History");
    volunteering is no work."""
    stripped = line.strip()
    if len(stripped) > 60 or not _QUALIFIED.fullmatch(stripped) or stripped.lower().startswith("volunteer"):
        return None
    after = pos + len(line)
    for below in text[after : after + 400].split("\n")[:3]:
        if heading_of(below) is not None:  # a heading of its own follows: this was a list's item
            return None
        if _YEAR.search(below):
            heading = stripped.rstrip(" :")
            return ("experience", heading, len(heading))
    return None


def split_sections(text: str) -> list[Section]:
    """Split cleaned resume text into sections; text before the first heading is ``header``.

    Examples
    --------
    >>> [s.kind for s in split_sections("Jane Doe\\nEXPERIENCE\\nDev 2019-2020\\nEducation:\\nBS 2018")]
    ['header', 'experience', 'education']
    """
    marks = [(0, "header", "")]
    for pos, line in heading_lines(text):
        found = heading_of(line) or _qualified_experience(line, text, pos)
        if found is not None:
            marks.append((pos, found[0], found[1]))
    sections = cut_sections(marks, len(text))
    if all(s.kind == "header" for s in sections):
        return [Section("body", "", 0, len(text))]
    return sections
