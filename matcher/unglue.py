"""Words run together: detecting them, and putting the spaces back.

pypdf extracts some XeLaTeX fonts without the spaces between words ("Ledservicemeshtechnology"),
because those fonts position each word instead of drawing a space. ``unglue`` splits such runs
with wordninja's English word-frequency model (a most-probable segmentation), never splits a known
word or skill name ("Kubernetes" stays whole), and joins pieces back into a skill name where the
model broke one ("Terra form" -> "Terraform").
"""

from __future__ import annotations

import gzip
import math
import re
from functools import lru_cache
from pathlib import Path

from matcher.nlp import token_key

__all__ = ["glued_words", "unglue"]

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


def unglue(text: str) -> str:
    """Put spaces back between words run together; known words, skill names, names nobody knows
    ("Byungjin"), e-mail addresses and links stay whole.

    Examples
    --------
    >>> unglue("DesignedTerraformmodulestomanageinfrastructure, evaluatingIstio,Cilium")
    'Designed Terraform modules to manage infrastructure, evaluating Istio,Cilium'
    """
    return _TOKEN.sub(
        lambda m: m.group() if _LINK.search(m.group()) else _LETTERS.sub(_split_run, m.group()), text
    )


_TOKEN = re.compile(r"\S+")
_LINK = re.compile(r"@|www\.|://|\.(com|org|net|io|de)\b", re.IGNORECASE)
_MIN_RUN = 6  # shorter runs are left alone


def _split_run(match: re.Match[str]) -> str:
    run = match.group()
    if len(run) < _MIN_RUN or (len(run) < _LONG_NAME and _NAME.match(run)):
        return run  # short, or a name ("Byungjin", "Dunamu")
    costs = _word_costs()
    lower = run.lower()
    if lower in costs or token_key(run) in costs:
        return run
    # best[i] = (cost, length of the last word) of the cheapest split of lower[:i]
    best: list[tuple[float, int]] = [(0.0, 0)]
    for i in range(1, len(lower) + 1):
        best.append(
            min(
                (
                    (best[i - k][0] + _cost(lower[i - k : i], costs), k)
                    for k in range(1, min(i, _LONGEST) + 1)
                ),
                default=(math.inf, 1),
            )
        )
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


def _cost(piece: str, costs: dict[str, float]) -> float:
    """A word's cost; a plural the list lacks ("workflows") costs a little more than its singular."""
    cost = costs.get(piece)
    if cost is None:
        if len(piece) > 3 and piece.endswith("s") and piece[:-1] in costs:
            return costs[piece[:-1]] + _PLURAL_COST
        return math.inf
    return cost


@lru_cache(maxsize=1)
def _word_costs() -> dict[str, float]:
    """Cost of each word, -log of its probability under Zipf's law over wordninja's English word
    list ranked by frequency (as wordninja computes it), with every skill word as cheap as a common
    English word. Single letters other than "a" and "I" are left out: they glue to anything."""
    import wordninja

    path = Path(wordninja.__file__).parent / "wordninja" / "wordninja_words.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        words = [w for w in f.read().split() if len(w) > 1 or w in ("a", "i")]
    scale = math.log(len(words))
    costs = {word: math.log((rank + 1) * scale) for rank, word in reversed(list(enumerate(words)))}
    skill_cost = math.log(_SKILL_RANK * scale)
    for word in _skill_words():
        if len(word) > 2 and costs.get(word, math.inf) > skill_cost:
            costs[word] = skill_cost
    return costs


_SKILL_RANK = 2_000


@lru_cache(maxsize=1)
def _skill_words() -> frozenset[str]:
    """Every alphabetic word of a skill pattern, lower case ("terraform", "kustomize", "argo"),
    except the run-together spellings of several words ("servicemesh"), which are better split."""
    from matcher.taxonomy import load_taxonomy

    patterns = [p for candidates in load_taxonomy().by_first.values() for p in candidates]
    run_together = {"".join(p.keys) for p in patterns if len(p.keys) > 1}
    return frozenset(
        key for p in patterns for key in p.keys if key.isalpha() and (len(p.keys) > 1 or key not in run_together)
    )
