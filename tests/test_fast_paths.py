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
