"""The degree a posting asks for: the lowest level that satisfies it, required or preferred per
clause ("BS required, MS preferred"), its fields (only a wish when "ideally in"), and "or
equivalent experience". Each degree is judged where it stands, and a degree's abbreviation that
names something else there ("MS Project", "the MS Services business", "The BA will lead") is none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from matcher.facts import accepts_equivalent, field_spans, find_degrees, find_fields, level_rank
from matcher.posting._importance import BOILERPLATE, FORWARD_CUE, PREFERRED_CUE, mention_role, sentence_role
from matcher.records import DegreeRequirement

__all__ = ["posting_degree"]

_VERB_MASTER = re.compile(r"master\s+(?:the|a|an|your|our|their|its|this|these|new|both|all)\b")
_CLAUSE = re.compile(r"[,;()]|\s(?:and|with|plus)\s|\s-\s")


class Sentence(Protocol):
    """What the degree is read from: a sentence of the posting, where it starts, its role and
    section, and its evidence (the sentence without its bullet)."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def role(self) -> str: ...
    @property
    def section(self) -> str: ...
    @property
    def evidence(self) -> str: ...


def posting_degree(sentences: Sequence[Sentence], names: list[tuple[int, int]]) -> DegreeRequirement | None:
    """The degree asked for; ``names`` are the skill names found (character ranges): an
    abbreviation inside one ("MS project", "the MS office suite") names no degree."""
    required: list[str] = []
    preferred: list[str] = []
    fields: list[str] = []
    wished: list[bool] = []
    equivalent = False
    evidence = ""
    for sent in sentences:
        if sent.section in ("boilerplate", "material"):
            continue
        # each degree judged where it stands: a run-on whose end is an equal-opportunity statement
        # still asks for the degree at its start; "master the English language" is no degree
        hits = [
            (level, start, end)
            for level, start, end in find_degrees(sent.text)
            if mention_role(sent.text, start, sent.section) != BOILERPLATE
            and not _VERB_MASTER.match(sent.text, start)
        ]
        hits = [
            h
            for h in hits
            if not any(a <= sent.start + h[1] < b for a, b in names)
            and (len(hits) > 1 or _degree_meant(sent.text, h[1], h[2], sent.role))
        ]
        if not hits:
            continue
        evidence = evidence or sent.evidence
        for level, start, end in hits:
            clause = _clause(sent.text, start, end)
            is_preferred = sent.section == "preferred" or sentence_role(clause, "intro") == "preferred"
            (preferred if is_preferred else required).append(level)
        new_fields = [f for f in find_fields(sent.text) if f not in fields]
        if new_fields:
            fields += new_fields
            wished.append(_fields_wished(sent.text, hits[0][2]))
        equivalent = equivalent or accepts_equivalent(sent.text)
    if not required and not preferred:
        return None
    fields_preferred = bool(wished) and all(wished)
    if required:
        low = min(required, key=level_rank)
        higher = [lvl for lvl in preferred if level_rank(lvl) > level_rank(low)]
        pref = min(higher, key=level_rank) if higher else None
        return DegreeRequirement(low, tuple(fields), True, equivalent, pref, evidence, fields_preferred)
    low = min(preferred, key=level_rank)
    return DegreeRequirement(low, tuple(fields), False, equivalent, None, evidence, fields_preferred)


# what says a bare abbreviation in capitals is a degree: "BS in", "MS or PhD", "MS (preferred)"
_DEGREE_NEXT = re.compile(
    r"\s*(?:[/(,;:]|-\s|$|(?:in|or|and|degree|degrees|preferred|required|plus|is|with|from)\b)", re.IGNORECASE
)
_DEGREE_BEFORE = re.compile(r"\b(?:a|an|have|has|having|holds?|with|earned|completed)\s+$", re.IGNORECASE)
_DEGREE_CONTEXT = re.compile(
    r"\b(?:degrees?|diploma|graduate|university|college|equivalent|bachelor|master)", re.IGNORECASE
)


def _degree_meant(text: str, start: int, end: int, role: str) -> bool:
    """False when the only degree a sentence that asks for nothing names is an abbreviation in
    capitals that names something else there: "the MS Services business" (Microsoft), "Bing and
    MSN", "The BA will lead" (the business analyst). An abbreviation counts in a sentence that asks
    for something, or speaks of degrees, or when what follows it is what follows a degree ("MS in
    Statistics", "MS preferred", "MS/PhD"), or it stands alone."""
    if role in ("required", "preferred") or not re.fullmatch(r"[A-Z]{2,4}", text[start:end]):
        return True  # "Bachelor's", "M.S.", "PhD": nothing else is written so
    if len(text) <= 30 or _DEGREE_CONTEXT.search(text) or _DEGREE_NEXT.match(text, end):
        return True
    return bool(_DEGREE_BEFORE.search(text, 0, start))  # "a BS Computer Science", "holds an MS"


def _fields_wished(text: str, degree_end: int) -> bool:
    """True when the degree's fields are only a wish: "a Bachelor's degree (ideally in CS)",
    "BS, preferably in statistics", "a degree; computer science preferred"."""
    spans = [a for a, _ in field_spans(text) if a >= degree_end]
    if not spans:
        return False
    lead = text[degree_end : spans[0]]
    if FORWARD_CUE.search(lead) or PREFERRED_CUE.search(lead):
        return True
    tail = _clause(text, spans[0], spans[0])
    return bool(PREFERRED_CUE.search(text[spans[0] : spans[0] + len(tail)]))


def _clause(text: str, start: int, end: int) -> str:
    """The clause around a degree mention: up to the nearest comma, semicolon or 'and'."""
    left = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    right_match = _CLAUSE.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:right]
