"""pdfium's hidden-text scan passes over a text object that plainly is visible (issue 16): its fill
stands out from every colour painted so far on the page. These pages change what "so far" holds
between two runs of the same colour, so a verdict kept from before would be wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher.extract import extract_document

from .conftest import one_page

pytest.importorskip("pypdfium2")

GRAY = b"0.22 0.22 0.22 rg "
HEADER = b"BT /F1 11 Tf 72 720 Td (Jane Doe) Tj ET\nBT /F1 11 Tf 72 700 Td (EXPERIENCE) Tj ET\n"
# the same dark gray: first on the white page (readable), then over a box of nearly that gray
PAGE = (
    HEADER
    + GRAY + b"BT /F1 11 Tf 72 600 Td (Cook, Diner Inc, 2015 - 2023) Tj ET\n"
    + b"0.2 0.2 0.2 rg 60 390 400 30 re f\n"
    + GRAY + b"BT /F1 11 Tf 72 400 Td (Python Kubernetes TensorFlow) Tj ET\n"
    + GRAY + b"BT /F1 11 Tf 72 300 Td (Grill and prep work) Tj ET\n"
)  # fmt: skip


@pytest.mark.parametrize("engine", ["pdfium", "pypdf"])
def test_a_colour_seen_before_a_box_of_its_shade_is_judged_again_over_the_box(
    tmp_path: Path, engine: str
) -> None:
    path = tmp_path / "gray.pdf"
    path.write_bytes(one_page(PAGE))
    document = extract_document(path, engine=engine)
    assert [f.kind for f in document.integrity] == ["hidden_text"]
    assert document.hidden_text == ("Python Kubernetes TensorFlow",)
    assert "Cook, Diner" in document.text and "Grill and prep" in document.text


def test_glyph_by_glyph_text_over_a_box_of_its_shade_is_found(tmp_path: Path) -> None:
    """A text object a glyph (as livecareer's exports write them), some of them small boxes."""
    glyphs = b"".join(
        GRAY + b"BT /F1 11 Tf %d 400 Td (%s) Tj ET\n" % (72 + 7 * i, bytes([c]))
        for i, c in enumerate(b"Python, SQL.")
    )
    seen = b"".join(
        GRAY + b"BT /F1 11 Tf %d 600 Td (%s) Tj ET\n" % (72 + 7 * i, bytes([c]))
        for i, c in enumerate(b"Cook.")
    )
    path = tmp_path / "glyphs.pdf"
    path.write_bytes(one_page(HEADER + seen + b"0.2 0.2 0.2 rg 60 390 400 30 re f\n" + glyphs))
    document = extract_document(path, engine="pdfium")
    assert [f.kind for f in document.integrity] == ["hidden_text"]
    assert "".join(document.hidden_text).replace(" ", "") == "PythonSQL"  # "," and "." hold no word
