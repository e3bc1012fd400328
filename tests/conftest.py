"""Shared fixtures: small real files made on the fly (PDFs with fpdf2, HTML, text)."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from matcher.records import Posting

ROOT = Path(__file__).resolve().parent.parent
# the project's PDF writer (synthetic resumes, raw and adversarial PDFs) is scripts/pdfgen.py;
# tests build their PDFs with it rather than a second copy
sys.path.insert(0, str(ROOT / "scripts"))

import pdfgen  # noqa: E402

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


@pytest.fixture(autouse=True)
def _private_cache_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the default resume cache and run log of the CLI out of the user's home during tests."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    monkeypatch.setenv("MATCHER_DATA_DIR", str(tmp_path_factory.mktemp("matcher-data")))


@pytest.fixture(scope="session")
def analyzed() -> Callable[[str], Posting]:
    """``analyze_posting`` with its answers kept for the session: a test module's posting is
    analysed when a test first needs it, never while tests are collected."""
    from matcher import analyze_posting

    return functools.cache(analyze_posting)


@pytest.fixture
def example_posting() -> Path:
    return EXAMPLE_POSTING


def raw_pdf(objects: list[bytes]) -> bytes:
    """A minimal PDF file from numbered objects (1 is the catalog), by scripts/pdfgen.py."""
    return bytes(pdfgen.raw_pdf(dict(enumerate(objects, 1))))


def one_page(content: bytes, *, compress: bool = False) -> bytes:
    """A one-page Helvetica PDF whose page content stream is ``content``, by scripts/pdfgen.py."""
    return bytes(pdfgen.one_page_pdf(pdfgen.stream(content, compress=compress)))


# a resume's two columns (experience | skills) for two_column_row_ordered_pdf
SAMPLE_COLUMNS = (
    ["EXPERIENCE", "Data Engineer, Acme Inc", "Jan 2020 - Dec 2021", "Built Kafka pipelines daily",
     "Ran the on-call rotation", "Analyst, Beta LLC", "Mar 2017 - Dec 2019", "Wrote monthly reports",
     "Reported in Excel and SQL", "Trained two new analysts"],
    ["SKILLS", "Python and Terraform", "Kubernetes operations", "Linux administration",
     "LANGUAGES", "Spanish and English", "CERTIFICATIONS", "Scrum Master", "AWS Solutions Architect",
     "INTERESTS"],
)  # fmt: skip


def two_column_row_ordered_pdf(path: Path, left: list[str], right: list[str]) -> Path:
    """A page whose content stream writes two columns line by line: left, right, left, ..."""
    ops = [b"BT /F1 16 Tf 40 760 Td (Jordan Lee) Tj ET"]
    y = 720
    for i in range(max(len(left), len(right))):
        if i < len(left):
            ops.append(b"BT /F1 10 Tf 40 %d Td (%s) Tj ET" % (y, left[i].encode("latin-1")))
        if i < len(right):
            ops.append(b"BT /F1 10 Tf 330 %d Td (%s) Tj ET" % (y - 3, right[i].encode("latin-1")))
        y -= 14
    path.write_bytes(one_page(b"\n".join(ops)))
    return path
