"""The parse path's fast forms give exactly the answers of the plain forms they replace (issue 16:
speed without changing any output). Each plain form is written out here as it was before."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.language import skill_word_keys
from matcher.text import _unglue
from matcher.text._tokens import token_key


def _plain_split_run(run: str, lexicon: _unglue._Lexicon) -> str:
    """``_split_run`` before issue 16: every piece of every length priced by ``_cost``."""
    costs = lexicon.costs
    if (
        len(run) < _unglue._MIN_RUN
        or len(run) > _unglue._MAX_RUN
        or (len(run) < _unglue._LONG_NAME and _unglue._NAME.match(run))
    ):
        return run
    if run.lower() in costs or token_key(run) in costs:
        return run
    best: list[tuple[float, int]] = [(0.0, 0)]
    for i in range(1, len(run) + 1):
        best.append(
            min(
                (
                    (best[i - k][0] + _unglue._cost(run[i - k : i], lexicon), k)
                    for k in range(1, min(i, _unglue._LONGEST) + 1)
                ),
                default=(math.inf, 1),
            )
        )
    if math.isinf(best[-1][0]):
        return run
    words = []
    i = len(run)
    while i > 0:
        k = best[i][1]
        words.append(run[i - k : i])
        i -= k
    return " ".join(reversed(words))


_LEXICON = _unglue._lexicon(skill_word_keys())
# words the runs are glued from: common and rare English, skill words the list lacks, plurals,
# acronyms, and pieces no dictionary knows
_WORDS = sorted(
    {
        *_unglue._english_words()[:300],
        *_unglue._english_words()[20_000:20_100],
        *sorted(_LEXICON.added)[:200],
        "workflows", "pipelines", "CI", "ML", "SQL", "AWS", "GitOps", "DevOps", "SQLite",
        "xqzv", "Byungjin", "Dunamu", "s", "ss", "a", "I",
    }
)  # fmt: skip
_word = st.sampled_from(_WORDS).flatmap(lambda w: st.sampled_from([w, w.lower(), w.capitalize(), w.upper()]))
_runs = st.lists(_word, min_size=1, max_size=12).map("".join).filter(str.isascii)


@settings(max_examples=400, deadline=None)
@given(_runs)
def test_a_glued_run_is_split_as_by_pricing_every_piece(run: str) -> None:
    letters = "".join(c for c in run if c.isalpha())
    assert _unglue._split_run(letters, _LEXICON) == _plain_split_run(letters, _LEXICON)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzEIST", min_size=6, max_size=60))
def test_a_run_of_any_letters_is_split_as_by_pricing_every_piece(run: str) -> None:
    assert _unglue._split_run(run, _LEXICON) == _plain_split_run(run, _LEXICON)


def test_the_glued_runs_of_a_resume_split_as_before() -> None:
    text = (
        "DesignedTerraformmodulestomanageinfrastructure evaluatingIstio ledservicemeshtechnology"
        " BuiltCIpipelinesonAWSwithGitOpsworkflows reconciledaccountsandpreparedreports"
    )
    split = [_unglue._split_run(run, _LEXICON) for run in text.split()]
    assert split == [_plain_split_run(run, _LEXICON) for run in text.split()]
    assert split[0] != text.split()[0]  # the runs were split at all


# pieces that each of ftfy's fixers changes (mojibake, HTML entities and a "<" that turns their
# unescaping off, line breaks, control and terminal escape characters, curly quotes, ligatures,
# full-width letters) beside plain ASCII, which fix_mojibake passes over a line at a time
_PIECES = [
    "Python", "SQL ", "2015 ", "â€“ ", "Ã©", "cafÃ© ", "&amp; ", "&lt;b&gt;", "&eacute;", "<br> ",
    "\r\n", "\r", "\n", "\n\n", "\t", "\x0c", "\x00", "\x7f", "\x1b[31m", "\u2028", "\x85",
    "\u201cquoted\u201d ", "\ufb01le ", "\uff30\uff59", "é", "e\u0301", "\ufeff", "\x80", "Â ", " ",
    "R&D ", "a < b ", "~", "#", "%", "'", "\u00a0",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map("".join))
def test_fix_mojibake_gives_what_ftfy_fix_text_gives(text: str) -> None:
    import ftfy

    from matcher.text import fix_mojibake

    assert fix_mojibake(text) == (text if text.isascii() else ftfy.fix_text(text))


def test_fix_mojibake_keeps_the_html_switch_of_fix_text_across_lines() -> None:
    import ftfy

    from matcher.text import fix_mojibake

    # the "<" on the first line turns entity unescaping off for the lines after it, in fix_text
    text = "Tom <tom@example.com> cafÃ©\nR&amp;D &amp; more\nplain line\nâ€“ done\n"
    assert fix_mojibake(text) == ftfy.fix_text(text)
    assert "&amp;" in fix_mojibake(text) and "–" in fix_mojibake(text)
    alone = "cafÃ©\nR&amp;D\n"
    assert fix_mojibake(alone) == ftfy.fix_text(alone) == "café\nR&D\n"


def _plain_tokenizer() -> object:
    """``make_tokenizer`` before issue 16: every one of spaCy's special cases, white space's too."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from matcher.language import blank_pipeline
    from matcher.language._pipeline import _EXTRA_INFIXES, _EXTRA_PREFIXES

    nlp = blank_pipeline()
    defaults = nlp.Defaults
    return Tokenizer(
        nlp.vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(list(defaults.prefixes or ()) + list(_EXTRA_PREFIXES)).search,
        suffix_search=compile_suffix_regex(defaults.suffixes or ()).search,
        infix_finditer=compile_infix_regex(list(defaults.infixes or ()) + list(_EXTRA_INFIXES)).finditer,
        token_match=defaults.token_match,
        url_match=None,
    )


# words, special cases (with and without punctuation around them), and every kind of white space
_TOKEN_PIECES = [
    "Python", "C++", "CI/CD", "5+years", "e.g.", "(e.g.", "I'm", "don't", "Inc.", "and/or", "vs.",
    "jane@example.com", "https://x.io/a", "2015-2018", "Qualifications:Bachelor", "scale.BS", ":)",
    "\u2014", "\u2022", ",", ".", "(", ")", "'", '"', "-", "%", "$5", "10.5", "a.m.", "U.S.",
    " ", "  ", "\n", "\n\n", " \n", "\n ", "\t", " \t ", "\xa0", "\r\n", "\u2028", "\u3000",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TOKEN_PIECES), min_size=1, max_size=60).map("".join))
def test_the_tokenizer_gives_the_docs_of_spacys_full_special_cases(text: str) -> None:
    from spacy.attrs import IDX, IS_SPACE, LOWER, NORM, ORTH, SPACY

    from matcher.language import blank_pipeline

    tokenizer = blank_pipeline().tokenizer.tokenizer  # type: ignore[union-attr]  # inside the long-run guard
    plain = _plain_tokenizer()
    attrs = [ORTH, NORM, LOWER, IS_SPACE, IDX, SPACY]
    for _ in range(2):  # the second time from spaCy's cache
        ours, theirs = tokenizer(text), plain(text)  # type: ignore[operator]
        assert [t.text_with_ws for t in ours] == [t.text_with_ws for t in theirs]
        assert ours.to_array(attrs).tolist() == theirs.to_array(attrs).tolist()


def test_the_tokenizer_caches_the_words_after_a_line_break() -> None:
    """spaCy stopped caching at a text's first special case, a line break among them: every word of
    a resume went through the prefix, suffix and infix searches again in every resume."""
    import cProfile
    import pstats

    import spacy

    from matcher.language import make_tokenizer

    # a tokenizer of its own, as the pipeline makes it: no other test's texts in its cache
    tokenizer = make_tokenizer(spacy.blank("en"))
    text = "Jane Doe\nSkills\nPython, SQL and Kubernetes administration\nZyxwvut Qrstuvw\n"
    tokenizer(text)
    profile = cProfile.Profile()
    profile.enable()
    tokenizer(text)  # the same words again: all from the cache
    profile.disable()
    searched = sum(
        calls for (_, _, name), (calls, *_) in pstats.Stats(profile).stats.items()  # type: ignore[attr-defined]
        if name == "_tokenize"
    )  # fmt: skip
    assert searched == 0


_DATE_PIECES = [
    "Jan", "January", "Sept.", "Summer", "Fall", "Present", "Current", "currently", "now", "to date",
    "till date", "date", "ongoing", "today", "since", "from", " - ", " to ", " through ", "\u2013",
    "~", "'", ",", ".", "/", " ", "\n", "Manager", "Acme Inc", "May", "March",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), min_size=1, max_size=30).map("".join))
def test_a_text_without_digits_holds_no_date_range_for_any_pattern(text: str) -> None:
    """find_date_ranges returns at once for a text without a digit: each of its patterns would find
    nothing there but a range from now to now, which it skips."""
    from matcher.facts import _dates

    assert _dates._SHORT_RANGE.search(text) is None
    assert _dates._SINCE.search(text) is None
    for m in _dates._RANGE.finditer(text):
        assert _dates._is_now(m.group("start")) and _dates._is_now(m.group("end"))
    assert _dates.find_date_ranges(text) == []


def test_a_range_in_other_digits_is_still_found() -> None:
    from matcher.facts import find_date_ranges

    # "\d" is any decimal digit, in the patterns and in the guard before them
    assert [str(r.start) for r in find_date_ranges("Jan \u0661\u0665 - Present")] == ["2015-01"]
    assert [str(r.start) for r in find_date_ranges("Current to Present")] == []


def test_the_longest_pattern_is_matched_as_by_trying_each_in_turn() -> None:
    """find_skill_spans looks patterns up by length (Taxonomy.sized); the plain form tried every
    pattern of the first word's bucket, longest first, with its words, case and sentence."""
    from matcher.language import load_taxonomy, make_doc
    from matcher.language._skill_finder import _longest_match, _Words

    taxonomy = load_taxonomy()

    def plain(words: _Words, i: int) -> object:
        keys = words.keys
        for pattern in taxonomy.by_first.get(keys[i], ()):
            size = len(pattern.keys)
            if size > 1 and tuple(keys[i : i + size]) != pattern.keys:
                continue
            if pattern.case is not None and tuple(words.texts[i : i + size]) != pattern.case:
                continue
            if size > 1 and words.sentence[i] != words.sentence[min(i + size, len(keys)) - 1]:
                continue
            return pattern
        return None

    text = (
        "Machine learning engineer. Data analysis, data science and data entry; project management\n"
        "Go, go to market, Microsoft Office Suite, MS Excel. Customer service and customer\n"
        "service skills; Amazon Web Services (AWS); Google Cloud Platform. C++ and C. R, SQL Server\n"
        "we go home, go, Go; machine\nlearning, project\nmanagement, data\nanalysis, customer service"
    )
    doc = make_doc(text)
    doc = blank_pipeline_sentences(doc)
    words = _Words(doc)
    hits = 0
    for i, key in enumerate(words.keys):
        if key in taxonomy.by_first:
            ours = _longest_match(words, i, taxonomy.sized(key))
            assert ours == plain(words, i)
            hits += ours is not None
    assert hits > 10


def blank_pipeline_sentences(doc: object) -> object:
    from matcher.language._pipeline import _line_sentencizer

    return _line_sentencizer(doc)


_LINK_PIECES = [
    "Jane Doe", "linkedin.com/in/jane", "LinkedIn.COM/in/Jane", "github.com/jd", "GitHub.Com/jd",
    "x.com/jd", "twitter.com/", "https://jd.dev", "HTTP://JD.DEV/a?b=c", "www.jd.dev", "jd@mail.com",
    "mail.com", ".com", "com/", "://", ":/", "linkedin", "\u212aelvin", "\u017f", " ", "\n", "/", ".",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LINK_PIECES), min_size=1, max_size=20).map("".join))
def test_find_contact_skips_the_link_scan_only_where_it_finds_nothing(text: str) -> None:
    from matcher.resume import _contact

    if not _contact._may_link(text):
        assert list(_contact._LINK.finditer(text)) == []
    links = []
    for m in _contact._LINK.finditer(text):  # find_contact's loop without the guard
        link = m.group(0).rstrip(".,;)")
        email = _contact.find_contact(text).email
        if link not in links and (email is None or link not in email):
            links.append(link)
    assert _contact.find_contact(text).links == tuple(links)
