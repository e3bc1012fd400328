"""HTML -> text: the visible text, or the page's schema.org ``JobPosting`` JSON-LD block."""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["html_text"]


def html_text(markup: str, name: str) -> tuple[str, str | None]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    posting = _json_ld_posting(soup)
    for tag in soup(["script", "style", "noscript", "template", "head", "svg", "nav", "footer"]):
        tag.decompose()
    visible = soup.get_text("\n")
    visible = "\n".join(line.strip() for line in visible.splitlines() if line.strip())
    if posting is None:
        return visible, None
    try:
        return _posting_text(posting, visible)
    except RecursionError:  # values nested past any real page's depth: the visible text it is
        return visible, None


def _posting_text(posting: dict[str, Any], visible: str) -> tuple[str, str | None]:
    """The JobPosting block as a posting's text (title, description, qualifications...)."""
    title = _plain(posting.get("title"))
    parts = [title] if title else []
    description = _html_fragment_text(posting.get("description"))
    if description:
        parts.append(description)
    for key, heading in (
        ("qualifications", "Qualifications"),
        ("skills", "Skills"),
        ("educationRequirements", "Education"),
        ("experienceRequirements", "Experience"),
        ("responsibilities", "Responsibilities"),
    ):
        value = _json_ld_value(posting.get(key))
        if value and value not in description:
            parts.append(f"{heading}:\n{value}")
    text = "\n\n".join(parts)
    return (text if re.search(r"\w", text) else visible), title or None


def _json_ld_posting(soup: Any) -> dict[str, Any] | None:
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            items = _walk(json.loads(script.string or ""))
        except (ValueError, RecursionError):  # not JSON, or nested past any real page's depth
            continue
        for item in items:
            kind = item.get("@type")
            if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
                return item
    return None


def _walk(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [x for item in data for x in _walk(item)]
    if isinstance(data, dict):
        return [data, *_walk(data.get("@graph", []))]
    return []


def _json_ld_value(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(_json_ld_value(v) for v in value if v)
    if isinstance(value, dict):
        months = _months(value.get("monthsOfExperience"))
        if months:
            return f"{months / 12:g} years of experience"
        for key in ("credentialCategory", "name", "description"):
            if value.get(key):
                return _json_ld_value(value[key])
        return ""
    return _html_fragment_text(value)


def _months(value: Any) -> float | None:
    """schema.org ``monthsOfExperience`` as a number of months; None when it is not one ("sixty",
    a list, null): the posting's own words then say the years, if anything does."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        months = float(value)
    except ValueError:
        return None
    return months if 0 < months < 1200 else None


def _html_fragment_text(value: Any) -> str:
    if not value:
        return ""
    from bs4 import BeautifulSoup

    text = BeautifulSoup(str(value), "html.parser").get_text("\n")
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _plain(value: Any) -> str:
    return _html_fragment_text(value).replace("\n", " ").strip() if value else ""
