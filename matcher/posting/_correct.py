"""``correct_posting``: the posting as a recruiter corrected what was read from it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from matcher.errors import InputError
from matcher.records import DEGREE_LEVELS, DegreeRequirement, Importance, Posting, SkillMention

__all__ = ["IGNORED", "correct_posting"]

#: The importance that takes a skill out of the requirements.
IGNORED = "ignored"

_IMPORTANCES: dict[str, Importance] = {
    "required": "required",
    "preferred": "preferred",
    "mentioned": "mentioned",
}
_KEYS = frozenset({"skills", "min_years", "preferred_years", "degree"})


def correct_posting(posting: Posting, corrections: Mapping[str, Any]) -> Posting:
    """Return ``posting`` with a recruiter's corrections applied; the text and sections stay.

    Parameters
    ----------
    posting : Posting
        As :func:`analyze_posting` read it.
    corrections : mapping
        The JSON shape of ``matcher posting --json``, any keys of it optional:

        - ``skills``: a list of ``{"name", "importance", "years"}``. A name the posting has
          changes that skill (``importance`` required, preferred, mentioned, or ``ignored`` to
          drop it; ``years`` when given); a new name is added from the skill taxonomy (its
          canonical name, kind and id), with no evidence. Skills not listed stay as read.
        - ``min_years``, ``preferred_years``: a number, or null for none.
        - ``degree``: null for no degree asked, or ``{"min_level", "fields", "required"}``
          (``min_level`` one of high_school, associate, bachelor, master, doctorate).

        Certifications and languages follow the corrected skills, as in :func:`analyze_posting`.

    Raises
    ------
    InputError
        For an unknown key, importance, degree level or skill name, or a bad number.

    Examples
    --------
    >>> from matcher.posting import analyze_posting
    >>> read = analyze_posting("Requirements: Python and SQL. Kubernetes is a plus.")
    >>> fixed = correct_posting(read, {"skills": [{"name": "SQL", "importance": "preferred"},
    ...                                           {"name": "Kubernetes", "importance": "ignored"},
    ...                                           {"name": "docker", "importance": "required"}],
    ...                                "min_years": 3})
    >>> [(s.name, s.importance) for s in fixed.skills]
    [('Python', 'required'), ('SQL', 'preferred'), ('Docker', 'required')]
    >>> fixed.min_years
    3.0
    """
    if not isinstance(corrections, Mapping):
        raise InputError(f"corrections must be a JSON object, got {type(corrections).__name__}")
    unknown = set(corrections) - _KEYS
    if unknown:
        raise InputError(f"unknown correction(s) {sorted(unknown)}; allowed: {', '.join(sorted(_KEYS))}")
    changes: dict[str, Any] = {}
    if "skills" in corrections:
        skills = _skills(posting.skills, corrections["skills"])
        changes["skills"] = skills
        changes["certifications"] = tuple(
            s.name for s in skills if s.kind == "certification" and s.importance != "mentioned"
        )
        changes["languages"] = tuple(
            s.name for s in skills if s.kind == "language" and s.importance != "mentioned"
        )
    for key in ("min_years", "preferred_years"):
        if key in corrections:
            changes[key] = _years(corrections[key], key)
    if "degree" in corrections:
        changes["degree"] = _degree(posting.degree, corrections["degree"])
    return dataclasses.replace(posting, **changes)


def _years(value: Any, what: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        years = float(value)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{what} must be a number of years or null, got {value!r}") from exc
    if not 0 <= years <= 60:
        raise InputError(f"{what} must be between 0 and 60, got {value!r}")
    return years


def _skills(read: tuple[SkillMention, ...], wanted: Any) -> tuple[SkillMention, ...]:
    from matcher.language import load_taxonomy

    if not isinstance(wanted, list | tuple):
        raise InputError(f"skills must be a list, got {type(wanted).__name__}")
    skills = list(read)
    index = {s.name.lower(): i for i, s in enumerate(skills)}
    dropped: set[int] = set()
    for item in wanted:
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
            raise InputError(f"each skill must be an object with a name, got {item!r}")
        importance = item.get("importance", "required")
        if importance != IGNORED and importance not in _IMPORTANCES:
            raise InputError(
                f"{item['name']}: importance {importance!r} is not one of required, preferred, mentioned, "
                "ignored"
            )
        name = item["name"].strip()
        at = index.get(name.lower())
        if at is None:
            found = load_taxonomy().find(name)
            if found is None:
                raise InputError(f"{name!r} is not a skill in the taxonomy")
            at = index.get(found.name.lower())
            if at is None:
                if importance == IGNORED:
                    continue
                skills.append(SkillMention(found.name, found.kind, "required", "", skill_id=found.id))
                at = index[found.name.lower()] = len(skills) - 1
        if importance == IGNORED:
            dropped.add(at)
            continue
        dropped.discard(at)
        years = _years(item["years"], f"{name} years") if "years" in item else skills[at].years
        skills[at] = dataclasses.replace(skills[at], importance=_IMPORTANCES[importance], years=years)
    return tuple(s for i, s in enumerate(skills) if i not in dropped)


def _degree(read: DegreeRequirement | None, wanted: Any) -> DegreeRequirement | None:
    if wanted is None:
        return None
    if not isinstance(wanted, Mapping):
        raise InputError(f"degree must be an object or null, got {wanted!r}")
    level = wanted.get("min_level")
    if level is not None and level not in DEGREE_LEVELS:
        raise InputError(f"degree level {level!r} is not one of {', '.join(DEGREE_LEVELS)}")
    base = read or DegreeRequirement(min_level=None)
    fields = wanted.get("fields", base.fields)
    if not isinstance(fields, list | tuple) or not all(isinstance(f, str) for f in fields):
        raise InputError(f"degree fields must be a list of names, got {fields!r}")
    required = wanted.get("required", base.required)
    if not isinstance(required, bool):
        raise InputError(f"degree required must be true or false, got {required!r}")
    return dataclasses.replace(
        base, min_level=level, fields=tuple(f.strip().lower() for f in fields if f.strip()), required=required
    )
