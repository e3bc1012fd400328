"""``score``: a deterministic, explained fit of one resume to one posting.

The total (0-100) is a weighted mean of components, each 0 to 1:

- ``skills``: posting skills the resume shows, required weighing most, then preferred, then
  mentioned; a skill asked with years ("3+ years of Python") gets partial credit when the resume's
  jobs that name it add up to less; a related skill (MySQL for PostgreSQL) earns visible partial
  credit;
  a skill named only outside the dated jobs (a skills list) earns ``listed_credit`` of it;
- ``similarity``: TF-IDF cosine with a fixed background IDF (see ``matcher.scoring._similarity``);
- ``role``: the posting's title against the resume's headline and latest job title, through
  O*NET's occupations (see ``matcher.scoring._role``);
- ``history``: the dated positions the resume shows, up to ``history_positions``;
- ``degree`` and ``experience``: the rule checks as numbers.

A component that cannot be judged (no degree asked, no dated job, no title O*NET knows) is left out
and the others are re-weighted: an unknown never counts as a fail. A component of weight 0 is still
worked out and shown, not counted.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, get_args

from matcher.facts import level_rank
from matcher.records import (
    Check,
    CheckStatus,
    Importance,
    MatchHow,
    Posting,
    Resume,
    Score,
    SkillMatch,
    SkillMention,
)
from matcher.scoring._groups import credit_groups
from matcher.scoring._role import role_match
from matcher.scoring._similarity import Similarity
from matcher.scoring._weights import COMPONENTS, Weights

if TYPE_CHECKING:
    from matcher.language import Taxonomy

__all__ = ["score"]

# a posting skill's importance as the Literal it is (posting keeps only these three)
_IMPORTANCE: dict[str, Importance] = {i: i for i in get_args(Importance)}


def score(
    posting: Posting, resume: Resume, *, weights: Weights | None = None, similarity: Similarity | None = None
) -> Score:
    """Score how well ``resume`` fits ``posting``.

    Parameters
    ----------
    posting : Posting
        From :func:`matcher.analyze_posting`.
    resume : Resume
        From :func:`matcher.parse_resume`.
    weights : Weights, optional
        Component and importance weights, related-skill credit and knockouts.
    similarity : Similarity, optional
        The posting-resume text similarity when already computed for a batch
        (:func:`matcher.scoring.similarities`); computed here otherwise.

    Returns
    -------
    Score
        ``total`` 0 to 100, ``components``, ``checks`` (pass / fail / unknown with margins),
        skills ``matched`` and ``missing`` with evidence, ``knocked_out``, and ``explain()``.

    Examples
    --------
    >>> from datetime import date
    >>> from matcher import analyze_posting, parse_resume_text, score
    >>> posting = analyze_posting("Requirements: 3+ years of experience with Python and SQL. BS degree.")
    >>> cv = parse_resume_text('''EXPERIENCE
    ... Data Analyst, Acme Inc, Jan 2019 - Dec 2022
    ... Reporting in Python and SQL.
    ... EDUCATION
    ... B.S. Statistics, 2018''', as_of=date(2024, 1, 1))
    >>> s = score(posting, cv)
    >>> s.total, [c.status for c in s.checks]
    (72.5, ['pass', 'pass'])
    >>> print(s.explain().splitlines()[0])
    Score 72.5/100: skills 1.00, similarity 0.33, history 0.17, degree 1.00, experience 1.00
    """
    weights = weights or Weights()
    matched, missing = credit_groups(posting, *_skill_matches(posting, resume, weights))
    checks = _checks(posting, resume)
    components, top_terms = _components(posting, resume, weights, matched, missing, checks, similarity)
    details: list[str] = []
    role = role_match(posting.title, resume)
    components["role"] = None if role is None else role.credit
    if role is not None:
        details.append(role.describe())
    components["history"] = _history(resume, weights, details)
    components = {k: components[k] for k in COMPONENTS}
    weight_of = weights.component_weights()
    # a component of weight 0 is shown (calibrate reads it) but takes no part in the total
    parts = {k: v for k, v in components.items() if v is not None and weight_of[k] > 0}
    unweighted = [k for k, v in components.items() if v is not None and weight_of[k] == 0]
    if unweighted:
        details.append(f"Shown, not counted (weight 0): {', '.join(unweighted)}")
    total_weight = sum(weight_of[k] for k in parts)
    total = (
        round(100 * sum(weight_of[k] * v for k, v in parts.items()) / total_weight, 1)
        if total_weight
        else 0.0
    )
    failed = [c.name for c in checks if c.status == "fail"]
    knocked = any(name in weights.knockouts for name in failed)
    hidden = () if weights.count_hidden_text else tuple(s.name for s in resume.skills if s.hidden)
    return Score(
        total=total,
        components=components,
        checks=checks,
        matched=tuple(matched),
        missing=tuple(missing),
        knocked_out=knocked,
        top_terms=tuple(top_terms),
        knockouts=weights.knockouts,
        details=tuple(details),
        not_counted=hidden,
    )


def _history(resume: Resume, weights: Weights, details: list[str]) -> float | None:
    """Dated positions shown, up to ``weights.history_positions``; None (not judged) with none."""
    count = len(resume.experience)
    if not count:
        return None
    value = round(min(1.0, count / weights.history_positions), 4)
    plural = "s" if count != 1 else ""
    details.append(f"History: {count} dated position{plural} ({weights.history_positions:g} make 1)")
    return value


def _skill_matches(
    posting: Posting, resume: Resume, weights: Weights
) -> tuple[list[SkillMatch], list[SkillMatch]]:
    from matcher.language import load_taxonomy

    taxonomy = load_taxonomy()
    # a skill named only in text a reader cannot see does not count, unless the weights say so
    shown = [s for s in resume.skills if weights.count_hidden_text or not s.hidden]
    have = {s.skill_id: s for s in shown if s.skill_id}
    by_name = {s.name.lower(): s for s in shown}
    matched: list[SkillMatch] = []
    missing: list[SkillMatch] = []
    for wanted, importance, name, not_found in _wanted(posting):
        how: MatchHow
        found = have.get(wanted.skill_id) or by_name.get(name)
        shown_as = None
        if found is None:  # a narrower skill split from the one asked shows it ("inventory control")
            found = next((have[n] for n in _narrower(taxonomy, wanted.skill_id) if n in have), None)
            shown_as = found.name if found is not None else None
        if found is not None:
            credit, how = 1.0, "exact"
            if wanted.years and found.years is not None and found.years < wanted.years:
                credit, how = round(found.years / wanted.years, 3), "short_years"
            elif found.kind == "hard" and resume.experience and not found.jobs and weights.listed_credit < 1:
                # a hard skill in no dated job: listed, not shown in work (languages, soft skills
                # and certificates are rarely written into a job's lines, so they are exempt)
                credit, how = weights.listed_credit, "listed"
            matched.append(SkillMatch(wanted.name, importance, credit, how, found.evidence, via=shown_as))
            continue
        if weights.related_credit > 0:
            related = [have[r] for r in _substitutes(taxonomy, wanted.skill_id) if r in have]
            if related:
                via = min(related, key=lambda s: s.name.lower())
                credit = weights.related_credit
                matched.append(
                    SkillMatch(wanted.name, importance, credit, "related", via.evidence, via=via.name)
                )
                continue
        missing.append(not_found)
    return matched, missing


_Wanted = tuple[tuple[SkillMention, Importance, str, SkillMatch], ...]
_last_wanted: list[tuple[Posting, _Wanted]] = []  # the posting last scored against, and its skills


def _wanted(posting: Posting) -> _Wanted:
    """Each skill the posting asks, with its importance, its name in lower case and its "missing"
    match: made once for a ranking's thousands of resumes (a posting's records never change)."""
    for last, known in _last_wanted[-1:]:  # one read of the slot: threads may score other postings
        if last is posting:
            return known
    made = tuple(
        (w, importance, w.name.lower(), SkillMatch(w.name, importance, 0.0, "missing"))
        for w in posting.skills
        for importance in (_IMPORTANCE[w.importance],)
    )
    _last_wanted[:] = [(posting, made)]
    return made


@lru_cache(maxsize=4096)
def _substitutes(taxonomy: Taxonomy, skill_id: str) -> tuple[str, ...]:
    """The ids of a skill's close substitutes: linked in the taxonomy and of the same group (MySQL
    for PostgreSQL), in the taxonomy's order; worked out once per skill, not once per resume."""
    group = taxonomy.skills[skill_id].group if skill_id in taxonomy.skills else None
    return tuple(r.id for r in taxonomy.related(skill_id) if r.group == group)


@lru_cache(maxsize=4096)
def _narrower(taxonomy: Taxonomy, skill_id: str) -> tuple[str, ...]:
    """The ids of the skills split from ``skill_id`` as narrower ones (``Skill.broader``), by name:
    each shows the broader skill in full (inventory control shows inventory management)."""
    return tuple(s.id for s in sorted(taxonomy.narrower(skill_id), key=lambda s: s.name.lower()))


def _checks(posting: Posting, resume: Resume) -> tuple[Check, ...]:
    checks = []
    degree = posting.degree
    if degree is not None and degree.min_level is not None:
        have = resume.highest_degree
        need = degree.min_level
        years_ok = (
            degree.equivalent_experience
            and resume.total_years is not None
            and resume.total_years >= max(posting.min_years or 0, 4)
        )
        if have is None:
            if years_ok:
                checks.append(
                    Check(
                        "degree",
                        "pass",
                        f"no degree found; {resume.total_years:g} years accepted as equivalent",
                    )
                )
            else:
                checks.append(Check("degree", "unknown", f"no completed degree found ({need} asked)"))
        else:
            margin = float(level_rank(have) - level_rank(need))
            if margin >= 0:
                checks.append(Check("degree", "pass", f"{have} >= {need}", margin))
            elif years_ok:
                checks.append(
                    Check("degree", "pass", f"{have} < {need}, equivalent experience accepted", margin)
                )
            else:
                status: CheckStatus = "fail" if degree.required else "pass"
                note = "" if degree.required else " (only preferred)"
                checks.append(Check("degree", status, f"{have} < {need}{note}", margin))
    if degree is not None and degree.fields and resume.highest_degree is not None:
        checks.append(_field_check(degree.fields, resume))
    if posting.min_years is not None:
        if resume.total_years is None:
            checks.append(
                Check("experience", "unknown", f"no dated jobs found ({posting.min_years:g} years asked)")
            )
        else:
            margin = round(resume.total_years - posting.min_years, 2)
            status = "pass" if margin >= 0 else "fail"
            checks.append(
                Check("experience", status, f"{resume.total_years:g} of {posting.min_years:g} years", margin)
            )
    certificates = [s for s in posting.skills if s.kind == "certification" and s.importance != "mentioned"]
    if certificates:
        have_names = {s.name.lower() for s in resume.skills}
        required = [
            c.name for c in certificates if c.importance == "required" and c.name.lower() not in have_names
        ]
        preferred = [
            c.name for c in certificates if c.importance != "required" and c.name.lower() not in have_names
        ]
        if required:
            detail = f"missing {', '.join(required)}"
            checks.append(Check("certifications", "fail", detail, float(-len(required))))
        elif preferred:
            detail = f"none required missing; preferred missing: {', '.join(preferred)}"
            checks.append(Check("certifications", "pass", detail, 0.0))
        else:
            checks.append(
                Check("certifications", "pass", f"has {', '.join(c.name for c in certificates)}", 0.0)
            )
    return tuple(checks)


_OPEN_FIELD = re.compile(r"\b(?:related|quantitative|technical|relevant|similar|equivalent)\b")
_FIELD_NOISE = frozenset(
    {"science", "sciences", "studies", "engineering", "of", "and", "in", "the", "field", "arts"}
)


_LETTERS = re.compile(r"[a-z]+")


@lru_cache(maxsize=4096)
def _field_words(text: str) -> frozenset[str]:
    """A field's content words (thousands of resumes repeat the same few hundred fields)."""
    return frozenset(w for w in _LETTERS.findall(text.lower()) if w not in _FIELD_NOISE)


@lru_cache(maxsize=64)
def _asked_words(fields: tuple[str, ...]) -> tuple[frozenset[str], bool]:
    """The content words of the fields a posting asks for (a related/open field asks none), and
    whether it also accepts a related field."""
    words = frozenset().union(*(_field_words(f) for f in fields if not _OPEN_FIELD.search(f)))
    return words, any(_OPEN_FIELD.search(f) for f in fields)


def _field_check(fields: tuple[str, ...], resume: Resume) -> Check:
    """Degree field asked vs the fields of the resume's completed degrees: shared content words
    pass; none shared fails, unless the posting also accepts "a related/quantitative field"."""
    studied = [e.field for e in resume.education if e.completed and e.field]
    if not studied:
        return Check("degree_field", "unknown", f"field of study not found ({', '.join(fields)} asked)")

    asked, open_field = _asked_words(fields)
    if any(_field_words(s) & asked for s in studied):
        return Check("degree_field", "pass", f"{studied[0]} matches {', '.join(fields)}")
    if open_field:
        return Check(
            "degree_field", "unknown", f"{studied[0]}: a related field may count ({', '.join(fields)})"
        )
    return Check("degree_field", "fail", f"{studied[0]} is not {', '.join(fields)}")


def _components(
    posting: Posting,
    resume: Resume,
    weights: Weights,
    matched: list[SkillMatch],
    missing: list[SkillMatch],
    checks: tuple[Check, ...],
    known: Similarity | None,
) -> tuple[dict[str, float | None], tuple[str, ...]]:
    """The components (None when one cannot be judged) and the similarity's top shared terms."""
    from matcher.scoring._similarity import similarity

    importance = {
        "required": weights.required,
        "preferred": weights.preferred,
        "mentioned": weights.mentioned,
    }
    total = sum(importance[m.importance] for m in [*matched, *missing])
    got = sum(importance[m.importance] * m.credit for m in matched)
    components: dict[str, float | None] = {"skills": round(got / total, 4) if total else None}
    sim = known if known is not None else similarity(posting.text, resume.visible_text)
    components["similarity"] = round(sim.score, 4)
    by_name = {c.name: c for c in checks}
    degree = by_name.get("degree")
    field = by_name.get("degree_field")
    if degree is None or degree.status == "unknown":
        components["degree"] = None
    else:
        penalty = 0.5 if field is not None and field.status == "fail" else 1.0
        components["degree"] = float(degree.status == "pass") * penalty
    experience = by_name.get("experience")
    if experience is None or experience.status == "unknown" or not posting.min_years:
        components["experience"] = None
    else:
        components["experience"] = round(min(1.0, (resume.total_years or 0) / posting.min_years), 4)
    return components, tuple(sim.top_terms)
