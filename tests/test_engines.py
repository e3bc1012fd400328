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

from .conftest import two_column_row_ordered_pdf
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
    left = ["EXPERIENCE", "Data Engineer, Acme Inc", "Jan 2020 - Dec 2021", "Built Kafka pipelines daily",
            "Ran the on-call rotation", "Analyst, Beta LLC", "Mar 2017 - Dec 2019", "Wrote monthly reports",
            "Reported in Excel and SQL", "Trained two new analysts"]  # fmt: skip
    right = ["SKILLS", "Python and Terraform", "Kubernetes operations", "Linux administration",
             "LANGUAGES", "Spanish and English", "CERTIFICATIONS", "Scrum Master", "AWS Solutions Architect",
             "INTERESTS"]  # fmt: skip
    path = two_column_row_ordered_pdf(tmp_path / "cv.pdf", left, right)
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
