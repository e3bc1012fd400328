"""``lint_posting``: wording in a job posting that keeps good candidates away or breaks a rule."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Literal

from matcher.errors import InputError
from matcher.records import Posting
from matcher.text import alternation, wordlist

__all__ = ["MAX_REQUIRED_SKILLS", "LintFinding", "lint_posting", "technology_years"]

#: More required skills than this is ``too_many_requirements``.
MAX_REQUIRED_SKILLS = 15
#: An entry-level title asking for more years than this is ``entry_level_years``.
ENTRY_LEVEL_YEARS = 2
Severity = Literal["warning", "info"]


@dataclass(frozen=True, slots=True)
class LintFinding:
    """One thing to fix in a posting: ``rule`` (age_coded, gender_coded, years_exceed_technology,
    entry_level_years, degree_without_equivalent, too_many_requirements, missing_salary),
    ``severity`` (warning or info), ``message`` for a person and ``evidence`` from the posting.

    Examples
    --------
    >>> findings = lint_posting("Data Analyst\\nRequirements: SQL")
    >>> (finding,) = [f for f in findings if f.rule == "missing_salary"]
    >>> finding.severity, finding.message  # doctest: +ELLIPSIS
    ('warning', 'no pay range: Colorado, California, ... require one in a posting')
    >>> LintFinding("age_coded", "warning", "age-coded wording", "digital native").to_dict()["evidence"]
    'digital native'
    """

    rule: str
    severity: Severity
    message: str
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "evidence": self.evidence,
        }


@lru_cache(maxsize=1)
def technology_years() -> dict[str, tuple[int, str]]:
    """Skill name -> (year of first public release, source), from ``data/wordlists/posting_lint.txt``.

    Examples
    --------
    >>> technology_years()["Kubernetes"][0]
    2014
    """
    out = {}
    for entry in wordlist("posting_lint", "technology_years"):
        name, year, source = (part.strip() for part in entry.split("|", 2))
        out[name] = (int(year), source)
    return out


@lru_cache(maxsize=1)
def _coded() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    def words(group: str) -> re.Pattern[str]:
        parts = [
            re.escape(w[:-1]) + r"[\w-]*" if w.endswith("*") else re.escape(w)
            for w in wordlist("posting_lint", group)
        ]
        return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE)

    age = re.compile(
        rf"(?<!\w)(?:{alternation(wordlist('posting_lint', 'age_coded'))})(?!\w)"
        r"|\b(?:no more than|not more than|maximum of|at most|up to) \d+ years? of experience",
        re.IGNORECASE,
    )
    return age, words("masculine_coded"), words("feminine_coded")


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    rights = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    return " ".join(text[left:right].split())


_ENTRY_LEVEL = re.compile(
    r"\b(?:entry[- ]level|junior|jr\.?|graduate|new grad|trainee|apprentice|intern(?:ship)?)\b", re.IGNORECASE
)
_PAY = re.compile(
    r"[$€£¥₹]\s?\d|\b\d[\d,.]*\s?(?:k\b|K\b)?\s?(?:USD|EUR|GBP|CAD|AUD|dollars|euros?)\b"
    r"|\b(?:salary|pay|compensation|wage|base)\b[^.\n]{0,60}\d{2,}",
    re.IGNORECASE,
)


def lint_posting(
    posting: Posting | str, *, as_of: date | None = None, max_required: int = MAX_REQUIRED_SKILLS
) -> tuple[LintFinding, ...]:
    """Check a job posting for wording that keeps good candidates away or breaks a rule.

    Rules: ``age_coded`` ("digital native", "recent graduate", "young and energetic", a cap on
    experience), ``gender_coded`` (masculine- and feminine-coded words, Gaucher, Friesen & Kay
    2011, counted), ``years_exceed_technology`` (more years asked than the technology has
    existed by ``as_of``), ``entry_level_years`` (an entry-level or junior title asking for more
    than 2 years), ``degree_without_equivalent`` (a degree required with no "or equivalent
    experience"), ``too_many_requirements`` (over ``max_required`` required skills) and
    ``missing_salary`` (no pay range, which several US states require).

    Examples
    --------
    >>> from datetime import date
    >>> findings = lint_posting('''Junior DevOps Engineer
    ... Requirements: 10+ years of Kubernetes. BS in Computer Science required.
    ... We are a young and energetic team.''', as_of=date(2020, 1, 1))
    >>> [f.rule for f in findings]  # doctest: +NORMALIZE_WHITESPACE
    ['age_coded', 'years_exceed_technology', 'entry_level_years',
     'degree_without_equivalent', 'missing_salary']
    """
    if isinstance(posting, str):
        from matcher.posting import analyze_posting

        posting = analyze_posting(posting)
    if not isinstance(posting, Posting):
        raise InputError(f"lint_posting expects a Posting or text, got {type(posting).__name__}")
    text = posting.text
    year = (as_of or date.today()).year
    age, masculine, feminine = _coded()
    findings: list[LintFinding] = []
    for match in age.finditer(text):
        findings.append(
            LintFinding("age_coded", "warning", f'"{match.group(0)}" tells older applicants to stay away',
                        _sentence(text, match.start(), match.end()))
        )  # fmt: skip
    found_m = Counter(m.group(0).lower() for m in masculine.finditer(text))
    found_f = Counter(m.group(0).lower() for m in feminine.finditer(text))
    if found_m or found_f:
        m, f = sum(found_m.values()), sum(found_f.values())
        lean = "masculine" if m > f else "feminine" if f > m else "neutral"
        listed = "; ".join(
            f"{label}: " + ", ".join(f"{w} x{n}" if n > 1 else w for w, n in sorted(c.items()))
            for label, c in (("masculine", found_m), ("feminine", found_f)) if c
        )  # fmt: skip
        findings.append(
            LintFinding(
                "gender_coded",
                "warning" if abs(m - f) >= 3 else "info",
                f"{m} masculine- and {f} feminine-coded words (Gaucher, Friesen & Kay 2011): {lean}-coded"
                + ("; masculine-coded ads draw fewer women" if lean == "masculine" and m - f >= 3 else ""),
                listed,
            )
        )
    released = technology_years()
    for skill in posting.skills:
        if skill.years and skill.name in released:
            first, _ = released[skill.name]
            existed = year - first
            if skill.years > existed:
                findings.append(
                    LintFinding(
                        "years_exceed_technology", "warning",
                        f"{skill.years:g}+ years of {skill.name} asked; it was first released in {first}, "
                        f"{existed} years before {year}", skill.evidence,
                    )
                )  # fmt: skip
    title = posting.title or text.strip().split("\n", 1)[0]
    asked = max([posting.min_years or 0, *(s.years or 0 for s in posting.skills)])
    entry = _ENTRY_LEVEL.search(title)
    if entry and asked > ENTRY_LEVEL_YEARS:
        findings.append(
            LintFinding("entry_level_years", "warning",
                        f'the title says "{entry.group(0)}" but {asked:g} years are asked', title)
        )  # fmt: skip
    degree = posting.degree
    if degree is not None and degree.required and degree.min_level and not degree.equivalent_experience:
        findings.append(
            LintFinding("degree_without_equivalent", "warning",
                        f'a {degree.min_level} degree is required with no "or equivalent experience"',
                        degree.evidence)
        )  # fmt: skip
    required = posting.skills_by_importance("required")
    if len(required) > max_required:
        findings.append(
            LintFinding("too_many_requirements", "warning",
                        f"{len(required)} required skills (over {max_required}): few people show them all",
                        ", ".join(s.name for s in required))
        )  # fmt: skip
    if not _PAY.search(text):
        findings.append(
            LintFinding("missing_salary", "warning",
                        "no pay range: Colorado, California, Washington, New York and other US states "
                        "require one in a posting", "")
        )  # fmt: skip
    return tuple(findings)
