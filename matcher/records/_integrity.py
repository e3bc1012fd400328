"""What a resume's integrity checks found: text a reader cannot see, keyword stuffing, a posting
copied into the resume."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["IntegrityFinding", "IntegrityKind"]

#: The kinds of integrity finding (see ``IntegrityFinding``).
IntegrityKind = Literal["hidden_text", "tiny_text", "off_page_text", "keyword_stuffing", "posting_copied"]


@dataclass(frozen=True, slots=True)
class IntegrityFinding:
    """One thing a reader of the resume would not see, or would not believe: ``kind`` is
    hidden_text (in the colour of what lies beneath it, or in the invisible render mode 3),
    tiny_text (under 2 pt), off_page_text (outside the page's visible box), keyword_stuffing or
    posting_copied; ``message`` says it for a person; ``evidence`` quotes the text at fault.

    Examples
    --------
    >>> IntegrityFinding("tiny_text", "text under 2 pt on page 1", "Python Kubernetes").to_dict()
    {'kind': 'tiny_text', 'message': 'text under 2 pt on page 1', 'evidence': 'Python Kubernetes'}
    """

    kind: IntegrityKind
    message: str
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form."""
        return {"kind": self.kind, "message": self.message, "evidence": self.evidence}
