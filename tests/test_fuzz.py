"""Property tests on hostile input (issue 17), seconds each: whatever the text or the bytes, the
answer is a result or a typed MatcherError, and what is printed or written cannot run.
``scripts/fuzz.py`` runs the long campaigns of the same kind."""

from __future__ import annotations

import contextlib
import json
import zlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matcher import analyze_posting
from matcher.errors import MatcherError
from matcher.extract import extract_bytes
from matcher.outputs import csv_cell, json_safe, terminal_text
from matcher.resume import parse_resume_text
from matcher.text import prepare_text
from tests.conftest import one_page

_PIECES = st.sampled_from(
    ["A", "AB ", " ", "\t", "\n", "%", ".", "!?", "-", "5+ years of Python, ", "University ", "\u2022",
     "2019 - 2020 ", "@", "ab.Cd", "a+", "x/", "\x1b[2J", "EXPERIENCE\n", "é", "\u202e", "\x00"]
)  # fmt: skip
_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.tuples(_PIECES, st.integers(1, 300)), max_size=8).map(
        lambda ps: "".join(p * n for p, n in ps)
    ),
)
_FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _typed(task: object, *args: object) -> None:
    with contextlib.suppress(MatcherError):  # a result or a typed error; anything else fails
        task(*args)  # type: ignore[operator]


@_FAST
@given(_TEXT)
def test_any_text_is_cleaned_parsed_and_analysed_or_typed(text: str) -> None:
    assert isinstance(prepare_text(text), str)
    _typed(parse_resume_text, text)
    _typed(analyze_posting, text)


_PDF = one_page(b"BT /F1 12 Tf 72 720 Td (Jane Doe jane@example.com Python) Tj ET")
_PDF_Z = one_page(b"BT /F1 12 Tf 72 720 Td (Jane Doe Python SQL) Tj ET", compress=True)


@st.composite
def _mutated(draw: st.DrawFn, base: bytes) -> bytes:
    raw = bytearray(base)
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.integers(0, len(raw)))
        op = draw(st.integers(0, 3))
        if op == 0 and raw:
            raw[min(i, len(raw) - 1)] = draw(st.integers(0, 255))
        elif op == 1:
            raw[i:i] = draw(
                st.sampled_from([b"<<", b">>", b" R ", b"/Filter /FlateDecode", b"999999999", b"("])
            )
        elif op == 2:
            del raw[i : i + draw(st.integers(1, 40))]
        else:
            raw = raw[: max(8, i)]
    return bytes(raw)


@_FAST
@given(st.one_of(_mutated(_PDF), _mutated(_PDF_Z)))
def test_any_mutated_pdf_is_text_or_a_typed_error(data: bytes) -> None:
    _typed(extract_bytes, data, "cv.pdf")


def _docx() -> bytes:
    import io

    from docx import Document

    document = Document()
    document.add_paragraph("Jane Doe, Python developer")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_DOCX = _docx()


@_FAST
@given(_mutated(_DOCX))
def test_any_mutated_docx_is_text_or_a_typed_error(data: bytes) -> None:
    _typed(extract_bytes, data, "cv.docx")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_a_csv_cell_never_splits_a_row_nor_starts_a_formula(text: str) -> None:
    cell = csv_cell(text)
    assert isinstance(cell, str)
    assert not any(c in cell for c in "\r\n\t\x00")
    assert not cell.lstrip().startswith(("=", "+", "-", "@")) or cell.startswith("'")
    cell.encode("utf-8")  # a file name's undecodable bytes are written as \xNN


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_terminal_text_holds_no_control_character(text: str) -> None:
    shown = terminal_text(text)
    assert all(c in "\n\t" or not (ord(c) < 32 or 0x7F <= ord(c) <= 0x9F) for c in shown)
    shown.encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.text(), lambda inner: st.lists(inner, max_size=3), max_leaves=6))
def test_json_safe_is_the_same_json_with_nothing_raw_a_terminal_runs(value: object) -> None:
    text = json_safe(json.dumps(value, ensure_ascii=False))
    assert json.loads(text) == value
    assert not any(0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF for c in text)
    assert zlib.crc32(text.encode("utf-8")) >= 0  # encodable


def test_a_fuzz_campaign_resumes_from_its_summary_and_summaries_add_up(tmp_path: Path) -> None:
    """scripts/fuzz.py: a campaign run again with the same --out goes on where it stopped (the
    inputs done are not done twice), and --sum adds the summaries of several seeds."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = [sys.executable, str(ROOT / "scripts" / "fuzz.py"), "--workers", "1", "--chunk", "20",
              "--findings", str(tmp_path / "findings")]  # fmt: skip
    first, other = tmp_path / "seed-3.json", tmp_path / "seed-4.json"
    subprocess.run(
        [*script, "--seed", "3", "--inputs", "40", "--out", str(first)], check=True, capture_output=True
    )
    assert json.loads(first.read_text())["done"] == [[0, 40]]
    subprocess.run(
        [*script, "--seed", "3", "--inputs", "90", "--out", str(first)], check=True, capture_output=True
    )
    again = json.loads(first.read_text())
    assert again["done"] == [[0, 90]] and again["inputs"] == 90
    assert again["by_kind"]["text"] == 30 and again["by_kind"]["docx"] == 30
    assert again["by_kind"]["pdf-pypdf"] + again["by_kind"]["pdf-pdfium"] == 30
    assert again["untyped"] == again["over_cap"] == 0 and again["peak_memory_mb"] > 0
    subprocess.run(
        [*script, "--seed", "4", "--inputs", "30", "--out", str(other)], check=True, capture_output=True
    )
    summed = subprocess.run(
        [*script, "--sum", str(first), str(other)], check=True, capture_output=True, text=True
    )
    total = json.loads(summed.stdout.splitlines()[-1])
    assert total["inputs"] == 120 and total["seeds"] == [3, 4]
    assert sum(total["outcomes"].values()) == 120
