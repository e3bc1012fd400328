"""Contact details at the top of a resume: name, email, phone, links."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Contact", "find_contact"]

# "%" in the lookbehind too, so a run of "%" is scanned once, not from each of its characters
_EMAIL = re.compile(r"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?![\w-])")
_PHONE = re.compile(
    r"(?<![\w/.-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}(?![\w/-])"
)
_LINK = re.compile(
    r"(?:https?://)?(?:www\.)?(?:linkedin\.com/in/|github\.com/|gitlab\.com/|twitter\.com/|x\.com/)"
    r"[\w\-./%]+|https?://[\w\-./%?=&#]+",
    re.IGNORECASE,
)
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ÿĀ-žŁłŚśŹźŻżĆćŃńĘęĄąŌō'’\-]*\.?"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}$")
_ONE_WORD = re.compile(rf"^{_NAME_WORD}$")
_NOT_NAME = re.compile(
    r"\b(?:resume|curriculum|vitae|cv|summary|profile|experience|education|skills|objective|manager|"
    r"engineer|developer|analyst|accountant|assistant|director|specialist|consultant|teacher|nurse|"
    r"technician|officer|designer|administrator|representative|supervisor|intern|associate|lead|chef|"
    r"advocate|agent|coordinator|scientist|architect|executive|clerk|driver|sales|marketing|finance|"
    r"information|technology|company|name|city|state|street|avenue|road|contact|phone|email)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Contact:
    """What the resume says about reaching the candidate (None when not shown)."""

    name: str | None
    email: str | None
    phone: str | None
    links: tuple[str, ...]


def find_contact(text: str) -> Contact:
    """Find name, email, phone and links; the name is looked for in the first lines only.

    Examples
    --------
    >>> c = find_contact("Ana García\\nana.garcia@example.com | +34 612 345 678\\nlinkedin.com/in/ana-g")
    >>> c.name, c.email, c.phone, c.links
    ('Ana García', 'ana.garcia@example.com', '+34 612 345 678', ('linkedin.com/in/ana-g',))
    """
    email_match = _EMAIL.search(text)
    email = email_match.group(0) if email_match else None
    phone = None
    for m in _PHONE.finditer(text[:3000]):
        digits = re.sub(r"\D", "", m.group(0))
        if 7 <= len(digits) <= 15 and not re.fullmatch(
            r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?", m.group(0)
        ):
            phone = m.group(0).strip()
            break
    links: list[str] = []
    for m in _LINK.finditer(text) if _may_link(text) else ():
        link = m.group(0).rstrip(".,;)")
        if link not in links and (email is None or link not in email):
            links.append(link)
    return Contact(_name(text), email, phone, tuple(links))


def _may_link(text: str) -> bool:
    """Whether ``_LINK`` can match at all: each of its forms holds "://" or ".com/" (in any case;
    no other letter folds to c, o or m). Most resumes have neither, and the scan costs more than
    the rest of this module."""
    return "://" in text or ".com/" in text.lower()


def _name(text: str) -> str | None:
    lines = [re.split(r"\s{2,}|\||,|•|·", line.strip())[0].strip() for line in text.splitlines()[:7]]
    for i, candidate in enumerate(lines[:6]):
        if not candidate or _EMAIL.search(candidate) or any(ch.isdigit() for ch in candidate):
            continue
        if i + 1 < len(lines) and _ONE_WORD.match(candidate) and _ONE_WORD.match(lines[i + 1]):
            candidate = f"{candidate} {lines[i + 1]}"  # a name set over two lines: "Đorđe" / "Łapiński"
        if _NAME.match(candidate) and not _NOT_NAME.search(candidate):
            return candidate
    return None
