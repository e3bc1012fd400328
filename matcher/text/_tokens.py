"""Token keys: the one lookup form shared by the taxonomy build and every analysed text."""

from __future__ import annotations

import re

__all__ = ["token_key"]

_GLUE = re.compile(r"(?<=\w)[.\-](?=\w)")


def token_key(text: str) -> str:
    """Return the lookup key of one token: lower case, inner dots and hyphens removed, and a
    light English plural folded ("pipelines" -> "pipeline", "libraries" -> "library").

    Both taxonomy patterns (at build time) and analysed text use this function, so they agree.

    Examples
    --------
    >>> [token_key(t) for t in ["Node.js", "Pipelines", "libraries", "AWS", "classes", ".NET"]]
    ['nodejs', 'pipeline', 'library', 'aws', 'class', '.net']
    """
    key = text.lower()
    plain = key.isalpha()
    if len(key) > 1 and not key.startswith("."):
        key = _GLUE.sub("", key)
    if plain and len(key) > 3:
        if key.endswith("ies") and len(key) > 4:
            key = key[:-3] + "y"
        elif key.endswith(("sses", "xes", "ches", "shes")):
            key = key[:-2]
        elif key.endswith("s") and not key.endswith(("ss", "us", "is", "ys")):
            key = key[:-1]
    return key
