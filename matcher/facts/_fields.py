"""Fields of study: the words a degree's field is made of, from ``models/fields.json``.

The vocabulary is built by scripts/build_fields.py from the ISCED-F fields of education and
training (as ESCO publishes them, with the knowledge concepts filed under them) and the project's
list of majors, minus words of places and schools. A field is the longest run of such words, so
"Digital Media University of Bremen" is "digital media" and "Texas" is no field at all. An
abbreviation that stands for a whole field ("IT", "EE") is read as that field, and the field names
of the list that contain "and" ("industrial and organizational psychology") are known whole.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import NamedTuple

from matcher._models import model_dir
from matcher.errors import ModelError

__all__ = [
    "FIELDS_FILE",
    "acronym_field",
    "degree_abbreviations",
    "field_of_study",
    "is_field_word",
    "known_whole",
    "listed_field",
    "spelled_out",
]

FIELDS_FILE = "fields.json"
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.]*|&|/|,|-|\S")
_JOINERS = frozenset({"and", "&", "of", "/", ",", "-"})
# words that may open a field phrase without being part of it ("Degree : Cognitive Science")
_LEADING = frozenset(
    {"in", "of", "the", "degree", "major", "majors", "majoring", "majored", "concentration", "specialization",
     "emphasis", "field", "studies", "studied", "study", ":", ",", "-", "(", "–", "—", "a", "with"}
)  # fmt: skip
_MAX_WORDS = 7
# the adjective of a field word: "educational" (education), "metallurgical" (metallurgy, physics)
_ADJECTIVES = (("ional", "ion"), ("ical", "y"), ("ical", "ics"))
_MINOR = frozenset({"minor", "concentration", "emphasis", "certificate"})


class _Vocabulary(NamedTuple):
    words: frozenset[str]
    abbreviations: dict[str, str]  # "mgt" -> "management"
    acronyms: dict[str, str]  # "IT" -> "information technology", case-sensitive
    names: frozenset[str]  # field names with "and" in them, as build_fields.field_name_key writes them
    whole: frozenset[str]  # the other field names of two words or more
    degrees: dict[str, tuple[str, str, bool]]  # "M.F.A" -> (level, the field its name gives, dotted only)


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    path = model_dir() / FIELDS_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return _Vocabulary(
            frozenset(raw["words"]),
            dict(raw["abbreviations"]),
            dict(raw["acronyms"]),
            frozenset(raw["names"]),
            frozenset(raw["whole"]),
            {short: (level, field, dotted) for short, (level, field, dotted) in raw["degrees"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"cannot read {path}: {exc}; rebuild it with scripts/build_fields.py") from exc


def _word(token: str) -> str | None:
    """The field word a token stands for ("Mgt" -> "management", "IT" -> "information
    technology"), or None."""
    vocabulary = _vocabulary()
    acronym = vocabulary.acronyms.get(token.rstrip("."))
    if acronym is not None:
        return acronym
    low = token.lower().strip(".'’")
    low = vocabulary.abbreviations.get(low, low)
    if low in vocabulary.words:
        return low
    if low.endswith("s") and low[:-1] in vocabulary.words:  # "Sciences"
        return low
    if any(low.endswith(end) and low[: -len(end)] + base in vocabulary.words for end, base in _ADJECTIVES):
        return low  # "Educational" of education, "Metallurgical" of metallurgy
    return _misspelt(low) if token[:1].isupper() else None


@lru_cache(maxsize=4096)
def _misspelt(low: str) -> str | None:
    """The one field word a capitalised word of seven letters or more is a misspelling of
    ("Managment", "Bussiness", "Pyschology"): the same first letter and last three, a letter left
    out, doubled or swapped with its neighbour, and no other field word as near; else None. Another
    ending is another word, no typo ("Manager", "Technician", "Associates"), and so is a letter
    changed ("Painting" / "printing", "Convention" / "conversion")."""
    if len(low) < 7 or not low.isalpha():
        return None
    near = [
        w
        for w in _words_by_ends().get((low[:1], low[-3:]), ())
        if abs(len(w) - len(low)) <= 1 and _edits(low, w, 1) <= 1
    ]
    return near[0] if len(near) == 1 else None


@lru_cache(maxsize=1)
def _words_by_ends() -> dict[tuple[str, str], list[str]]:
    """The field words by their first letter and last three, the parts a misspelling keeps."""
    by_ends: dict[tuple[str, str], list[str]] = {}
    for word in _vocabulary().words:
        by_ends.setdefault((word[:1], word[-3:]), []).append(word)
    return by_ends


def _edits(a: str, b: str, most: int) -> int:
    """The edit distance of ``a`` and ``b``: a letter left out or added, or two neighbours
    swapped, counts one, a letter for another two; ``most + 1`` once it must exceed ``most``."""
    before: list[int] | None = None
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        new = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            new[j] = min(row[j] + 1, new[j - 1] + 1, row[j - 1] + 2 * (a[i - 1] != b[j - 1]))
            if before is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                new[j] = min(new[j], before[j - 2] + 1)
        if min(new) > most:
            return most + 1
        before, row = row, new
    return row[-1]


def degree_abbreviations() -> dict[str, tuple[str, str, bool]]:
    """The degree abbreviations of data/fields/degrees.txt, written with the dots of their dotted
    form: (level, the field the degree's name gives or "", True when only the dotted form is one).

    Examples
    --------
    >>> degree_abbreviations()["M.F.A"]
    ('master', 'fine arts', False)
    """
    return _vocabulary().degrees


def acronym_field(token: str) -> str | None:
    """The field of study an abbreviation stands for, written as the list writes it (case
    matters: "it" in prose is no field), or None.

    Examples
    --------
    >>> acronym_field("IT"), acronym_field("EE"), acronym_field("it")
    ('information technology', 'electrical engineering', None)
    """
    return _vocabulary().acronyms.get(token.strip().rstrip("."))


def spelled_out(field: str) -> str:
    """``field`` lower-cased with its short forms written out, as resumes' fields are read.

    Examples
    --------
    >>> spelled_out("Math"), spelled_out("Business Mgmt")
    ('mathematics', 'business management')
    """
    abbreviations = _vocabulary().abbreviations
    return re.sub(r"[A-Za-z]+\.?", lambda m: abbreviations.get(m[0].lower().rstrip("."), m[0].lower()), field)


def listed_field(text: str) -> str | None:
    """The field name ``text`` is, when the list of fields has it whole with "and" in it
    ("Industrial & Organizational Psychology"), lower-cased with "&" as "and"; else None.

    Examples
    --------
    >>> listed_field("Industrial & Organizational Psychology")
    'industrial and organizational psychology'
    >>> listed_field("Physics and Chemistry") is None
    True
    """
    key = re.sub(r"\s*&\s*", " and ", text.lower())
    key = re.sub(r"\s+", " ", re.sub(r"\s*,\s*", ", ", key)).strip(" ,")
    return key if key in _vocabulary().names else None


def known_whole(field: str) -> bool:
    """True when ``field`` (lower case, as :func:`field_of_study` gives it) is a field name of two
    words or more that the list knows whole, also with its last word plural.

    Examples
    --------
    >>> known_whole("computer science"), known_whole("mass communications")
    (True, True)
    >>> known_whole("data communications")
    False
    """
    whole = _vocabulary().whole
    return field in whole or (field.endswith("s") and field[:-1] in whole)


def is_field_word(word: str) -> bool:
    """True when ``word`` is a word of some field of study.

    Examples
    --------
    >>> is_field_word("Nursing"), is_field_word("Bremen")
    (True, False)
    """
    return _word(word) is not None


# the practitioner's noun written for the field after a field's word: "B.S. Aeronautical Engineer"
_PRACTITIONER = {"engineer": "engineering"}


def field_of_study(text: str) -> str | None:
    """The field of study ``text`` starts with, lower-cased, or None.

    Leading filler ("in", "Degree :", "Major:") is skipped; the field ends at the first word that
    is no word of a field of study (a school, a place, a date).

    Examples
    --------
    >>> field_of_study("Digital Media University of Bremen")
    'digital media'
    >>> field_of_study(": Human Resources Mgt  05/2016")
    'human resources management'
    >>> field_of_study("Texas") is None
    True
    """
    tokens = _TOKEN.findall(text)
    i = 0
    while i < len(tokens) and tokens[i].lower() in _LEADING:
        i += 1
    out = ""
    pending: list[str] = []  # joiners seen since the last field word
    count = last_comma = 0
    joined = False  # a joiner stood between two of the field's words
    for token in tokens[i:]:
        low = token.lower()
        if low in _JOINERS and out:
            if low in (",", "-", "/") and pending:
                break
            pending.append("and" if low == "&" else low)
            continue
        word = _word(token) or (_PRACTITIONER.get(low) if out else None)
        if word is not None and not pending and out.split(" ", 1)[0] == word and not joined:
            break  # the field printed twice on one line: "Healthcare Administration Healthcare ..."
        if word is None or count >= _MAX_WORDS:
            if low in _MINOR and last_comma > 0:
                out = out[:last_comma]  # "Interior Design, Art History Minor": the minor is apart
            break
        if pending == [","]:
            last_comma = len(out)
        joined = joined or bool(pending)
        for joiner in pending:
            out += joiner if joiner in ("-", "/") else ("," if joiner == "," else f" {joiner}")
        out += word if not out or (pending and pending[-1] in ("-", "/")) else f" {word}"
        pending = []
        count += 1
    if not out or len(out) < 3:
        return None
    return out
