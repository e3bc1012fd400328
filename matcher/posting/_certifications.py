"""Certifications named in a sentence, as postings write them.

- a name with its acronym in parentheses, in a sentence about certification: "Certified Machine
  Learning Engineer (CSMLE)", "Professional Scrum Master (PSM I)";
- a name built on "Certified": "AWS Certified Solutions Architect", "Certified Information
  Systems Security Professional";
- "X certification": "Scrum certification", "any other Scrum certification", "PMP
  certification is preferred";
- "X certified" / "X-certified": "PMP certified";
- certifications in a field: "Certification in AWS or Azure" (AWS certification, Azure certification).

Each is found with its offsets; its importance is the sentence's (``mention_role``).
"""

from __future__ import annotations

import re

from matcher.posting._importance import mention_role
from matcher.records import Certification, Importance

__all__ = ["find_certifications", "posting_certifications"]

_IMPORTANCE: dict[str, Importance] = {
    "required": "required",
    "preferred": "preferred",
    "mentioned": "mentioned",
}

_WORD = r"[A-Z][\w+&.\-/]*"
_LINK = r"(?:of|in|for|and|on|\u2013|-|&)"
_ACRONYM = re.compile(rf"\b((?:{_WORD}\s+(?:{_LINK}\s+)?){{1,8}})\(([A-Z][A-Za-z0-9+&\- ]{{1,10}})\)")
_CERTIFIED = re.compile(rf"\b(?:{_WORD}\s+){{0,3}}Certified:?(?:\s+(?:{_LINK}\s+)?{_WORD}){{1,7}}")
_ITEM = r"[A-Z][\w+&\-]*(?:\s+[A-Z][\w+&\-]*){0,4}"
_LISTED = re.compile(
    rf"\b[Cc]ertifications?\s*(?::|\bsuch as\b|\blike\b|\be\.g\.,?|\bincluding\b)\s*"
    rf"((?:{_ITEM})(?:\s*(?:,|/|\bor\b|\band\b)\s*(?:{_ITEM}))*)"
)
# "Certification in AWS or Azure": certifications in each field named
_IN_FIELD = re.compile(
    rf"\b[Cc]ertifications?\s+(?:in|within)\s+((?:{_ITEM})(?:\s*(?:,|/|\bor\b|\band\b)\s*(?:{_ITEM}))*)"
)
_X_CERTIFICATION = re.compile(rf"\b((?:{_WORD}\s+){{1,5}})[Cc]ertifications?\b")
_X_CERTIFIED = re.compile(r"\b([A-Z]{2,}[\w+]*)[- ]certified\b")
_CERT_WORDS = re.compile(
    r"\b(?:Certified|Certificate|Certification|Professional|Associate|Specialist|Expert|Practitioner|"
    r"Master|Administrator|Architect|Engineer|Analyst|Manager|Auditor|Accountant|Developer)\b"
)
# words that open a phrase before a certification without naming one ("Relevant certifications")
_GENERIC = frozenset(
    "a an the any other relevant related industry valid current active such as additional "
    "appropriate applicable recognized recognised technical preferred required "
    "certifications certification certificate certificates and or".split()
)
_GENERIC_BEFORE = _GENERIC | {"professional", "vendor", "cloud"}


def _trim(name: str, generic: frozenset[str] = _GENERIC) -> str:
    words = name.split()
    while words and words[0].lower() in generic:
        words.pop(0)
    while words and re.fullmatch(_LINK, words[-1]):
        words.pop()
    return " ".join(words)


def find_certifications(sentence: str) -> list[tuple[str, int, int]]:
    """Return (name, start, end) for each certification ``sentence`` names, in text order.

    Examples
    --------
    >>> s = "Relevant certifications, such as Certified Data Engineer (CDE), or any other Scrum certification"
    >>> [name for name, _, _ in find_certifications(s)]
    ['Certified Data Engineer (CDE)', 'Scrum certification']
    >>> [name for name, _, _ in find_certifications("AWS Certified Solutions Architect; PMP certified")]
    ['AWS Certified Solutions Architect', 'PMP']
    """
    if "certif" not in sentence.lower():
        return []  # every form below names certification: most sentences are done here
    found: list[tuple[str, int, int]] = []
    for m in _ACRONYM.finditer(sentence):
        name = _trim(m.group(1))
        if name and _CERT_WORDS.search(name):
            start = m.start(1) + m.group(1).find(name.split()[0])
            found.append((f"{name} ({m.group(2).strip()})", start, m.end()))
    for m in _CERTIFIED.finditer(sentence):
        found.append((m.group(0), m.start(), m.end()))
    for m in _X_CERTIFICATION.finditer(sentence):
        name = _trim(m.group(1), _GENERIC_BEFORE)
        if name and name.split()[0][:1].isupper():
            at = m.group(1).find(name)
            found.append((f"{name} certification", m.start(1) + max(at, 0), m.end()))
    for m in _LISTED.finditer(sentence):  # "Certifications: CISSP, CISM"
        for item in re.finditer(_ITEM, m.group(1)):
            name = _trim(item.group(0))
            if name and not re.fullmatch(r"(?:or|and)", name, re.IGNORECASE):
                found.append((name, m.start(1) + item.start(), m.start(1) + item.end()))
    for m in _IN_FIELD.finditer(sentence):  # "Certifications within SAFe and Project Management"
        for item in re.finditer(_ITEM, m.group(1)):
            name = _trim(item.group(0))
            if name and not re.fullmatch(r"(?:or|and)", name, re.IGNORECASE):
                found.append((f"{name} certification", m.start(1) + item.start(), m.start(1) + item.end()))
    for m in _X_CERTIFIED.finditer(sentence):
        found.append((m.group(1), m.start(), m.end()))
    found.sort(key=lambda f: (f[1], -(f[2] - f[1])))
    kept: list[tuple[str, int, int]] = []
    for cert in found:
        if kept and cert[1] < kept[-1][2]:
            continue  # inside a longer name already kept
        kept.append(cert)
    return kept


def posting_certifications(
    sentences: list[tuple[str, int, str, str]], taxonomy_certs: list[tuple[str, str, str, int, int]]
) -> list[Certification]:
    """The certifications a posting asks for: each named in a sentence (``(text, start,
    section, evidence)``, text order) that is not boilerplate, with the importance of where it stands,
    merged with the taxonomy's certification skills found (``(name, importance, evidence,
    start, end)``); one entry per name, the strongest importance kept.

    Examples
    --------
    >>> text = "PMP certification is a plus."
    >>> sentences = [("Requirements:", 0, "required", ""), (text, 14, "required", text)]
    >>> [(c.name, c.importance) for c in posting_certifications(sentences, [])]
    [('PMP certification', 'preferred')]
    """
    rank = {"required": 0, "preferred": 1, "mentioned": 2}
    found: list[Certification] = [
        Certification(name, _IMPORTANCE[importance], evidence, start, end)
        for name, importance, evidence, start, end in taxonomy_certs
        if importance in _IMPORTANCE
    ]
    for text, offset, section, evidence in sentences:
        for name, start, end in find_certifications(text):
            role = mention_role(text, start, section)
            if role not in _IMPORTANCE:
                continue  # boilerplate
            at, to = offset + start, offset + end
            if any(c.start < to and at < c.end for c in found):
                continue  # the taxonomy's name for it was found already
            found.append(Certification(name, _IMPORTANCE[role], evidence, at, to))
    best: dict[str, Certification] = {}
    for cert in sorted(found, key=lambda c: c.start):
        key = re.sub(r"\W", "", cert.name.lower())
        if key not in best or rank[cert.importance] < rank[best[key].importance]:
            best[key] = cert
    return sorted(best.values(), key=lambda c: (rank[c.importance], c.start))
