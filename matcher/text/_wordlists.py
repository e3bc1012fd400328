"""The word lists of ``models/wordlists.json`` (built from data/wordlists/ by
scripts/build_wordlists.py): headings, cue words, job-title and employer words.

It lives in the lowest package that reads a list (text clean-up); every stage above uses it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from matcher._models import model_dir
from matcher.errors import ModelError

__all__ = ["WORDLISTS_FILE", "alternation", "heading_vocabulary", "load_wordlists", "wordlist"]

WORDLISTS_FILE = "wordlists.json"
_REBUILD = "rebuild it with scripts/build_wordlists.py"


@lru_cache(maxsize=1)
def load_wordlists() -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    """Return every word list, by file name and group, loaded once per process.

    Raises ModelError when the artefact is missing or unreadable.

    Examples
    --------
    >>> "posting_headings" in load_wordlists()
    True
    """
    path = model_dir() / WORDLISTS_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {
            name: {group: tuple(str(e) for e in entries) for group, entries in groups.items()}
            for name, groups in raw.items()
        }
    except FileNotFoundError as exc:
        raise ModelError(
            f"word lists not found at {path}; rebuild them with scripts/build_wordlists.py"
        ) from exc
    except (ValueError, AttributeError, TypeError) as exc:
        raise ModelError(f"word lists at {path} are unreadable: {exc}") from exc


def wordlist(name: str, group: str) -> tuple[str, ...]:
    """Return the entries of ``[group]`` in ``data/wordlists/<name>.txt``, in file order.

    Examples
    --------
    >>> wordlist("resume_history", "degree_in_progress")[:2]
    ('expected', 'anticipated')
    """
    try:
        return load_wordlists()[name][group]
    except KeyError as exc:
        raise ModelError(f"word list {name}[{group}] is not in {WORDLISTS_FILE}; {_REBUILD}") from exc


def heading_vocabulary(name: str) -> dict[str, str]:
    """Return a headings file as heading phrase -> kind (its group), for a HeadingScanner.

    Examples
    --------
    >>> heading_vocabulary("resume_headings")["work experience"]
    'experience'
    """
    if name not in load_wordlists():
        raise ModelError(
            f"word list {name} is not in {WORDLISTS_FILE}; rebuild it with scripts/build_wordlists.py"
        )
    vocabulary = {phrase: kind for kind, phrases in load_wordlists()[name].items() for phrase in phrases}
    for phrase, kind in list(vocabulary.items()):
        for variant in _contractions(phrase):
            vocabulary.setdefault(variant, kind)
    return vocabulary


# a heading is written with or without its contraction: "What you'll do", "What You Will Do"
_CONTRACTIONS = (
    ("you'll", "you will"),
    ("you're", "you are"),
    ("we're", "we are"),
    ("we'll", "we will"),
    ("it's", "it is"),
    ("you've", "you have"),
    ("we've", "we have"),
)


def _contractions(phrase: str) -> list[str]:
    """The phrase with each contraction written out, and each long form contracted."""
    out = []
    for short, long in _CONTRACTIONS:
        for a, b in ((short, long), (long, short)):
            if re.search(rf"\b{re.escape(a)}\b", phrase, re.IGNORECASE):
                out.append(re.sub(rf"\b{re.escape(a)}\b", b, phrase, flags=re.IGNORECASE))
    return out


def alternation(entries: Iterable[str]) -> str:
    """Return a regex alternation of literal ``entries``, in their order.

    Examples
    --------
    >>> alternation(["co.", "inc"])
    'co\\\\.|inc'
    """
    return "|".join(re.escape(e) for e in entries)
