"""Skills that share the last one's head word: "analytical, organizational and problem-solving
skills" asks for analytical skills, organizational skills and problem solving. The taxonomy's
finder reads each name as written, so the words before the last item, which lack "skills", were
read as nothing or as a learned word ("organizational"); here each is read with the head it
shares, when the taxonomy knows the result."""

from __future__ import annotations

import re

from matcher.language import Skill, Taxonomy

__all__ = ["shared_heads"]

_HEAD = re.compile(r"\b(?:skills|abilities)\b", re.IGNORECASE)
_REACH = 150  # how far back from the head a list is read
_CLAUSE_END = re.compile(r"[.;:!?()\[\]\n\u2022]")
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,|&|/|\band\b|\bor\b)\s*")
_ITEM = re.compile(r"[A-Za-z][a-z-]+(?: [a-z][a-z-]+)?")
_PRAISE = re.compile(
    r"^(?:(?:strong|excellent|good|great|solid|proven|outstanding|exceptional|superb|effective|advanced|"
    r"demonstrated|very|highly|well-developed|sound)\s+)+",
    re.IGNORECASE,
)


def shared_heads(
    text: str, taxonomy: Taxonomy, taken: list[tuple[int, int]]
) -> list[tuple[int, int, str, Skill]]:
    """The list items before an "X skills" that name a taxonomy skill with the head word added
    ("organizational" -> organizational skills), as (start, end, words, skill), leaving alone
    the items a mention found already covers (``taken``, character ranges).

    Examples
    --------
    >>> from matcher.language import load_taxonomy
    >>> text = "Strong analytical, organizational and problem-solving skills"
    >>> found = shared_heads(text, load_taxonomy(), [])
    >>> [(words, skill.name) for _, _, words, skill in found]
    [('organizational', 'organizational skills'), ('analytical', 'analytical skills')]
    """
    out = []
    for head in _HEAD.finditer(text):
        start = max(0, head.start() - _REACH)
        breaks = [m.end() for m in _CLAUSE_END.finditer(text, start, head.start())]
        start = max(breaks, default=start)
        window = text[start : head.start()]
        cuts = list(_SEPARATOR.finditer(window))
        if not cuts:
            continue  # one item: the finder read it with its head already
        # the items before the last one, from the last backwards; a list ends at a longer phrase
        bounds = [0, *(m.end() for m in cuts)]
        ends = [m.start() for m in cuts]
        for a, b in reversed(list(zip(bounds, ends, strict=False))):
            item = window[a:b]
            lead = len(item) - len(item.lstrip(" -*\t"))  # a bullet before the first item
            a, item = a + lead, item[lead:]
            praise = _PRAISE.match(item)
            if praise:
                a, item = a + praise.end(), item[praise.end() :]
            if not _ITEM.fullmatch(item):
                break
            first, last = start + a, start + b
            if any(s < last and first < e for s, e in taken):
                continue
            skill = taxonomy.find(f"{item} {head.group(0).lower()}")
            if skill is not None:
                out.append((first, last, item, skill))
    return out
