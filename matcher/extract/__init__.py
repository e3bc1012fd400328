"""File -> text: plain text, Markdown, PDF (pypdf with limits and repairs, fast content streams,
two columns; or pdfium in a capped process), DOCX and HTML with JSON-LD."""

from __future__ import annotations

from matcher.extract._files import (
    DEFAULT_LIMITS,
    ENGINES,
    Limits,
    extract_text,
    pypdf_limits,
    read_posting,
)

__all__ = [
    "DEFAULT_LIMITS",
    "ENGINES",
    "Limits",
    "extract_text",
    "pypdf_limits",
    "read_posting",
]
