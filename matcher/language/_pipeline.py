"""The spaCy pipeline: ``spacy.blank("en")`` with our tokenizer tweaks, a sentencizer and the
skill finder. No downloaded model is ever used.

spaCy is imported lazily, so ``import matcher`` stays fast.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from matcher.errors import FileTooLargeError
from matcher.language._skill_finder import SkillFinder

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

__all__ = ["MAX_TEXT_LENGTH", "blank_pipeline", "get_pipeline", "make_doc", "make_tokenizer", "text_doc"]

#: The longest text analysed, in characters: as long as the largest file read (20 MB). spaCy's own
#: default (1,000,000) guards its parser and tagger, which this pipeline does not have.
MAX_TEXT_LENGTH = 20_000_000

_EXTRA_INFIXES = (
    r"/",  # "Python/R", "React.js/Vue.js", "CI/CD" split on the slash
    r"(?<=[a-zA-Z])[\u2013\u2014](?=[a-zA-Z0-9])",  # en/em dash between words
    r"(?<=[0-9])[+](?=[a-zA-Z])",  # "5+years"
    r"(?<=[a-z])[:](?=[A-Za-z])",  # "Qualifications:Bachelor"
    r"(?<=[a-zA-Z]{2})[.](?=[A-Z][a-z])",  # "scale.BS" glued sentences
    r"(?<=[+#])(?=[A-Z][a-z])",  # "C++Experience" glued sentences
    r"(?<=[a-zA-Z]{2})[(](?=[A-Za-z0-9])",  # "services(SaaS, websites)"; not "401(k)"
)

_EXTRA_PREFIXES = (r"[\u2022\u25aa\u25cf\u2023\u25e6]",)  # a bullet glued to its item: "\u2022PowerPoint"

# spaCy's special cases for a lone space, tab and line break give the token the tokenizer would
# give without them (the same text, no other attribute; no prefix, suffix or infix rule matches
# white space), but a special case met in a text stops the tokenizer caching every word after it
# (spaCy #1250), and a resume meets a line break on its first line: without these three, words seen
# before are read from the cache (tokenizing took about a quarter of the time; the Docs are equal,
# tests/test_fast_paths.py). The no-break space keeps its case: it sets a NORM.
_WHITESPACE_CASES = frozenset({" ", "\t", "\n"})


def make_tokenizer(nlp: Language) -> Tokenizer:
    """Return spaCy's English tokenizer with a few extra infix rules for skill lists (and without
    the special cases for white space, which only kept spaCy from caching).

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> [t.text for t in nlp("5+years of Python")], [t.text for t in make_tokenizer(nlp)("5+years of Python")]
    (['5+years', 'of', 'Python'], ['5', '+', 'years', 'of', 'Python'])
    """
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    infixes = list(defaults.infixes or ()) + list(_EXTRA_INFIXES)
    return Tokenizer(
        nlp.vocab,
        rules={k: v for k, v in (defaults.tokenizer_exceptions or {}).items() if k not in _WHITESPACE_CASES},
        prefix_search=compile_prefix_regex(list(defaults.prefixes or ()) + list(_EXTRA_PREFIXES)).search,
        suffix_search=compile_suffix_regex(defaults.suffixes or ()).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=defaults.token_match,
        url_match=None,  # "React.js/Vue.js" is a list, not a URL
    )


_LONG_RUN = re.compile(r"\S{65,}")
_PIECE = 32


class _BoundedTokenizer:
    """spaCy's tokenizer with each run of more than 64 characters without a space cut into pieces of
    32 first. spaCy looks for a suffix once per character of a token, each look scanning the whole
    token, so a long run of punctuation ("%" * 5,000) took seconds, growing with its square (issue
    17); no word or skill is that long. The Doc's text is the text given, character for character.

    Examples
    --------
    >>> doc = blank_pipeline()("Python, " + "%" * 100)
    >>> [len(t) for t in doc], doc.text == "Python, " + "%" * 100
    ([6, 1, 32, 32, 32, 4], True)
    """

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Any:
        if not _LONG_RUN.search(text):
            return self.tokenizer(text)
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        done = 0
        for run in _LONG_RUN.finditer(text):
            self._add(text[done : run.start()], words, spaces)
            words += [text[i : min(i + _PIECE, run.end())] for i in range(run.start(), run.end(), _PIECE)]
            spaces += [False] * (len(words) - len(spaces))
            done = run.end()
        self._add(text[done:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _add(self, segment: str, words: list[str], spaces: list[bool]) -> None:
        for token in self.tokenizer(segment) if segment else ():
            words.append(token.text)
            spaces.append(bool(token.whitespace_))


def _tokenizer_factory() -> Any:
    return lambda nlp: _BoundedTokenizer(make_tokenizer(nlp))


_SENT_END = frozenset({".", "!", "?", ";"})
_BULLETS = frozenset({"\u2022", "\u25aa", "\u25cf", "\u00b7", "\u2023", "\u25e6", "*", "-", "\u2013"})


def _line_sentencizer(doc: Any) -> Any:
    """Start a sentence after end punctuation or a bullet, at a line break, and at a bullet.

    A line break inside a wrapped paragraph is no boundary: when the line before is long
    (``_WRAPPED_LINE`` characters or more), does not end in punctuation, and the next line goes on
    in lower case ("... proposal content, digital\\nmarketing, and media relations").

    Works on ``Doc.to_array`` / ``Doc.from_array`` rather than token by token: building a Token
    object per word costs more than tokenizing.
    """
    import numpy
    from spacy.attrs import IDX, IS_SPACE, ORTH, SENT_START

    if not len(doc):
        return doc
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, IS_SPACE, IDX]).tolist()
    if len(_TEXTS) > 500_000:  # the cache follows the vocabulary; keep it bounded in long batches
        _TEXTS.clear()
    starts = numpy.full(len(rows), -1, dtype="int64")
    starts[0] = 1
    previous, previous_space = "", False
    before_break = ""  # the last word before the current run of spaces
    line_start = line_length = 0
    for i, (orth, space, idx) in enumerate(rows):
        text = _TEXTS.get(orth)
        if text is None:
            text = _TEXTS[orth] = strings[orth]
        if i and (
            previous in _SENT_END
            or (previous_space and "\n" in previous and not _wraps(before_break, line_length, text))
            or (text in _BULLETS and (previous_space or previous in _SENT_END))
        ):
            starts[i] = 1
        if space and "\n" in text:
            line_length, line_start = idx - line_start, idx + len(text)
        elif not space:
            before_break = text
        previous, previous_space = text, bool(space)
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # -1 wraps, as spaCy expects
    return doc


_TEXTS: dict[int, str] = {}
_WRAPPED_LINE = 60
_NO_WRAP_AFTER = frozenset({".", "!", "?", ";", ":", ","}) | _BULLETS


def _wraps(last_word: str, line_length: int, next_word: str) -> bool:
    """Whether a line break between ``last_word`` and ``next_word`` only wraps a long line."""
    return line_length >= _WRAPPED_LINE and next_word[:1].islower() and last_word not in _NO_WRAP_AFTER


def _make_skill_finder(nlp: Any, name: str) -> SkillFinder:
    return SkillFinder()


def _register() -> None:
    from spacy.language import Language
    from spacy.util import registry

    if "line_sentencizer" not in Language.factories:
        Language.component("line_sentencizer")(_line_sentencizer)
    if "skill_finder" not in Language.factories:
        Language.factory("skill_finder")(_make_skill_finder)
    if "matcher.tokenizer.v1" not in registry.tokenizers:
        registry.tokenizers("matcher.tokenizer.v1")(_tokenizer_factory)


@lru_cache(maxsize=1)
def blank_pipeline() -> Language:
    """``spacy.blank("en")`` with our tokenizer and a sentencizer (no skill finder).

    Examples
    --------
    >>> nlp = blank_pipeline()
    >>> nlp.pipe_names[0], blank_pipeline() is nlp
    ('line_sentencizer', True)
    >>> [s.text for s in nlp("Skills\\nPython, SQL").sents]  # a line break ends a sentence
    ['Skills\\n', 'Python, SQL']
    """
    import spacy

    _register()
    # our tokenizer is named in the config, so spaCy builds only this one (building a tokenizer
    # loads its thousands of special cases)
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "matcher.tokenizer.v1"}}})
    nlp.add_pipe("line_sentencizer")
    nlp.max_length = MAX_TEXT_LENGTH
    return nlp


@lru_cache(maxsize=1)
def get_pipeline() -> Language:
    """Return the shared pipeline: blank English, sentencizer, and the ``skill_finder``.

    Built once per process (about half a second, most of it importing spaCy).

    Examples
    --------
    >>> from matcher.language import SPAN_KEY
    >>> nlp = get_pipeline()
    >>> nlp.pipe_names
    ['line_sentencizer', 'skill_finder']
    >>> doc = nlp("Experience with k8s and Python.")
    >>> [(span.text, span.label_) for span in doc.spans[SPAN_KEY]]
    [('k8s', 'kubernetes'), ('Python', 'python')]
    """
    nlp = blank_pipeline()
    if "skill_finder" not in nlp.pipe_names:
        nlp.add_pipe("skill_finder", last=True)
    return nlp


def make_doc(text: str) -> Any:
    """Tokenize only (no sentences, no skills): used by the taxonomy build.

    Examples
    --------
    >>> doc = make_doc("CI/CD, React.js/Vue.js")
    >>> [t.text for t in doc], doc.has_annotation("SENT_START")
    (['CI', '/', 'CD', ',', 'React.js', '/', 'Vue.js'], False)
    """
    return blank_pipeline().make_doc(text)


def text_doc(nlp: Language, text: str) -> Any:
    """Run ``nlp`` on ``text``; a text over :data:`MAX_TEXT_LENGTH` is an :class:`InputError`.

    Examples
    --------
    >>> [t.text for t in text_doc(blank_pipeline(), "Python/R")]
    ['Python', '/', 'R']
    """
    if len(text) > MAX_TEXT_LENGTH:
        raise FileTooLargeError(f"the text is {len(text):,} characters, over the {MAX_TEXT_LENGTH:,} limit")
    return nlp(text)
