"""Words run together: detecting them, and putting the spaces back.

pypdf extracts some XeLaTeX fonts without the spaces between words ("Ledservicemeshtechnology"),
because those fonts position each word instead of drawing a space. ``unglue`` splits such runs
into their most probable words (wordninja's English word-frequency list, as wordninja scores it),
with the taxonomy's skill words added to the list, so "DesignedTerraformmodules" becomes "Designed
Terraform modules" and not "Designed Terra form modules". A known word or skill stays whole.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from matcher.text._tokens import token_key

__all__ = ["english_words", "glued_words", "unglue"]

_LONG_WORD = re.compile(r"[A-Za-z]{22,}")
_LETTERS = re.compile(r"[A-Za-z]+")


def glued_words(text: str) -> bool:
    """True when many words are run together ("Ledservicemeshtechnologyresearch").

    Examples
    --------
    >>> glued_words("Ledservicemeshtechnologyresearchandimplementation across clusters " * 5)
    True
    >>> glued_words("Led service mesh technology research and implementation")
    False
    """
    words = len(text.split())
    return words > 0 and len(_LONG_WORD.findall(text)) >= max(3, 0.02 * words)


def unglue(text: str, skill_words: frozenset[str] = frozenset()) -> str:
    """Put spaces back between words run together; known words, ``skill_words`` (lookup keys, see
    :func:`matcher.text.token_key`, of words the English list may lack: "terraform"), names
    nobody knows ("Byungjin"), e-mail addresses and links stay whole.

    Examples
    --------
    >>> unglue("DesignedTerraformmodulestomanageinfrastructure, evaluatingIstio,Cilium",
    ...        frozenset({"terraform", "istio", "cilium"}))
    'Designed Terraform modules to manage infrastructure, evaluating Istio,Cilium'
    """
    if len(text) > _MAX_TEXT:
        return text  # no resume is this long: a flood of characters is left as it is
    lexicon = _lexicon(skill_words)

    def split_run(match: re.Match[str]) -> str:
        return _split_run(match.group(), lexicon)

    return _TOKEN.sub(
        lambda m: m.group() if _LINK.search(m.group()) else _LETTERS.sub(split_run, m.group()), text
    )


_TOKEN = re.compile(r"\S+")
_LINK = re.compile(r"@|www\.|://|\.(com|org|net|io|de)\b", re.IGNORECASE)
_MIN_RUN = 6  # shorter runs are left alone
_MAX_RUN = 200  # so are longer ones (a line of type is shorter): the split costs time per letter
_MAX_TEXT = 100_000


class _Lexicon(NamedTuple):
    costs: dict[str, float]  # every word's cost
    added: frozenset[str]  # skill words the English list lacks
    skills: frozenset[str]  # every skill word


@lru_cache(maxsize=4)
def _lexicon(skill_words: frozenset[str]) -> _Lexicon:
    return _Lexicon(_word_costs(skill_words), _added_skill_words(skill_words), skill_words)


def _split_run(run: str, lexicon: _Lexicon) -> str:
    costs = lexicon.costs
    if len(run) < _MIN_RUN or len(run) > _MAX_RUN or (len(run) < _LONG_NAME and _NAME.match(run)):
        return run  # short, a name ("Byungjin", "Dunamu"), or longer than any line of words
    if run.lower() in costs or token_key(run) in costs:
        return run
    # best[i] = (cost, length of the last word) of the cheapest split of run[:i]: the first k with
    # the least cost, as min() over (cost, k) picks it. A split of run[:i - k] that costs inf leaves
    # every longer one at inf, so its last word is not priced; each piece is priced as ``_cost``
    # prices it, written out here (this loop runs for every piece of every glued run)
    best: list[tuple[float, int]] = [(0.0, 0)]
    lowered = run.lower()  # the run is ASCII letters: each piece's lower case is a slice of it
    skills, added = lexicon.skills, lexicon.added
    inf = math.inf
    for i in range(1, len(run) + 1):
        least, size = inf, 1
        for k in range(1, min(i, _LONGEST) + 1):
            before = best[i - k][0]
            if before == inf:
                continue
            lower = lowered[i - k : i]
            stem, plural = lower, False
            cost = costs.get(lower)
            if cost is None and k > 3 and lower[-1] == "s":
                stem, plural = lower[:-1], True
                cost = costs.get(stem)
            if cost is None:
                if lower not in skills or not run[i - k : i].isupper():
                    continue  # no word, no plural of one, no acronym of a skill: inf
                cost = _skill_cost()
            if plural:
                cost += _PLURAL_COST
            if lower != run[i - k : i]:  # upper case inside: maybe a case change
                piece = run[i - k : i]
                if _CASE_CHANGE.search(piece) and (k < _SKILL_CASE_CHANGE or stem not in added):
                    cost += _CASE_CHANGE_COST
            total = before + cost
            if total < least:
                least, size = total, k
        best.append((least, size))
    if math.isinf(best[-1][0]):
        return run  # a piece no dictionary knows: a name, a product; left as it is
    words = []
    i = len(run)
    while i > 0:
        k = best[i][1]
        words.append(run[i - k : i])
        i -= k
    return " ".join(reversed(words))


_LONGEST = 24  # the longest word tried
_LONG_NAME = 12
_NAME = re.compile(r"[A-Z][a-z]+$")
_PLURAL_COST = 1.0
_CASE_CHANGE = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_CASE_CHANGE_COST = 10.0
_SKILL_CASE_CHANGE = 5  # a skill word this long may change case inside ("GitOps", not "CIf")


def _cost(piece: str, lexicon: _Lexicon) -> float:
    """A word's cost; a plural the list lacks ("workflows") costs a little more than its singular,
    and a word with a case change inside ("dCI", "CIf") much more, unless it is a skill spelled so
    ("DevOps", "SQLite")."""
    costs = lexicon.costs
    lower = piece.lower()
    stem = lower[:-1] if len(lower) > 3 and lower.endswith("s") and lower not in costs else lower
    cost = costs.get(stem)
    if cost is None:
        if not (piece.isupper() and lower in lexicon.skills):  # a short acronym: "CI", "ML"
            return math.inf
        cost = _skill_cost()
    if stem != lower:
        cost += _PLURAL_COST
    if _CASE_CHANGE.search(piece) and (len(piece) < _SKILL_CASE_CHANGE or stem not in lexicon.added):
        cost += _CASE_CHANGE_COST
    return cost


@lru_cache(maxsize=1)
def _english_words() -> tuple[str, ...]:
    """wordninja's English word list, most frequent first."""
    import gzip

    import wordninja

    path = Path(wordninja.__file__).parent / "wordninja" / "wordninja_words.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return tuple(f.read().split())


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The English words (lower case) glued words are split into: wordninja's list.

    Examples
    --------
    >>> "registered" in english_words(), "asaregistered" in english_words()
    (True, False)
    """
    return frozenset(_english_words())


def _list_size() -> int:
    return len(_english_words())


@lru_cache(maxsize=4)
def _word_costs(skill_words: frozenset[str]) -> dict[str, float]:
    """Cost of each word, -log of its probability under Zipf's law over wordninja's English word
    list ranked by frequency (as wordninja computes it), with every skill word the list lacks as cheap
    as a common English word. Single letters other than "a" and "I" are left out: they glue to
    anything."""
    words = [w for w in _english_words() if len(w) > 1 or w in ("a", "i")]
    scale = math.log(_list_size())
    costs = {word: math.log((rank + 1) * scale) for rank, word in reversed(list(enumerate(words)))}
    costs.update(dict.fromkeys(_added_skill_words(skill_words), _skill_cost()))
    return costs


@lru_cache(maxsize=4)
def _added_skill_words(skill_words: frozenset[str]) -> frozenset[str]:
    """Skill words the English list lacks ("kubernetes", "terraform": newer than the list)."""
    english = frozenset(_english_words())
    return frozenset(w for w in skill_words if len(w) > 2 and w not in english)


_SKILL_RANK = 2_000


@lru_cache(maxsize=1)
def _skill_cost() -> float:
    """The cost of a skill word: that of the English word ranked ``_SKILL_RANK``."""
    return math.log(_SKILL_RANK * math.log(_list_size()))
