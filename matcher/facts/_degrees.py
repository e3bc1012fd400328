"""Degree levels and fields, as written in postings and resumes ("BS/MS", "Master's or PhD").

Levels, lowest first: high_school < associate < bachelor < master < doctorate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from matcher.facts._fields import acronym_field, degree_abbreviations, listed_field, spelled_out
from matcher.records import DEGREE_LEVELS

__all__ = [
    "DegreeMention",
    "accepts_equivalent",
    "degree_name_field",
    "field_spans",
    "find_degrees",
    "find_fields",
    "level_rank",
]

# (level, pattern); patterns are matched case-sensitively where abbreviations need it.
_LEVEL_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "doctorate",
        r"\bJ\.D\.?(?![A-Za-z])|\bJuris Doctor|\bPh\.?\s?D\.?s?\b|\bPHD\b|\b[Dd]octora(?:te|l)\b|"
        r"\b[Dd]octor of\b|\bD\.?Sc\b|\bEd\.?D\b|\bPharm\.?D\b|\bM\.D\.(?![A-Za-z])"
        r"|\b(?:DNP|DPT|PsyD|DDS|DVM)\b",
    ),
    (
        "master",
        r"(?<![Ss]crum )(?<![Ss]crum-)(?<!SCRUM )\b(?:[Mm]aster|MASTER)'?[sS]?\b"
        r"(?! (?:[Dd]ata|[Cc]lass|[Pp]lan|[Cc]ard|[Ff]ile|[Rr]ecord|[Ss]cheduler?|[Bb]ranch))"
        r"|\bMasters?'\b|\bM\.S\.?\b|\bM\. S\b(?=\s*[:,(])"
        r"|\bMS(?:c|CS|EE)?\b(?![ -]?(?i:Office|Excel|Word|SQL|"  # "MS Word", "MS word": Microsoft's
        r"Teams|Project|Access|Dynamics|Azure|Visio|PowerPoint|Outlook|Windows|Exchange|Fabric|365|DOS))"
        r"|\bM\.\s?Sc\b\.?|\bM\.E\.(?![A-Za-z])|\bMBA\b|\bM(?:SN|PH|SW|FA|PA|Phil|Acc|HA|Arch)\b|\bLL\.?M\b"
        r"|\bM(?:\.\s?)?Eng\b\.?|\bM(?:\.\s?)?Ed\b\.?|\bM\.A\."
        r"|\b[Gg]raduate degree|\b[Aa]dvanced degree|\bpost-?graduate\b",
    ),
    (
        "bachelor",
        r"\b(?:[Bb]achelor|BACHELOR)'?[sS]?\b|\bB\.S\.?|\bB\. S\b(?=\s*[:,(])"
        r"|\bBS(?:c|CS|EE)?\b(?!&)|\bB\.\s?Sc\b\.?|\bBA\b"
        r"|\bB\.A\.?(?![A-Za-z])|\bB(?:\.\s?)?Tech\b\.?|\bB(?:\.\s?)?Eng\b\.?|\bB\.E\.(?![A-Za-z])|\bB\.?E(?=\s*[:,(]|\s+in\s+[A-Z])|\bBBA\b|\bB(?:SN|FA|SW|SBA|Ed|Com|Arch|Mus)\b"
        r"|\bLL\.?B\b|\b[Uu]ndergraduate degree|\b(?:4|four)[- ]year (?:college |university )?degree"
        r"|\b(?:[Uu]niversity|[Cc]ollege) degree",
    ),
    (
        "associate",
        r"\b(?:[Aa]ssociate|ASSOCIATE)'?[sS]? (?:[Dd]egree|DEGREE)"
        r"|\b(?i:associates?(?:'s)? (?:of|in) (?:applied )?(?:science|arts))"
        r"|\bAA\b|\bAAS\b|\bA\.A\.?S?\.?(?![A-Za-z])|\bA\.S\.(?![A-Za-z])|\b(?:2|two)[- ]year degree",
    ),
    (
        "high_school",
        r"\b[Hh]igh[- ][Ss]chool\b|\bGED\b|\bHS [Dd]iploma|\bH\.S\.?(?![A-Za-z])|\b[Ss]econdary school",
    ),
)
_COMPILED = tuple((level, re.compile(p)) for level, p in _LEVEL_PATTERNS)
# a plain abbreviation followed by a product's name is the product's maker: "MS Office", "MS SQL"
_PRODUCT = (
    r"(?![ -]?(?i:Office|Excel|Word|SQL|Teams|Project|Access|Dynamics|Azure|Visio|PowerPoint|Outlook"
    r"|Windows|Exchange|Fabric|365|DOS)\b)(?!&)"
)


def _forms(short: str, dotted_only: bool) -> list[str]:
    """The patterns of one listed abbreviation ("M.F.A"): plain "MFA" as listed; dotted "M.F.A."
    and, unless it is two lone letters (initials: "M. S"), spaced "M. F. A.", each as listed, in
    capitals and with later parts in lower case ("B.COM", "B.com")."""
    parts = short.split(".")
    spellings = {
        tuple(parts),
        tuple(p.upper() for p in parts),
        tuple(p.lower() if i and len(p) > 1 else p for i, p in enumerate(parts)),
    }
    out = (
        [] if dotted_only else [re.escape(short.replace(".", "")) + _PRODUCT]
    )  # as listed: not "MED", "March"
    for spelling in sorted(spellings):
        out.append(r"\.".join(map(re.escape, spelling)) + r"\.?")
        if len(parts) > 2 or any(len(p) > 1 for p in parts):
            out.append(r"\.\s".join(map(re.escape, spelling)) + r"\.?")
    return out


@lru_cache(maxsize=1)
def _listed() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One pattern for the listed abbreviations (longest first), and each one's level and field
    by its letters in capitals ("MFA" -> ("master", "fine arts"))."""
    listed = degree_abbreviations()
    forms = [f for short, (_, _, dotted) in listed.items() for f in _forms(short, dotted)]
    forms.sort(key=len, reverse=True)
    pattern = re.compile(
        r"(?<![A-Za-z.])(?:" + "|".join(forms) + r")(?![A-Za-z]|\.[A-Za-z])"
    )  # not the "A.S" of "A.S.A"
    by_letters = {
        short.replace(".", "").upper(): (level, field) for short, (level, field, _) in listed.items()
    }
    return pattern, by_letters


def degree_name_field(abbreviation: str) -> str | None:
    """The field a degree's abbreviation names ("M.F.A" -> fine arts), or None.

    Examples
    --------
    >>> degree_name_field("M.F.A."), degree_name_field("MBA"), degree_name_field("B.S.")
    ('fine arts', 'business administration', None)
    """
    found = _listed()[1].get(re.sub(r"[.\s]", "", abbreviation).upper())
    return found[1] or None if found else None


# "a degree in X" with no level named: read as a bachelor's (the usual meaning in postings)
_GENERIC = re.compile(
    r"\b(?:[Aa]cademic |[Rr]elevant |[Tt]echnical )?[Dd]egrees?\b(?=\s+(?:in|from|or|and)\b|\s*[,(/])"
)
_FIELD = re.compile(
    r"\b(?:(?i:degrees?|bachelor'?s?|master'?s?|doctorate)|BS|B\.S\.|MS|M\.S\.|Ph\.?D\.?|MSc|BSc|BA|MBA)\b"
    r"[^.;:]{0,40}?\bin\s+"
    r"(?:the\s+(?:field|area)s?\s+of\s+|a\s+|(?:a\s+)?(?:related|relevant|technical|quantitative)\s+"
    r"(?:field|discipline|area)s?\s*\(?(?:i\.e\.|e\.g\.|such as)?,?\s*)?"
    r"(?P<fields>[A-Za-z][A-Za-z ,/&-]{2,120})"
)
_FIELD_STOP = re.compile(
    r"\b(?:or (?:a )?(?:related|equivalent|similar|relevant)|related|equivalent|with|plus|and \d|preferred|"
    r"required|from|is|are|OR|experience)\b"
)
_FIELD_WORDS = re.compile(r"(?:(?<!\s)\s++)?(?:,|/|&|\bor\b|\band\b)\s*")  # linear on space runs
_MAX_NAME_PARTS = 4  # "fashion, interior and industrial design"
_EQUIVALENT = re.compile(
    r"\bequivalent (?:work |industry |practical |professional |relevant )?(?:experience|combination)|"
    r"\bor equivalent\b|\bin lieu of\b|\bor (?:relevant|comparable) (?:work |industry )?experience|"
    r"\bdegree or experience\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DegreeMention:
    """Degree levels named in one stretch of text, lowest first.

    Examples
    --------
    >>> text = "BS/MS in Computer Science"
    >>> hits = find_degrees(text)
    >>> mention = DegreeMention(tuple(h[0] for h in hits), hits[0][1], hits[-1][2])
    >>> mention.levels, text[mention.start : mention.end]
    (('bachelor', 'master'), 'BS/MS')
    """

    levels: tuple[str, ...]
    start: int
    end: int


def level_rank(level: str | None) -> int:
    """Return the position of ``level`` in DEGREE_LEVELS (-1 for None or unknown).

    Examples
    --------
    >>> level_rank("master") > level_rank("bachelor")
    True
    """
    return DEGREE_LEVELS.index(level) if level in DEGREE_LEVELS else -1


# the last letter of a lower-case word run into the capitals after it ("experienceBS/MS", a
# posting's text with its line breaks lost); "PhD", "MSc", "iOS" and "macOS" stay as they are
_RUN_INTO = re.compile(r"(?<=[a-z]{2})[a-z](?=[A-Z]{2})")


def find_degrees(text: str) -> list[tuple[str, int, int]]:
    """Return every degree level named in ``text`` as (level, start, end), in text order.

    Examples
    --------
    >>> [d[0] for d in find_degrees("BS/MS in Computer Science; PhD preferred")]
    ['bachelor', 'master', 'doctorate']
    >>> [d[0] for d in find_degrees("M.F.A : 1972, B.B.A, BAS : Management")]
    ['master', 'bachelor', 'bachelor']
    """
    hits: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    listed, by_letters = _listed()
    text = _RUN_INTO.sub(" ", text)  # "experienceBS/MS": read from the capitals, offsets kept
    for m in listed.finditer(text):  # the listed abbreviations first: "M.B.A" is no "B.A"
        hits.append((by_letters[re.sub(r"[.\s]", "", m.group(0)).upper()][0], m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for level, pattern in _COMPILED:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            hits.append((level, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in _GENERIC.finditer(text):
        if not any(s <= m.start() < e + 40 for s, e in taken):
            hits.append(("bachelor", m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(hits, key=lambda h: h[1])


def field_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of degree-field phrases ("in Computer Science or Statistics"),
    so that the fields of a degree are not also reported as skills.

    Examples
    --------
    >>> text = "BS in Computer Science or Statistics preferred"
    >>> [text[start:end].strip() for start, end in field_spans(text)]
    ['Computer Science or Statistics']
    """
    spans = []
    for m in _FIELD.finditer(text):
        chunk = m.group("fields")
        stop = _FIELD_STOP.search(chunk)
        end = m.start("fields") + (stop.start() if stop else len(chunk))
        spans.append((m.start("fields"), end))
    return spans


def find_fields(text: str) -> tuple[str, ...]:
    """Return the fields of study a degree phrase names ("degree in CS or Statistics").

    Examples
    --------
    >>> find_fields("BS in Computer Science, Statistics or a related field")
    ('computer science', 'statistics')
    """
    fields: list[str] = []
    for m in _FIELD.finditer(text):
        chunk = m.group("fields")
        stop = _FIELD_STOP.search(chunk)
        if stop:
            chunk = chunk[: stop.start()]
        for field in _listed_parts(chunk):
            if field not in fields:
                fields.append(field)
    return tuple(fields)


def _listed_parts(chunk: str) -> list[str]:
    """The fields of a list ("Math, IT or Physics"): split at commas, slashes, "or" and "and",
    except inside a field name of the list ("Industrial and Organizational Psychology", longest
    first); an abbreviation of a field is read as the field ("IT")."""
    parts: list[str] = []
    joiners: list[str] = []  # joiners[k] stands between parts[k] and parts[k + 1]
    at = 0
    for sep in _FIELD_WORDS.finditer(chunk):
        parts.append(chunk[at : sep.start()])
        joiners.append(sep.group(0).strip())
        at = sep.end()
    parts.append(chunk[at:])
    out: list[str] = []
    i = 0
    while i < len(parts):
        j, name = i, None
        for j in range(min(len(parts), i + _MAX_NAME_PARTS) - 1, i, -1):
            joined = "".join(f"{parts[k]} {joiners[k]} " for k in range(i, j)) + parts[j]
            name = listed_field(joined.strip(" -"))
            if name is not None:
                break
        if name is None:
            j, name = i, _one_field(parts[i])
        if name is not None:
            out.append(name)
        i = j + 1
    return out


def _one_field(part: str) -> str | None:
    word = part.strip(" -")
    acronym = acronym_field(word)
    if acronym is not None:
        return acronym
    low = word.lower()
    if 2 < len(low) <= 40 and low not in ("a", "the", "field", "fields", "any"):
        return spelled_out(low)  # "math" -> "mathematics", as a resume's field is read
    return None


def accepts_equivalent(text: str) -> bool:
    """True when the text accepts equivalent experience instead of the degree.

    Examples
    --------
    >>> accepts_equivalent("BS in Computer Science or equivalent experience")
    True
    >>> accepts_equivalent("BS in Computer Science required")
    False
    """
    return bool(_EQUIVALENT.search(text))
