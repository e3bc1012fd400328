"""Reading posting files: text, Markdown, PDF and HTML (with JSON-LD), and every bad-input error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matcher import (
    DamagedFileError,
    EmptyDocumentError,
    FileTooLargeError,
    InputError,
    MatcherError,
    UnsupportedFileError,
    analyze_posting_file,
)
from matcher.extract import Limits, extract_text, read_posting

from .conftest import make_pdf

LINES = ["Backend Engineer", "Requirements:", "- 4+ years of Python and PostgreSQL", "- Docker is a plus"]


def _check(posting_skills: dict[str, str]) -> None:
    assert posting_skills["Python"] == "required"
    assert posting_skills["PostgreSQL"] == "required"
    assert posting_skills["Docker"] == "preferred"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_and_markdown_postings_are_read(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"job{suffix}"
    path.write_text("\n".join(LINES), encoding="utf-8")
    posting = analyze_posting_file(path)
    _check({s.name: s.importance for s in posting.skills})
    assert posting.min_years == 4


def test_pdf_posting_is_read(tmp_path: Path) -> None:
    posting = analyze_posting_file(make_pdf(tmp_path / "job.pdf", LINES))
    _check({s.name: s.importance for s in posting.skills})
    assert posting.title == "Backend Engineer"


def test_html_posting_uses_visible_text(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in LINES)
    path = tmp_path / "job.html"
    path.write_text(
        f"<html><head><style>p{{color:red}}</style></head><body>{body}"
        "<script>var Kafka = 1;</script></body></html>",
        encoding="utf-8",
    )
    text = extract_text(path)
    assert "Kafka" not in text and "color" not in text
    _check({s.name: s.importance for s in analyze_posting_file(path).skills})


def test_html_posting_prefers_json_ld_job_posting(tmp_path: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Data Engineer",
        "description": "<p>Join our data team.</p><ul><li>Build pipelines in Airflow</li></ul>",
        "qualifications": "Requirements: 5+ years of SQL and Spark experience",
        "educationRequirements": {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "bachelor degree",
        },
        "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 60},
    }
    path = tmp_path / "job.html"
    path.write_text(
        "<html><body><nav>Menu: Java jobs</nav><h1>Data Engineer</h1>"
        f"<script type='application/ld+json'>{json.dumps(ld)}</script></body></html>",
        encoding="utf-8",
    )
    _, title = read_posting(path)
    assert title == "Data Engineer"
    posting = analyze_posting_file(path)
    names = {s.name: s.importance for s in posting.skills}
    assert names["SQL"] == "required" and "Java" not in names
    assert posting.min_years == 5
    assert posting.degree is not None and posting.degree.min_level == "bachelor"


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("job.docx2", b"hello", UnsupportedFileError),
        ("job.txt", b"", EmptyDocumentError),
        ("job.txt", b"   \n\n  ", EmptyDocumentError),
        ("job.txt", b"%PDF-1.4 pretending", UnsupportedFileError),
        ("job.pdf", b"<html><body>not a pdf</body></html>", UnsupportedFileError),
        ("job.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", DamagedFileError),
        ("job.txt", b"\x89PNG\r\n\x1a\n\x00\x00", UnsupportedFileError),
    ],
)
def test_bad_posting_files_raise_typed_errors(tmp_path: Path, name: str, content: bytes, error: type) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as info:
        analyze_posting_file(path)
    assert isinstance(info.value, MatcherError) and isinstance(info.value, ValueError)
    assert path.name in str(info.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        analyze_posting_file(tmp_path / "nope.txt")


def test_file_size_cap(tmp_path: Path) -> None:
    # (truncated, encrypted and page-capped PDFs: tests/test_extract_errors.py, both engines)
    path = make_pdf(tmp_path / "job.pdf", LINES)
    with pytest.raises(FileTooLargeError):
        extract_text(path, limits=Limits(max_bytes=100))
    assert "Python" in extract_text(path, limits=Limits(max_bytes=path.stat().st_size))


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("MySQLMicrosoft", "MySQL\nMicrosoft"),
        ("OpenGLWriting", "OpenGL\nWriting"),
        ("networksKnowledge", "networks\nKnowledge"),
        ("JavaScript", "JavaScript"),
        ("PowerShell", "PowerShell"),
        ("ASP.NET", "ASP.NET"),
    ],
)
def test_glued_words_are_split_except_known_names(word: str, split: str) -> None:
    from matcher.language import load_taxonomy
    from matcher.text import split_glued

    assert split_glued(word, load_taxonomy().names) == split
