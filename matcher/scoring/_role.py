"""The ``role`` component: is the candidate in the occupation the posting is for?

A recruiter reads the posting's title against the resume's headline and latest job title. Both
are looked up in O*NET's titles (``models/titles.json``, built by ``scripts/build_titles.py``:
occupation titles and ~56,000 alternate titles such as "Commis Chef" or "Purchasing Agent"), each
title resolving to the O*NET-SOC occupations it names. The credit follows the SOC hierarchy: the
same detailed occupation 1, the same broad occupation 0.6, minor group 0.4, major group 0.2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from matcher.errors import ModelError
from matcher.records import Resume

__all__ = ["TITLES_FILE", "RoleMatch", "occupations_of", "resume_titles", "role_match", "title_key"]

TITLES_FILE = "titles.json"

# words that set the level, not the occupation ("Senior Accountant" is an accountant)
_LEVEL_WORDS = frozenset(
    {"senior", "sr", "junior", "jr", "lead", "principal", "trainee", "entry", "level", "i", "ii", "iii", "iv"}
)
#: credit by the longest shared prefix of two SOC codes ("15-2051"): detailed, broad, minor, major
_LEVELS: tuple[tuple[int, float, str], ...] = (
    (7, 1.0, "same occupation"),
    (6, 0.6, "same broad occupation"),
    (4, 0.4, "same occupation group"),
    (2, 0.2, "same major group"),
)
_MAX_WORDS = 8  # a first line longer than this is a sentence, not a headline


def title_key(title: str) -> str:
    """The lookup key of a job title: lowercase words, level words dropped (unless nothing is left).

    Examples
    --------
    >>> title_key("Sr. Data Analyst (m/f)")
    'data analyst m f'
    >>> title_key("Senior")
    'senior'
    """
    words = re.findall(r"[a-z]+", title.lower())
    kept = [w for w in words if w not in _LEVEL_WORDS]
    return " ".join(kept or words)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[int]], list[str], dict[str, str]]:
    """Each title's occupations (as positions in the list of codes), the codes, their names."""
    import msgspec

    from matcher._models import model_dir

    path = model_dir() / TITLES_FILE
    try:  # read by msgspec, and the 50,000 titles kept as read: a lookup turns its own into codes
        data = msgspec.json.decode(path.read_bytes())
    except FileNotFoundError as exc:
        raise ModelError(f"title index not found at {path}; rebuild it with scripts/build_titles.py") from exc
    return data["titles"], [code for code, _ in data["occupations"]], dict(data["occupations"])


def occupations_of(title: str) -> tuple[str, ...]:
    """The O*NET-SOC occupations a job title names: the longest run of its words that is a known
    title (all such runs of that length), or ``()`` when none is.

    Examples
    --------
    >>> occupations_of("Sous Chef")
    ('35-1011', '35-2012')
    >>> occupations_of("Senior Purchasing Agent, Construction") == occupations_of("Purchasing Agent")
    True
    >>> occupations_of("Company Name")
    ()
    """
    return _occupations(title_key(title))


@lru_cache(maxsize=16384)
def _occupations(key: str) -> tuple[str, ...]:
    """:func:`occupations_of` for a title's key, looked up once per distinct title in a ranking."""
    titles, codes, _ = _index()
    words = key.split()
    for size in range(len(words), 0, -1):
        found: set[str] = set()
        for i in range(len(words) - size + 1):
            found.update(codes[at] for at in titles.get(" ".join(words[i : i + size]), ()))
        if found:
            return tuple(sorted(found))
    return ()


# what str.splitlines breaks lines at
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _first_line(text: str) -> str:
    """The first line of ``text`` that is not blank, stripped, without splitting the whole text
    into lines (it runs for every resume ranked)."""
    text = text.lstrip()
    end = _LINE_BREAK.search(text)
    return (text[: end.start()] if end else text).strip()


def resume_titles(resume: Resume) -> tuple[str, ...]:
    """The titles a resume gives itself: its headline (a short first line) and its latest job's title.

    Examples
    --------
    >>> from matcher import parse_resume_text
    >>> resume_titles(parse_resume_text("LINE COOK\\nSummary\\nFast, clean prep work."))
    ('LINE COOK',)
    """
    out: list[str] = []
    first = _first_line(resume.text)
    if first and len(first.split()) <= _MAX_WORDS and "@" not in first and not re.search(r"\d", first):
        out.append(first)
    if resume.experience and resume.experience[0].title:
        title = " ".join(resume.experience[0].title.split())
        if title and title not in out:
            out.append(title)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """How close the resume's role is to the posting's: ``credit`` 0 to 1, the resume title that
    earned it, and the shared level of the O*NET-SOC hierarchy in words.

    Examples
    --------
    >>> RoleMatch(0.5, "Line Cook", "Sous Chef", "same broad occupation").describe()
    "Role: 'Sous Chef' for 'Line Cook': same broad occupation, 0.5 credit"
    >>> from matcher import parse_resume_text
    >>> m = role_match("Data Analyst", parse_resume_text("DATA ANALYST\\nExperience\\nReports."))
    >>> m.credit, m.resume_title
    (1.0, 'DATA ANALYST')
    """

    credit: float
    posting_title: str
    resume_title: str | None
    how: str

    def describe(self) -> str:
        """One line for :meth:`matcher.Score.explain`."""
        if self.resume_title is None:
            return f"Role: {self.posting_title!r}: {self.how}"
        return f"Role: {self.resume_title!r} for {self.posting_title!r}: {self.how}, {self.credit:g} credit"


def role_match(posting_title: str | None, resume: Resume) -> RoleMatch | None:
    """The ``role`` component, or None when it cannot be judged: the posting or the resume has no
    title O*NET knows.

    Examples
    --------
    >>> from matcher import parse_resume_text
    >>> cook = parse_resume_text("SOUS CHEF\\nExperience\\nPrep and line work.")
    >>> m = role_match("Continental Cook", cook)  # "cook" names 7 occupations; "sous chef" 2 of them
    >>> m.credit, m.how
    (0.514, 'same broad occupation (Chefs and Head Cooks / Cooks, Fast Food ..., 6 of the 7 it may name)')
    >>> role_match("Data Analyst", cook).credit
    0.0
    >>> role_match("Company Name", cook) is None
    True
    """
    if not posting_title:
        return None
    wanted = occupations_of(posting_title)
    if not wanted:
        return None
    _, _, names = _index()
    # a catch-all ("Computer Occupations, All Other") says little when a title also names others
    wanted = tuple(c for c in wanted if not names.get(c, "").endswith("All Other")) or wanted
    best = RoleMatch(0.0, posting_title, None, "no title of the resume names a related occupation")
    known = [(title, have) for title in resume_titles(resume) if (have := occupations_of(title))]
    if not known:  # no title O*NET knows: unknown, never a fail
        return None
    for title, have in known:
        credit, how = _closest(wanted, have)
        if credit > best.credit:
            best = RoleMatch(credit, posting_title, title, how)
    return best


@lru_cache(maxsize=16384)
def _closest(wanted: tuple[str, ...], have: tuple[str, ...]) -> tuple[float, str]:
    """The best credit the occupations ``have`` earn against ``wanted``, and how, in words (0.0
    and "" when they share not even a major group); worked out once per pair in a ranking."""
    _, _, names = _index()
    best = (0.0, "")
    for size, level_credit, words in _LEVELS:
        shared = sorted({c for c in wanted if any(c[:size] == h[:size] for h in have)})
        # an ambiguous posting title names several occupations: credit the share covered
        credit = round(level_credit * len(shared) / len(wanted), 3)
        if credit > best[0]:
            labels = " / ".join(names.get(c, c) for c in shared[:2]) + (" ..." if len(shared) > 2 else "")
            n, of = len(shared), len(wanted)
            share = "" if n == of else f", {n} of the {of} it may name"
            best = (credit, f"{words} ({labels}{share})")
    return best
