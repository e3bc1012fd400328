"""``candidate_notice``: the plain-language notice New York City's Local Law 144 asks an employer
to give candidates before an automated tool assesses them."""

from __future__ import annotations

from matcher.records import Posting
from matcher.scoring import Weights

__all__ = ["candidate_notice"]


def _requirements(posting: Posting) -> list[str]:
    items = []
    groups = {g.id: g for g in posting.groups}
    for importance, label in (
        ("required", "Required"),
        ("preferred", "Preferred"),
        ("mentioned", "Also named"),
    ):
        skills = posting.skills_by_importance(
            "required"
            if importance == "required"
            else "preferred"
            if importance == "preferred"
            else "mentioned"
        )
        named, shown = [], set()
        for s in skills:  # a group's members are one requirement, named where its first stands
            if s.group in groups and s.group in shown:
                continue
            group = groups.get(s.group) if s.group is not None else None
            shown.add(s.group)
            name, years = (group.label, group.years) if group is not None else (s.name, s.years)
            named.append(name + (f" ({years:g}+ years)" if years else ""))
        if named:
            items.append(f"{label} skills: {', '.join(named)}")
    degree = posting.degree
    if degree is not None and degree.min_level:
        items.append(f"Degree: {degree.summary}")
    if posting.min_years is not None:
        items.append(f"Years of experience: {posting.min_years:g} or more")
    if posting.certifications:
        items.append(f"Certifications: {', '.join(posting.certifications)}")
    if posting.languages:
        items.append(f"Languages: {', '.join(posting.languages)}")
    return items or ["The posting's text as a whole (it names no specific requirement)"]


def candidate_notice(
    posting: Posting, *, markdown: bool = False, contact: str | None = None, weights: Weights | None = None
) -> str:
    """The notice to candidates: what the tool assesses (from this posting's requirements), what
    data it uses, and how to ask for another process, as plain text or Markdown.

    Examples
    --------
    >>> from matcher import analyze_posting
    >>> posting = analyze_posting("Data Analyst\\nRequirements: SQL and Excel")
    >>> notice = candidate_notice(posting, markdown=True)
    >>> print(notice.splitlines()[0])
    # Notice: an automated tool helps review applications for Data Analyst
    >>> "Required skills: SQL, Excel" in notice
    True
    """
    weights = weights or Weights()
    title = posting.title or "this position"
    where = contact or "[the employer's contact address]"
    parts = {"skills shown": weights.skills, "likeness of its words to the posting's": weights.similarity,
             "degree": weights.degree, "years of experience": weights.experience}  # fmt: skip
    total = sum(parts.values()) or 1.0
    how = ", ".join(f"{name} {value / total:.0%}" for name, value in parts.items() if value)
    sections = [
        (
            "What the tool assesses",
            [
                "It compares the resume you send with this posting's requirements:",
                *[f"- {item}" for item in _requirements(posting)],
                f"Each resume gets a score from 0 to 100 ({how}); every part of the score is explained "
                "to the people who review it, and the score is an aid to their decision, not the decision.",
            ],
        ),
        (
            "What data it uses",
            [
                "Only the resume you send: its skills, jobs and their dates, degrees, certifications and "
                "languages. It does not use your name, photo, age or date of birth, sex, race or "
                "ethnicity, address or any other source about you. It runs on the employer's own "
                "computers; nothing is sent elsewhere. The employer keeps a record of each review (the "
                "file's digest and its score) so that a decision can be explained later.",
            ],
        ),
        (
            "How to ask for another process",
            [
                f"You may ask to be assessed by a person without the tool, or for a reasonable "
                f"accommodation, by writing to {where} before you apply or at any time during the "
                "process. You may also ask what data about you is kept, and for how long.",
            ],
        ),
    ]
    if markdown:
        lines = [f"# Notice: an automated tool helps review applications for {title}", ""]
        for heading, body in sections:
            lines += [f"## {heading}", "", *body, ""]
        return "\n".join(lines).rstrip() + "\n"
    lines = [f"NOTICE: an automated tool helps review applications for {title}", ""]
    for heading, body in sections:
        lines += [heading.upper(), *body, ""]
    return "\n".join(lines).rstrip() + "\n"
