"""``analyze_posting``: what a job posting requires, each item with its evidence."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from matcher.errors import EmptyDocumentError, InputError
from matcher.facts import field_spans, find_years
from matcher.posting._certifications import find_certifications, posting_certifications
from matcher.posting._degree import posting_degree
from matcher.posting._glued import unglue_headings
from matcher.posting._groups import Placed, find_groups
from matcher.posting._importance import BOILERPLATE, mention_role, sentence_role
from matcher.posting._learned import paraphrase, skill_candidates
from matcher.posting._sections import find_sections
from matcher.posting._title import posting_title as _title
from matcher.records import (
    Importance,
    Posting,
    Section,
    SkillGroup,
    SkillMention,
)
from matcher.text import prepare_text

__all__ = ["analyze_posting", "analyze_posting_file"]

_RANK = {"required": 0, "preferred": 1, "mentioned": 2}
_BY_RANK: dict[int, Importance] = {0: "required", 1: "preferred", 2: "mentioned"}
_IMPORTANCE: dict[str, Importance] = {
    "required": "required",
    "preferred": "preferred",
    "mentioned": "mentioned",
}
_SELF_DESCRIPTION = re.compile(r"^(?:We|We.re|Our|The \w+ team|This team|Join)\b")
# the company being described ("Our portfolio includes SQL Server", "We are part of the Bing
# team"), not what the team does ("We build pipelines in Spark": the job's work) or whom it looks
# for ("We are looking for a Kafka developer")
_COMPANY_BEING = re.compile(
    r"^(?:Our|We are|We.re)\b"
    r"(?!\s+(?:(?:currently|now|actively)\s+)?(?:looking|seeking|searching|hiring|in need)\b)"
)
# a company described by its name, in the third person ("TRIGYN is an ISO 9001 certified company",
# "Denali is one of the nation's leading integrators", "The Identity Division is a customer focused
# organization"): the company's standing, not the candidate's skills, wherever the sentence stands
_COMPANY_NAMED = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w&.,'’-]*\s+){1,6}(?:is|are|has been|was)\s+"
    r"(?:a|an|the|one of|proud|recognized|known|headquartered|founded|ranked|among)\b"
)
_COMPANY_WORD = re.compile(
    r"\b(?:company|companies|firm|leader|leading|provider|integrators?|organi[sz]ation|corporation|"
    r"enterprise|agency|consultancy|employer|founded|headquartered)\b",
    re.IGNORECASE,
)
_NOT_THE_COMPANY = re.compile(
    r"\b(?:you|your|looking for|seeking|searching for|hiring|candidates?|role|position|individual|person|"
    r"applicants?|engineer|developer|analyst|manager|designer|architect)\b",
    re.IGNORECASE,
)
_MARKER = re.compile(r"^\s*(?:[-*#\u2022\u2023\u25aa\u25cf\u25e6\u00b7\u2013>]+|\d{1,2}[.)])\s+")


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    start: int
    end: int
    role: str  # required | preferred | mentioned | boilerplate
    section: str

    @property
    def evidence(self) -> str:
        """The sentence without its bullet or list marker."""
        return _MARKER.sub("", self.text).strip()


def analyze_posting(text: str, *, title: str | None = None) -> Posting:
    """Read a job posting and say what it requires.

    Parameters
    ----------
    text : str
        The posting's text (plain text or Markdown).
    title : str, optional
        The job title, when known from elsewhere (e.g. an HTML page's JSON-LD); otherwise the
        first short line of the text is used.

    Returns
    -------
    Posting
        Skills with importance (required, preferred, mentioned) and evidence, degree, years
        of experience, certifications and spoken languages asked for.

    Raises
    ------
    EmptyDocumentError
        When the text holds no words.

    Examples
    --------
    >>> from matcher import analyze_posting
    >>> p = analyze_posting('''Data Engineer
    ... Requirements:
    ... - 3+ years of Python and SQL
    ... - BS in Computer Science or equivalent experience
    ... Nice to have: Kafka, k8s''')
    >>> [(s.name, s.importance) for s in p.skills]
    [('Python', 'required'), ('SQL', 'required'), ('Kafka', 'preferred'), ('Kubernetes', 'preferred')]
    >>> p.min_years, p.degree.min_level, p.degree.equivalent_experience
    (3.0, 'bachelor', True)
    """
    if not isinstance(text, str):
        raise InputError(f"analyze_posting expects the posting text as str, got {type(text).__name__}")
    if not re.search(r"\w", text):
        raise EmptyDocumentError("the posting is empty: it holds no words to analyse")
    from matcher.language import get_pipeline, load_taxonomy, text_doc

    prepared = unglue_headings(prepare_text(text, load_taxonomy().names))

    doc = text_doc(get_pipeline(), prepared)
    sections = find_sections(prepared)
    sentences = _sentences(doc, prepared, sections)
    years = _years(sentences)
    named = [(s.start + a, s.start + b) for s in sentences for _, a, b in find_certifications(s.text)]
    skills, groups = _skills(doc, sentences, years, named)
    certifications = posting_certifications(
        [(s.text, s.start, s.section, s.evidence) for s in sentences],
        [(s.name, s.importance, s.evidence, s.start, s.end) for s in skills if s.kind == "certification"],
    )
    min_years, preferred_years = _overall_years(sentences, years)
    return Posting(
        title=title or _title(prepared),
        skills=skills,
        degree=posting_degree(sentences, [(s.start_char, s.end_char) for s in doc.spans["skills"]]),
        min_years=min_years,
        preferred_years=preferred_years,
        certifications=tuple(c.name for c in certifications if c.importance != "mentioned"),
        sections=tuple(sections),
        languages=tuple(s.name for s in skills if s.kind == "language" and s.importance != "mentioned"),
        text=prepared,
        groups=groups,
        certifications_detail=tuple(certifications),
    )


def analyze_posting_file(path: str | Path) -> Posting:
    """Read a posting file (.txt, .md, .pdf, .html) and analyse it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "job.txt"
    >>> _ = f.write_text("Analyst\\nRequirements: Excel and SQL.")
    >>> [s.name for s in analyze_posting_file(f).skills]
    ['Excel', 'SQL']
    """
    from matcher.extract import read_posting

    text, title = read_posting(path)
    return analyze_posting(text, title=title)


def _section_at(sections: list[Section], offset: int) -> str:
    for section in sections:
        if section.start <= offset < section.end:
            return section.kind
    return "intro"


def _sentences(doc: Any, whole: str, sections: list[Section]) -> list[_Sentence]:
    """The doc's sentences (``whole`` is its text), each cut where a section starts inside it."""
    out = []
    bounds = [s.start for s in sections if s.start and whole[s.start - 1] != "\n"]  # inside a line
    for sent in doc.sents:
        # a sentence never runs over a section's start ("... GDPR ) Desired Experience" glued,
        # "... Java and SQL Preferred: Experience with Go")
        cuts = [sent.start_char, *(b for b in bounds if sent.start_char < b < sent.end_char), sent.end_char]
        if len(cuts) == 2:
            pieces = [(sent.text, sent.start_char, sent.end_char)]
        else:
            pieces = [(whole[a:b], a, b) for a, b in itertools.pairwise(cuts)]
        for raw, start, end in pieces:
            text = raw.strip()
            if not text:
                continue
            start += len(raw) - len(raw.lstrip())
            section = _section_at(sections, start)
            out.append(_Sentence(text, start, end, sentence_role(text, section), section))
    return out


def _sentence_at(sentences: list[_Sentence], offset: int) -> _Sentence | None:
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset:
        return sentences[lo]
    return None


def _years(sentences: list[_Sentence]) -> list[tuple[_Sentence, float | None, int, int, str]]:
    """Every years-of-experience phrase as (sentence, years, start, end, role)."""
    found = []
    for sent in sentences:
        if _COMPANY_YEARS.match(sent.evidence) or _company_named(sent.evidence):
            continue  # "Our combined 70 years in the industry": the company's, not the candidate's
        for m in find_years(sent.text):
            role = mention_role(sent.text, m.start, sent.section)
            if role == BOILERPLATE:
                continue
            found.append((sent, m.years, sent.start + m.start, sent.start + m.end, role))
    return found


def _skills(
    doc: Any,
    sentences: list[_Sentence],
    years: list[tuple[_Sentence, float | None, int, int, str]],
    certifications: list[tuple[int, int]],
) -> tuple[tuple[SkillMention, ...], tuple[SkillGroup, ...]]:
    from matcher.language import load_taxonomy

    taxonomy = load_taxonomy()
    best: dict[str, SkillMention] = {}
    placed: list[Placed] = []
    order: dict[str, int] = {}
    fields: dict[int, list[tuple[int, int]]] = {}
    asked = [(s.start, s.end) for s in sentences if s.role in ("required", "preferred")]
    headed = any(s.section in ("required", "preferred") for s in sentences)
    items = [
        (s.start, s.end) for s in sentences if s.section in ("required", "preferred") and len(s.text) <= 40
    ]
    for span in skill_candidates(doc, taxonomy, asked, items):
        sent = _sentence_at(sentences, span.start_char)
        if sent is None:
            continue
        if sent.start not in fields:
            fields[sent.start] = [(sent.start + a, sent.start + b) for a, b in field_spans(sent.text)]
        if any(a <= span.start_char < b for a, b in fields[sent.start]):
            continue  # "BS in Computer Science": a degree's field, not a skill
        skill = span.skill
        if skill.kind != "certification" and any(a <= span.start_char < b for a, b in certifications):
            continue  # "Scrum" in "any other Scrum certification": the certification is asked, not the skill
        importance = mention_role(sent.text, span.start_char - sent.start, sent.section)
        if sent is sentences[0] and importance == "mentioned" and _title(sent.text) is not None:
            importance = "required"  # the job title names the core skill: "Java Backend Engineer"
        if importance == "mentioned" and (
            _COMPANY_BEING.match(sent.evidence)
            or (skill.kind == "soft" and _SELF_DESCRIPTION.match(sent.evidence))
        ):
            continue  # "Our team values creativity", "Our portfolio includes SQL Server": the company
        if _company_named(sent.evidence):
            continue  # "TRIGYN is an ISO 9001 certified company": the company's, not the job's
        if importance == "mentioned" and sent.section == "intro" and headed:
            continue  # the blurb above a posting's requirements: the company's products, not the job's
        if importance == "mentioned" and paraphrase(span.text, skill.name):
            continue  # a duty's "honesty" read as integrity: a mention counts by the skill's own name
        if importance not in _IMPORTANCE or (importance == "mentioned" and skill.id.startswith("learned:")):
            continue  # boilerplate; or a learned name the posting does not ask for
        mention = SkillMention(
            name=skill.name,
            kind=skill.kind,
            importance=_IMPORTANCE[importance],
            evidence=sent.evidence,
            years=_skill_years(span.start_char, sent, years),
            start=span.start_char,
            end=span.end_char,
            surface=span.text,
            skill_id=skill.id,
        )
        placed.append(
            Placed(
                sent.start,
                sent.text,
                span.start_char,
                span.end_char,
                skill.id,
                _RANK[importance],
                mention.years,
            )
        )
        old = best.get(skill.id)
        if old is None:
            order[skill.id] = len(order)
            best[skill.id] = mention
        elif _RANK[importance] < _RANK[old.importance] or (
            importance == old.importance
            and (
                (old.years is None and mention.years is not None)
                or old.start < sentences[0].end <= mention.start  # a sentence beats the title
            )
        ):
            best[skill.id] = mention
    groups = []
    for number, found in enumerate(find_groups(placed), 1):
        names = tuple(best[i].name for i in found.skill_ids)
        groups.append(
            SkillGroup(number, names, _BY_RANK[found.rank], found.years, _MARKER.sub("", found.evidence))
        )
        for skill_id in found.skill_ids:
            best[skill_id] = replace(best[skill_id], group=number)
    skills = tuple(sorted(best.values(), key=lambda m: (_RANK[m.importance], order[m.skill_id])))
    return skills, tuple(groups)


def _company_named(sentence: str) -> bool:
    """True when a sentence describes a company by its name and asks for no one (see
    ``_COMPANY_NAMED``): "Contoso is looking for a Kafka developer" still asks."""
    return bool(
        _COMPANY_NAMED.match(sentence)
        and _COMPANY_WORD.search(sentence)
        and not _NOT_THE_COMPANY.search(sentence)
    )


def _skill_years(
    offset: int, sent: _Sentence, years: list[tuple[_Sentence, float | None, int, int, str]]
) -> float | None:
    """Years asked for this skill: "3+ years of Python", "Python (3+ years)". Only the phrases
    that start near the skill are looked at (``years`` is in text order), so a list of thousands
    of "5+ years of X" is not quadratic (issue 17)."""
    import bisect

    first = bisect.bisect_left(years, offset - _YEARS_REACH, key=lambda y: y[2])
    last = bisect.bisect_right(years, offset + 20, key=lambda y: y[2])
    for ysent, value, start, end, _ in years[first:last]:
        if ysent is not sent or value is None:
            continue
        if end <= offset and offset - end <= 45:
            between = sent.text[end - sent.start : offset - sent.start]
            if not re.search(r"[;.]|\band\b.*\byears\b", between):
                return value
        if offset < start and start - offset <= 20:
            between = sent.text[offset - sent.start : start - sent.start]
            if re.fullmatch(r"[\w.+#/ -]*[(:,-]\s*(?:minimum|min\.?|at least)?\s*", between):
                return value
    return None


_YEARS_REACH = 200  # a years phrase ending within 45 characters before a skill starts within this


# the company's own history: "Our combined 70 years in the industry", "For over 11 years Contoso has
# been specializing in IT staffing"
_COMPANY_YEARS = re.compile(
    r"^(?:Our (?:combined|collective|company|firm|founders|history)\b|"
    r"For (?:over |more than |nearly |almost |the (?:past|last) )?\S+ (?:years|decades),? "
    r"(?:[A-Z][\w&.-]*\s+)+(?:has|have)\b)"
)
# years asked instead of a degree: "BS in CS or 4+ years of experience", "-OR- an additional 4 years'"
_OR_BEFORE = re.compile(
    r"(?:\bor|\bOR|-OR-)\s+(?:an?\s+)?(?:additional\s+)?(?:minimum\s+of\s+|at\s+least\s+)?$"
)


def _instead_of_degree(text: str, offset: int) -> bool:
    """True when the years phrase at ``offset`` is an alternative to a degree named before it in
    its sentence ("Bachelor's degree OR a minimum of four years"; "a degree and 5 years in network
    engineering or 10 years of hands-on work"): not the posting's minimum."""
    from matcher.facts import find_degrees

    if not _OR_BEFORE.search(text, max(0, offset - 40), offset):
        return False
    return any(end <= offset for _, _, end in find_degrees(text[:offset]))


def _overall_years(
    sentences: list[_Sentence], years: list[tuple[_Sentence, float | None, int, int, str]]
) -> tuple[float | None, float | None]:
    asked = [y for y in years if y[4] in ("required", "mentioned") and y[1] is not None]
    if any(not _instead_of_degree(y[0].text, y[2] - y[0].start) for y in asked):
        # "BS or 4+ years of experience; 2+ years of C#" asks 2; "BS or 2+ years" alone asks 2
        years = [y for y in years if not _instead_of_degree(y[0].text, y[2] - y[0].start)]
    required = [v for _, v, _, _, role in years if role in ("required", "mentioned") and v is not None]
    preferred = [v for _, v, _, _, role in years if role == "preferred" and v is not None]
    min_years = max(required) if required else None
    preferred_years = max(preferred) if preferred else None
    if preferred_years is not None and min_years is not None and preferred_years <= min_years:
        preferred_years = None
    return min_years, preferred_years
