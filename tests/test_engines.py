"""The two PDF engines read a resume alike: the same jobs, columns kept apart, words kept apart;
and ``auto`` (the default) reads with pdfium where it can, with pypdf where pdfium cannot."""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fpdf import FPDF

from matcher import parse_resume
from matcher.extract import extract_text

from .conftest import SAMPLE_COLUMNS, two_column_row_ordered_pdf
from .test_consistency import _pdfgen

pytest.importorskip("pypdfium2")

AS_OF = date(2026, 11, 1)


def _columns_apart(text: str, left: list[str], right: list[str]) -> bool:
    """No line of one column lies between two lines of the other."""
    flat = " ".join(text.split())

    def at(lines: list[str]) -> list[int]:
        probes = [" ".join(line.split())[:40] for line in lines]
        return [flat.find(p) for p in probes if len(p) >= 12 and flat.count(p) == 1]

    lpos, rpos = at(left), at(right)
    assert lpos and rpos, "the probe lines are in the text"
    return max(lpos) < min(rpos) or max(rpos) < min(lpos)


@pytest.mark.parametrize(("order", "variant"), [("row", "equal"), ("row", "sidebar"), ("column", "sidebar")])
@pytest.mark.parametrize("seed", [7, 1234])
def test_generated_two_column_resumes_give_the_same_jobs_and_columns(
    order: str, variant: str, seed: int, tmp_path: Path
) -> None:
    gen = _pdfgen()
    record: dict[str, Any] = gen.make_resume(random.Random(seed), size=1.0)
    path = str(tmp_path / "cv.pdf")
    truth = gen.fpdf_two_column(record, "core:Helvetica", random.Random(5), path, order, variant)
    jobs = {}
    for engine in ("pypdf", "pdfium"):
        text = extract_text(path, engine=engine)
        page = truth["page_columns"][0]
        assert _columns_apart(text, page["left"], page["right"]), engine
        resume = parse_resume(path, as_of=AS_OF, engine=engine)
        jobs[engine] = [(j.start, j.end) for j in resume.experience]
    assert jobs["pdfium"] == jobs["pypdf"]
    assert len(jobs["pdfium"]) == len(record["jobs"])


def test_a_page_written_row_by_row_keeps_its_columns_under_pdfium(tmp_path: Path) -> None:
    path = two_column_row_ordered_pdf(tmp_path / "cv.pdf", *SAMPLE_COLUMNS)
    text = extract_text(path, engine="pdfium")
    assert text.startswith("Jordan Lee\n")  # the header above both columns comes first
    assert text.index("Trained two new analysts") < text.index("SKILLS")
    resume = parse_resume(path, as_of=AS_OF, engine="pdfium")
    assert [(j.start, j.end) for j in resume.experience] == [("2020-01", "2021-12"), ("2017-03", "2019-12")]


def glyph_by_glyph_pdf(path: Path, lines: list[str], gap: float) -> Path:
    """Each glyph its own text object, ``gap`` points between words and no space glyph: how some
    resume builders write (pdfium puts no space in a gap narrower than its guess of one)."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    y = 72.0
    for line in lines:
        x = 72.0
        for word in line.split():
            for char in word:
                pdf.text(x, y, char)
                x += pdf.get_string_width(char)
            x += gap
        y += 14.0
    pdf.output(str(path))
    return path


def test_words_written_glyph_by_glyph_keep_their_spaces_under_pdfium(tmp_path: Path) -> None:
    lines = ["Avery Quinn", "To obtain a position as a registered nurse", "EDUCATION",
             "Master of Science in Nursing, Duke University, 2014", "EXPERIENCE",
             "Charge Nurse, St. Mary Hospital, Jan 2015 - Dec 2020"]  # fmt: skip
    path = glyph_by_glyph_pdf(tmp_path / "cv.pdf", lines, gap=1.5)
    assert extract_text(path, engine="pdfium") == "\n".join(lines) == extract_text(path, engine="pypdf")
    resume = parse_resume(path, as_of=AS_OF, engine="pdfium")
    assert resume.highest_degree == "master"
    assert [(j.start, j.end) for j in resume.experience] == [("2015-01", "2020-12")]


def test_letters_of_one_word_stay_together_under_pdfium(tmp_path: Path) -> None:
    # names and words no list knows are measured too: glyphs that touch are one word
    lines = ["Zbigniew Brzezinski-Kowalczyk", "Kubernetes, Terraform and PostgreSQL at Zalando"]
    path = glyph_by_glyph_pdf(tmp_path / "cv.pdf", lines, gap=2.0)
    text = extract_text(path, engine="pdfium")
    assert text == "\n".join(lines)
    assert not re.search(r"\b\w \w\b", text)


def _catalog_numbered_zero() -> bytes:
    """A PDF whose catalog is object 0 (as in qpdf's issue-99b.pdf): pypdf reads it, pdfium
    calls it damaged."""
    import pdfgen

    content = b"BT /F1 11 Tf 72 720 Td (Avery Quinn) Tj 0 -16 Td (Nurse, Jan 2015 - Dec 2020) Tj ET"
    objects = {
        0: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        4: pdfgen.FONT_OBJ,
        5: pdfgen.stream(content, compress=False),
    }
    out = bytearray(b"%PDF-1.7\n")
    offsets = {}
    for number, body in objects.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 6\n"
    for number in range(6):
        out += (b"%010d 00000 n \n" % offsets[number]) if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size 6 /Root 0 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_auto_reads_with_pypdf_a_file_pdfium_finds_damaged(tmp_path: Path) -> None:
    from matcher.errors import DamagedFileError

    path = tmp_path / "cv.pdf"
    path.write_bytes(_catalog_numbered_zero())
    with pytest.raises(DamagedFileError):
        extract_text(path, engine="pdfium")
    assert extract_text(path, engine="auto") == extract_text(path, engine="pypdf")
    resume = parse_resume(path, as_of=AS_OF, engine="auto")
    assert [(j.start, j.end) for j in resume.experience] == [("2015-01", "2020-12")]


def test_a_file_auto_read_with_pypdf_says_so_in_the_resumes_warnings(tmp_path: Path) -> None:
    from matcher.extract import extract_document

    path = tmp_path / "cv.pdf"
    path.write_bytes(_catalog_numbered_zero())
    (note,) = extract_document(path, engine="auto").notes
    assert note.startswith("read with pypdf: pdfium could not read it (damaged:")
    assert note in parse_resume(path, as_of=AS_OF, engine="auto").warnings
    assert extract_document(path, engine="pypdf").notes == ()  # asked for: nothing to say
    read = glyph_by_glyph_pdf(tmp_path / "fine.pdf", ["Avery Quinn", "Registered nurse since 2015"], gap=1.5)
    assert extract_document(read, engine="auto").notes == ()


def test_auto_is_pdfium_where_pdfium_reads(tmp_path: Path) -> None:
    from matcher.extract import engine_in_use

    assert engine_in_use("auto") == "pdfium"  # pypdfium2 is installed (a dependency)
    path = glyph_by_glyph_pdf(tmp_path / "cv.pdf", ["Avery Quinn", "Registered nurse since 2015"], gap=1.5)
    assert extract_text(path, engine="auto") == extract_text(path, engine="pdfium")


def test_the_cache_key_of_auto_names_the_engine_that_reads() -> None:
    from matcher.batch import file_key

    keys = {engine: file_key(b"%PDF-1.7 x", engine=engine) for engine in ("pypdf", "pdfium", "auto")}
    assert len(set(keys.values())) == 3  # auto's fallback to pypdf makes its parses its own
    assert keys["auto"].split(":")[2] == "auto-pdfium"


def test_the_cli_reads_with_auto_by_default() -> None:
    from matcher.cli import rank_command

    assert next(p.default for p in rank_command.params if p.name == "pdf_engine") == "auto"


def test_a_page_box_inherited_from_the_page_tree_is_the_page_box_under_pdfium(tmp_path: Path) -> None:
    # fpdf2 writes an A4 MediaBox on the page tree, not the page: text at the top of an A4 page
    # lies above a US letter page, pdfium's answer for a page without a box of its own
    import pdfgen

    content = b"BT /F1 10 Tf 31 802 Td (Lena Fischer) Tj 0 -17 Td (Machine learning engineer) Tj ET"
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595.28 841.89] >>",
        3: b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        4: pdfgen.FONT_OBJ,
        5: pdfgen.stream(content, compress=False),
    }
    path = tmp_path / "cv.pdf"
    path.write_bytes(bytes(pdfgen.raw_pdf(objects)))
    from matcher.extract import extract_document

    for engine in ("pypdf", "pdfium"):
        document = extract_document(path, engine=engine)
        assert document.text.startswith("Lena Fischer\n"), engine
        assert document.integrity == (), engine


@pytest.mark.parametrize("engine", ["pdfium", "auto"])
def test_the_resume_command_reads_a_pdf_with_pdfium_in_its_capped_child(engine: str, tmp_path: Path) -> None:
    # the command parses in a daemonic child under the caps: pdfium runs right there, since a
    # daemonic process may not start one of its own
    from click.testing import CliRunner

    from matcher.cli import main

    path = glyph_by_glyph_pdf(tmp_path / "cv.pdf", ["Avery Quinn", "Nurse, Jan 2015 - Dec 2020"], gap=1.5)
    run = CliRunner().invoke(main, ["resume", str(path), "--pdf-engine", engine, "--as-of", "2026-11-01"])
    assert run.exit_code == 0, run.output
    assert "Avery Quinn" in run.output
