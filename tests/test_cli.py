"""The command line: the JSON contract, the readable summary, help text and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher.cli import main


def test_posting_json_follows_the_contract(example_posting: Path) -> None:
    result = CliRunner().invoke(main, ["posting", str(example_posting), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"title", "skills", "degree", "min_years", "preferred_years", "certifications"} <= set(data)
    assert data["title"] == "Machine Learning Engineer"
    skill = data["skills"][0]
    assert set(skill) >= {"name", "kind", "importance", "years", "evidence"}
    assert {s["importance"] for s in data["skills"]} <= {"required", "preferred", "mentioned"}
    assert set(data["degree"]) >= {
        "min_level",
        "fields",
        "required",
        "equivalent_experience",
        "preferred_level",
    }
    assert data["degree"]["min_level"] == "bachelor"
    assert data["min_years"] == 4
    pytorch = next(s for s in data["skills"] if s["name"] == "PyTorch")
    assert pytorch["years"] == 2 and pytorch["importance"] == "required"


def test_posting_summary_groups_by_importance(example_posting: Path) -> None:
    result = CliRunner().invoke(main, ["posting", str(example_posting)])
    assert result.exit_code == 0
    out = result.output
    assert out.index("Required skills") < out.index("Preferred skills") < out.index("Mentioned skills")
    assert "Degree: bachelor or higher (required)" in out
    assert "Years of experience: 4+" in out


def test_unreadable_posting_exits_1_with_the_reason(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(main, ["posting", str(empty)])
    assert result.exit_code == 1
    assert "empty" in result.output


def test_usage_error_exits_2() -> None:
    assert CliRunner().invoke(main, ["posting"]).exit_code == 2


@pytest.mark.parametrize("command", [[], ["posting"], ["resume"], ["rank"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 3


def test_every_command_is_covered_by_the_help_test() -> None:
    assert set(main.commands) == {"posting", "resume", "rank"}


def test_readme_shows_the_real_first_run_output(example_posting: Path) -> None:
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("```text\n", 1)[1].split("```", 1)[0].rstrip("\n")
    result = CliRunner().invoke(main, ["posting", str(example_posting)])
    assert result.output.rstrip("\n") == shown


RESUME_TEXT = """Ana Garcia
ana@example.com
EXPERIENCE
Data Engineer, Acme Inc | Jan 2020 - Present
Built pipelines in Python.
EDUCATION
B.Sc. Mathematics, 2019
"""


def test_resume_json_follows_the_contract(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(RESUME_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["resume", str(path), "--json", "--as-of", "2024-01-01"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {
        "path", "name", "email", "phone", "links", "sections", "skills", "education",
        "highest_degree", "experience", "total_years", "warnings",
    }  # fmt: skip
    assert data["experience"] == [
        {"title": "Data Engineer", "employer": "Acme Inc", "start": "2020-01", "end": "present"}
    ]
    assert data["total_years"] == 4.08  # Jan 2020 to Jan 2024, both months counted
    assert data["highest_degree"] == "bachelor"
    assert set(data["skills"][0]) >= {"name", "kind", "evidence", "count"}


def test_resume_as_jsonresume(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(RESUME_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["resume", str(path), "--format", "jsonresume"])
    data = json.loads(result.output)
    assert data["basics"]["email"] == "ana@example.com"
    assert data["work"][0]["startDate"] == "2020-01" and "endDate" not in data["work"][0]


def test_resume_summary_and_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(RESUME_TEXT, encoding="utf-8")
    out = CliRunner().invoke(main, ["resume", str(path), "--as-of", "2024-01-01"]).output
    assert "Experience: 4.08 years" in out and "Highest completed degree: bachelor" in out
    bad = tmp_path / "cv.pdf"
    bad.write_bytes(b"not a pdf")
    result = CliRunner().invoke(main, ["resume", str(bad)])
    assert result.exit_code == 1 and "[unsupported]" in result.output
    assert CliRunner().invoke(main, ["resume", str(path), "--as-of", "yesterday"]).exit_code == 2
