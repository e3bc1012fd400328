"""The skill mentions a posting is read for: the taxonomy's, and the learned extractor's.

The extractor (``matcher.language.learned_spans``) reads only the sentences that ask for
something. A span it marks that no taxonomy span covers counts when its words name a taxonomy
skill ("solid knowledge of statistics" -> statistics), or, under its own words, when it is well
formed and stands in a list beside a skill the taxonomy knows ("Java, SpringBoot, XML"): an item
of a list of skills is a skill. Measured on the dev set's tuning and check parts (README).

A requirements or preferred list item that is nothing but a skill's name ("- Go", "- Java")
names that skill although the name is also an ordinary word: the taxonomy's finder asks such
names for a technical context inside their sentence, and a bullet is a sentence of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from matcher.language import Skill, Taxonomy
from matcher.records import SkillKind

__all__ = ["Candidate", "paraphrase", "skill_candidates"]


class Candidate(NamedTuple):
    """A skill mention to weigh: where it is, its words, and the skill it names."""

    start_char: int
    end_char: int
    text: str
    skill: Skill


_MAX_WORDS = 4  # a learned name longer than this is a phrase, not a skill's name
# a company's legal form ends no skill's name: "TRIGYN TECHNOLOGIES, INC.", "Fabrikam GmbH"
_LEGAL_FORM = re.compile(r"\b(?:inc|llc|ltd|corp|gmbh|plc|llp|pty|s\.?a\.?r\.?l)\.?$", re.IGNORECASE)
_JOINED = re.compile(r"\s(?:and|or|&)\s", re.IGNORECASE)  # a name no list holds joins no two things


def skill_candidates(
    doc: Any, taxonomy: Taxonomy, asked: list[tuple[int, int]], items: list[tuple[int, int]] | None = None
) -> list[Candidate]:
    """The skill mentions to weigh, in text order: the taxonomy's spans, and those the learned
    extractor marks in the sentences that ask for something (``asked``, character ranges) where
    no taxonomy span is: linked to the taxonomy when their words name a skill there ("solid
    knowledge of statistics"), else kept under their own words when they stand in a list beside
    a known skill ("Java, SpringBoot, XML")."""
    found = [
        Candidate(s.start_char, s.end_char, s.text, taxonomy.skills[s.label_])
        for s in doc.spans["skills"]
        if not _generic_head(s, taxonomy)
    ]
    found += _bare_items(doc, taxonomy, items or [], found)
    from matcher.language import learned_spans, well_formed
    from matcher.posting._heads import shared_heads

    text = doc.text  # built from the tokens on each access: once
    taken = [(c.start_char, c.end_char) for c in found]
    found += [Candidate(a, b, words, skill) for a, b, words, skill in shared_heads(text, taxonomy, taken)]
    for span in learned_spans(doc, asked):
        if any(c.start_char < span.end and span.start < c.end_char for c in found):
            continue
        if span.skill_id:
            found.append(Candidate(span.start, span.end, span.text, taxonomy.skills[span.skill_id]))
            continue
        if (
            len(span.text.split()) > _MAX_WORDS
            or not well_formed(span.text)
            or _cue_words(span.text)
            or _JOINED.search(span.text)
            or _LEGAL_FORM.search(span.text)
        ):
            continue  # a phrase, a broken span, the posting's own cue ("Go (nice to have)"), or two
            # things joined ("bureaucracy and micromanagement", "relational and no-SQL")
        if not _listed(text, span.start, span.end, found) and not (
            span.label == "KNOWLEDGE" and _specific(span.text) >= _MIN_IDF
        ):
            continue
        name = " ".join(span.text.split())
        kind: SkillKind = "hard" if span.label == "KNOWLEDGE" else "soft"
        learned = Skill(f"learned:{name.lower()}", name, kind, "", (), (), ("learned",))
        found.append(Candidate(span.start, span.end, span.text, learned))
    found += _listed_names(text, asked, found)
    return sorted(found, key=lambda c: c.start_char)


# where one item of a list ends and the next begins
_ITEM_GLUE = re.compile(
    r"(?:\s*(?:,|/|;|&|\+|\||\band/or\b|\band\b|\bor\b|\(|\)|\bincluding\b|\bsuch as\b|:)\s*)+"
)
# a word shaped like a product's name: capitalised, an inner capital, or a digit and a letter
_NAME_SHAPE = re.compile(r"[A-Z][A-Za-z0-9.+#-]*|[a-z]+[A-Z][\w.+#-]*|\d+[A-Za-z][\w.+#-]*")


def _listed_names(text: str, asked: list[tuple[int, int]], found: list[Candidate]) -> list[Candidate]:
    """Names no list holds that stand as items of a list of known skills in a sentence that asks
    for something ("SQL, SOQL, & SOSL", "Scikit learn, TLC, Keras"): up to three words shaped like
    a product's name, rare in the background postings (as the learned names standing alone), next
    to a skill the taxonomy knows or to another such name; or up to three lower-case words
    between two of them ("SQL (T-SQL), relational modeling, and big data tools"). The first item
    of a sentence is left alone ("Strong ..."), and so is anything a skill or a learned span
    already covers."""
    known = [(c.start_char, c.end_char) for c in found if not c.skill.id.startswith("learned:")]
    known_ends = {e for _, e in known}
    known_starts = {s for s, _ in known}
    taken = _Taken([(c.start_char, c.end_char) for c in found])
    out: list[Candidate] = []
    for first, last in asked:
        items, pos = [], first
        for m in _ITEM_GLUE.finditer(text, first, last):
            items.append(_trimmed(text, pos, m.start()))
            pos = m.end()
        items.append(_trimmed(text, pos, last))
        # an item that ends with a known skill ("Proficiency with SQL"), one that starts with one
        ends = [b in known_ends or b - 1 in known_ends for _, b in items]
        starts = [a in known_starts or a + 1 in known_starts for a, _ in items]
        names = [k > 0 and _name_like(text, a, b, taken) for k, (a, b) in enumerate(items)]
        words = [k > 0 and _words_like(text, a, b, taken) for k, (a, b) in enumerate(items)]
        order = list(range(len(items)))
        changed = True
        while changed:  # a name next to a known skill, then a name next to that one: both ways
            changed = False
            for k in order:
                before, after = k > 0 and ends[k - 1], k + 1 < len(items) and starts[k + 1]
                if (names[k] and (before or after)) or (words[k] and before and after):
                    words[k] = names[k] = False
                    ends[k] = starts[k] = changed = True
                    a, b = items[k]
                    name = text[a:b]
                    skill = Skill(f"learned:{name.lower()}", name, "hard", "", (), (), ("listed",))
                    out.append(Candidate(a, b, name, skill))
            order.reverse()
    return out


class _Taken:
    """Character ranges already read as mentions, asked whether a range overlaps one in log time
    (a list of thousands of items is not quadratic: issue 17)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []  # the furthest end of the spans up to each one
        for _, e in spans:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def overlaps(self, start: int, end: int) -> bool:
        import bisect

        k = bisect.bisect_left(self.starts, end)  # the spans that start before ``end``
        return k > 0 and self.reach[k - 1] > start


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """An item's bounds without the spaces, bullets and full stops around it."""
    while start < end and text[start] in " \t\n.-*\u2022":
        start += 1
    while end > start and text[end - 1] in " \t\n.-*\u2022":
        end -= 1
    return start, end


_LOWER_WORD = re.compile(r"[a-z][a-z-]+")


def _words_like(text: str, start: int, end: int, taken: _Taken) -> bool:
    """True when an item is up to three lower-case words ("relational modeling", "text analysis")
    that no mention found already covers: a skill when it stands between two known ones."""
    words = text[start:end].split()
    if not words or len(words) > 3 or not all(_LOWER_WORD.fullmatch(w) for w in words):
        return False
    if taken.overlaps(start, end):
        return False
    from matcher.language import well_formed

    item = text[start:end]
    return well_formed(item) and not _cue_words(item)


def _name_like(text: str, start: int, end: int, taken: _Taken) -> bool:
    """True when an item is up to three words shaped like a product's name, rare in the
    background postings, that no mention found already covers."""
    words = text[start:end].split()
    if not words or len(words) > 3 or not all(_NAME_SHAPE.fullmatch(w) for w in words):
        return False
    if taken.overlaps(start, end):
        return False
    from matcher.language import well_formed

    item = text[start:end]
    # in lower case: a name's inner capitals ("WinML") are no words run together here
    return (
        well_formed(item.lower())
        and not _cue_words(item)
        and not _LEGAL_FORM.search(item)
        and _specific(item) >= _MIN_IDF
    )


def _bare_items(
    doc: Any, taxonomy: Taxonomy, items: list[tuple[int, int]], found: list[Candidate]
) -> list[Candidate]:
    """A list item that is nothing but a skill's name ("- Go", "- Java" under "Requirements") names
    that skill, even when the name is also an ordinary word: the list is its technical context."""
    from matcher.text import token_key

    taken = {c.start_char for c in found}
    out = []
    for start, end in items:
        span = doc.char_span(start, end, alignment_mode="expand")
        tokens = [t for t in span or () if not (t.is_punct or t.is_space) and t.text not in _MARKERS]
        if not tokens or len(tokens) > 3 or tokens[0].idx in taken:
            continue
        keys = tuple(token_key(t.text) for t in tokens)
        texts = tuple(t.text for t in tokens)
        for pattern in taxonomy.by_first.get(keys[0], ()):
            if pattern.keys == keys and (pattern.case is None or pattern.case == texts):
                first, last = tokens[0], tokens[-1]
                text = doc[first.i : last.i + 1].text
                skill = taxonomy.skills[pattern.skill_id]
                out.append(Candidate(first.idx, last.idx + len(last.text), text, skill))
                break
    return out


def _generic_head(span: Any, taxonomy: Taxonomy) -> bool:
    """True when a span is one ordinary word written in lower case that is only part of the
    skill's longer name: "design" read as software design ("network security design", "UI
    design"), "architecture" as software architecture ("lambda architecture"), "scripting" as
    scripting languages. The posting named the general thing; which specific one it is, the
    taxonomy cannot know. A name the taxonomy gives in full ("software design") still counts."""
    from matcher.text import token_key

    if len(span) != 1:
        return False
    token = span[0]
    if not (token.is_lower or (token.is_title and token.is_sent_start)):
        return False  # "Cassandra" is a product's name, not a word
    key = token_key(token.text)
    skill = taxonomy.skills[span.label_]
    words = [token_key(w) for w in re.split(r"[\s-]+", skill.name) if w]
    if key not in words:
        if len(words) < 2 or not any(re.fullmatch(re.escape(w) + "(?:ing|ed)", key) for w in words):
            return False
        # "designing complex workflows": the verb's object says what is designed
    elif len(words) < 2 or not _modified(token):
        return False  # "design skills", "strong design": the skill itself
    return any(
        p.skill_id == skill.id and p.keys == (key,) and p.context for p in taxonomy.by_first.get(key, ())
    )


def _modified(token: Any) -> bool:
    """True when the word before ``token`` names what it is about: "network security design",
    "lambda architecture", "UI design" (a word of its own, not "strong", "good" or "of")."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.text.isalnum() and not _NOT_A_MODIFIER.fullmatch(before.text)


# words before "design" that do not say what is designed: determiners, prepositions, praise
_NOT_A_MODIFIER = re.compile(
    r"(?:a|an|the|and|or|of|in|on|at|to|for|with|by|from|as|such|like|including|other|your|our|their|its|"
    r"this|that|these|those|is|are|be|strong|solid|good|great|excellent|proven|deep|advanced|basic|"
    r"working|extensive|sound|some|relevant|demonstrated|practical|professional|overall|general|"
    r"hands|end|thoughtful|elegant|clean|simple|robust|scalable)",
    re.IGNORECASE,
)


# A learned span standing alone counts when even its most common content word is rare in the
# shipped background postings (models/idf.json, 445 postings): an IDF of 3 is a word in about one
# posting in eight. "quantum physics", "SWIFT messaging" and "CQRS" pass; "software problems",
# "data scientists" and "information technology" do not. Chosen on the tuning part (README).
_MIN_IDF = 3.0


def _specific(text: str) -> float:
    """The IDF of a span's most common content word in the background postings (a word they never
    hold counts as the rarest, and so do the stop words the IDF was built without: the most common
    word decides); 0.0 when it has no word."""
    idf, top = _idf()
    words = re.findall(r"(?u)\b\w\w+\b", text.lower())
    return min((idf.get(w, top) for w in words), default=0.0)


@lru_cache(maxsize=1)
def _idf() -> tuple[dict[str, float], float]:
    """The background postings' word IDFs (built by scripts/build_idf.py) and their largest value."""
    import json

    from matcher._models import model_dir
    from matcher.errors import ModelError

    path = model_dir() / "idf.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"IDF model not found or unreadable at {path}; rebuild it with scripts/build_idf.py"
        ) from exc
    idf = {t: float(v) for t, v in zip(data["terms"], data["idf"], strict=True) if " " not in t}
    return idf, max(idf.values(), default=0.0)


_MARKERS = frozenset({"-", "*", "\u2022", "\u2023", "\u25aa", "\u25cf", "\u25e6", "\u00b7", "\u2013", ">"})


def _cue_words(text: str) -> bool:
    """True when a span's words are an importance cue of the posting ("nice", "a plus", "must")."""
    from matcher.posting._importance import CUE_WORDS, PREFERRED_CUE

    return bool(PREFERRED_CUE.search(text) or CUE_WORDS.search(text))


_LIST_GAP = re.compile(r"\s*(?:,|/|;|\(|\)|\band\b|\bor\b|&)\s*(?:and\s+|or\s+)?")


def _listed(text: str, start: int, end: int, known: list[Candidate]) -> bool:
    """True when a span stands in a list next to a skill the taxonomy knows ("Java, SpringBoot,
    XML"): an item of a list of skills is a skill."""
    for c in known:
        if c.skill.id.startswith("learned:"):
            continue
        if 0 <= start - c.end_char <= 8 and _LIST_GAP.fullmatch(text[c.end_char : start]):
            return True
        if 0 <= c.start_char - end <= 8 and _LIST_GAP.fullmatch(text[end : c.start_char]):
            return True
    return False


def paraphrase(surface: str, name: str) -> bool:
    """True when a mention names its skill in other words: "honesty" for integrity, "purchasing"
    for procurement, not a spelling of the name ("APIs"), a part or extension of it ("Azure" for
    Microsoft Azure, "UX" for UX design) or an abbreviation ("NLP", "k8s"). The taxonomy folds
    paraphrases into a skill; a posting that asks for one still gets it, but one it merely
    mentions is the taxonomy's guess (measured: README, "Accuracy").

    Examples
    --------
    >>> paraphrase("honesty", "integrity"), paraphrase("Azure", "Microsoft Azure")
    (True, False)
    >>> paraphrase("k8s", "Kubernetes"), paraphrase("NLP", "natural language processing")
    (False, False)
    """
    from matcher.text import token_key

    said, named = ({token_key(w) for w in re.findall(r"[\w+#]+", t)} for t in (surface, name))
    if said <= named or named <= said:
        return False
    compact = re.sub(r"[^\w+#]", "", surface)
    return not (compact.isupper() or (len(compact) <= 5 and any(ch.isdigit() for ch in compact)))
