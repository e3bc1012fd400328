"""Blind review: a stable candidate id instead of the file name, and the candidate's identity left
out of every field a ranking shows (name, contact details, links, street addresses, dates of
birth and ages, graduation years), evidence quotes included.

Scoring never reads any of these, so a blind ranking has the very scores of an open one; the
blinding happens after scoring, on the finished entries."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path

from matcher.records import Failure, Resume, Score

__all__ = ["REDACTED", "blind_entry_parts", "candidate_id", "redact"]

REDACTED = "[redacted]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|me|info|co|eu|de|uk|ca|in)/\S*",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?<![\w/.-])\+?\(?\d[\d\s().-]{7,}\d(?![\w/-])")
_BIRTH = re.compile(
    r"\b(?:date of birth|d\.?o\.?b\.?|born(?: on| in)?|birth ?date)\b[:\s]*"
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+\.? \d{1,2},? \d{4}|"
    r"\d{1,2}\.? [A-Z][a-z]+\.? \d{4}|\d{4})",
    re.IGNORECASE,
)
_AGE = re.compile(r"\bage[d:]?\s*:?\s*\d{1,2}\b|\b\d{1,2}\s*(?:years?|yrs?)[\s-]*old\b", re.IGNORECASE)
_STREET = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w'.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|"
    r"Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq)\b\.?"
    r"(?:,?\s*(?:Apt|Suite|Unit|#)\.?\s*\w+)?"
)
_SCHOOLING = re.compile(
    r"\b(?:universit|college|school|graduat|bachelor|master|degree|diploma|class of|academy|"
    r"institute|b\.?\s?s\b|b\.?\s?a\b|m\.?\s?s\b|m\.?b\.?a|ph\.?\s?d)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _phone(match: re.Match[str]) -> str:
    """A phone number has 9 digits or more and is no span of years ("2015 - 2019")."""
    found = match.group(0)
    digits = sum(c.isdigit() for c in found)
    years = re.fullmatch(r"(?:(?:19|20)\d\d\s*[-–]?\s*)+", found)
    return REDACTED if digits >= 9 and not years else found


def candidate_id(path: str | Path) -> str:
    """A stable id for a resume file: the start of its content's SHA-256 (of its path when it
    cannot be read), so the same file has the same id in every run.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "jane-doe.txt"
    >>> _ = f.write_text("Jane Doe")
    >>> candidate_id(f)
    'c-01332c8765'
    """
    try:
        data = Path(path).read_bytes()
    except OSError:
        data = str(path).encode("utf-8", "surrogateescape")
    return "c-" + hashlib.sha256(data).hexdigest()[:10]


def redact(text: str, resume: Resume | None = None) -> str:
    """``text`` with the candidate's identity replaced by ``[redacted]``: the resume's name, e-mail,
    phone and links, and any e-mail address, link, phone number, street address, date of birth or
    age; a line about schooling also loses its years.

    Examples
    --------
    >>> redact("Jane Doe, jane@x.org, +1 415 555 0100, 12 Main Street, born 1990, age 34")
    'Jane Doe, [redacted], [redacted], [redacted], [redacted], [redacted]'
    >>> redact("B.S. Computer Science, State University, 2014")
    'B.S. Computer Science, State University, [redacted]'
    """
    if not text:
        return text
    if resume is not None:
        for value in (resume.email, resume.phone, *resume.links):
            if value:
                text = text.replace(value, REDACTED)
        if resume.name:
            text = re.sub(re.escape(resume.name), REDACTED, text, flags=re.IGNORECASE)
            for part in resume.name.split():
                part = part.strip(".,")
                if len(part) >= 2:
                    text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", REDACTED, text)
    for pattern in (_EMAIL, _URL, _BIRTH, _AGE, _STREET):
        text = pattern.sub(REDACTED, text)
    text = _PHONE.sub(_phone, text)
    lines = text.split("\n")
    return "\n".join(_YEAR.sub(REDACTED, line) if _SCHOOLING.search(line) else line for line in lines)


def blind_entry_parts(
    path: str, ident: str, resume: Resume | None, score: Score | None, failure: Failure | None
) -> tuple[Resume | None, Score | None, Failure | None]:
    """The resume, score and failure of one ranked file as a blind ranking shows them: no name,
    contact details, links or graduation years; evidence quotes and messages redacted; the file
    name replaced by the candidate id."""
    if failure is not None:
        message = failure.message.replace(str(path), ident).replace(Path(path).name, ident)
        failure = dataclasses.replace(failure, message=redact(message))
    if score is not None:
        matched = tuple(dataclasses.replace(m, evidence=redact(m.evidence, resume)) for m in score.matched)
        score = dataclasses.replace(score, matched=matched)
    if resume is not None:
        original = resume
        resume = dataclasses.replace(
            resume,
            source=ident,
            name=None,
            email=None,
            phone=None,
            links=(),
            skills=tuple(
                dataclasses.replace(s, evidence=redact(s.evidence, original)) for s in resume.skills
            ),
            education=tuple(
                dataclasses.replace(e, year=None, evidence=redact(e.evidence, original))
                for e in resume.education
            ),
            experience=tuple(
                dataclasses.replace(j, evidence=redact(j.evidence, original)) for j in resume.experience
            ),
            integrity=tuple(
                dataclasses.replace(f, evidence=redact(f.evidence, original)) for f in resume.integrity
            ),
            text=redact(resume.text, original),
        )
    return resume, score, failure
