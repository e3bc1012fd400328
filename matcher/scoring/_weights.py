"""``Weights``: how much each part of a score counts, which failed checks knock out, from TOML."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import get_args

from matcher.errors import InputError
from matcher.records import CheckName

__all__ = ["CHECK_NAMES", "Weights"]

CHECK_NAMES: tuple[CheckName, ...] = get_args(CheckName)


@dataclass(frozen=True, kw_only=True)
class Weights:
    """How much each part of the score counts (keyword-only; the defaults are documented here).

    Parameters
    ----------
    skills, similarity, degree, experience : float
        Weights of the four components in the total (defaults 0.5, 0.2, 0.15, 0.15).
    required, preferred, mentioned : float
        Weights of posting skills by importance inside the skills component (3, 1.5, 0.5).
    related_credit : float
        Credit for a related skill instead of the one asked: linked in the taxonomy and of the
        same group, such as MySQL for PostgreSQL (0.5; 0 switches related credit off).
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

    skills: float = 0.5
    similarity: float = 0.2
    degree: float = 0.15
    experience: float = 0.15
    required: float = 3.0
    preferred: float = 1.5
    mentioned: float = 0.5
    related_credit: float = 0.5
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
        if self.skills + self.similarity + self.degree + self.experience <= 0:
            raise InputError("at least one component weight must be above 0")

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
