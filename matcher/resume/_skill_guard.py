"""Guards on skill matches in resume prose: short and common surface forms that name a skill only
when written as the skill is written.

The taxonomy's finder is shared with postings; these checks look at what a resume's own words
around a match say, and drop:

- an acronym alias not written as an acronym ("bi-weekly" is no BI), or written as one but naming
  a product only one or two outside sources know (not the project's curated list) whose full
  name the resume never writes ("FMS", "CALM", "ICS", "GCE");
- a one-word name that is also an English word, of a product no more than two outside sources
  know, written in lower case in prose ("brought forth" is no Forth); a skills section's list is
  not prose and keeps it;
- a one-letter language followed by another capitalised abbreviation ("C SE Dept");
- a multi-word form matched only through a plural folded inside it ("security compliance" is not
  "securities compliance"): only the last word of a form may be singular or plural (a form's
  letters split into words, "Quick Books", are the form).

A skills section's item the taxonomy does not know counts unless a skill found on the resume is one
of its words or word runs ("English (fluent)" is English, found already): a word, not a letter
inside one ("R" is no reason to drop "Client/server"); and it is no skill when a word of it rates
the candidate instead ("Excellent driving record", "Human resource knowledge": the words are
``item_ratings`` in data/wordlists/skill_cues.txt), unless it is a skill with a word saying the
candidate has it ("Sandwich preparation experience": :func:`without_descriptor`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from matcher.text import token_key, wordlist

if TYPE_CHECKING:
    from matcher.language import Skill, Taxonomy

__all__ = ["item_holds_found_skill", "item_rates_the_candidate", "keep_skill_span", "without_descriptor"]

_ACRONYM = re.compile(r"^\(?[A-Z][A-Z0-9&]{1,4}\)?$")
_WORD = re.compile(r"[A-Za-z0-9+#]+")


def keep_skill_span(
    span: Any, skill: Skill, taxonomy: Taxonomy, text: str, in_list: bool, lowered: str | None = None
) -> bool:
    """True when the match ``span`` of ``skill`` reads as the skill in ``text``.

    ``in_list`` says the match stands on a line of a skills section (a list, not prose);
    ``lowered`` is ``text.lower()`` when the caller has it already.
    """
    lowered = text.lower() if lowered is None else lowered
    surface = span.text
    forms = (skill.name, *skill.aliases)
    if any(surface == form for form in forms):
        exact = next(form for form in forms if surface == form)
        return _acronym_known(exact, skill, lowered, in_list)
    acronyms = [f for f in forms if _ACRONYM.match(f) and token_key(f.strip("()")) == token_key(surface)]
    if acronyms and surface.rstrip("s") in acronyms:  # "EKGs", "APIs"
        return _acronym_known(acronyms[0], skill, lowered, in_list)
    if acronyms:
        return False  # an acronym written otherwise ("bi-weekly", "Ids")
    words = surface.split()
    if len(words) == 1:
        if (
            not in_list
            and surface.islower()
            and skill.name[:1].isupper()
            and not _vouched(skill)
            and _context_word(skill, surface, taxonomy)
        ):
            return False  # "brought forth"; but "tests using selenium" stays
        if len(surface) == 1 and not in_list:
            after = text[span.end_char : span.end_char + 12].split()
            return not (after and after[0][:1].isupper() and after[0].isalpha())  # "C SE Dept"
        return True
    return _plural_only_at_the_end(words, forms)


def item_holds_found_skill(item: str, surfaces: set[str]) -> bool:
    """True when one of ``surfaces`` (found skills' texts, lower case) is a word or a run of whole
    words of the skills-section ``item``: the item then names that skill, found already.

    Examples
    --------
    >>> item_holds_found_skill("English (fluent)", {"english"})
    True
    >>> item_holds_found_skill("Client/server", {"r", "c"})
    False
    """
    low = item.lower()
    for surface in surfaces:
        at = low.find(surface)
        while at >= 0:
            end = at + len(surface)
            if (at == 0 or not low[at - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
                return True
            at = low.find(surface, at + 1)
    return False


def item_rates_the_candidate(item: str) -> bool:
    """True when a word of the skills-section ``item`` rates the candidate ("Excellent",
    "Strong", "proficient", "knowledge", "able") rather than names a skill.

    Examples
    --------
    >>> item_rates_the_candidate("Excellent driving record"), item_rates_the_candidate("Payroll")
    (True, False)
    """
    return not _ratings().isdisjoint(re.findall(r"[a-z]+", item.lower()))


@lru_cache(maxsize=1)
def _ratings() -> frozenset[str]:
    return frozenset(wordlist("skill_cues", "item_ratings"))


_LINKS = frozenset({"in", "of", "with", "at", "on"})


def without_descriptor(item: str, taxonomy: Taxonomy) -> str:
    """The skills-section ``item`` without a word saying the candidate has the skill
    (``item_descriptors`` in data/wordlists/skill_cues.txt): at the item's end ("Sandwich
    preparation experience", "Social media savvy"), or at its start before "in", "of", "with"
    ("Trained in catheter change", "Strong knowledge of QuickBooks"). What is left must be a
    skill the taxonomy knows, or two words or more with no rating word; else the item stays.

    Examples
    --------
    >>> from matcher.language import load_taxonomy
    >>> taxonomy = load_taxonomy()
    >>> without_descriptor("Sandwich preparation experience", taxonomy)
    'Sandwich preparation'
    >>> without_descriptor("Proficient in creating", taxonomy)
    'Proficient in creating'
    """
    words = item.split()
    low = [w.lower() for w in words]
    descriptors = _descriptors()
    rest = words
    start = 1 if len(low) > 3 and low[0] in _ratings() and low[1] in descriptors else 0
    if len(low) > start + 2 and low[start] in descriptors and low[start + 1] in _LINKS:
        rest = words[start + 2 :]  # "Trained in catheter change", "Strong knowledge of QuickBooks"
    elif len(low) > 1 and low[-1] in descriptors:
        rest = words[:-1]  # "Social media savvy"
    if rest is words:
        return item
    remainder = " ".join(rest)
    if taxonomy.find(remainder) is not None or (len(rest) >= 2 and not item_rates_the_candidate(remainder)):
        return remainder
    return item


@lru_cache(maxsize=1)
def _descriptors() -> frozenset[str]:
    return frozenset(wordlist("skill_cues", "item_descriptors"))


def _acronym_known(form: str, skill: Skill, lowered: str, in_list: bool) -> bool:
    """An acronym names the skill when many sources know it, the resume lists it, or the resume
    also writes the skill's full name."""
    renamed = _renamed(skill)
    if not _ACRONYM.match(form) or (form == skill.name and not renamed) or in_list:
        return True
    if _vouched(skill):
        return True  # an acronym the project's list or several sources vouch for ("SOX", "EKG")
    full = [f for f in skill.aliases if len(f.split()) > 1] if renamed else [skill.name]
    return any(f.lower() in lowered for f in full)


def _renamed(skill: Skill) -> bool:
    """The skill is shown by a short form of the name its id was made from (the taxonomy names
    O*NET's "Multipath Corporation Fast Matrix Solver FMS" FMS): that form is an acronym alias,
    not the name its sources gave."""
    slug = re.sub(r"[^a-z0-9]+", "-", skill.name.lower()).strip("-")
    return re.fullmatch(re.escape(slug) + r"(?:-\d+)?", skill.id) is None


def _vouched(skill: Skill) -> bool:
    """The project's curated list or at least three sources know the skill."""
    return "curated" in skill.sources or len(skill.sources) >= 3


def _context_word(skill: Skill, surface: str, taxonomy: Taxonomy) -> bool:
    """The one-word form is ordinary English (the taxonomy asks for context around it)."""
    key = token_key(surface)
    return any(
        p.skill_id == skill.id and p.keys == (key,) and p.context for p in taxonomy.by_first.get(key, ())
    )


def _plural_only_at_the_end(words: list[str], forms: tuple[str, ...]) -> bool:
    """The words match a form of the skill word for word, except for a plural on the last word,
    or spell a form letter for letter ("Quick Books" for QuickBooks)."""
    got = [w.lower() for w in _WORD.findall(" ".join(words))]
    wanted = [[w.lower() for w in _WORD.findall(f)] for f in forms]
    if any("".join(got) == "".join(want) for want in wanted):
        return True
    same_count = [want for want in wanted if len(want) == len(got)]
    return not same_count or any(got[:-1] == want[:-1] for want in same_count)
