"""The closed sets records take their values from, and how numbers are written in JSON."""

from __future__ import annotations

from typing import Literal

__all__ = ["DEGREE_LEVELS", "CheckName", "CheckStatus", "Importance", "MatchHow", "SkillKind", "json_number"]

SkillKind = Literal["hard", "soft", "language", "certification"]
Importance = Literal["required", "preferred", "mentioned"]
#: The rule checks a score can hold (see ``Check``).
CheckName = Literal["degree", "degree_field", "experience", "certifications"]
#: The outcome of a rule check: unknown is never a fail.
CheckStatus = Literal["pass", "fail", "unknown"]
#: How a posting skill was met (see ``SkillMatch``); ``listed``: named only outside the dated jobs;
#: ``group``: one alternative of a requirement group shown.
MatchHow = Literal["exact", "related", "short_years", "listed", "missing", "group"]

#: Degree levels, lowest first. Comparisons use the position in this tuple.
DEGREE_LEVELS: tuple[str, ...] = ("high_school", "associate", "bachelor", "master", "doctorate")


def json_number(value: float | None) -> float | int | None:
    """Write whole numbers as ints (5, not 5.0) in JSON."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)
