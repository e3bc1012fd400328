"""Splitting a posting into sections: requirements, preferred, duties, boilerplate, intro.

Headings are found on their own line ("Qualifications:"), run into the text as real postings
often have them ("...at scale.Preferred Qualifications: Knowledge of..."), split over two lines
("Preferred" / "Qualifications:"), as a lead-in to a list ("Bonus if you have:"), or not at all:
then sentence cues decide (``matcher.posting._importance``). The headings and what kind of section
each opens are data: data/wordlists/posting_headings.txt.

Job-description templates, career pages and aggregators wrap the posting in material about the
job in general: a salary survey, a "How to become" guide, an FAQ. A heading of such material
(data/wordlists/posting_cues.txt [material_headings]) opens a ``material`` section that yields
nothing, and it lasts: a heading inside it ("Education" in the guide) opens a section only when
it is a posting heading with a list under it, as a posting's are, not the prose of a guide.
"""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.facts import HeadingScanner, cut_sections, heading_lines
from matcher.posting._importance import (
    DUTIES,
    FORWARD_CUE,
    INTRO,
    MATERIAL,
    PREFERRED,
    PREFERRED_CUE,
    REQUIRED,
)
from matcher.records import Section
from matcher.text import alternation, heading_vocabulary, wordlist

__all__ = ["find_sections", "heading_kind", "material_heading", "trailing_heading"]

_ITEM_LENGTH = 60


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, str]:
    """The posting's headings, phrase (lower case) -> kind."""
    return {h.lower(): k for h, k in heading_vocabulary("posting_headings").items()}


@lru_cache(maxsize=1)
def _last_words() -> frozenset[str]:
    """The last words of the requirements and preferred headings: a cheap test before the
    patterns that look for one inside or at the end of a line."""
    return frozenset(h.split()[-1] for h, k in _vocabulary().items() if k in (REQUIRED, PREFERRED))


@lru_cache(maxsize=1)
def _scanner() -> HeadingScanner:
    """The posting's headings (data/wordlists/posting_headings.txt)."""
    return HeadingScanner(heading_vocabulary("posting_headings"))  # keeps the phrases' case


@lru_cache(maxsize=1)
def _second_lines() -> frozenset[str]:
    """Generic headings that finish a short one above them ("Preferred" / "Qualifications:")."""
    return frozenset(wordlist("posting_cues", "second_line_headings"))


@lru_cache(maxsize=1)
def _material_cue() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(wordlist('posting_cues', 'material_headings'))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _trailing() -> re.Pattern[str]:
    """A heading of two words or more glued to the end of a line of text ("...( HIPAA GDPR )
    Desired Experience"), as scraped postings that lost a line break have them. One cue word
    ("... is Preferred") is the line's own cue, not a heading."""
    vocabulary = _vocabulary()
    phrases = sorted((h for h in vocabulary if len(h.split()) >= 2), key=len, reverse=True)
    return re.compile(rf"(?<=[a-z0-9).,;])\s+(?P<h>(?:{alternation(phrases)}))\s*:?\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _run_in() -> re.Pattern[str]:
    """A heading run into its content with no colon, the content a new sentence: "Responsibilities
    Build services in Go.", "Qualifications 3+ years of ..." (scraped postings that lost the line
    break after a heading). The content starts with a capital or a digit and holds three words."""
    phrases = sorted(_vocabulary(), key=len, reverse=True)
    return re.compile(rf"^\W{{0,3}}(?i:(?P<h>{alternation(phrases)}))\s+(?=[A-Z0-9]\S*\s+\S+\s+\S)")


def trailing_heading(line: str) -> tuple[str, int] | None:
    """Return (kind, offset of the heading) when ``line`` ends with a requirements or preferred
    heading in title case after text of its own. Only those kinds: a boilerplate heading glued to
    a line end ("... in Jacksonville, FL. Company Description:") swallowed the requirements run in
    after it (measured on the dev set: README "Accuracy").

    Examples
    --------
    >>> trailing_heading("Experience with HIPAA ) Desired Experience")
    ('preferred', 24)
    >>> trailing_heading("Experience with Python is Preferred"), trailing_heading("preferred qualifications")
    (None, None)
    """
    stripped = line.rstrip()
    last = stripped.rstrip(" :").rsplit(None, 1)[-1:]
    if not last or last[0].lower() not in _last_words():
        return None  # the line's last word ends no heading: most lines
    m = _trailing().search(stripped)
    if m is None or not all(w[:1].isupper() for w in m.group("h").split() if w[:1].isalpha()):
        return None
    kind = _vocabulary().get(m.group("h").lower())
    return (kind, m.start("h")) if kind in (REQUIRED, PREFERRED) else None


_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2023\u25aa\u25cf\u25e6\u00b7\u2013>]+|\d{1,2}[.)])\s+\S")


def material_heading(line: str) -> str | None:
    """Return the heading when ``line`` is a short heading of general material about the job
    (salary survey, career guide, FAQ), not of the posting.

    Examples
    --------
    >>> material_heading("How to become a Data Engineer"), material_heading("Requirements")
    ('How to become a Data Engineer', None)
    """
    stripped = line.strip(" \t\r\n#*")
    if not stripped or _BULLET.match(line) or len(stripped) > 100 or len(stripped.split()) > 14:
        return None
    if stripped.endswith((".", ",", ";")) or not _material_cue().search(stripped):
        return None
    return stripped.rstrip(":")


def _list_follows(text: str, pos: int) -> bool:
    """True when a list starts right under the heading that ends at ``pos``: two of its first
    three lines (after one lead-in line at most) are list items."""
    lines = [ln for ln in text[pos:].splitlines()[:12] if ln.strip()][:4]
    return sum(bool(_BULLET.match(ln)) for ln in lines) >= 2


def heading_kind(line: str) -> tuple[str, str, int] | None:
    """Return (kind, heading, length of the rest of the line) when ``line`` is or starts with a
    section heading: alone on its line ("Requirements:"), leading its content ("Preferred:
    Kafka"), run into its content with no colon ("Responsibilities Build services in Go."), or
    a short lead-in that asks ("Bonus if you have:", "You must have:").

    Examples
    --------
    >>> heading_kind("Preferred: Kafka"), heading_kind("Bonus if you have:")
    (('preferred', 'Preferred', 5), ('preferred', 'Bonus if you have', 0))
    >>> heading_kind("Responsibilities Build services in Go."), heading_kind("Skills in Go are a must.")
    (('duties', 'Responsibilities', 21), None)
    """
    stripped = line.strip()
    if not stripped:
        return None
    asked = stripped.rstrip("?")  # "Why join us?"
    m = _scanner().alone(asked) if len(stripped) <= 80 else None
    if m is not None:
        return m.kind, m.heading, len(asked) - m.end
    m = _scanner().leading(stripped)
    if m is not None:
        return m.kind, m.heading, len(stripped) - m.end
    labelled = _labelled().match(stripped)
    if labelled is not None and (kind := _label_kind(labelled.group("h"))) is not None:
        return kind, labelled.group("h"), len(stripped) - labelled.end()
    alone = _labelled_alone().match(stripped)
    if alone is not None and (kind := _label_kind(alone.group("h"), ending=True)) is not None:
        return kind, alone.group("h"), 0
    if _ABOUT_NAME.match(stripped):  # "About Contoso": the company's blurb, as "About us"
        return _vocabulary().get("about", "boilerplate"), stripped.rstrip(":"), 0
    run_in = _run_in().match(stripped)
    if run_in is not None and run_in.group("h")[:1].isupper():
        kind = _vocabulary()[run_in.group("h").lower()]
        return kind, run_in.group("h"), len(stripped) - run_in.end()
    return lead_in_heading(stripped)


@lru_cache(maxsize=1)
def _labelled() -> re.Pattern[str]:
    """A capitalised label of up to seven words before a colon and its content ("PRIMARY
    DUTIES: Manages...", "Education and Work Experience Required: Bachelor degree...")."""
    word = r"[A-Z][\w'&/-]*"
    small = r"(?:and|or|of|for|the|to|in|&|/|\(but|not|required\))"
    return re.compile(rf"^\W{{0,3}}(?P<h>{word}(?:\s+(?:{word}|{small})){{0,6}})\s*:\s*(?=\S)")


_ABOUT_NAME = re.compile(r"^About(?: [A-Z][\w&.'-]*){1,4}\s*:?$")


@lru_cache(maxsize=1)
def _labelled_alone() -> re.Pattern[str]:
    """A capitalised label of two to six words alone on its line ("YOUR QUALIFICATIONS",
    "Key Technical Requirements")."""
    word = r"[A-Z][\w'&/-]*"
    small = r"(?:and|or|of|for|the|to|in|&|/)"
    return re.compile(rf"^\W{{0,3}}(?P<h>{word}(?:\s+(?:{word}|{small})){{1,5}})\s*:?$")


@lru_cache(maxsize=1)
def _heading_words() -> re.Pattern[str]:
    phrases = sorted(_vocabulary(), key=len, reverse=True)
    return re.compile(rf"\b(?:{alternation(phrases)})\b", re.IGNORECASE)


def _label_kind(label: str, *, ending: bool = False) -> str | None:
    """The section a capitalised label opens: preferred when it says so, else the kind of the
    longest posting heading inside it ("Primary Duties" -> duties); None when it holds none.
    With ``ending``, the label must end with the heading ("Your Qualifications", not "Education
    Program Manager")."""
    found = [m for m in _heading_words().finditer(label)]
    if not found or (ending and found[-1].end() != len(label)):
        return None
    if PREFERRED_CUE.search(label):  # "Desirable (but not required) Skills"
        return PREFERRED
    if re.search(r"\b(?:required|requirements?|must)\b", label, re.IGNORECASE):
        return REQUIRED
    vocabulary = _vocabulary()
    return vocabulary[max((m.group(0) for m in found), key=len).lower()]


def lead_in_heading(line: str) -> tuple[str, str, int] | None:
    """Return (kind, lead-in, 0) when the last sentence of ``line`` is a short lead-in that asks
    for what follows ("Bonus if you have:", "... toolkits. Preferred:").

    Examples
    --------
    >>> lead_in_heading("Experience with CNTK. Preferred:"), lead_in_heading("Build services.")
    (('preferred', 'Preferred', 0), None)
    """
    lead_in = re.split(r"(?<=[.!?])\s+", line.strip())[-1]
    found = _lead_in_kind(lead_in)
    glued = re.split(r"\s{2,}", lead_in)[-1]  # "- Ability to work under pressure  Desirable Skills:"
    if found is not None and glued != lead_in and glued[:1].isupper():
        alone = _lead_in_kind(glued)
        if alone is not None and alone[0] == found[0]:
            return alone  # the item glued before the heading stays in its own section
    return found


def _lead_in_kind(lead_in: str) -> tuple[str, str, int] | None:
    if (lead_in.endswith((":", "\u2026", "...")) or re.search(r"\bthe following$", lead_in)) and len(
        lead_in
    ) <= 100:  # a lead-in to a list: "Bonus if you have:"
        asks = re.search(
            r"\b(?:must|required|need|you have|you bring|you will have(?! to)|looking for|ideal candidate)\b",
            lead_in,
            re.IGNORECASE,
        )
        if (PREFERRED_CUE.search(lead_in) or FORWARD_CUE.search(lead_in)) and not (
            asks and "ideal candidate" in asks.group(0).lower()
        ):
            return PREFERRED, lead_in.rstrip(":.\u2026"), 0
        if asks:
            return REQUIRED, lead_in.rstrip(":.\u2026"), 0
    return None


def find_sections(text: str) -> list[Section]:
    """Split prepared text into sections by headings; text before the first is ``intro``.

    A generic heading right under a short one is its second line ("Preferred" /
    "Qualifications:"), and a short labelled line inside a requirements list ("Nice to have:
    RabbitMQ") labels that one item only.

    Examples
    --------
    >>> [s.kind for s in find_sections("We build maps.\\nRequirements:\\nPython\\nNice to have:\\nGo")]
    ['intro', 'required', 'preferred']
    """
    marks: list[tuple[int, str, str]] = [(0, INTRO, "")]
    previous = (0, "")
    for pos, line in heading_lines(text):
        last, previous = previous, (pos, line)
        start, kind, heading = marks[-1]
        material = material_heading(line)
        if material is not None:
            if kind != MATERIAL:
                marks.append((pos, MATERIAL, material))
            continue
        found = heading_kind(line)
        if kind == MATERIAL and (
            found is None
            or found[0] not in (REQUIRED, PREFERRED, DUTIES)
            or not _list_follows(text, pos + len(line))
        ):
            continue  # a heading inside the material ("Education" in a career guide)
        joined = _joined_heading(last[1], found[1]) if found is not None and kind != MATERIAL else None
        if found is not None and joined is not None:
            # "... SQL Preferred" / "Qualifications - Go": the heading's first word ended the line above
            marks.append((last[0] + joined[1], joined[0], joined[2]))
            _mid_line(marks, pos, line, found[2])
            continue
        if (
            found is not None
            and kind in (REQUIRED, PREFERRED)
            and found[1].lower() in _second_lines()
            and not text[start:pos].strip(" \n:").lower().replace(heading.lower(), "", 1).strip(" :")
        ):
            found = None  # "Preferred" + "Qualifications:" on the next line: one heading
        if (
            found is not None
            and 0 < found[2] <= _ITEM_LENGTH
            and kind in (REQUIRED, PREFERRED)
            and not re.search(r":\S", line)  # "PREFERRED:Power BI" glued: a real section
        ):
            # "Nice to have: RabbitMQ" inside a requirements list labels that one item only
            marks += [(pos, found[0], found[1]), (pos + len(line), kind, heading)]
        elif found is not None:
            marks.append((pos + max(0, line.find(found[1])), found[0], found[1]))
            lead = lead_in_heading(line) if found[2] else None
            if lead is not None and line.rfind(lead[1]) > line.find(found[1]):
                # "Qualifications PhD in CS ... CNTK. Preferred:": the run-in heading's line ends
                # with a lead-in to the next list
                marks.append((pos + line.rfind(lead[1]), lead[0], lead[1]))
        elif kind != MATERIAL and (glued := trailing_heading(line)) is not None:
            marks.append((pos + glued[1], glued[0], line[glued[1] :].strip(" :\n")))
        if kind != MATERIAL or marks[-1][1] != MATERIAL:
            _mid_line(marks, pos, line, found[2] if found is not None else len(line))
    return _merge(cut_sections(marks, len(text)))


def _joined_heading(above: str, heading: str) -> tuple[str, int, str] | None:
    """(kind, offset in ``above``, heading) when the last word of the line above and a line's
    heading together make a heading ("... SQL Preferred" + "Qualifications")."""
    if heading.lower() not in _second_lines():
        return None
    m = re.search(r"(?<=\s)([A-Z][A-Za-z-]*)\s*$", above)
    if m is None:
        return None
    kind = _vocabulary().get(f"{m.group(1)} {heading}".lower())
    return (kind, m.start(1), f"{m.group(1)} {heading}") if kind in (REQUIRED, PREFERRED) else None


@lru_cache(maxsize=1)
def _inside() -> re.Pattern[str]:
    """A requirements or preferred heading and its colon inside a line of text ("... Java and SQL
    Preferred: Experience with Go")."""
    vocabulary = _vocabulary()
    phrases = sorted((h for h, k in vocabulary.items() if k in (REQUIRED, PREFERRED)), key=len, reverse=True)
    return re.compile(rf"(?<=\S)\s+(?P<h>(?i:{alternation(phrases)}))\s*:")


def _mid_line(marks: list[tuple[int, str, str]], pos: int, line: str, rest: int) -> None:
    """Add the sections opened by headings inside ``line`` after its first ``len(line) - rest``
    characters (the line's own heading)."""
    start = max(0, len(line.rstrip()) - rest)
    colon = start
    while (colon := line.find(":", colon + 1)) != -1:
        before = line[max(start, colon - 30) : colon].rstrip().rsplit(None, 1)[-1:]
        if not before or before[0].lower() not in _last_words():
            continue  # the word before the colon ends no heading: most colons
        m = next(
            (m for m in _inside().finditer(line, max(start, colon - 60), colon + 1) if m.end() > colon), None
        )
        if (
            m is not None
            and line[colon + 1 :].strip()
            and all(w[:1].isupper() for w in m.group("h").split() if w[:1].isalpha())
        ):
            marks.append((pos + m.start("h"), _vocabulary()[m.group("h").lower()], m.group("h")))
    for m in _CAPITALS.finditer(line, start + 1):
        words = list(re.finditer(r"[A-Z]+", m.group(0)))
        for word in words:  # the longest tail of the run that is a heading: "SQL PREFERRED SKILLS"
            heading = m.group(0)[word.start() :]
            kind = _vocabulary().get(re.sub(r"[ &/-]+", " ", heading.lower()))
            if kind not in (REQUIRED, PREFERRED):
                continue
            if word is words[-1] and (
                _CUE_WORD.fullmatch(heading)
                or not re.search(r"[.;:!?)]\s*$", line[: m.start() + word.start()])
            ):
                break  # one word: a heading after a sentence's end only, and never a cue word, which
                # qualifies its neighbour ("Python REQUIRED, Go PREFERRED"; "Excellent SQL SKILLS")
            marks.append((pos + m.start() + word.start(), kind, heading))
            break
    marks.sort(key=lambda mark: mark[0])


# a heading in capitals inside a line, its content after it ("... and SQL PREFERRED SKILLS
# Experience with Go", "We build maps. REQUIREMENTS Java, SQL")
_CAPITALS = re.compile(r"(?<=[\w.,;)] )[A-Z]{2,}+(?:[ &/-]+[A-Z]{2,}+)*+(?=:?\s+[A-Z0-9])")
_CUE_WORD = re.compile(r"PREFERRED|REQUIRED|DESIRED|DESIRABLE|OPTIONAL|BONUS|PLUS|MANDATORY|IDEALLY")


def _merge(sections: list[Section]) -> list[Section]:
    merged: list[Section] = []
    for s in sections:
        if (
            merged
            and merged[-1].kind == s.kind
            and merged[-1].heading == s.heading
            and merged[-1].end == s.start
        ):
            merged[-1] = Section(s.kind, s.heading, merged[-1].start, s.end)
        else:
            merged.append(s)
    return merged
