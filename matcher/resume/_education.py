"""Education entries: level, field, institution, year and status from a resume's education section.

An entry starts at a line that names a degree ("B.S. Computer Science", "Master of Business
Administration : Finance", "Bachelor of Engineering (Computer Science)", "MBA, Finance") and takes
the lines under it up to the next degree. Its field is a field of study
(:func:`matcher.facts.field_of_study`): read after the degree on its line, else at the start of
the next line (the "Degree :" / "Field  School" layout), else before the degree
("Computer Science, B.S."). "Master Thesis: ..." or "Master Project" lines are no degrees.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from matcher.facts import degree_name_field, field_of_study, find_degrees, level_rank
from matcher.records import Education, Section
from matcher.resume._degree_field import degree_field
from matcher.resume._institutions import institution, institution_word
from matcher.text import alternation, wordlist

__all__ = ["find_education"]

_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
# what follows a degree word when it is not a degree: "Master Thesis", "Bachelor project",
# "Master's Certificate in Project Management" (a certificate: "Cert", "Certified", "Certficate")
_NOT_DEGREE = re.compile(
    r"^\s*(?:'?s)?\s*(?:thesis|project|projects|dissertation|courses?|class|student|level|cert\w*)\b",
    re.IGNORECASE,
)
_CREDITS_TOWARD = re.compile(
    r"\b(?:\d+\s+)?(?:semester |quarter |credit )?(?:hours|credits|units)\s+(?:towards?|in)\b"
    r"|\btowards?\s+(?:an?\s+|my\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# a degree not yet held, said in the entry's own line or lines: "20 semester hours left",
# "12 credits remaining", "Completed majority of requirements for", "hope to ... obtain a B.S"
_NOT_YET = re.compile(
    r"\b(?:hours|credits|units|courses|classes)\s+(?:left|remaining)\b|\bmajority of (?:the )?requirements\b"
    r"|\b(?:hope|hoping|plan|planning|intend|intending)\s+to\b",
    re.IGNORECASE,
)
_EXPECTED_ABOVE = re.compile(
    r"\b(?:expected|anticipated|currently enrolled)(?: in| graduation)?\s*:?\s*$"
    r"|^\s*(?:present|current|now|ongoing|in progress)\s*$",  # the entry's date alone above it
    re.I,
)


@lru_cache(maxsize=1)
def _in_progress() -> re.Pattern[str]:
    """Words of a degree not completed ("expected", "pursuing"): data/wordlists/resume_history.txt."""
    words = alternation(wordlist("resume_history", "degree_in_progress"))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _in_progress_far() -> re.Pattern[str]:
    """The words of a degree not completed that mark it from further down its entry ("I am
    currently enrolled ...", "In progress"): all but "present" and "current", which there are a
    job's, "enrolled" and "candidate", which there are prose ("While enrolled I maintained"), and
    "graduate student", a job's title there."""
    far = ("present", "current", "enrolled", "candidate")  # "While enrolled I", "the perfect candidate"
    words = [
        w for w in wordlist("resume_history", "degree_in_progress") if w not in far and "student" not in w
    ]
    return re.compile(rf"\b(?:{alternation(words)})\b", re.IGNORECASE)


def _regions(sections: list[Section]) -> list[Section]:
    chosen = [s for s in sections if s.kind == "education"]
    if chosen:
        return chosen
    return [s for s in sections if s.kind in ("body", "header", "summary", "additional")]


# a degree someone means to take is not one they hold: "transferring to fulfill my bachelors";
# "my" alone is no intent ("where I obtained my AA in general studies")
_INTENT = re.compile(
    r"\b(?:(?<!obtained )(?<!received )(?<!earned )(?<!completed )(?<!finished )my|will|plan(?:ning)? to"
    r"|intend(?:ing)? to|hope to|seeking|wish to|scholarship for|fellowship for|admitted (?:in)?to"
    r"|accepted (?:in)?to|applying (?:for|to)|applied (?:for|to)|preparing for)\b[^.;:]{0,40}$",
    re.I,
)
# "Associates  Borough of Manhattan Community College": the word alone opening an entry line
_LONE_ASSOCIATE = re.compile(r"^\s*(?:Associates?(?:'s)?|ASSOCIATES?)(?=\s{2,}\S|\s*[:,]|\s*$)")


_ASSOCIATE_AT = re.compile(r"^\s*(?:Associates?(?:'s)?|ASSOCIATES?)(?= (?:[A-Z][\w.'-]* |of ){0,4}[A-Z])")
# "Associate of Occupational Science Degree : Culinary": an entry line that opens with the degree's
# name ("Associate of" / "in" and a capitalised word)
_ASSOCIATE_OF = re.compile(r"^\s*(?:Associates?(?:'s)?|ASSOCIATES?)(?= (?:of|in|OF|IN) [A-Z])")


# a table's column header: "Degree/Certificate Institute Year of Passing Percentage"
_COLUMN_WORD = re.compile(
    r"\b(?:institut\w*|universit\w*|college|school|board|year|percentage|grade|cgpa|marks|passing)\b", re.I
)
_GENERIC_WORD = re.compile(r"(?i:degrees?)")


# a two-letter degree that is also a word or a state ("MA", "AS", "ME") or "JD" (also "JD Edwards")
# opening an entry line before ":" or ",": a degree when a field of study follows, there or below
_SHORT = re.compile(r"^\s*(MA|ME|AS|JD)\s*[:,]\s*(.*)$")
_SHORT_LEVELS = {"MA": "master", "ME": "master", "AS": "associate", "JD": "doctorate"}


def _short_degree(line: str, below: str) -> tuple[str, int, int] | None:
    short = _SHORT.match(line)
    if short is None:
        return None
    rest = short.group(2)
    field = field_of_study(rest) if re.search(r"[A-Za-z]", rest) else field_of_study(below)
    return (_SHORT_LEVELS[short.group(1)], short.start(1), short.end(1)) if field else None


def _degree_hits(line: str, below: str = "") -> list[tuple[str, int, int]]:
    """The degrees ``line`` names; ``below``, the line under it, for a short form's field."""
    header = not re.search(r"\d", line) and len(_COLUMN_WORD.findall(line)) >= 2
    hits = [
        h
        for h in find_degrees(line)
        if not _NOT_DEGREE.match(line[h[2] :])
        and not _INTENT.search(line[: h[1]])
        and not (header and _GENERIC_WORD.fullmatch(line[h[1] : h[2]]))
    ]
    lone = _LONE_ASSOCIATE.match(line)
    if lone is None and not hits and institution_word().search(line):
        lone = _ASSOCIATE_AT.match(line)  # "Associates Borough of Manhattan Community College"
    if lone is None and not hits:
        lone = _ASSOCIATE_OF.match(line)
    if lone and not hits:
        hits.append(("associate", lone.end() - len(lone.group(0).lstrip()), lone.end()))
    short = None if hits else _short_degree(line, below)
    return [short] if short else hits


def find_education(text: str, sections: list[Section]) -> list[Education]:
    """Return the degrees named in the education sections (or anywhere, without headings), each
    with ``in_progress`` as the resume marks it; ``completed`` is set for a given date by
    :func:`matcher.resume.resolve_dates`. The same degree named twice (a heading and its summary
    line) is one entry."""
    out = _entries(text, _regions(sections), strict=False)
    if any(s.kind == "education" for s in sections):
        # a degree listed under certificates or licences ("Certification :" headings inside an
        # education section): a degree's name with a school in its entry
        certificates = [s for s in sections if s.kind == "certifications"]
        out = _entries(text, certificates, strict=False, named=True, out=out)
    if not out and any(s.kind == "education" for s in sections):
        # an education heading printed after its entries (a LaTeX CV's side column), or over
        # certificates only: degree lines elsewhere count when they name a school and a year
        out = _entries(text, [s for s in sections if s.kind != "education"], strict=True)
    return _pursued(text, [_named_field(e) for e in out])


# "I am currently pursuing Master's in Civil Engineering", "Currently Working on MS in ...": the
# resume's own words, in its summary or anywhere, that a degree it lists is not finished
_PURSUING = re.compile(
    r"\b(?:currently|presently|now)\s+(?:pursuing|enrolled in|working (?:on|towards?)|attending|"
    r"completing|studying for)\b[^.\n]{0,80}",
    re.IGNORECASE,
)
# the field named right after the degree: "Master's in Civil Engineering at ...", "MS in ..."
_PURSUED_FIELD = re.compile(
    r"[a-z.']*\s*(?:degree\s+)?(?:in|of)\s+(?:the\s+)?([A-Za-z][A-Za-z &,/-]{2,60}?)"
    r"(?=\s+(?:at|from|with|program)\b|[,.;(]|$)",
    re.IGNORECASE,
)


def _pursued(text: str, entries: list[Education]) -> list[Education]:
    """``entries`` with the one listed degree of a level the resume says is being pursued marked in
    progress: only when one entry has that level, and when the sentence names a field ("in Civil
    Engineering") that shares a word with the entry's (another field is a degree not listed)."""
    for match in _PURSUING.finditer(text):
        said = match.group()
        if _CREDENTIAL.search(said):
            continue  # "pursuing the Scrum Master certification"
        for level, _, end in find_degrees(said):
            same = [e for e in entries if e.level == level]
            if len(same) != 1 or same[0].in_progress:
                continue
            named = _PURSUED_FIELD.match(said, end)
            words = set(re.findall(r"[a-z]{3,}", named.group(1).lower())) - {"and", "the"} if named else set()
            field = set(re.findall(r"[a-z]{3,}", (same[0].field or "").lower()))
            if words and field and not words & field:
                continue
            marked = replace(same[0], in_progress=True, completed=False)
            entries = [marked if e is same[0] else e for e in entries]
    return entries


def _named_field(entry: Education) -> Education:
    """An entry with no field printed takes the one its degree's name gives ("M.F.A : 1972" ->
    fine arts), once entries are merged: an "MBA" line is still the "Master of Science : Finance"
    of the same school and year."""
    if entry.field is not None or not entry.level:
        return entry
    for level, start, end in find_degrees(entry.evidence):
        field = degree_name_field(entry.evidence[start:end]) if level == entry.level else None
        if field:
            return replace(entry, field=field)
    return entry


# a bare degree word names a degree outside an education section only before "of", "in" or ":"
_BARE = re.compile(r"(?i:master|masters|bachelor|bachelors|associate|associates)")
_NAMED_AFTER_BARE = re.compile(r"\s*(?:'?s)?\s*(?:degree\b|of\b|in\b|:)", re.IGNORECASE)


def _entries(
    text: str,
    regions: list[Section],
    *,
    strict: bool,
    named: bool = False,
    out: list[Education] | None = None,
) -> list[Education]:
    """The entries of ``regions`` added to ``out``. ``strict``: the degree's line names a school
    and a year; ``named``: a degree's name ("B.S.", "Master of", not "Master Electrician") with
    a school in its entry."""
    out = [] if out is None else out
    for region in regions:
        lines = text[region.start : region.end].splitlines()
        for i, line in enumerate(lines):
            hits = _degree_hits(line, _line(lines, i + 1))
            if named:
                hits = [
                    h
                    for h in hits
                    if not _BARE.fullmatch(line[h[1] : h[2]]) or _NAMED_AFTER_BARE.match(line[h[2] :])
                ]
            if not hits or (strict and not (institution_word().search(line) and _YEAR.search(line))):
                continue
            block = [line]
            for nxt in _following(lines, i):
                if _degree_hits(nxt, _line(lines, i + len(block) + 1)) and not (
                    len(block) == 1 and line.rstrip().endswith((":", ","))
                ):
                    break  # the next degree; but "Bachelor of Science :" takes the line below it
                block.append(nxt)
            if named and not any(institution_word().search(b) for b in block):
                continue
            further = []  # the entry's lines past its first three, for its status
            for k in range(i + len(block), min(len(lines), i + len(block) + 4)):
                nxt = lines[k]
                if _degree_hits(nxt, _line(lines, k + 1)) or _LONE_DATE.match(nxt) or _CREDENTIAL.search(nxt):
                    break  # the next entry: a degree, its date, a certificate ("Pursuing AWS ... cert")
                further.append(nxt)
            top = max(level_rank(h[0]) for h in hits)
            # of two names of the top degree ("M.B.A., Masters : Business Administration"), the
            # first that a field follows
            readings = (
                _entry(line, h, block, lines[i - 1] if i else "", " ".join(further))
                for h in hits
                if level_rank(h[0]) == top
            )
            entry = next(readings)
            if not entry.field and top > level_rank("high_school"):  # "High School ... High School"
                entry = next((e for e in readings if e.field), entry)
            if not any(_same(entry, seen) for seen in out):
                out.append(entry)
            else:
                out = [_richer(seen, entry) if _same(entry, seen) else seen for seen in out]
    return out


_CREDENTIAL = re.compile(r"\bcertifi\w*|\blicen[cs]\w*", re.IGNORECASE)
_LONE_DATE = re.compile(
    r"^\s*(?:(?:[A-Z][a-z]{2,8}\.?,?\s+|\d{1,2}\s*/\s*)?(?:19|20)\d\d|present|current|now|ongoing)\s*$", re.I
)


def _line(lines: list[str], k: int) -> str:
    return lines[k] if k < len(lines) else ""


def _following(lines: list[str], i: int) -> list[str]:
    """The two lines after ``lines[i]`` that say something, with the lines of punctuation alone
    between them (pypdf's "," of a "City , State" line)."""
    out: list[str] = []
    said = 0
    for k in range(i + 1, min(len(lines), i + 6)):
        nxt = lines[k]
        if said == 2 or (
            _LONE_DATE.match(nxt) and k + 1 < len(lines) and _degree_hits(lines[k + 1], _line(lines, k + 2))
        ):
            break  # a date alone above the next degree is that degree's ("Present\nBachelor of Science")
        out.append(nxt)
        said += bool(re.search(r"\w", nxt))
    return out


def _entry(
    line: str, hit: tuple[str, int, int], block: list[str], before: str, further: str = ""
) -> Education:
    level, start, end = hit
    end += len(re.match(r"[A-Za-z.]*", line[end:]).group(0))  # type: ignore[union-attr]  # "B.S" of "B.Sc."
    context = " ".join(block)
    years = [int(y) for y in _YEAR.findall(context)]
    if not years and _LONE_DATE.match(before):
        years = [int(y) for y in _YEAR.findall(before)]  # "May 2017\nMaster of Science :"
    rest = " ".join(block[1:])
    field = degree_field(line, start, end, block, alone_below=level != "high_school")
    in_progress = bool(
        _in_progress().search(line)
        or _in_progress().search(rest)
        or _in_progress_far().search(further)
        or _EXPECTED_ABOVE.search(before)
        or _CREDITS_TOWARD.search(line[:start])
        or _CREDITS_TOWARD.search(before)
        or _NOT_YET.search(line)
        or _NOT_YET.search(rest)
    )  # "Expected in" / "05/2024 Bachelor of Science"; "78 semester hours toward Bachelors"
    return Education(
        level=level,
        field=field,
        institution=institution(block, line[:start], field),
        year=max(years) if years else None,
        completed=not in_progress,
        evidence=line.strip(),
        in_progress=in_progress,
    )


def _same(a: Education, b: Education) -> bool:
    """Two entries are one degree: the same level, and no field or year of one contradicts the other."""
    return (
        a.level == b.level
        and (a.field is None or b.field is None or _same_field(a.field, b.field))
        and (a.year is None or b.year is None or a.year == b.year)
        and (a.institution is None or b.institution is None or a.institution == b.institution)
    )


def _same_field(a: str, b: str) -> bool:
    """One field, or one read cut short of the other ("medical" / "medical billing and coding")."""
    short, long = sorted((a, b), key=len)
    return long == short or long.startswith(short + " ")


def _richer(a: Education, b: Education) -> Education:
    """One entry from two readings of the same degree, keeping what each knows."""
    in_progress = a.in_progress or b.in_progress
    return Education(
        level=a.level,
        field=max(a.field or "", b.field or "", key=len) or None,  # the longer reading of one field
        institution=a.institution or b.institution,
        year=a.year or b.year,
        completed=not in_progress,
        evidence=a.evidence,
        in_progress=in_progress,
    )
