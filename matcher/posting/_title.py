"""The role a posting names: its first short line, without a template's or a site's words around
it ("Data Engineer Job Description Template" is "Data Engineer")."""

from __future__ import annotations

import re

__all__ = ["posting_title"]

_TEMPLATE_WORDS = (
    r"(?:job|position|role)\s+(?:description|posting|profile|advert|ad|template)s?(?:\s+templates?)?"
)
_TITLE_AROUND = re.compile(
    # a run of spaces is tried from its first character only ("(?<!\s)", possessive): tried from
    # each of them, 2,000 spaces on one line took 46 s
    rf"^(?:{_TEMPLATE_WORDS}|job title)\s*+[:|\u2013-]\s*+"
    rf"|(?<!\s)\s*+[:|\u2013-]?\s*+\b{_TEMPLATE_WORDS}\s*+$",
    re.IGNORECASE,
)


def posting_title(text: str) -> str | None:
    """The role named by the first short line; a template's or a site's words around it ("Job
    Description Templates", "Data Engineer Job Description Template") are not the role.

    Examples
    --------
    >>> posting_title("Data Engineer Job Description Template")
    'Data Engineer'
    >>> posting_title("We are hiring engineers who love maps, data and long walks in the park.") is None
    True
    """
    skipped = 0
    for line in text.splitlines():
        line = line.strip(" #*\t")
        if not line:
            continue
        role = _TITLE_AROUND.sub("", line).strip(" #*\t")
        if not role and skipped < 3:
            skipped += 1
            continue
        if len(role) <= 80 and not role.endswith((".", ":")) and len(role.split()) <= 10:
            return role
        return None
    return None
