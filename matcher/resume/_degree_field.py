"""The field of an education entry's degree: after the degree on its line, on the line below,
before it, after the school and a dash, alone on a line below the school, or in the field's place
("Degree : ___") when no list knows it whole. A field is a field of study
(:func:`matcher.facts.field_of_study`), never a place or a school."""

from __future__ import annotations

import re

from matcher.facts import field_of_study, find_degrees, is_field_word, known_whole
from matcher.resume._institutions import SEGMENTS as _SEGMENTS
from matcher.resume._institutions import institution_word
from matcher.resume._sections import heading_of

__all__ = ["degree_field"]

# "Bachelor of Science in X", "Master of Arts : X": the degree's generic name before its field
_GENERIC_OF = re.compile(
    r"^\s*(?:'?s\b)?\s*(?:degree\s+)?(?:(?:of|in)\s+(?:applied\s+|fine\s+)?(?:science|arts)\b"
    r"(?:\s+(?:and|&)\s+(?:sciences?|arts)\b)?|(?:of\s+)?fine\s+arts?\b|(?:and|&)\s+(?:sciences?|arts)\b"
    r"|(?:of\s+)?philosophy\b)\.?"
    r"(?:\s*\((?:[A-Z.]{2,6}|hons?\.?|honou?rs)\))?",
    re.IGNORECASE,
)
_NAMED_OF = re.compile(r"^\s*(?:'?s\b)?\s*(?:degree\s+)?of\s+", re.IGNORECASE)


_JOINED = re.compile(r"\s*(?:and|&)\s+(?=[A-Z])(?!Philosophy)")


def degree_field(
    line: str, start: int, end: int, block: list[str], *, alone_below: bool = True
) -> str | None:
    """The field of the degree at ``line[start:end]``; ``alone_below``: also a field standing
    alone on a line below a degree line that names only the school (not for a high school)."""
    found = _read_field(line, start, end, block, alone_below=alone_below)
    return _first_of_two(found) if found else None


def _first_of_two(field: str) -> str:
    """Of two fields printed run together ("computer science data communications"), the first: a
    field the list knows whole with two words or more after it; else ``field``."""
    words = field.split(" ")
    if len(words) < 4 or re.search(r"[,/-]| and ", field):
        return field
    for k in range(len(words) - 2, 1, -1):
        if known_whole(" ".join(words[:k])):
            return " ".join(words[:k])
    return field


def _read_field(line: str, start: int, end: int, block: list[str], *, alone_below: bool) -> str | None:
    # the line below, past a colon or comma standing on a line of its own
    below = next((b for b in block[1:] if re.search(r"[A-Za-z]", b)), "")
    nxt = _first_segment(below)
    rest = line[end:]
    generic = _GENERIC_OF.match(rest)
    named_of = None if generic else _NAMED_OF.match(rest)
    if generic:
        rest = rest[generic.end() :]
        named_of = _JOINED.match(rest)  # "Bachelor of Science and Psychology": a field named so
    if named_of:
        # "Master of Public Administration : Health Care Management": the named field, unless a
        # concentration follows it (after a colon, comma, bracket or "in", or on the next line)
        rest = rest[named_of.end() :]
        named = field_of_study(_first_segment(rest))
        tail = re.split(r"\s*[:(,]\s*|\s+in\s+", rest, maxsplit=1)
        special = field_of_study(_first_segment(tail[1])) if len(tail) > 1 and tail[1].strip() else None
        if (
            special is None
            and len(tail) > 1
            and re.fullmatch(r"(?:[A-Z][A-Z. ]{0,8}\)?)?\s*[:,]?\s*", tail[1])
        ):
            special = field_of_study(nxt)  # nothing but the degree's abbreviation: "(B. E  :", field below
            special = _slot_whole(nxt, special) if special else None
        if special or named:
            return special or named
    first = _first_segment(rest)
    # "M.S : National Taiwan University - MECHANICAL ENGINEERING": the school's words are no field
    after = _field_after_school(rest) if institution_word().search(first) else None
    found = after or field_of_study(first)
    if found and not after and re.match(r"\s*:", rest):
        found = _slot_whole(first, found)  # "AS  :  Medical Billing and Coding"
    if found is None and nxt and not re.search(r"[A-Za-z]{2}", re.sub(r"^\s*(?:in|of)\b", "", first)):
        found = field_of_study(nxt)  # "Bachelor of Science :" with the field on the next line
        found = _slot_whole(nxt, found) if found else None
    if found is None:
        before = _SEGMENTS.split(line[:start].rstrip())[-1].strip(" ,:-")
        if before and line[:start].rstrip().endswith(","):
            found = field_of_study(before)
        elif before and re.search(r"\S\s{2,}$", line[:start]) and _all_field_words(before):
            found = field_of_study(before)  # "Criminal Justice & Psychology  ASSOCIATE OF ARTS"
    if found is None:
        found = _field_after_school(rest)
    if found is None and alone_below and institution_word().search(rest):
        # the line names the school only: a field standing alone on a line below it
        found = next((f for b in block[1:] for f in _whole_fields(b)), None)
    if found is None and re.match(r"\s*(?:[:,(]|in\s)", rest):
        found = _slot_field(first)  # "BBA : Radio Communication", "PhD in Enzyme Biotechnology"
    if found is None and nxt and not re.search(r"[A-Za-z]{2}", first):
        found = _slot_field(nxt)  # "BS  :" with "Holistic Nutrition" on the line below
    return found


# words after a field that are no part of it: honours, a minor
_NOT_FIELD_TAIL = re.compile(
    r"\b(?i:minor|concentration|emphasis|certificate|magna|summa|cum|laude|honou?rs?|gpa)\b"
)


def _slot_whole(segment: str, found: str) -> str:
    """A field in the field's place ("Degree :" ___) read whole when the list knows only its first
    words ("Medical Billing and Coding", "Computer Aided Drafting"): up to six words, each of four
    letters or more capitalised, no digit, school, degree, honours or minor; else ``found``."""
    text = segment.strip(" ,:;-.")
    words = re.findall(r"[^\s&/]+", text)
    lowered = [w.lower() for w in words if len(w) >= 4]
    if (
        not 2 <= len(words) <= 6
        or _printed_twice(lowered)  # "Marketing Marketing", not "Health Behavior Health Education"
        or _PLACE_WORD.search(text)  # pdfium's one line: "Sociology City Sociology"
        or (any(w.isupper() and len(w) >= 4 for w in words) and not text.isupper())  # "UNESCO-IHE"
        or not all(w[:1].isupper() for w in words if len(w) >= 4)
        or re.search(r"\d|[a-z][A-Z]|[,(]|\.\s|\s(?:and|of|&)$", text)  # "Management. London", "and"
        or institution_word().search(text)
        or _NOT_FIELD_TAIL.search(text)
        or find_degrees(text)
    ):
        return found
    whole = re.sub(r"\s+", " ", text.replace("&", "and")).lower()
    return whole if whole.startswith(found) and len(whole) > len(found) else found


_PLACE_WORD = re.compile(r"(?i:\bcity\b|\bstate\b|,)")


def _printed_twice(words: list[str]) -> bool:
    """True when ``words`` (lower case) start again after their first: the field printed twice
    ("Marketing Marketing", "Human Resource Management Human Resource Generalist"); a field whose
    first word recurs alone ("Health Behavior Health Education") is read once."""
    return any(
        words[k] == words[0] and (k == 1 or k + 1 == len(words) or words[k + 1] == words[1])
        for k in range(1, len(words))
    )


def _whole_fields(line: str) -> list[str]:
    """The parts of ``line`` (past the resume's "City" / "State" placeholders) that are a field of
    study, every word of them: "Aviation Maintenance and Management", not "Graduated with honors"."""
    out = []
    for part in _SEGMENTS.split(line.strip()):
        part = part.strip(" ,:")
        if not part or _PLACE_WORD.fullmatch(part) or heading_of(part):
            continue  # "State", or a heading ("Professional Recognitions")
        field = field_of_study(part)
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'.]*", part) if w.lower() not in ("and", "of")]
        if field and len([w for w in field.replace(",", " ").split() if w not in ("and", "of")]) == len(
            words
        ):
            out.append(field)
    return out


def _slot_field(segment: str) -> str | None:
    """A segment standing where a field stands ("Degree : ___"), read as a field when it ends in a
    field's word and at least half its words are field words, though the list lacks the others
    ("Holistic Nutrition", "Enzyme Biotechnology"): up to six capitalised words, no school, no digit."""
    text = re.split(r"\s*,|\s\d", re.sub(r"^\s*(?:in|of)\s+", "", segment), maxsplit=1)[0].strip(" ,:;-")
    words = [w for w in re.findall(r"[^\s&/]+", text) if w.lower() not in ("and", "of")]
    if not 2 <= len(words) <= 6 or re.search(r"\d|[a-z][A-Z]", text) or institution_word().search(text):
        return None  # also no words run together ("JavascriptDigital Media")
    if find_degrees(text):
        return None  # the degree's name again: "ASSOCIATE OF ARTS  2010  COLUMBUS STATE"
    literal = [field_of_study(w) == w.lower() for w in words]  # as written: "Tech" is not read here
    if not all(w[:1].isupper() for w in words) or not literal[-1] or 2 * sum(literal) < len(words):
        return None
    return re.sub(r"\s+", " ", text.replace("&", "and")).lower()


def _all_field_words(text: str) -> bool:
    words = text.split()
    return bool(words) and all(is_field_word(w) or w.lower() in ("and", "&", "of") for w in words)


# a leading "Degree :" or separator before an entry's part
_LEAD = re.compile(r"^\s*(?:degree\b)?[\s:,\-–—(]*", re.IGNORECASE)


def _field_after_school(rest: str) -> str | None:
    """ "Bachelor of Arts : West Virginia State University - Marketing City": the field after the
    school's name and a dash."""
    text = _LEAD.sub("", rest)
    school, dash, after = text.partition(" - ")
    if not dash or not institution_word().search(school) or len(school) > 80:
        return None
    return field_of_study(_SEGMENTS.split(after.strip(), maxsplit=1)[0])


def _first_segment(text: str) -> str:
    """The first part of ``text`` after a leading "Degree :" or separator."""
    text = _LEAD.sub("", text)
    segment = _SEGMENTS.split(text, maxsplit=1)[0]
    school = institution_word().search(segment)
    if school:  # "Statistics, Technical University of Munich"
        cut = segment.rfind(",", 0, school.start())
        if cut >= 0 and not re.search(r"\d", segment[cut : school.start()]):
            segment = segment[:cut]  # but "Finance, General Business 1988 Western Michigan University"
    return segment
