"""``parse_resume``: a resume file into a structured, evidenced profile."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matcher.errors import InputError
from matcher.integrity import keyword_stuffing
from matcher.records import IntegrityFinding, Resume, ResumeSkill, Section, SkillKind
from matcher.resume._contact import find_contact
from matcher.resume._dating import resolve_dates
from matcher.resume._duties import duty_skills, reordered_skills, title_skills
from matcher.resume._education import find_education
from matcher.resume._history import DatedJob, find_jobs
from matcher.resume._sections import clean_resume_text, split_sections
from matcher.resume._skill_guard import (
    item_holds_found_skill,
    item_rates_the_candidate,
    keep_skill_span,
    without_descriptor,
)
from matcher.resume._wrapped import joined_at, wrapped_spans
from matcher.text import glued_words, unglue

if TYPE_CHECKING:
    from matcher.language import Taxonomy

__all__ = ["glued_words", "parse_resume", "parse_resume_text"]


def parse_resume(source: str | Path, *, as_of: date | None = None, **extract_options: Any) -> Resume:
    """Read a resume file (.pdf, .docx, .txt, .md) into a :class:`Resume`.

    Parameters
    ----------
    source : str or Path
        The resume file.
    as_of : date, optional
        The date "Present" / "Current" means; years after it do not count. Default: today.
    **extract_options
        Passed to :func:`matcher.extract.extract_text` (``limits``, ``engine``).

    Returns
    -------
    Resume
        Contact details, sections, skills (with count, evidence and when last used), education
        (level, field, institution, year, completed) and dated jobs; ``total_years`` merges
        overlapping jobs and is None when no job is dated.

    Raises
    ------
    MatcherError
        A typed error (``kind``: unsupported, empty, damaged, encrypted, no_text, too_large,
        too_many_pages) when the file cannot be read.

    Examples
    --------
    >>> import tempfile, pathlib, datetime
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "cv.txt"
    >>> _ = f.write_text('''Jane Doe
    ... jane@example.com
    ... Experience
    ... Data Engineer | Acme Corp | Jan 2018 - Present
    ... Built pipelines in Python and Airflow.
    ... Analyst | Beta LLC | 2015 - 2018
    ... Education
    ... B.S. in Statistics, State University, 2014''')
    >>> r = parse_resume(f, as_of=datetime.date(2024, 1, 1))
    >>> r.name, r.highest_degree, r.total_years
    ('Jane Doe', 'bachelor', 9.08)
    >>> [(s.name, s.last_used) for s in r.skills][:2]
    [('Python', 'present'), ('Airflow', 'present')]
    """
    from matcher.extract import extract_document

    document = extract_document(source, **extract_options)
    resume = parse_resume_text(document.text, source=str(source), as_of=as_of, extracted=True)
    if document.integrity:
        resume = _with_hidden_text(resume, document.integrity, document.hidden_text)
    if document.notes:  # how the file was read, first
        import dataclasses

        resume = dataclasses.replace(resume, warnings=(*document.notes, *resume.warnings))
    return resume


def _with_hidden_text(resume: Resume, found: tuple[IntegrityFinding, ...], hidden: tuple[str, ...]) -> Resume:
    """The resume with what extraction found first in ``integrity``, and each skill named only in
    the hidden text marked ``hidden`` (the text without the hidden runs does not name it)."""
    import dataclasses

    from matcher.language import blank_pipeline, find_skill_spans, load_taxonomy, text_doc

    resume = dataclasses.replace(resume, hidden_text=hidden)
    visible = resume.visible_text
    seen = {span.label_ for span in find_skill_spans(text_doc(blank_pipeline(), visible), load_taxonomy())}
    lowered = visible.lower()
    skills = tuple(
        s
        if (s.skill_id in seen if s.skill_id else s.name.lower() in lowered)
        else dataclasses.replace(s, hidden=True)
        for s in resume.skills
    )
    return dataclasses.replace(resume, skills=skills, integrity=(*found, *resume.integrity))


def parse_resume_text(
    text: str, *, source: str = "<text>", as_of: date | None = None, extracted: bool = False
) -> Resume:
    """Parse resume text into a :class:`Resume`.

    ``extracted=True`` says the text comes from :func:`matcher.extract.extract_text`, which has
    repaired its encoding already (the repair is then not run twice).

    Examples
    --------
    >>> r = parse_resume_text("EXPERIENCE\\nCook, Diner, 2010-2011\\nCook, Cafe, 2011-2012")
    >>> r.total_years, [j.start for j in r.experience]
    (3.0, ['2010-01', '2011-01'])
    """
    if not isinstance(text, str):
        raise InputError(f"parse_resume_text expects str, got {type(text).__name__}")
    if as_of is not None and not isinstance(as_of, date):
        raise InputError(f"as_of must be a datetime.date, got {type(as_of).__name__}")
    parsed = _parse(clean_resume_text(text, fix_encoding=not extracted), source)
    return resolve_dates(parsed, as_of or date.today())


def _parse(cleaned: str, source: str) -> Resume:
    """The resume's facts as written; nothing here depends on the as-of date."""
    warnings: list[str] = []
    if glued_words(cleaned):
        from matcher.language import skill_word_keys

        cleaned = unglue(cleaned, skill_word_keys())
        warnings.append(
            "words run together (a XeLaTeX font?) were split with a dictionary;"
            " --pdf-engine pdfium reads the spaces as they are"
        )
    sections = split_sections(cleaned)
    contact = find_contact(cleaned)
    jobs = find_jobs(cleaned, sections)
    if not jobs:
        warnings.append("no dated job found: years of experience unknown")
    skills = _skills(cleaned, jobs, sections)
    return Resume(
        source=source,
        name=contact.name,
        email=contact.email,
        phone=contact.phone,
        links=contact.links,
        sections=tuple(dict.fromkeys(s.kind for s in sections if s.kind not in ("header", "body"))),
        skills=skills,
        education=tuple(find_education(cleaned, sections)),
        experience=tuple(j.job for j in jobs),
        total_years=None,  # resolve_dates works it out
        warnings=tuple(warnings),
        text=cleaned,
        integrity=keyword_stuffing(cleaned, skills),
    )


def _skills(text: str, jobs: list[DatedJob], sections: list[Section]) -> tuple[ResumeSkill, ...]:
    from matcher.language import blank_pipeline, find_skill_spans, load_taxonomy, text_doc

    taxonomy = load_taxonomy()
    doc = text_doc(blank_pipeline(), text)
    counts: dict[str, int] = {}
    first: dict[str, str] = {}
    last_used: dict[str, str] = {}
    used_in: dict[str, set[int]] = {}
    listed = _list_lines(text, sections)
    lowered = text.lower()
    read = find_skill_spans(doc, taxonomy)
    read += wrapped_spans(doc, read, taxonomy)  # "Creative lesson" / "planning"
    spans = [
        span
        for span in sorted(read, key=lambda s: s.start_char)
        if keep_skill_span(
            span, taxonomy.skills[span.label_], taxonomy, text, _on_list_line(span, listed), lowered
        )
    ]
    for span in spans:
        sid = span.label_
        counts[sid] = counts.get(sid, 0) + 1
        if sid not in first:
            line_start = text.rfind("\n", 0, span.start_char) + 1
            line_end = text.find("\n", span.end_char)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            first[sid] = re.sub(r"\s*\n\s*", " ", line.strip())  # a name cut by a line break: both lines
        for index, job in enumerate(jobs):
            if job.block_start <= span.start_char < job.block_end:
                used_in.setdefault(sid, set()).add(index)
                end = job.job.end
                if (
                    sid not in last_used
                    or end == "present"
                    or (last_used[sid] != "present" and end > last_used[sid])
                ):
                    last_used[sid] = end
    # duties that name a skill as a verb and its object ("reconciled bank accounts")
    # and a skill's words in another order or form ("tracking budgets" -> budget tracking)
    # and a dated job's title as the work done ("Personal Trainer" -> personal training)
    duties = duty_skills(text, sections, taxonomy) + reordered_skills(text, sections, taxonomy)
    titles = [(job.job.title, job.block_start) for job in jobs if job.job.title]
    for skill, line, offset in duties + title_skills(titles, taxonomy):
        if skill.id in counts:
            continue
        counts[skill.id] = 1
        first[skill.id] = line
        for index, job in enumerate(jobs):
            if job.block_start <= offset < job.block_end:
                used_in.setdefault(skill.id, set()).add(index)
                end = job.job.end
                held = last_used.get(skill.id)
                if held is None or end == "present" or (held != "present" and end > held):
                    last_used[skill.id] = end
    out = []
    for sid, count in counts.items():
        skill = taxonomy.skills[sid]
        named_in = tuple(sorted(used_in.get(sid, ())))
        out.append(
            ResumeSkill(skill.name, skill.kind, first[sid], count, last_used.get(sid), sid, jobs=named_in)
        )
    # a skills section lists skills by construction: every item counts, even one the taxonomy
    # does not know ("Garment construction") or would only accept in context ("Illustration")
    seen = {s.name.lower() for s in out}
    surfaces = {" ".join(text[span.start_char : span.end_char].lower().split()) for span in spans}
    # a list cell a line break cuts ("Standardized" / "testing") is one item, not two
    cut = [span for span in spans if "\n" in text[span.start_char : span.end_char]]
    for raw_item, line, section_kind in _section_items(joined_at(text, cut), sections, taxonomy):
        item = without_descriptor(raw_item, taxonomy)  # "Sandwich preparation experience"
        known = taxonomy.find(item)
        if known is None and (section_kind == "languages" or item_holds_found_skill(item, surfaces)):
            continue  # "English (fluent)": the skill inside was found already; "Elementary" is no language
        if known is None and item_rates_the_candidate(item):
            continue  # "Excellent driving record", "Strong interpersonal"
        kind: SkillKind
        name, kind, sid = (known.name, known.kind, known.id) if known else (item, "hard", "")
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append(ResumeSkill(name, kind, line, 1, None, sid))
    return tuple(out)


def _list_lines(text: str, sections: list[Section]) -> list[tuple[int, int]]:
    """Where the skills and languages sections are: their lines are lists, not prose."""
    return [(s.start, s.end) for s in sections if s.kind in ("skills", "languages")]


def _on_list_line(span: Any, listed: list[tuple[int, int]]) -> bool:
    return any(start <= span.start_char < end for start, end in listed)


_ITEM_SPLIT = re.compile(r"\s*(?:[,;•|·●▪]|\s{2,}|\t|\s-\s|\band\b)\s*")


def _section_items(text: str, sections: list[Section], taxonomy: Taxonomy) -> list[tuple[str, str, str]]:
    """Short list items of the skills and languages sections ("Budgeting, Billing; Quicken"), with
    their line and the section's kind."""
    items: list[tuple[str, str, str]] = []
    for section in sections:
        if section.kind not in ("skills", "languages"):
            continue
        for line in _unwrap(text[section.start : section.end].splitlines()[1:], taxonomy):
            stripped = line.strip(" -*•·\t")
            label, _, listed = stripped.partition(":")  # "Tools: Git, Jira"; "American Sign Language :"
            values = re.sub(r"\([^)]*\)?", " ", listed if listed.strip() else label)  # "Windows (10)"
            for raw in _ITEM_SPLIT.split(values):
                item = raw.strip(" .:-*•()[]/&")  # "Safety Plans /"
                words = item.split()
                if (
                    2 <= len(item) <= 40
                    and 1 <= len(words) <= 5
                    and item[0].isalnum()
                    and not re.search(r"\b(?:19|20)\d\d\b", item)
                ):
                    items.append((item, line.strip(), section.kind))
    return items


def _unwrap(lines: list[str], taxonomy: Taxonomy) -> list[str]:
    """Join a long comma-separated line to the next one when the list wraps in the middle of a
    skill ("Equity, Financial" + "Accounting, Financial Modeling")."""
    out: list[str] = []
    for line in lines:
        if out and _WRAPPED_LIST.search(out[-1]):
            joint = f"{out[-1].rsplit(',', 1)[-1].strip()} {line.split(',', 1)[0].strip()}"
            if taxonomy.find(joint) is not None:
                out[-1] = f"{out[-1].rstrip()} {line.strip()}"
                continue
        out.append(line)
    return out


_WRAPPED_LIST = re.compile(r"^(?=.{60})(?:[^,]*,){2}.*[A-Za-z0-9)]\s*$")
