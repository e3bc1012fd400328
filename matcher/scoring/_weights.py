"""``Weights``: how much each part of a score counts, which failed checks knock out, from TOML."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import get_args

from matcher.errors import InputError
from matcher.records import CheckName

__all__ = ["CHECK_NAMES", "COMPONENTS", "Weights"]

CHECK_NAMES: tuple[CheckName, ...] = get_args(CheckName)
#: The components of a score's total, in the order they are shown.
COMPONENTS: tuple[str, ...] = ("skills", "similarity", "role", "history", "degree", "experience")


@dataclass(frozen=True, kw_only=True)
class Weights:
    """How much each part of the score counts (keyword-only; the defaults are documented here).

    Parameters
    ----------
    skills, similarity, degree, experience, role, history : float
        Weights of the components in the total (see :data:`COMPONENTS` and the README's "How it
        scores" for the defaults and how they were chosen).
    required, preferred, mentioned : float
        Weights of posting skills by importance inside the skills component (3, 1.5, 0.5).
    related_credit : float
        Credit for a related skill instead of the one asked: linked in the taxonomy and of the
        same group, such as MySQL for PostgreSQL (0.5; 0 switches related credit off).
    listed_credit : float
        Credit for a skill the resume names only outside its dated jobs (a skills list, a
        summary) when it has dated jobs: shown in work done counts more than listed (0.5; 1
        switches the difference off).
    history_positions : float
        Dated positions that make a full ``history`` component (6).
    knockouts : tuple of str
        Checks whose failure knocks a candidate out: any of degree, experience, certifications
        (default none). A knocked-out candidate is still listed, flagged.
    count_hidden_text : bool
        Whether a skill found only in text a reader cannot see (white on white, invisible,
        under 2 pt, off the page: ``Resume.integrity``) counts (default False: it does not, and
        the explanation says so).

    Examples
    --------
    >>> Weights(related_credit=0).related_credit
    0
    >>> Weights.from_toml_text('[weights]\\nskills = 0.6\\nknockouts = ["degree"]').knockouts
    ('degree',)
    """

    skills: float = 0.25
    similarity: float = 0.1
    role: float = 0.0
    history: float = 0.2
    degree: float = 0.15
    experience: float = 0.15
    required: float = 3.0
    preferred: float = 1.5
    mentioned: float = 0.5
    related_credit: float = 0.5
    listed_credit: float = 0.5
    history_positions: float = 6.0
    knockouts: tuple[CheckName, ...] = field(default=())
    count_hidden_text: bool = False

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "knockouts":
                unknown = set(value) - set(CHECK_NAMES)
                if unknown:
                    raise InputError(
                        f"unknown knockout check(s) {sorted(unknown)}; use {', '.join(CHECK_NAMES)}"
                    )
            elif f.name == "count_hidden_text":
                if not isinstance(value, bool):
                    raise InputError(f"count_hidden_text must be true or false, got {value!r}")
            elif not isinstance(value, int | float) or value < 0:
                raise InputError(f"weight {f.name} must be a number >= 0, got {value!r}")
        if sum(self.component_weights().values()) <= 0:
            raise InputError("at least one component weight must be above 0")
        if self.listed_credit > 1:
            raise InputError("listed_credit is a share of a skill's credit: at most 1")
        if self.history_positions <= 0:
            raise InputError("history_positions must be above 0")

    def component_weights(self) -> dict[str, float]:
        """The weight of each component of the total, by name (:data:`COMPONENTS`, in order).

        Examples
        --------
        >>> list(Weights().component_weights())
        ['skills', 'similarity', 'role', 'history', 'degree', 'experience']
        """
        return {name: float(getattr(self, name)) for name in COMPONENTS}

    @classmethod
    def from_toml_text(cls, text: str) -> Weights:
        """Read weights from TOML: a ``[weights]`` table with any of the fields above."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"the config is not valid TOML: {exc}") from exc
        table = data.get("weights", {})
        known = {f.name for f in fields(cls)}
        unknown = set(table) - known
        if unknown:
            raise InputError(
                f"unknown setting(s) {sorted(unknown)} in [weights]; allowed: {', '.join(sorted(known))}"
            )
        if "knockouts" in table:
            table["knockouts"] = tuple(table["knockouts"])
        return cls(**table)

    @classmethod
    def from_toml(cls, path: str | Path) -> Weights:
        """Read weights from a TOML file (see :meth:`from_toml_text`)."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read the config {path}: {exc.strerror}") from exc
        return cls.from_toml_text(text)
