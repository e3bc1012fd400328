"""File -> text: plain text, Markdown, PDF (pypdf with limits and repairs, fast content streams,
two columns; or pdfium in a capped process), DOCX and HTML with JSON-LD."""

from __future__ import annotations

from matcher.extract._files import (
    ENGINES,
    Extracted,
    engine_in_use,
    extract_bytes,
    extract_document,
    extract_text,
    read_file,
    read_posting,
)
from matcher.extract._limits import DEFAULT_LIMITS, Limits
from matcher.extract._pdf import pypdf_limits, repair_glyph_names

__all__ = [
    "DEFAULT_LIMITS",
    "ENGINES",
    "Extracted",
    "Limits",
    "engine_in_use",
    "extract_bytes",
    "extract_document",
    "extract_text",
    "pypdf_limits",
    "read_file",
    "read_posting",
    "repair_glyph_names",
]
