"""Skills written as duties in experience bullets: "reconciled bank accounts", "negotiated
contracts", "scheduled production".

A bullet names a skill as a verb and its object where the taxonomy names it as a noun phrase
("account reconciliation", "contract negotiation", "production scheduling"). For every past-tense
verb followed by a noun (with at most one word between, "negotiated vendor contracts"), the
object and the verb's nominal forms (-ing, -ion, -ation, -ment, -sis) are looked up as a phrase;
only a phrase the taxonomy knows, with its skill's kind "hard", counts. Nothing is guessed: the
mechanism only reorders what the resume says into the taxonomy's words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from matcher.records import Section

if TYPE_CHECKING:
    from matcher.language import Skill, Taxonomy

__all__ = ["duty_skills"]

_BULLET_VERB = re.compile(r"\b([a-z]{3,}ed)\s+(?:(?:the|all|new|daily|weekly|monthly|and)\s+)?"
                          r"([a-z]+)(?:\s+([a-z]+))?", re.IGNORECASE)  # fmt: skip
_KINDS = frozenset({"experience", "body", "summary", "additional"})


def _nominals(verb: str) -> list[str]:
    """The noun forms a past-tense verb may take ("negotiated" -> "negotiation")."""
    v = verb.lower()
    stem, stem_e = v[:-2], v[:-1]  # "reconcil", "reconcile"
    forms = [stem + "ing", stem_e + "ment", stem + "ion", stem + "ation", stem + "iation", stem + "ment"]
    if stem.endswith("z") or stem.endswith("s"):
        forms.append(stem[:-1] + "sis")  # "analyzed" -> "analysis"
    if len(stem) > 2 and stem[-1] == stem[-2]:
        forms.append(stem[:-1] + "ing")  # "planned" -> "planing" is no word, but "mapped" -> "mapping"
        forms.append(stem + "ing")
    return forms


def _singular(noun: str) -> list[str]:
    n = noun.lower()
    out = [n]
    if n.endswith("ies"):
        out.append(n[:-3] + "y")
    elif n.endswith("s") and not n.endswith("ss"):
        out.append(n[:-1])
    return out


def duty_skills(text: str, sections: list[Section], taxonomy: Taxonomy) -> list[tuple[Skill, str, int]]:
    """The hard skills the experience text states as duties, each with its line and offset.

    Examples
    --------
    >>> from matcher.language import load_taxonomy
    >>> from matcher.records import Section
    >>> text = "Reconciled bank accounts and negotiated vendor contracts."
    >>> sections = [Section("experience", "Experience", 0, len(text))]
    >>> [s.name for s, _, _ in duty_skills(text, sections, load_taxonomy())]
    ['account reconciliation', 'contract negotiation']
    """
    found: list[tuple[Skill, str, int]] = []
    seen: set[str] = set()
    for section in sections:
        if section.kind not in _KINDS:
            continue
        body = text[section.start : section.end]
        for m in _BULLET_VERB.finditer(body):
            objects = [m.group(2)] + ([m.group(3)] if m.group(3) else [])
            skill = _lookup(m.group(1), objects, taxonomy)
            if skill is None or skill.id in seen:
                continue
            seen.add(skill.id)
            start = section.start + m.start()
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            found.append((skill, text[line_start : line_end if line_end >= 0 else len(text)].strip(), start))
    return found


_HEADS: dict[int, frozenset[str]] = {}


def _heads(taxonomy: Taxonomy) -> frozenset[str]:
    """The last words of the taxonomy's two-word names ("negotiation" of "contract negotiation")."""
    heads = _HEADS.get(id(taxonomy))
    if heads is None:
        heads = frozenset(name.rsplit(" ", 1)[1] for name in taxonomy.names if name.count(" ") == 1)
        _HEADS.clear()
        _HEADS[id(taxonomy)] = heads
    return heads


def _lookup(verb: str, objects: list[str], taxonomy: Taxonomy) -> Skill | None:
    """The skill "<object> <nominal>" names, trying the word right after the verb, then the
    next one ("negotiated vendor contracts" -> "contract negotiation")."""
    heads = _heads(taxonomy)
    nominals = [n for n in _nominals(verb) if n in heads]
    if not nominals:
        return None
    for obj in reversed(objects):
        for noun in _singular(obj):
            for nominal in nominals:
                skill = taxonomy.find(f"{noun} {nominal}")
                if skill is not None and skill.kind == "hard":
                    return skill
    return None
