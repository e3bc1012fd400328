"""Shared fixtures: small real files made on the fly (PDFs with fpdf2, HTML, text)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_POSTING = ROOT / "data" / "examples" / "posting-ml-engineer.md"


def make_pdf(path: Path, lines: list[str]) -> Path:
    """Write a real one-page PDF with ``lines`` of text (core Helvetica font)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


@pytest.fixture
def example_posting() -> Path:
    return EXAMPLE_POSTING
