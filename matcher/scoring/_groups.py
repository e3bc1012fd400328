"""Requirement groups in scoring: alternatives are one requirement.

A posting's group ("7+ years of Java, Python or C++", ``Posting.groups``) counts once, as its
importance says: full credit when the resume shows any one member (the best-credited member
decides, so short years still count short), none when it shows none. The explanation names the
member shown: "One of Java, Python or C++: Python".
"""

from __future__ import annotations

from matcher.records import Posting, SkillMatch

__all__ = ["credit_groups"]


def credit_groups(
    posting: Posting, matched: list[SkillMatch], missing: list[SkillMatch]
) -> tuple[list[SkillMatch], list[SkillMatch]]:
    """Fold each group's members in ``matched`` and ``missing`` (one entry per posting skill)
    into one entry for the group.

    Examples
    --------
    >>> from matcher import analyze_posting
    >>> posting = analyze_posting("Requirements: Java, Python or C++. SQL.")
    >>> matched = [SkillMatch("Python", "required", 1.0, "exact", "Python daily")]
    >>> missing = [SkillMatch(n, "required", 0.0, "missing") for n in ("Java", "C++", "SQL")]
    >>> got, lacking = credit_groups(posting, matched, missing)
    >>> [(m.skill, m.how, m.via, m.credit) for m in got], [m.skill for m in lacking]
    ([('Java, Python or C++', 'group', 'Python', 1.0)], ['SQL'])
    """
    if not posting.groups:
        return matched, missing
    group_of = {s.name: s.group for s in posting.skills if s.group is not None}
    by_id = {g.id: g for g in posting.groups}
    best: dict[int, SkillMatch] = {}
    for m in matched:
        number = group_of.get(m.skill)
        if number is not None and (number not in best or m.credit > best[number].credit):
            best[number] = m
    folded_matched: list[SkillMatch] = []
    folded_missing: list[SkillMatch] = []
    done: set[int] = set()
    for m in [*matched, *missing]:
        number = group_of.get(m.skill)
        if number is None:
            (folded_matched if m.how != "missing" else folded_missing).append(m)
            continue
        if number in done:
            continue
        done.add(number)
        group = by_id[number]
        shown = best.get(number)
        if shown is None:
            folded_missing.append(SkillMatch(group.label, group.importance, 0.0, "missing"))
        else:
            # the member shown, or the resume's skill that stands in for it ("Python for Go", a
            # narrower skill shown: "inventory control for inventory management")
            via = f"{shown.via} for {shown.skill}" if shown.via else shown.skill
            folded_matched.append(
                SkillMatch(group.label, group.importance, shown.credit, "group", shown.evidence, via=via)
            )
    return folded_matched, folded_missing
