"""A long run of the posting's own words copied into the resume."""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.records import IntegrityFinding

__all__ = ["copied_run", "posting_copied"]

_SHINGLE = 8  # words: a run shorter than this is a phrase any two texts may share
#: Copied runs at least this long (in words) are a finding.
MIN_COPIED_WORDS = 30


_STRETCH = re.compile(b"\x01{%d,}" % _SHINGLE)
# a word is a run of [a-z0-9+#] in the lower-cased text: every other byte (and every character
# outside ASCII, encoded as "?") becomes a space, and the bytes are split there, in C
_SPACES = bytes(b if chr(b) in "abcdefghijklmnopqrstuvwxyz0123456789+#" else 32 for b in range(256))


def _words(text: str) -> list[bytes]:
    return text.lower().encode("ascii", "replace").translate(_SPACES).split()


@lru_cache(maxsize=8)
def _shingles(posting_text: str) -> tuple[frozenset[bytes], frozenset[tuple[bytes, ...]]]:
    """The posting's words and its runs of ``_SHINGLE`` words: made once for a whole ranking."""
    source = _words(posting_text)
    runs = frozenset(tuple(source[i : i + _SHINGLE]) for i in range(len(source) - _SHINGLE + 1))
    return frozenset(source), runs


def copied_run(posting_text: str, resume_text: str) -> tuple[int, str]:
    """The longest run of words the resume shares, word for word, with the posting (in runs of 8
    words or more), and its text; (0, "") when none.

    Examples
    --------
    >>> posting = "We want a data engineer who builds reliable pipelines in Python and SQL every day."
    >>> copied_run(posting, "Summary: a data engineer who builds reliable pipelines in Python and SQL.")
    (11, 'a data engineer who builds reliable pipelines in python and sql')
    """
    vocabulary, shingles = _shingles(posting_text)
    words = _words(resume_text)
    # only a stretch of _SHINGLE or more words that are all the posting's can hold a shared run;
    # the windows found there are merged into runs where they touch or overlap
    flags = bytes(map(vocabulary.__contains__, words))
    best = (0, 0)
    for stretch in _STRETCH.finditer(flags):
        low, high = stretch.span()
        start = end = -1
        for i in range(low, high - _SHINGLE + 1):
            if tuple(words[i : i + _SHINGLE]) in shingles:
                if i > end:
                    if end >= 0:
                        best = max(best, (end - start, start))
                    start = i
                end = i + _SHINGLE
        if end >= 0:
            best = max(best, (end - start, start))
    length, at = best
    return length, b" ".join(words[at : at + length]).decode("ascii")


def posting_copied(
    posting_text: str, resume_text: str, *, min_words: int = MIN_COPIED_WORDS
) -> tuple[IntegrityFinding, ...]:
    """A ``posting_copied`` finding when the resume holds a run of at least ``min_words`` words
    of the posting, word for word.

    Examples
    --------
    >>> posting = " ".join(f"word{i}" for i in range(40))
    >>> [f.kind for f in posting_copied(posting, "Summary " + posting)]
    ['posting_copied']
    >>> posting_copied(posting, "a resume of its own")
    ()
    """
    length, text = copied_run(posting_text, resume_text)
    if length < min_words:
        return ()
    evidence = text if len(text) <= 200 else text[:197] + "..."
    return (
        IntegrityFinding("posting_copied", f"{length} words in a row are copied from the posting", evidence),
    )
