"""Finding skill mentions in a spaCy Doc: the ``skill_finder`` pipeline component.

One left-to-right, longest-match scan over token keys (``matcher.nlp.token_key``), so plurals
("data pipelines"), hyphen and space variants ("scikit learn"), dotted names ("Node.js"), lists
("Python/R", "SQL, NoSQL and Hive") and versions ("Python 3") all reduce to a dictionary lookup.

Forms that are also ordinary English ("Go", "Excel", "Spark", "Julia") carry a ``context`` flag:
they count only in their exact case and in a technical context: next to another skill in a list,
after a cue such as "experience with" or "knowledge of", or before "programming", "language",
"framework", a version number... Found mentions are stored in ``doc.spans["skills"]`` with the
skill id as label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from matcher.nlp import token_key
from matcher.taxonomy import Pattern, Taxonomy, load_taxonomy

__all__ = ["SPAN_KEY", "SkillFinder", "find_skill_spans"]

SPAN_KEY = "skills"

_SKIP = frozenset({"-", "\u2013", "\u2010", "\u2011"})
_LIST_GLUE = frozenset({",", "/", "and", "or", "&", "(", ")", "+", "|", ":", ";", "e.g.", "eg", "etc"})
_STRONG_BEFORE = frozenset(
    {
        "speak",
        "speaking",
        "fluent",
        "write",
        "native",
        "written",
        "spoken",
        "verbal",
        "experience",
        "experienced",
        "proficiency",
        "proficient",
        "knowledge",
        "knowledgeable",
        "skill",
        "skilled",
        "expertise",
        "expert",
        "familiarity",
        "familiar",
        "using",
        "fluency",
        "background",
        "programming",
        "language",
        "technology",
        "tool",
        "stack",
        "certified",
        "microsoft",
        "ms",
        "apache",
        "advanced",
    }
)
_WEAK_BEFORE = frozenset({"in", "with", "using", "via", "on"})
_CUE_AFTER = frozenset(
    {
        "programming",
        "language",
        "framework",
        "library",
        "developer",
        "development",
        "engineer",
        "code",
        "coding",
        "script",
        "scripting",
        "sdk",
        "api",
        "stack",
        "version",
        "spreadsheet",
        "macro",
        "pivot",
        "formula",
        "vba",
        "database",
        "query",
        "cookbook",
        "module",
        "manifest",
        "application",
        "experience",
        "skill",
        "knowledge",
        "certification",
        "cluster",
        "job",
        "streaming",
        "dashboard",
        "report",
        "workbook",
        "document",
        "rails",
        "required",
        "preferred",
        "desired",
        "desirable",
        "expertise",
        "proficiency",
        "background",
        "certified",
        "speaking",
        "speaker",
        "spoken",
        "native",
        "fluency",
        "proficient",
    }
)
_VERSION = re.compile(r"^v?\d+(\.[\dx]+)*[+]?$|^\d+\.x$", re.IGNORECASE)


class SkillFinder:
    """spaCy component: find taxonomy skills in a Doc and store them as spans.

    Parameters
    ----------
    taxonomy : Taxonomy, optional
        Defaults to the bundled taxonomy (``models/skills.jsonl``).

    Examples
    --------
    >>> from matcher.nlp import get_pipeline
    >>> doc = get_pipeline()("Experience with k8s, Python/R and data pipelines.")
    >>> [span.text for span in doc.spans["skills"]]
    ['k8s', 'Python', 'R', 'data pipelines']
    """

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self.taxonomy = taxonomy if taxonomy is not None else load_taxonomy()

    def __call__(self, doc: Any) -> Any:
        doc.spans[SPAN_KEY] = find_skill_spans(doc, self.taxonomy)
        return doc


def find_skill_spans(doc: Any, taxonomy: Taxonomy) -> list[Any]:
    """Return the skill spans of ``doc`` in text order, labelled with skill ids."""
    words = [t for t in doc if not t.is_space and t.text not in _SKIP]
    keys = [token_key(t.text) for t in words]
    found: list[tuple[int, int, Pattern]] = []  # (first word, last word + 1, pattern)
    i = 0
    n = len(words)
    while i < n:
        hit = _longest_match(words, keys, i, taxonomy)
        if hit is None:
            i += 1
            continue
        found.append((i, i + len(hit.keys), hit))
        i += len(hit.keys)
    accepted = _apply_context(words, keys, found)
    spans = []
    for start, end, pattern in accepted:
        span = doc[words[start].i : words[end - 1].i + 1]
        span.label_ = pattern.skill_id
        spans.append(span)
    return spans


def _longest_match(words: list[Any], keys: list[str], i: int, taxonomy: Taxonomy) -> Pattern | None:
    candidates = taxonomy.by_first.get(keys[i])
    if not candidates:
        return None
    for pattern in candidates:  # longest first
        size = len(pattern.keys)
        if keys[i : i + size] != list(pattern.keys):
            continue
        if pattern.case is not None and tuple(w.text for w in words[i : i + size]) != pattern.case:
            continue
        if size > 1 and not _same_sentence(words[i], words[i + size - 1]):
            continue
        return pattern
    return None


def _same_sentence(first: Any, last: Any) -> bool:
    return not any(t.is_sent_start for t in first.doc[first.i + 1 : last.i + 1])


def _apply_context(
    words: list[Any], keys: list[str], found: list[tuple[int, int, Pattern]]
) -> list[tuple[int, int, Pattern]]:
    """Keep context-flagged matches only when their surroundings are technical."""
    if not any(p.context for _, _, p in found):
        return found
    solid = [(s, e) for s, e, p in found if not p.context]
    ambiguous = [(s, e) for s, e, p in found if p.context]
    kept: list[tuple[int, int, Pattern]] = []
    for start, end, pattern in found:
        if not pattern.context or _technical(words, keys, start, end, solid, ambiguous, pattern):
            kept.append((start, end, pattern))
    return kept


def _technical(
    words: list[Any],
    keys: list[str],
    start: int,
    end: int,
    solid: Iterable[tuple[int, int]],
    ambiguous: Iterable[tuple[int, int]],
    pattern: Pattern,
) -> bool:
    sent_start = words[start].sent.start
    sent_end = words[start].sent.end
    # a neighbour skill in the same list: only list glue between them (a lower-case common word
    # such as "design" needs real glue: "design, coding and debugging", not "design databases")
    min_gap = 1 if pattern.case is None else 0
    for s, e in [*solid, *ambiguous]:
        if (s, e) == (start, end):
            continue
        between = range(e, start) if e <= start else range(end, s)
        if (
            min_gap <= len(between) <= 3
            and all(keys[k] in _LIST_GLUE or words[k].text in _LIST_GLUE for k in between)
            and sent_start <= words[s].i < sent_end
        ):
            return True
    # a cue word just before (within three words of the same sentence), or leading the form itself
    # ("Fluent English")
    for k in range(max(0, start - 3), end - 1):
        if words[k].i >= sent_start and keys[k] in _STRONG_BEFORE:
            return True
    # a product-like preposition before a capitalised, not sentence-initial form ("pipelines in Spark")
    if (
        start >= 1
        and keys[start - 1] in _WEAK_BEFORE
        and words[start - 1].i > sent_start
        and words[start].text[:1].isupper()
    ):
        return True
    # a cue word or a version number just after
    for k in range(end, min(len(words), end + 2)):
        if words[k].i >= sent_end:
            break
        if keys[k] in _CUE_AFTER or _VERSION.match(words[k].text):
            return True
    return False


def _make_skill_finder(nlp: Any, name: str) -> SkillFinder:
    return SkillFinder()


def _register() -> None:
    from spacy.language import Language

    if "skill_finder" not in Language.factories:
        Language.factory("skill_finder")(_make_skill_finder)


_register()
