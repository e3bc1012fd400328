"""Splitting a posting into sections: requirements, preferred, duties, boilerplate, intro.

Headings are found on their own line ("Qualifications:"), run into the text as real postings
often have them ("...at scale.Preferred Qualifications: Knowledge of..."), or not at all: then
sentence cues decide (``sentence_role``).
"""

from __future__ import annotations

import re

from matcher.records import Section

__all__ = ["HEADINGS", "find_sections", "mention_role", "sentence_role"]

REQUIRED, PREFERRED, DUTIES, BOILERPLATE, INTRO = "required", "preferred", "duties", "boilerplate", "intro"

HEADINGS: dict[str, tuple[str, ...]] = {
    PREFERRED: (
        "preferred qualifications",
        "preferred skills",
        "preferred experience",
        "preferred requirements",
        "nice to have",
        "nice-to-have",
        "nice to haves",
        "nice-to-haves",
        "bonus points",
        "bonus",
        "pluses",
        "desired skills",
        "desired qualifications",
        "desired experience",
        "desirable",
        "additional qualifications",
        "preferred",
        "good to have",
        "extra credit",
        "it would be great if",
        "it's a plus if",
        "even better if",
        "what would be nice",
        "ideally you have",
        "ideally",
        "preferred qualificaitons",
        "preferred, not required",
        "not required",
        "desired",
        "optional",
        "advantageous",
        "a plus",
    ),
    REQUIRED: (
        "basic qualifications",
        "minimum qualifications",
        "required qualifications",
        "qualifications",
        "requirements",
        "required skills",
        "required experience",
        "key requirements",
        "job requirements",
        "skills and experience",
        "skills & experience",
        "experience and skills",
        "skills and qualifications",
        "what you'll need",
        "what you will need",
        "what you need",
        "what we're looking for",
        "what we are looking for",
        "what we look for",
        "who you are",
        "you have",
        "you bring",
        "what you bring",
        "what you'll bring",
        "must have",
        "must-have",
        "must haves",
        "your profile",
        "profile",
        "about you",
        "skills",
        "key skills",
        "technical skills",
        "the ideal candidate",
        "ideal candidate",
        "your skills",
        "your experience",
        "education",
        "education and experience",
        "knowledge, skills and abilities",
        "competencies",
        "we expect",
        "you should have",
        "you will have",
        "experience",
        "requirements and qualifications",
        "qualifications and requirements",
        "required",
        "basic",
        "minimum",
        "mandatory",
        "essential",
        "essential skills",
        "what we need",
        "what you should have",
        "you are",
        "we are looking for",
        "we're looking for",
    ),
    DUTIES: (
        "responsibilities",
        "accountabilities",
        "key accountabilities",
        "responsibilities & accountabilities",
        "responsibilities and accountabilities",
        "key responsibilities",
        "duties",
        "job duties",
        "what you'll do",
        "what you will do",
        "what you'll be doing",
        "the role",
        "about the role",
        "role",
        "your role",
        "your responsibilities",
        "day to day",
        "day-to-day",
        "in this role",
        "the job",
        "position summary",
        "job summary",
        "overview",
        "role overview",
        "summary",
        "job description",
        "description",
        "your tasks",
        "tasks",
        "your mission",
        "mission",
        "the opportunity",
        "the position",
    ),
    BOILERPLATE: (
        "about us",
        "about the company",
        "who we are",
        "benefits",
        "perks",
        "perks and benefits",
        "what we offer",
        "we offer",
        "compensation",
        "salary",
        "pay",
        "equal opportunity",
        "equal employment opportunity",
        "eeo",
        "how to apply",
        "application process",
        "faq",
        "faqs",
        "why join us",
        "why us",
        "why work with us",
        "our culture",
        "culture",
        "life at",
        "career advice",
        "tips",
        "disclaimer",
        "location",
        "legal",
        "about the team",
        "our team",
        "the team",
        "company",
        "company description",
        "about",
        "additional information",
        "working here",
    ),
}
_HEADING_KIND = {h: kind for kind, names in HEADINGS.items() for h in names}
_ALT = "|".join(sorted((re.escape(h) for h in _HEADING_KIND), key=len, reverse=True))
# a heading alone on its line (optionally with a colon)
_LINE_HEADING = re.compile(rf"^\W{{0,3}}(?P<h>{_ALT})\s*:?\s*$", re.IGNORECASE)
# a heading that starts a line and runs into its content ("Qualifications: BS in ...")
_LEAD_HEADING = re.compile(rf"^\W{{0,3}}(?P<h>{_ALT})(?:\s+\w+)?\s*(?::|-|–)\s*(?=\S)", re.IGNORECASE)
_ITEM_LENGTH = 60
_GENERIC_FOLLOWERS = frozenset(
    {"qualifications", "requirements", "skills", "experience", "skills and experience"}
)
# a capitalised multi-word heading run into the text ("...scale.Preferred Qualifications: ...")

_PREFERRED_CUE = re.compile(
    r"\b(?:a plus|plus\b(?! \d)|preferred|preferably|prefer|ideally|ideal\b|bonus|desired|desirable|"
    r"nice[- ]to[- ]have|an advantage|advantageous|extra points|would be great|beneficial|an asset|"
    r"strongly recommended|good to have|not required|optional|is helpful|are helpful|helpful|"
    r"(?:would|will) be (?:a )?(?:plus|benefit|bonus)|appreciated|welcome)\b",
    re.IGNORECASE,
)
_REQUIRED_CUE = re.compile(
    r"(?:skills|abilities)\.?$|"
    r"\b(?:experience (?:with|in|using|of|building|developing|working)|experienced (?:with|in)|"
    r"proficien(?:cy|t)|knowledge (?:of|in)|knowledgeable|familiar(?:ity)? with|expertise (?:in|with)|"
    r"expert in|background in|understanding of|must|required|requires?|need to have|you have|"
    r"you should have|you will have|you bring|skills in|skilled in|fluen(?:t|cy)|years of|"
    r"ability to|able to|hands-on|track record|demonstrated|\d+\+? years|"
    r"command of|mastery of|competen(?:ce|cy|t)|qualifications?|ideal candidate will have|"
    r"looking for (?:someone|candidates|engineers|a)|we need|need to be|must be|should be|you are|you're|"
    r"can work with|comfortable (?:with|working|in)|you (?:love|enjoy|like|thrive|know)|"
    r"(?:strong|solid|excellent|good|deep|sound|proven|great|outstanding|exceptional|superb|effective|"
    r"advanced|demonstrable|thorough|working)\b[^.]{0,40}\b(?:skills|knowledge|understanding|"
    r"experience|background|proficiency|command|abilities))\b",
    re.IGNORECASE,
)
_BOILERPLATE_CUE = re.compile(
    r"equal (?:employment )?opportunity|without regard to|reasonable accommodation|affirmative action|"
    r"\bbenefits (?:include|package)|\b401\(?k\)?|salary range|pay range|compensation (?:range|package)|"
    r"background check|security screening|e-verify|apply now|to learn more|please visit|visit our|"
    r"protected veteran|sexual orientation|national origin|drug[- ]free|we offer|paid time off|"
    r"health insurance|dental|pension|flexible working hours|\bPTO\b|parental leave|stock options|"
    r"careers\.|https?://|www\.|@\w+\.\w+|citizenship|clearance|curriculum vitae|cover letter|"
    r"(?:application|applications) (?:must|should) (?:include|contain|be)|please (?:submit|send|apply)|"
    r"diplomas|list of publications|letters? of recommendation|references",
    re.IGNORECASE,
)


def heading_kind(line: str) -> tuple[str, str, int] | None:
    """Return (kind, heading) when ``line`` is or starts with a section heading: alone on its
    line ("Requirements:"), leading its content ("Preferred: Kafka"), run in ("Responsibilities
    The team..."), or a short lead-in that asks ("Bonus if you have:", "You must have:")."""
    stripped = line.strip()
    if not stripped:
        return None
    m = _LINE_HEADING.match(stripped) if len(stripped) <= 80 else None
    if m is None:
        m = _LEAD_HEADING.match(stripped)
    if m is None:
        m = re.match(rf"^(?P<h>{_ALT})\s+(?=[A-Z\u2022])", stripped)
        if m is not None and (not m.group("h")[0].isupper() or len(m.group("h")) < 8):
            m = None
    if m is not None:
        return _HEADING_KIND[m.group("h").lower()], m.group("h"), len(stripped) - m.end()
    lead_in = re.split(r"(?<=[.!?])\s+", stripped)[-1]
    if (lead_in.endswith((":", "\u2026", "...")) or re.search(r"\bthe following$", lead_in)) and len(
        lead_in
    ) <= 100:  # a lead-in to a list: "Bonus if you have:"
        asks = re.search(
            r"\b(?:must|required|need|you have|you bring|you will have(?! to)|looking for|ideal candidate)\b",
            lead_in,
            re.IGNORECASE,
        )
        if (_PREFERRED_CUE.search(lead_in) or _FORWARD_CUE.search(lead_in)) and not (
            asks and "ideal candidate" in asks.group(0).lower()
        ):
            return PREFERRED, lead_in.rstrip(":.\u2026"), 0
        if asks:
            return REQUIRED, lead_in.rstrip(":.\u2026"), 0
    return None


def find_sections(text: str) -> list[Section]:
    """Split prepared text into sections by headings; text before the first is ``intro``."""
    sections: list[Section] = []
    kind, heading, start = INTRO, "", 0
    pos = 0
    for line in text.splitlines(keepends=True):
        found = heading_kind(line)
        if (
            found is not None
            and kind in (REQUIRED, PREFERRED)
            and found[1].lower() in _GENERIC_FOLLOWERS
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
            if pos > start:
                sections.append(Section(kind, heading, start, pos))
            sections.append(Section(found[0], found[1], pos, pos + len(line)))
            start = pos + len(line)
        elif found is not None:
            at = pos + max(0, line.find(found[1]))
            if at > start:
                sections.append(Section(kind, heading, start, at))
            kind, heading, start = found[0], found[1], at
        pos += len(line)
    if pos > start:
        sections.append(Section(kind, heading, start, pos))
    return _merge(sections)


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


_FORWARD_CUE = re.compile(
    r"\b(?:preferably|ideally|bonus if|bonus points for|nice to have:?|plus if|preferred:|let us know if|"
    r"would be nice|would love)",
    re.IGNORECASE,
)
# where a glued bullet starts inside a run-on sentence: "...presentation skills Experience with Kaggle"
_ITEM_START = re.compile(
    r"(?<=[a-z,)]) (?=(?:Experience|Knowledge|Ability|Strong|Excellent|Proven|Familiarity|Proficiency|"
    r"Understanding|Passion|Passionate|Demonstrated|Solid|Deep|Background|Team|Fluent|Fluency|Be|Have|"
    r"Speak|Write|Bring|Hold|Possess|You)\b)"
)
_SCOPE_BREAK = re.compile(r"[;.!?]\s|\b(?:required|must|need to|you have|minimum)\b", re.IGNORECASE)
_LEADING_CUE = re.compile(
    r"^\W*(?:\w+\W+)?(?:preferred|preferably|ideally|bonus|nice[- ]to[- ]have|desired|desirable|plus)\b",
    re.IGNORECASE,
)


def mention_role(sentence: str, offset: int, section: str) -> str:
    """Return the role of a mention at ``offset`` in ``sentence``: a preferred cue ("is a plus",
    "preferred") covers what comes before it back to the previous clause break, or the whole
    sentence when it leads ("Preferred: ...", "Ideally ...").

    Examples
    --------
    >>> s = "Python required, Java preferred"
    >>> mention_role(s, 0, "intro"), mention_role(s, 17, "intro")
    ('required', 'preferred')
    >>> s = "MS or PhD preferred 8+ years of Java"
    >>> mention_role(s, 32, "required")
    'required'
    """
    if is_boilerplate(sentence, offset, section):
        return BOILERPLATE
    asked_before = bool(_REQUIRED_CUE.search(sentence, 0, offset))
    if len(sentence) > _LONG_SENTENCE:  # a run-on of glued bullets: judge the mention's neighbourhood
        start = max(0, offset - _BOILERPLATE_REACH)
        sentence, offset = sentence[start : offset + _BOILERPLATE_REACH], offset - start
    for cue in _FORWARD_CUE.finditer(sentence, 0, offset):
        if not _SCOPE_BREAK.search(sentence, cue.end(), offset):
            return PREFERRED
    if section == PREFERRED:  # "... is a must" inside a nice-to-have list is still required
        clause = _clause_around(sentence, offset)
        if re.search(r"\b(?:must|required|mandatory)\b", clause, re.IGNORECASE) and not re.search(
            r"\bnot (?:required|mandatory|a must)\b", clause, re.IGNORECASE
        ):
            return REQUIRED
        return PREFERRED
    role = sentence_role(_BOILERPLATE_CUE.sub(" ", sentence), section)
    if role == "mentioned" and asked_before:
        return REQUIRED
    if role != PREFERRED or section == PREFERRED or _LEADING_CUE.match(sentence):
        return role
    for cue in _PREFERRED_CUE.finditer(sentence):
        if cue.start() < offset or _FORWARD_CUE.fullmatch(cue.group(0)):
            continue
        breaks = [m.end() for m in _SCOPE_BREAK.finditer(sentence, 0, cue.start())]
        breaks += [m.end() for m in _ITEM_START.finditer(sentence, 0, cue.start())]
        scope_start = max(breaks, default=0)
        scope_start = max(scope_start, cue.start() - _PREFERRED_REACH)
        if scope_start <= offset:
            return PREFERRED
    rest = sentence_role(_BOILERPLATE_CUE.sub(" ", _PREFERRED_CUE.sub(" ", sentence)), section)
    if rest == "mentioned" and asked_before:
        return REQUIRED
    return rest if rest != BOILERPLATE else "mentioned"


_LONG_SENTENCE = 250
_PREFERRED_REACH = 100  # "Experience with Python, Java, Go or Rust is a plus": how far back a cue reaches
_BOILERPLATE_REACH = 120


def is_boilerplate(sentence: str, offset: int, section: str) -> bool:
    """True when a mention at ``offset`` belongs to boilerplate (benefits, equal opportunity,
    screening...). In a long run-on sentence (bullets glued together) only the text near the
    boilerplate cue counts as boilerplate, not the whole run.

    Examples
    --------
    >>> is_boilerplate("We are an equal opportunity employer.", 10, "intro")
    True
    """
    if section == BOILERPLATE:
        return True
    cues = [m.start() for m in _BOILERPLATE_CUE.finditer(sentence)]
    if not cues:
        return False
    if len(sentence) <= _LONG_SENTENCE:
        return True
    return any(-_BOILERPLATE_REACH <= cue - offset <= _BOILERPLATE_REACH for cue in cues)


def _clause_around(sentence: str, offset: int) -> str:
    """The stretch of ``sentence`` around ``offset`` between clause breaks ("while", ";", ".")."""
    breaks = [0, len(sentence)]
    breaks += [m.start() for m in re.finditer(r"[;.!?](?:\s|$)|\b(?:while|whereas|but)\b|,", sentence)]
    left = max(b for b in breaks if b <= offset)
    right = min(b for b in breaks if b > offset) if any(b > offset for b in breaks) else len(sentence)
    return sentence[left:right]


def sentence_role(sentence: str, section: str) -> str:
    """Return how a sentence's skills count: required, preferred, mentioned or boilerplate.

    Examples
    --------
    >>> sentence_role("Experience with Kafka is a plus.", "duties")
    'preferred'
    >>> sentence_role("Proficiency in Python.", "intro")
    'required'
    >>> sentence_role("Build data pipelines in Spark.", "duties")
    'mentioned'
    """
    if section == BOILERPLATE or _BOILERPLATE_CUE.search(sentence):
        return BOILERPLATE
    preferred = bool(_PREFERRED_CUE.search(sentence))
    if section == PREFERRED:
        if re.search(r"\b(?:must|required)\b", sentence, re.IGNORECASE) and not preferred:
            return REQUIRED
        return PREFERRED
    if preferred:
        return PREFERRED
    if section == REQUIRED:
        return REQUIRED
    if _REQUIRED_CUE.search(sentence):
        return REQUIRED
    return "mentioned"
