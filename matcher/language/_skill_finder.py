"""Finding skill mentions in a spaCy Doc: the ``skill_finder`` pipeline component.

One left-to-right, longest-match scan over token keys (``matcher.text.token_key``), so plurals
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
from functools import lru_cache
from typing import Any

from matcher.language._taxonomy import Pattern, Taxonomy, load_taxonomy
from matcher.text import token_key, wordlist

__all__ = ["SPAN_KEY", "SkillFinder", "find_skill_spans"]

SPAN_KEY = "skills"

_SKIP = frozenset({"-", "\u2013", "\u2010", "\u2011"})
_LIST_GLUE = frozenset({",", "/", "and", "or", "&", "(", ")", "+", "|", ":", ";", "e.g.", "eg", "etc"})


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Cue words before and after a skill name (data/wordlists/skill_cues.txt): strong before,
    weak before (a preposition), after."""
    return (
        frozenset(wordlist("skill_cues", "strong_before")),
        frozenset(wordlist("skill_cues", "weak_before")),
        frozenset(wordlist("skill_cues", "cue_after")),
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
    >>> from matcher.language._pipeline import get_pipeline
    >>> doc = get_pipeline()("Experience with k8s, Python/R and data pipelines.")
    >>> [span.text for span in doc.spans["skills"]]
    ['k8s', 'Python', 'R', 'data pipelines']
    """

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self.taxonomy = taxonomy if taxonomy is not None else load_taxonomy()

    def __call__(self, doc: Any) -> Any:
        doc.spans[SPAN_KEY] = find_skill_spans(doc, self.taxonomy)
        return doc


class _Words:
    """The doc's words (no spaces, no hyphens) as parallel lists: token index, text, lookup key
    and sentence number. Built from arrays, without creating a Token object per word.

    A hyphen joins the words it stands between ("scikit-learn", "e-commerce"); a dash with a space
    on either side parts them ("Python - Django" is two skills), so it stays a word no name holds."""

    __slots__ = ("index", "keys", "sentence", "texts")

    def __init__(self, doc: Any) -> None:
        from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY

        strings = doc.vocab.strings
        self.index: list[int] = []
        self.texts: list[str] = []
        self.keys: list[str] = []
        self.sentence: list[int] = []
        if len(_KEYS) > _CACHE_LIMIT:
            _KEYS.clear()
        sentence = 0
        spaced_before = True  # white space before this token (the text's start counts as such)
        for i, (orth, space, start, spaced_after) in enumerate(
            doc.to_array([ORTH, IS_SPACE, SENT_START, SPACY]).tolist()
        ):
            if start == 1 and i:
                sentence += 1
            glued = not (spaced_before or spaced_after or space)
            spaced_before = bool(space or spaced_after)
            if space:
                continue
            cached = _KEYS.get(orth)
            if cached is None:
                text = strings[orth]
                cached = _KEYS[orth] = (text, token_key(text))
            if cached[0] in _SKIP and glued:
                continue
            self.index.append(i)
            self.texts.append(cached[0])
            self.keys.append(cached[1])
            self.sentence.append(sentence)


_KEYS: dict[int, tuple[str, str]] = {}  # token text hash -> (text, key), shared by every doc
_CACHE_LIMIT = 500_000


def find_skill_spans(doc: Any, taxonomy: Taxonomy) -> list[Any]:
    """Return the skill spans of ``doc`` in text order, labelled with skill ids.

    Examples
    --------
    >>> from matcher.language import load_taxonomy, make_doc
    >>> doc = make_doc("Kubernetes (k8s) and Python/R")
    >>> [(span.text, span.label_) for span in find_skill_spans(doc, load_taxonomy())]
    [('Kubernetes', 'kubernetes'), ('k8s', 'kubernetes'), ('Python', 'python'), ('R', 'r')]
    """
    words = _Words(doc)
    keys = words.keys
    found: list[tuple[int, int, Pattern]] = []  # (first word, last word + 1, pattern)
    i = 0
    n = len(keys)
    by_first, sized = taxonomy.by_first, taxonomy.sized
    while i < n:
        hit = _longest_match(words, i, sized(keys[i])) if keys[i] in by_first else None
        if hit is None:
            i += 1
            continue
        found.append((i, i + len(hit.keys), hit))
        i += len(hit.keys)
    accepted = _apply_context(words, found)
    if accepted:
        accepted = _whole_words(doc, words, accepted, taxonomy)
    spans = []
    for start, end, pattern in accepted:
        span = doc[words.index[start] : words.index[end - 1] + 1]
        span.label_ = pattern.skill_id
        spans.append(span)
    return spans


def _longest_match(
    words: _Words, i: int, groups: list[tuple[int, dict[tuple[str, ...], list[Pattern]]]]
) -> Pattern | None:
    """The first pattern, longest first (``Taxonomy.sized``), whose words, case and sentence fit at
    word ``i``: the words looked up once a length, not compared pattern by pattern."""
    keys = words.keys
    for size, by_keys in groups:
        if size > 1:
            if words.sentence[i] != words.sentence[min(i + size, len(keys)) - 1]:
                continue
            candidates = by_keys.get(tuple(keys[i : i + size]))
            if candidates is None:
                continue
        else:  # every one-word pattern here starts, so is, keys[i]
            candidates = [p for group in by_keys.values() for p in group]
        for pattern in candidates:
            if pattern.case is not None and tuple(words.texts[i : i + size]) != pattern.case:
                continue
            return pattern
    return None


def _apply_context(words: _Words, found: list[tuple[int, int, Pattern]]) -> list[tuple[int, int, Pattern]]:
    """Keep context-flagged matches only when their surroundings are technical."""
    if not any(p.context for _, _, p in found):
        return found
    spans = [(s, e) for s, e, _ in found]
    return [
        (start, end, pattern)
        for start, end, pattern in found
        if not pattern.context or _technical(words, start, end, spans, pattern)
    ]


def _technical(
    words: _Words, start: int, end: int, spans: Iterable[tuple[int, int]], pattern: Pattern
) -> bool:
    keys, texts, sentence = words.keys, words.texts, words.sentence
    strong_before, weak_before, cue_after = _cues()
    here = sentence[start]
    # a neighbour skill in the same list: only list glue between them (a lower-case common word
    # such as "design" needs real glue: "design, coding and debugging", not "design databases")
    min_gap = 1 if pattern.case is None else 0
    for s, e in spans:
        if (s, e) == (start, end) or sentence[s] != here:
            continue
        between = range(e, start) if e <= start else range(end, s)
        if min_gap <= len(between) <= 3 and all(
            keys[k] in _LIST_GLUE or texts[k] in _LIST_GLUE for k in between
        ):
            return True
    # a cue word just before (within three words of the same sentence), or leading the form itself
    # ("Fluent English")
    for k in range(max(0, start - 3), end - 1):
        if sentence[k] == here and keys[k] in strong_before:
            return True
    # a product-like preposition before a capitalised, not sentence-initial form ("pipelines in Spark")
    if (
        start >= 2
        and keys[start - 1] in weak_before
        and sentence[start - 2] == here
        and texts[start][:1].isupper()
    ):
        return True
    # a cue word or a version number just after
    for k in range(end, min(len(keys), end + 2)):
        if sentence[k] != here:
            break
        if keys[k] in cue_after or _VERSION.match(texts[k]):
            return True
    return False


# function words that may stand, capitalised, before a name in a Title Case line ("Experience With
# Go And Rust") without making it part of a longer name
_FUNCTION_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "including",
        "like",
        "of",
        "on",
        "or",
        "plus",
        "the",
        "to",
        "using",
        "via",
        "with",
        "strong",
        "advanced",
        "excellent",
        "good",
        "solid",
    }
)
_DASHES = ("-", "\u2013", "\u2014")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,5}$")  # "BI", "SQL"


def _whole_words(
    doc: Any, words: _Words, found: list[tuple[int, int, Pattern]], taxonomy: Taxonomy
) -> list[tuple[int, int, Pattern]]:
    """Drop a one-word match that is a piece of something longer written there: of a hyphenated
    word ("bi-weekly", "no-sql", "multi-disciplined", "non-Windows"), or of a longer proper name
    ("Set Top Box")."""
    matched = {k for start, end, _ in found for k in range(start, end)}
    kept = []
    for start, end, pattern in found:
        if end - start == 1 and (
            _hyphen_piece(doc, words, start, matched, taxonomy, pattern)
            or _name_piece(words, start, matched, taxonomy, pattern)
        ):
            continue
        kept.append((start, end, pattern))
    return kept


def _hyphen_piece(
    doc: Any, words: _Words, k: int, matched: set[int], taxonomy: Taxonomy, pattern: Pattern
) -> bool:
    """True when word ``k`` is glued by a hyphen to a word piece that is no skill: after a prefix
    ("no-sql", "multi-disciplined", "non-Windows"; not after an adverb: "well-organized",
    "highly-motivated"), or, written in lower case although the taxonomy writes it as an acronym,
    before another word ("bi-weekly"; "microservice-based" and "Python-based" still count)."""
    i = words.index[k]
    if k - 1 not in matched and after_prefix(doc, i):
        return True
    text = words.texts[k]
    if (
        i + 2 < len(doc)
        and text.islower()
        and not doc[i].whitespace_
        and doc[i + 1].text in _SKIP
        and not doc[i + 1].whitespace_
        and doc[i + 2].text[:1].isalpha()
        and k + 1 not in matched
    ):
        skill = taxonomy.skills[pattern.skill_id]
        forms = [f for f in (skill.name, *skill.aliases) if f.lower() == text]
        return bool(forms) and all(_ACRONYM.match(f) for f in forms)
    return False


def after_prefix(doc: Any, i: int) -> bool:
    """True when token ``i`` is glued by a hyphen to the word piece before it, a prefix rather
    than an adverb: "no-sql", "multi-disciplined", "non-Windows" (not "well-organized",
    "highly-motivated")."""
    return (
        i >= 2
        and doc[i - 1].text in _SKIP
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].text[-1:].isalpha()
        and not (doc[i - 2].lower_.endswith("ly") or doc[i - 2].lower_ == "well")
    )


def _name_piece(words: _Words, k: int, matched: set[int], taxonomy: Taxonomy, pattern: Pattern) -> bool:
    """True when word ``k``, a capitalised ordinary word ("Box"), ends a longer proper name: after
    another capitalised word that does not start the sentence ("Set Top Box"); a skill before it
    ("Google Drive"), or a function word ("Experience With Go"), leaves it a name of its own."""
    if k < 2 or k - 1 in matched:
        return False
    before, text = words.texts[k - 1], words.texts[k]
    if pattern.context:
        shaped = text[:1].isupper() and not text.isupper()
    else:  # an abbreviation standing for a skill of another name: "Customer Insights AI"
        shaped = bool(_ACRONYM.match(text)) and text != taxonomy.skills[pattern.skill_id].name
    index = words.index
    return (
        shaped
        and index[k] - index[k - 1] == 1 == index[k - 1] - index[k - 2]
        and not before.endswith(_DASHES)
        and not words.texts[k - 2].endswith(_DASHES)  # a list glued with dashes: "OOP- MySQL- UNIX"
        and words.sentence[k - 2] == words.sentence[k]
        and before[:1].isupper()
        and not before.isupper()
        and words.keys[k - 1] not in _FUNCTION_WORDS
        and words.texts[k - 2][:1].isupper()
        and words.keys[k - 2] not in _FUNCTION_WORDS
    )
