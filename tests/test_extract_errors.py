"""Every bad file a recruiter can meet gets a typed error, with both PDF engines."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import pytest

from matcher import MatcherError, parse_resume
from matcher.extract import Limits, extract_text

from .conftest import make_pdf, one_page, raw_pdf

TEXT = b"BT /F1 12 Tf 72 720 Td (Senior Python Developer) Tj ET"


def _encrypted(tmp_path: Path, password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    source = make_pdf(tmp_path / "plain.pdf", ["Senior Python Developer"])
    writer = PdfWriter()
    for page in PdfReader(source).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password="owner", algorithm="AES-256")
    out = tmp_path / "enc.pdf"
    with out.open("wb") as fh:
        writer.write(fh)
    return out.read_bytes()


def _docx_bytes(tmp_path: Path) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Senior Python Developer")
    doc.save(str(tmp_path / "real.docx"))
    return (tmp_path / "real.docx").read_bytes()


BAD_FILES = {
    "zero_bytes.pdf": (lambda tmp: b"", "empty"),
    "random_bytes.pdf": (lambda tmp: os.urandom(4096), "unsupported"),
    "png_renamed.pdf": (lambda tmp: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "unsupported"),
    "html_renamed.pdf": (lambda tmp: b"<html><body>Python</body></html>", "unsupported"),
    "docx_renamed.pdf": (_docx_bytes, "unsupported"),
    "truncated.pdf": (lambda tmp: one_page(TEXT)[:120], "damaged"),
    "header_then_garbage.pdf": (lambda tmp: b"%PDF-1.7\n" + os.urandom(2048), "damaged"),
    "password.pdf": (lambda tmp: _encrypted(tmp, "secret"), "encrypted"),
    "bomb.pdf": (lambda tmp: one_page(b" " * 60_000_000, compress=True), "too_large"),
    "blank_scan.pdf": (lambda tmp: one_page(b"0 0 m 100 100 l S"), "no_text"),
    "not_a_docx.docx": (lambda tmp: b"just text", "unsupported"),
    "broken.docx": (lambda tmp: b"PK\x03\x04broken zip", "damaged"),
}


@pytest.mark.parametrize("engine", ["pypdf", "pdfium"])
@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_get_typed_errors(tmp_path: Path, name: str, engine: str) -> None:
    make, kind = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(make(tmp_path))
    with pytest.raises(MatcherError) as info:
        parse_resume(path, engine=engine)
    if engine == "pdfium" and name == "bomb.pdf":
        kind = "no_text"  # pdfium has no stream limit: it inflates the spaces (under its memory cap)
    assert info.value.kind == kind, str(info.value)
    assert name in str(info.value)


@pytest.mark.parametrize("engine", ["pypdf", "pdfium"])
def test_empty_user_password_opens(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "open.pdf"
    path.write_bytes(_encrypted(tmp_path, ""))
    assert "Python" in extract_text(path, engine=engine)


@pytest.mark.parametrize("engine", ["pypdf", "pdfium"])
def test_page_cap(tmp_path: Path, engine: str) -> None:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(5))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count 5 >>" % kids]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * 5
    path = tmp_path / "five.pdf"
    path.write_bytes(raw_pdf(objects))
    with pytest.raises(MatcherError) as info:
        extract_text(path, limits=Limits(max_pages=3), engine=engine)
    assert info.value.kind == "too_many_pages"


def test_missing_eof_marker_is_repaired(tmp_path: Path) -> None:
    data = one_page(TEXT)
    path = tmp_path / "no_eof.pdf"
    path.write_bytes(data[: data.rindex(b"%%EOF")])
    assert "Senior Python Developer" in extract_text(path)


def test_flate_bomb_stops_fast_and_small(tmp_path: Path) -> None:
    # 1 GiB of spaces compresses to about 1 MB; the stream limit stops it long before that
    chunk = zlib.compressobj(9)
    body = b"".join(chunk.compress(b" " * (1 << 20)) for _ in range(256)) + chunk.flush()
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )
    path = tmp_path / "bomb.pdf"
    path.write_bytes(data)
    with pytest.raises(MatcherError) as info:
        extract_text(path)
    assert info.value.kind == "too_large"
