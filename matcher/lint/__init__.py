"""Before screening: the posting linter (wording that keeps good candidates away or breaks a rule)
and the notice to candidates that NYC Local Law 144 asks for."""

from __future__ import annotations

from matcher.lint._notice import candidate_notice
from matcher.lint._rules import MAX_REQUIRED_SKILLS, LintFinding, lint_posting, technology_years

__all__ = ["MAX_REQUIRED_SKILLS", "LintFinding", "candidate_notice", "lint_posting", "technology_years"]
