"""The fast content-stream reader gives pypdf's text extractor exactly pypdf's own operations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
import pytest
from pypdf.generic import ContentStream

from matcher.extract._content_stream import (
    FastContentStream,
    fast_contents,
    parse_operations,
    same_operations,
)

from .conftest import ROOT, make_pdf, one_page

# each is read by the fast path itself (parse_operations gives a list, not None)
FAST = [
    b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET",
    b"BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm [(He) -120 (llo) 3.5 <0041 42> <414>] TJ ET",
    b"q 0.5 0 0 0.5 +10 -20 cm /Im0 Do Q 0 0 1 RG",
    b"/P <</MCID 0 /Alt (x)>> BDC BT (a\\(b\\)c) Tj (nested (parens) ok) Tj (oct\\101\\12x) Tj EMC",
    b"BT /F#201 12 Tf (x) ' 1 2 (y) \" ET",
    b"% a comment\rBT (a) Tj % trailing\nET %",
    b"[/Name true null (s)] TJ [] TJ [\x0b(a)\x0b] TJ",
    b"1,5 Tz - Tc . Tw",
    b"/Caf\xc3\xa9 gs /Gb\xff gs",
    b"BT\x00(a)\x0cTj ET",
    b"BT <4 1\n> Tj <> Tj ET",
    b"12345678901234567890123 Tw",
    b"true false null Tj",
    b"",
    b"  \n ",
]
# each is an error for pypdf, and the same error for us
BROKEN = [b"(unterminated", b"BT <41 zz> Tj", b"] Tj", b"BT\x0b(a) Tj", b"<</A 1"]
# each is left wholly to pypdf's parser
DECLINED = [
    b"q BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q BT (after) Tj ET",
    b"1 0 R (x) Tj",
    b"1 0 R1 Tj",
    b"BT " + b"T" * 120 + b" ET",
]


def _pypdf(data: bytes) -> Any:
    stream = ContentStream(None, None, "bytes")
    stream.set_data(data)
    try:
        return stream.operations
    except Exception as exc:  # the outcome compared is the exception's type
        return type(exc)


def _ours(data: bytes) -> Any:
    stream = FastContentStream(None, None, "bytes")
    stream.set_data(data)
    try:
        return stream.operations
    except Exception as exc:
        return type(exc)


@pytest.mark.parametrize("data", FAST)
def test_common_tokens_are_read_fast_and_match_pypdf(data: bytes) -> None:
    assert parse_operations(data) is not None
    want, got = _pypdf(data), _ours(data)
    assert not isinstance(want, type), want
    assert same_operations(got, want), (got, want)


def test_a_dictionary_is_read_by_pypdf_at_its_own_offset() -> None:
    operations = parse_operations(b"/P <</MCID 7>> BDC BT (a) Tj ET EMC")
    assert operations is not None
    (operands, operator), *_ = operations
    assert operator == b"BDC"
    assert operands[0] == "/P" and operands[1] == {"/MCID": 7}


@pytest.mark.parametrize("data", BROKEN)
def test_broken_streams_fail_as_pypdf_fails(data: bytes) -> None:
    want = _pypdf(data)
    assert isinstance(want, type) and issubclass(want, Exception)
    assert _ours(data) is want


@pytest.mark.parametrize("data", DECLINED)
def test_inline_images_references_and_long_operators_go_to_pypdf(data: bytes) -> None:
    assert parse_operations(data) is None
    assert same_operations(_ours(data), _pypdf(data))


def test_the_token_budget_is_pypdfs() -> None:
    data = b"BT " + b"(a) Tj " * 50 + b"ET"
    with pypdf.apply_configuration(stream_parsing_work_maximum_count=40):  # type: ignore[arg-type]
        assert parse_operations(data) is None
        want = _pypdf(data)
        assert want is pypdf.errors.LimitReachedError
        assert _ours(data) is want
    assert parse_operations(data) is not None


def _pdfs(tmp_path: Path) -> list[Path]:
    made = make_pdf(tmp_path / "made.pdf", [f'Line {i}: Python (3.11), SQL & "ML" \\ C++' for i in range(40)])
    compressed = tmp_path / "compressed.pdf"
    compressed.write_bytes(one_page(b"BT /F1 12 Tf 72 700 Td [(Jane) -300 (Doe)] TJ ET", compress=True))
    return [*sorted((ROOT / "data" / "examples" / "resumes").glob("*.pdf")), made, compressed]


def test_real_pdfs_give_pypdfs_operations_and_text(tmp_path: Path) -> None:
    pages = 0
    for path in _pdfs(tmp_path):
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted:  # the example of a password-protected resume
            continue
        for page in reader.pages:
            data = ContentStream(page["/Contents"], reader, "bytes").get_data()
            operations = parse_operations(data)
            assert operations is not None, path.name
            assert same_operations(operations, _pypdf(data)), path.name
            want = page.extract_text()
            original = dict.get(page, "/Contents")
            with fast_contents(page):
                assert isinstance(page["/Contents"], FastContentStream)
                got = page.extract_text()
            assert dict.get(page, "/Contents") is original  # the page is left as it was
            assert got == want and got.strip(), path.name
            pages += 1
    assert pages >= 8


def test_same_operations_tells_types_apart() -> None:
    from pypdf.generic import ByteStringObject, FloatObject, NumberObject, TextStringObject

    assert same_operations([([NumberObject(1)], b"w")], [([NumberObject(1)], b"w")])
    assert not same_operations([([NumberObject(1)], b"w")], [([FloatObject(1)], b"w")])
    assert not same_operations([ByteStringObject(b"a")], [TextStringObject("a")])
    assert not same_operations([([], b"q")], [([], b"q"), ([], b"Q")])


def test_a_page_whose_content_cannot_be_read_fails_as_under_pypdf_alone(tmp_path: Path) -> None:
    from matcher.errors import DamagedFileError
    from matcher.extract import extract_text

    from .conftest import raw_pdf

    broken = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length 400 >>\nstream\nBT /F1 12 Tf (cut short) Tj ET",  # no endstream
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )
    path = tmp_path / "broken.pdf"
    path.write_bytes(broken)
    reader = pypdf.PdfReader(path)
    with pytest.raises(pypdf.errors.PdfReadError):
        reader.pages[0].extract_text()
    # pypdf remembers the failed read; the fast path must not read it first and hide the error
    with pytest.raises(DamagedFileError):
        extract_text(path)
