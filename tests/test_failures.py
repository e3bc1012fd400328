"""One failure path: every file of a batch ends ranked or listed, whatever went wrong; the
single-file API raises typed errors for every input a user can give it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from matcher import MatcherError, analyze_posting, analyze_posting_file, parse_resume, rank
from matcher.records import Posting
from matcher.resume import _parse

POSTING_TEXT = "Requirements: Python and SQL, 3+ years of experience"


@pytest.fixture
def posting(analyzed: Callable[[str], Posting]) -> Posting:
    return analyzed(POSTING_TEXT)


GOOD = "Ann Lee\nEXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nPython and SQL"


@pytest.fixture
def parser_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in our own parsing code, hit only by resumes that say BOOM (workers are forked, so
    they carry the patch too)."""
    real = _parse.find_contact

    def buggy(text: str):  # type: ignore[no-untyped-def]
        if "BOOM" in text:
            raise ZeroDivisionError("division by zero")
        return real(text)

    monkeypatch.setattr(_parse, "find_contact", buggy)


@pytest.mark.parametrize("workers", [0, 1])
@pytest.mark.usefixtures("parser_bug")
def test_a_parser_bug_on_one_file_is_an_internal_failure_and_the_batch_goes_on(
    tmp_path: Path, workers: int, posting: Posting
) -> None:
    (tmp_path / "a-good.txt").write_text(GOOD)
    (tmp_path / "b-bug.txt").write_text(GOOD + "\nBOOM")
    ranking = rank(posting, [tmp_path], workers=workers)
    good, bug = ranking.entries
    assert Path(good.path).name == "a-good.txt" and good.score is not None
    assert Path(bug.path).name == "b-bug.txt" and bug.score is None
    assert bug.failure is not None and bug.failure.kind == "internal"
    assert "ZeroDivisionError" in bug.failure.message and "b-bug.txt" in bug.failure.message
    assert bug.to_dict()["error"] == {"kind": "internal", "message": bug.failure.message}


def _long_resume(path: Path) -> Path:
    filler = "Managed inventory and weekly reports for the store team.\n" * 21_000  # 1.2 MB
    path.write_text(f"Ann Lee\nEXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\n{filler}Kubernetes and Python\n")
    assert 1_100_000 < path.stat().st_size < 20_000_000
    return path


@pytest.mark.slow
def test_a_long_text_resume_under_the_file_cap_is_parsed(tmp_path: Path) -> None:
    resume = parse_resume(_long_resume(tmp_path / "long.txt"))
    assert {"Kubernetes", "Python"} <= {s.name for s in resume.skills}


@pytest.mark.slow
def test_a_long_text_posting_is_analysed() -> None:
    text = (
        "Requirements:\n"
        + "Keep the shop floor tidy and safe for every visitor.\n" * 21_000
        + "- 5+ years of Kubernetes\n"
    )
    posting = analyze_posting(text)
    assert posting.min_years == 5 and "Kubernetes" in {s.name for s in posting.skills}


@pytest.mark.slow
def test_the_cli_prints_no_traceback_on_a_long_resume(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "matcher", "resume", str(_long_resume(tmp_path / "long.txt")), "--json"],
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in run.stderr
    assert run.returncode == 0 and json.loads(run.stdout)["name"] == "Ann Lee"


def _html_posting(path: Path, months: object) -> Path:
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Data Engineer",
        "description": "<p>Requirements: Python and SQL.</p>",
        "experienceRequirements": {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": months,
        },
    }
    path.write_text(
        f'<html><head><script type="application/ld+json">{json.dumps(posting)}</script></head>'
        "<body><p>Data Engineer</p></body></html>"
    )
    return path


@pytest.mark.parametrize(
    ("months", "years"),
    [
        (60, 5),
        ("36", 3),
        ("sixty", None),
        ("three years", None),
        (None, None),
        ([36], None),
        ({"x": 1}, None),
    ],
)
def test_json_ld_months_of_experience_in_any_form(
    tmp_path: Path, months: object, years: float | None
) -> None:
    posting = analyze_posting_file(_html_posting(tmp_path / "job.html", months))
    assert posting.title == "Data Engineer"
    assert posting.min_years == years
    assert {"Python", "SQL"} <= {s.name for s in posting.skills}


def test_an_unexpected_error_in_the_cli_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    """A bug reached from the command line: the message names it, with exit status 1."""
    (tmp_path / "cv.txt").write_text(GOOD)
    code = (
        "import sys\n"
        "from matcher.resume import _parse\n"
        "def buggy(text): raise ZeroDivisionError('division by zero')\n"
        "_parse.find_contact = buggy\n"
        "from matcher.cli import main\n"
        f"sys.argv = ['matcher', 'resume', {str(tmp_path / 'cv.txt')!r}]\n"
        "main()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "internal" in run.stderr and "ZeroDivisionError" in run.stderr


def test_matcher_error_is_what_the_single_file_api_raises(tmp_path: Path) -> None:
    (tmp_path / "cv.pdf").write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(MatcherError):
        parse_resume(tmp_path / "cv.pdf")


@pytest.mark.parametrize("source", [123, None, b"cv.txt", ["cv.txt"]])
def test_a_path_of_the_wrong_type_is_an_input_error(source: object) -> None:
    from matcher import InputError

    with pytest.raises(InputError, match="expected a file path"):
        parse_resume(source)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="expected a file path"):
        analyze_posting_file(source)  # type: ignore[arg-type]


def test_a_folder_given_as_a_file_says_so(tmp_path: Path) -> None:
    from matcher import InputError

    with pytest.raises(InputError, match="is a folder"):
        parse_resume(tmp_path)


def test_a_word_document_with_broken_xml_is_damaged(tmp_path: Path) -> None:
    import zipfile

    import docx

    from matcher import DamagedFileError

    made = tmp_path / "made.docx"
    document = docx.Document()
    document.add_paragraph("Ann Lee, Python developer")
    document.save(str(made))
    broken = tmp_path / "cv.docx"
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(broken, "w") as out:
        for item in src.infolist():
            data = b"<w:document><unclosed>" if item.filename == "word/document.xml" else src.read(item)
            out.writestr(item, data)
    with pytest.raises(DamagedFileError):
        parse_resume(broken)


def test_json_ld_nested_past_any_real_page_falls_back_to_the_visible_text(tmp_path: Path) -> None:
    deep = "[" * 5000 + "]" * 5000
    deep_value = "[" * 990 + '"x"' + "]" * 990
    nested = '{"@type": "JobPosting", "title": "Cook", "qualifications": ' + deep_value + "}"
    for i, block in enumerate((deep, nested)):
        path = tmp_path / f"job{i}.html"
        path.write_text(
            f'<html><script type="application/ld+json">{block}</script><body><p>Line Cook</p>'
            "<p>Requirements: food safety and knife skills.</p></body></html>"
        )
        posting = analyze_posting_file(path)
        assert posting.title in ("Line Cook", "Cook")


def test_a_bug_while_scoring_one_resume_lists_it_and_ranks_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, posting: Posting
) -> None:
    from matcher.batch import _scored

    real = _scored.score

    def buggy(posting, resume, **kwargs):  # type: ignore[no-untyped-def]
        if resume.name == "Bo Chen":
            raise KeyError("components")
        return real(posting, resume, **kwargs)

    monkeypatch.setattr(_scored, "score", buggy)
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD.replace("Ann Lee", "Bo Chen"))
    good, bad = rank(posting, [tmp_path], workers=0).entries
    assert good.score is not None and Path(good.path).name == "a.txt"
    assert bad.failure is not None and bad.failure.kind == "internal" and "KeyError" in bad.failure.message


def test_a_cache_file_that_is_not_a_cache_is_moved_aside_and_the_ranking_goes_on(
    tmp_path: Path, posting: Posting
) -> None:
    """Issue 17 changed this: the ranking is never lost to the cache (it was an InputError)."""
    (tmp_path / "cv.txt").write_text(GOOD)
    cache = tmp_path / "cache.sqlite"
    cache.write_bytes(b"this is not a database" * 100)
    with pytest.warns(UserWarning, match="moved aside"):
        ranking = rank(posting, [tmp_path / "cv.txt"], workers=0, cache=cache)
    assert len(ranking.ranked) == 1
    (aside,) = tmp_path.glob("cache.sqlite.broken-*")
    assert aside.read_bytes() == b"this is not a database" * 100  # kept as it was, under a new name
