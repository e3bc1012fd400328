"""The learned skill-span extractor: a small spaCy NER trained on labelled job-posting sentences.

``models/spans/`` is built by ``scripts/train_spans.py`` from data/spans/ (SkillSpan's train
split, Green et al. 2022, Sayfullina et al. 2018). It marks SKILL phrases ("stakeholder
management", "work independently") and KNOWLEDGE ("statistics", "Python") that no list holds;
:func:`learned_spans` links each to the taxonomy when its words name a skill there, and keeps the
others as named skills.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from matcher._models import model_dir
from matcher.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["SPANS_MODEL", "LearnedSpan", "learned_spans", "link_span", "load_span_model", "well_formed"]

#: The folder of the trained extractor inside models/.
SPANS_MODEL = "spans"

# words around a skill that are not the skill: "strong knowledge of statistics" -> "statistics"
_LEAD = re.compile(
    r"^(?:(?:a|an|the|strong|solid|good|excellent|proven|deep|advanced|basic|working|hands-on|"
    r"extensive|sound|great|some|relevant|demonstrated|practical|professional|(?:knowledge|experience|"
    r"understanding|expertise|proficiency|familiarity|background|skills?) (?:of|in|with)|"
    r"ability to|able to)\s+)+",
    re.IGNORECASE,
)
_TAIL = re.compile(
    r"\s+(?:skills?|abilities|ability|knowledge|experience|expertise|principles|concepts)$", re.I
)


_FUNCTION_WORDS = frozenset(
    "a an the and or of in on at to for with by from as such like including other good strong using "
    "is are be this that these those your our their its".split()
)
_DEGREE_WORDS = re.compile(
    r"\b(?:degree|diploma|ged|phd|ph\.d|doctorate|masters?|master's|bachelors?|bachelor's|bs|ba|ms|msc|bsc|mba)\b",
    re.IGNORECASE,
)


def well_formed(text: str) -> bool:
    """True when a span's words can name a skill on their own: it starts and ends on a content
    word (not "and", "with", a bullet or a full stop), names no degree ("Master's degree"), and
    has no words run together ("technologiesSQL").

    Examples
    --------
    >>> well_formed("stakeholder management"), well_formed("Integration with"), well_formed("PhD")
    (True, False, False)
    """
    words = text.split()
    if not words or not re.match(r"\w", words[0]) or not re.search(r"[\w+#)]$", words[-1]):
        return False
    if words[0].lower() in _FUNCTION_WORDS or words[-1].lower() in _FUNCTION_WORDS:
        return False
    glued = re.search(r"[a-z]{2}[A-Z]{2}", text)  # "technologiesSQL"
    return not (_DEGREE_WORDS.search(text) or glued or re.search(r"[.;:!?]\s", text))


@dataclass(frozen=True, slots=True)
class LearnedSpan:
    """A span the extractor marked: character offsets, its label (SKILL or KNOWLEDGE), the words,
    and the taxonomy id it links to ("" when it names no skill there).

    Examples
    --------
    What :func:`learned_spans` returns for each phrase it marks; the offsets point into the
    analysed text, and ``skill_id`` comes from :func:`link_span`:

    >>> text = "Strong knowledge of Python and a feel for the customer."
    >>> span = LearnedSpan(20, 26, "KNOWLEDGE", "Python", link_span("Python"))
    >>> text[span.start:span.end] == span.text, span.skill_id
    (True, 'python')
    >>> # a phrase no skill in the taxonomy names is kept with an empty id
    >>> LearnedSpan(31, 54, "SKILL", "a feel for the customer", link_span("a feel for the customer"))
    LearnedSpan(start=31, end=54, label='SKILL', text='a feel for the customer', skill_id='')
    """

    start: int
    end: int
    label: str
    text: str
    skill_id: str = ""


@lru_cache(maxsize=1)
def load_span_model() -> Language:
    """Load the trained extractor (once per process).

    Raises
    ------
    ModelError
        When models/spans/ is missing or unreadable.

    Examples
    --------
    >>> nlp = load_span_model()
    >>> nlp.pipe_names, sorted(nlp.get_pipe("ner").labels), load_span_model() is nlp
    (['ner'], ['KNOWLEDGE', 'SKILL'], True)
    """
    import spacy

    path = model_dir() / SPANS_MODEL
    if not (path / "meta.json").exists():
        raise ModelError(f"the span extractor {path} is missing; build it with scripts/train_spans.py")
    try:
        return spacy.load(path)
    except (OSError, ValueError) as exc:
        raise ModelError(f"the span extractor {path} cannot be read ({exc}); rebuild it") from exc


def link_span(text: str) -> str:
    """The taxonomy id a span's words name ("" when none): the words as they are, then without
    the words around a skill ("strong knowledge of statistics", "communication skills").

    Examples
    --------
    >>> from matcher.language import load_taxonomy
    >>> load_taxonomy().skills[link_span("solid knowledge of Python")].name
    'Python'
    >>> link_span("Swift"), link_span("SWIFT")  # the language, and the interbank network
    ('swift', '')
    """
    from matcher.language._taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    for candidate in (text, _LEAD.sub("", text), _TAIL.sub("", _LEAD.sub("", text))):
        candidate = candidate.strip(" .,;:()")
        skill = taxonomy.find(candidate) if candidate else None
        if skill is not None and _in_case(candidate, skill.id, taxonomy):
            return skill.id
    return _by_roots(text)


def _roots(text: str) -> frozenset[str]:
    """A phrase's content words as roots: plural folded (``token_key``), and a verb and its noun
    made one ("solving" / "solve", "managing" / "management"): "solving big problems" and
    "problem solving" share {problem, solv, big}."""
    from matcher.text import token_key

    return _key_roots(token_key(word) for word in re.findall(r"[A-Za-z][\w+#]*", text))


def _key_roots(keys: Any) -> frozenset[str]:
    """The roots of words already made lookup keys (``token_key``), function words left out."""
    out = set()
    for key in keys:
        if key in _FUNCTION_WORDS or key in _VAGUE:
            continue
        for suffix in ("ment", "ing", "ed"):
            if key.endswith(suffix) and len(key) - len(suffix) >= 4:
                key = key[: -len(suffix)]
                break
        out.add(key.removesuffix("e"))
    return frozenset(out)


_VAGUE = frozenset("skill ability knowledge experience big complex various new multiple hard".split())
_EXTRA_WORDS = 2  # a span may hold this many words beyond the name's ("solving big problems")


def _by_roots(text: str) -> str:
    """The taxonomy skill of two words or more whose roots the span holds, in any order and with
    at most two more words ("solving big problems" -> problem solving, "managing remote teams"
    -> people management when that is an alias); the largest such name, and none when two
    skills tie."""
    from itertools import combinations

    roots = _roots(text)
    index = _root_index()
    for size in range(min(len(roots), 4), 1, -1):
        if len(roots) - size > _EXTRA_WORDS:
            break
        # the names of this size whose roots the span holds: looked up by each set of its roots
        # (at most 20 of them), not by reading every name
        names = index.get(size, {})
        found = {i for subset in combinations(sorted(roots), size) for i in names.get(frozenset(subset), ())}
        if found:
            return next(iter(found)) if len(found) == 1 else ""
    return ""


@lru_cache(maxsize=1)
def _root_index() -> dict[int, dict[frozenset[str], tuple[str, ...]]]:
    """Every taxonomy name and alias of two to four content words, by its roots (built once, from
    the match patterns' lookup keys: the words are not read again)."""
    from matcher.language._taxonomy import load_taxonomy

    index: dict[int, dict[frozenset[str], set[str]]] = {}
    for patterns in load_taxonomy().by_first.values():
        for pattern in patterns:
            if len(pattern.keys) < 2:
                continue  # one word: no other order to read it in
            roots = _key_roots(pattern.keys)
            if 2 <= len(roots) <= 4:
                index.setdefault(len(roots), {}).setdefault(roots, set()).add(pattern.skill_id)
    return {size: {k: tuple(sorted(v)) for k, v in names.items()} for size, names in index.items()}


def _in_case(words: str, skill_id: str, taxonomy: Any) -> bool:
    """False when the words are in capitals and the taxonomy holds them for the skill only in
    another written case: "SWIFT" (the interbank network) is not "Swift" (the language), an
    acronym in capitals is not the name of the same letters ("ACLs" still is "ACL")."""
    if not words.isupper():  # the question is only for words in capitals: no tokenizing the rest
        return True
    from matcher.language._pipeline import make_doc
    from matcher.text import token_key

    texts = tuple(t.text for t in make_doc(words) if not t.is_space and t.text not in _HYPHENS)
    keys = tuple(token_key(t) for t in texts)
    if not keys or not "".join(texts).isupper():
        return True
    forms = [p for p in taxonomy.by_first.get(keys[0], ()) if p.skill_id == skill_id and p.keys == keys]
    return not forms or any(p.case is None or p.case == texts for p in forms)


_HYPHENS = frozenset({"-", "\u2013", "\u2010", "\u2011"})  # the skill finder skips them too


def learned_spans(doc: Any, ranges: list[tuple[int, int]] | None = None) -> list[LearnedSpan]:
    """Run the extractor over a spaCy ``doc`` of the analysed text (its tokens are kept), or over
    the tokens that start inside ``ranges`` (character offsets: the sentences worth reading), and
    return the spans it marks, each linked to the taxonomy where its words allow.

    Examples
    --------
    >>> from matcher.language import get_pipeline, text_doc
    >>> doc = text_doc(get_pipeline(), "You have experience with stakeholder management and Python.")
    >>> [(s.text, s.label) for s in learned_spans(doc)]  # doctest: +SKIP
    [('stakeholder management', 'SKILL'), ('Python', 'KNOWLEDGE')]
    """
    from spacy.tokens import Doc

    from matcher.language._skill_finder import after_prefix

    nlp = load_span_model()
    if ranges is None:
        tokens = list(doc)
    else:
        tokens = []
        spans = sorted(ranges)
        i = 0
        for token in doc:
            while i < len(spans) and spans[i][1] <= token.idx:
                i += 1
            if i < len(spans) and spans[i][0] <= token.idx:
                tokens.append(token)
    tokens = [t for t in tokens if not t.is_space]
    if not tokens:
        return []
    # a token that does not follow the one before it in the text ends a stretch: a space there
    spaces = [
        bool(t.whitespace_) or (k + 1 < len(tokens) and tokens[k + 1].i != t.i + 1)
        for k, t in enumerate(tokens)
    ]
    tagged = nlp(Doc(nlp.vocab, words=[t.text for t in tokens], spaces=spaces))
    out = []
    whole = doc.text  # built from the tokens on each access: once
    for ent in tagged.ents:
        first, last = tokens[ent.start], tokens[ent.end - 1]
        if last.i - first.i != ent.end - 1 - ent.start:
            continue  # runs across two stretches of the text
        if after_prefix(doc, first.i):
            continue  # "disciplined" of "multi-disciplined": a piece of a word
        start, end = first.idx, last.idx + len(last.text)
        text = whole[start:end]
        out.append(LearnedSpan(start, end, ent.label_, text, link_span(text)))
    return out
