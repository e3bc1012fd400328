"""Hostile files (issue 17): whatever a library raises inside a damaged or odd file, the file gets
one typed outcome (never ``internal``, never a traceback)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from matcher.errors import DamagedFileError, MatcherError, UnsupportedFileError, failure_of
from matcher.extract import extract_text
from tests.conftest import one_page


def _docx() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("Jane Doe, Python developer")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _member(data: bytes, name: str) -> zipfile.ZipInfo:
    return next(i for i in zipfile.ZipFile(io.BytesIO(data)).infolist() if i.filename == name)


def _unknown_compression(data: bytes) -> bytes:
    """word/document.xml marked with compression method 99 (zipfile: NotImplementedError)."""
    raw = bytearray(data)
    info = _member(data, "word/document.xml")
    raw[info.header_offset + 8 : info.header_offset + 10] = (99).to_bytes(2, "little")
    central = bytes(raw).rfind(b"PK\x01\x02", 0, bytes(raw).rfind(b"word/document.xml"))
    raw[central + 10 : central + 12] = (99).to_bytes(2, "little")
    return bytes(raw)


def _garbled_deflate(data: bytes) -> bytes:
    """word/document.xml's deflated bytes scrambled (zlib.error)."""
    raw = bytearray(data)
    info = _member(data, "word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for k in range(start + 2, start + 40):
        raw[k] ^= 0x5A
    return bytes(raw)


def _jbig2_page() -> bytes:
    """A page whose content stream names a filter pypdf needs an outside program for."""
    return one_page(b"BT /F1 12 Tf 72 720 Td (Jane Doe Python) Tj ET").replace(
        b"/Length", b"/Filter /JBIG2Decode /Length", 1
    )


CASES = {
    "docx with an unknown compression method": ("cv.docx", lambda: _unknown_compression(_docx())),
    "docx with garbled deflate data": ("cv.docx", lambda: _garbled_deflate(_docx())),
    "pdf with a JBIG2 content stream": ("cv.pdf", _jbig2_page),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_library_error_inside_a_file_is_a_typed_failure(case: str, tmp_path: Path) -> None:
    name, make = CASES[case]
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(MatcherError) as caught:
        extract_text(path)
    assert isinstance(caught.value, DamagedFileError | UnsupportedFileError)
    assert failure_of(caught.value, path).kind in ("damaged", "unsupported")
    assert "cv." in str(caught.value)
