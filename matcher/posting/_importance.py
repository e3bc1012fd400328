"""How a skill mention counts: required, preferred, mentioned, or boilerplate (counts not at all).

Cues decide within a sentence: "Python required, Java preferred" makes only Java preferred; a
backward cue ("... is a plus") covers what precedes it back to a clause break, a forward cue
("preferably in C++") what follows; in run-on text (bullets glued together) only the mention's
neighbourhood is read.
"""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.text import alternation, wordlist

__all__ = ["is_boilerplate", "mention_role", "sentence_role"]

REQUIRED, PREFERRED, DUTIES, BOILERPLATE, INTRO = "required", "preferred", "duties", "boilerplate", "intro"
MATERIAL = "material"  # about the job in general (salary survey, career guide, FAQ): counts not at all
_NOTHING = (BOILERPLATE, MATERIAL)

CUE_WORDS = re.compile(r"\b(?:must|required|mandatory|essential|nice)\b", re.IGNORECASE)
PREFERRED_CUE = re.compile(
    r"\b(?:a plus|plus\b(?! \d)|preferred|preferably|prefer|ideally|ideal\b|bonus|desired|desirable|"
    r"nice[- ]to[- ]have|an advantage|advantageous|extra points|would be great|beneficial|an asset|"
    r"strongly recommended|good to have|not required|optional|is helpful|are helpful|helpful|"
    r"(?:would|will) be (?:a )?(?:plus|benefit|bonus)|appreciated|welcome|"
    r"stand out|sets? you apart|even better)\b",
    re.IGNORECASE,
)
_REQUIRED_CUE = re.compile(
    r"(?:skills|abilities)\.?$|"
    r"\b(?:experience (?:with|in|using|of|building|developing|working)|experienced (?:with|in)|"
    r"proficien(?:cy|t)|knowledge (?:of|in)|knowledgeable|familiar(?:ity|i[sz]ed)? with|"
    r"expertise (?:in|with)|"
    r"expert in|background in|understanding of|must|required|requires?|need to have|you have|"
    r"you should have|you will have|you bring|skills in|skilled in|fluen(?:t|cy)|years of|"
    r"ability to|able to|hands-on|track record|demonstrated|\d+\+? years|"
    r"command of|mastery (?:of|with|in)|competen(?:ce|cy|t)|qualifications?|ideal candidate will have|"
    r"looking for (?:someone|candidates|engineers|a)|we need|need to be|must be|should be|you are|you're|"
    r"can work with|comfortable (?:with|working|in)|you (?:love|enjoy|like|thrive|know)|"
    r"(?:strong|solid|excellent|good|deep|sound|proven|great|outstanding|exceptional|superb|effective|"
    r"advanced|demonstrable|thorough|working)\b[^.]{0,40}\b(?:skills|knowledge|understanding|"
    r"experience|background|proficiency|command|abilities))\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _boilerplate_cue() -> re.Pattern[str]:
    """Boilerplate phrases (data/wordlists/posting_cues.txt) and the patterns no list can say."""
    phrases = alternation(
        wordlist("posting_cues", "boilerplate") + wordlist("posting_cues", "template_guidance")
    )
    return re.compile(
        rf"(?:{phrases})|\bbenefits (?:include|package)|\b401\(?k\)?|\bPTO\b|@\w+\.\w+|"
        r"(?:application|applications) (?:must|should) (?:include|contain|be)",
        re.IGNORECASE,
    )


FORWARD_CUE = re.compile(
    r"\b(?:preferably|ideally|bonus if|bonus points for|nice to have:?|plus if|preferred:|let us know if|"
    r"would be nice|would love)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _item_start() -> re.Pattern[str]:
    """Where a glued bullet starts inside a run-on sentence ("...presentation skills Experience
    with Kaggle"): a space before a word of data/wordlists/posting_cues.txt [item_starts]."""
    return re.compile(rf"(?<=[a-z,)]) (?=(?:{alternation(wordlist('posting_cues', 'item_starts'))})\b)")


@lru_cache(maxsize=1)
def _item_break() -> re.Pattern[str]:
    """Where one glued item ends and the next begins: an item's first word after a lower-case one
    ("...mathematics skills Ability to meet"), a bullet run into the text ("Python* Strong",
    "knowledge of:- JavaScript- PHP"), or
    a company's equal-opportunity sentence run into the last item ("... is a plus Contoso is an
    equal opportunity employer")."""
    return re.compile(
        rf"{_item_start().pattern}|\*\s*(?=[A-Z])|(?<=[\w#+.:])-\s(?=[A-Z])"
        r"|(?<=[a-z]) (?=[A-Z][\w&.]*(?: [A-Z][\w&.]*){0,3} (?:is|are) an? (?:proud )?(?:equal|EEO)\b)"
    )


_SCOPE_BREAK = re.compile(r"[;.!?]\s|\b(?:required|must|need to|you have|minimum)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _leading_cue() -> re.Pattern[str]:
    """A preferred cue as a sentence's first or second word: data/wordlists/posting_cues.txt."""
    words = alternation(wordlist("posting_cues", "leading_preferred"))
    return re.compile(rf"^\W*(?:\w+\W+)?(?:{words})\b", re.IGNORECASE)


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
    asked_before = _first_required_cue_end(sentence) <= offset
    piece = False
    if len(sentence) > _LONG_SENTENCE:  # a run-on of glued bullets: judge the mention's neighbourhood
        start = max(0, offset - _BOILERPLATE_REACH)
        sentence, offset, piece = sentence[start : offset + _BOILERPLATE_REACH], offset - start, start > 0
    for cue in FORWARD_CUE.finditer(sentence, 0, offset):
        if not _SCOPE_BREAK.search(sentence, cue.end(), offset) and not _closed_between(
            sentence, cue.end(), offset
        ):
            return PREFERRED
    if section == PREFERRED:  # "... is a must" inside a nice-to-have list is still required
        clause = _clause_around(sentence, offset)
        if re.search(r"\b(?:must|required|mandatory)\b", clause, re.IGNORECASE) and not re.search(
            r"\bnot (?:required|mandatory|a must)\b", clause, re.IGNORECASE
        ):
            return REQUIRED
        return PREFERRED
    role = sentence_role(_boilerplate_cue().sub(" ", sentence), section)
    if role == "mentioned" and asked_before:
        return REQUIRED
    # a cue leading the sentence covers it, unless a parenthesis holds it: "Java (preferably..."
    lead = None if piece else _leading_cue().match(sentence)  # a piece's start is no sentence's
    if role != PREFERRED or section == PREFERRED or (lead and not _open_paren(sentence, lead.end())):
        return role
    for cue in PREFERRED_CUE.finditer(sentence):
        if cue.start() < offset or (FORWARD_CUE.fullmatch(cue.group(0)) and not _closes(sentence, cue.end())):
            continue  # a forward cue covers what follows it, unless nothing does: "Go (nice to have)"
        breaks = [m.end() for m in _SCOPE_BREAK.finditer(sentence, 0, cue.start())]
        breaks += [m.end() for m in _item_start().finditer(sentence, 0, cue.start())]
        scope_start = max(breaks, default=0)
        opened = _open_paren(sentence, cue.start())
        if opened and not sentence[opened + 1 : cue.start()].strip() and _closes(sentence, cue.end()):
            opened = 0  # "Go (nice to have)": a parenthesis of the cue alone qualifies what precedes it
        scope_start = max(scope_start, cue.start() - _PREFERRED_REACH, opened)
        if scope_start <= offset:
            return PREFERRED
    rest = sentence_role(_boilerplate_cue().sub(" ", PREFERRED_CUE.sub(" ", sentence)), section)
    if rest == "mentioned" and asked_before:
        return REQUIRED
    return rest if rest != BOILERPLATE else "mentioned"


def _closes(sentence: str, pos: int) -> bool:
    """True when nothing but a parenthesis, punctuation or the end follows ``pos`` in its clause."""
    return bool(re.match(r"\s*(?:[).;,!]|$)", sentence[pos:]))


def _open_paren(sentence: str, pos: int) -> int:
    """Where the parenthesis still open at ``pos`` starts (0 when none): a cue inside one
    ("2+ years of experience (online services preferred)") qualifies what the parenthesis holds."""
    opened = sentence.rfind("(", 0, pos)
    return opened if opened > sentence.rfind(")", 0, pos) else 0


def _closed_between(sentence: str, start: int, end: int) -> bool:
    """True when a parenthesis open at ``start`` closes before ``end`` ("Java (preferably Spring)
    and SQL": the forward cue ends with its parenthesis)."""
    opened = _open_paren(sentence, start)
    return bool(opened) and ")" in sentence[start:end]


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
    if section in _NOTHING:
        return True
    if len(sentence) <= _LONG_SENTENCE:
        # a cue before the mention sets the topic of what follows it; one after it reaches back
        # over its own item only ("... MPI is a plus Contoso is an equal opportunity employer")
        cues = _cue_starts(sentence)
        if not cues:
            return False
        breaks = [b for b in _break_starts(sentence) if b > offset]
        return any(cue <= offset or not any(b <= cue for b in breaks) for cue in cues)
    # only the cues within reach are looked for: every mention of a run-on sentence scanning all of
    # it made "5+ years of Python, " * 400 quadratic (issue 17)
    # a cue after the mention reaches back over its own item only, as in a short sentence
    start, end = max(0, offset - _BOILERPLATE_REACH), offset + _BOILERPLATE_REACH
    return any(
        m.start() <= offset or not _breaks_before(sentence, offset, m.start(), m.end())
        for m in _boilerplate_cue().finditer(sentence, start, end + _LONGEST_CUE)
        if m.start() <= end
    )


_LONGEST_CUE = 200


def _breaks_before(sentence: str, start: int, cue: int, cue_end: int) -> bool:
    """True when a glued item starts between ``start`` and a boilerplate cue at ``cue`` (the
    cue's own words are read too: "... preferred Contoso is an equal opportunity employer")."""
    found = _item_break().search(sentence, start, cue_end)
    return found is not None and found.start() <= cue


@lru_cache(maxsize=64)
def _cue_starts(sentence: str) -> tuple[int, ...]:
    """Where the sentence's boilerplate cues start: found once per sentence, not per mention."""
    return tuple(m.start() for m in _boilerplate_cue().finditer(sentence))


@lru_cache(maxsize=64)
def _break_starts(sentence: str) -> tuple[int, ...]:
    """Where the sentence's glued items start (``_item_break``), once per sentence."""
    return tuple(m.start() for m in _item_break().finditer(sentence))


@lru_cache(maxsize=64)
def _first_required_cue_end(sentence: str) -> float:
    """Where the sentence's first required cue ends (infinity when none): found once per sentence,
    not once for each of its mentions."""
    cue = _REQUIRED_CUE.search(sentence)
    return cue.end() if cue else float("inf")


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
    if section in _NOTHING or _boilerplate_cue().search(sentence):
        return BOILERPLATE
    preferred = bool(PREFERRED_CUE.search(sentence))
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
