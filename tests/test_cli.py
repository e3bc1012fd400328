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


@pytest.mark.parametrize(
    "command",
    [
        *([], ["posting"], ["resume"], ["rank"], ["serve"], ["calibrate"], ["audit"], ["lint"], ["notice"]),
        *(["cache"], ["cache", "info"], ["cache", "clear"]),
    ],
)
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 3


def test_every_command_is_covered_by_the_help_test() -> None:
    assert set(main.commands) == {
        *("posting", "resume", "rank", "serve", "calibrate", "audit", "lint", "notice", "cache")
    }


def test_readme_shows_the_real_first_run_output(example_posting: Path) -> None:
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0].rstrip("\n") for b in readme.split("```text\n")[1:]]
    ranked = CliRunner().invoke(
        main, ["rank", str(example_posting), str(ROOT / "data/examples/resumes"), "--as-of", "2026-11-01"]
    )
    assert ranked.output.replace(str(ROOT) + "/", "").rstrip("\n") == blocks[0]
    posting = CliRunner().invoke(main, ["posting", str(example_posting)])
    assert posting.output.rstrip("\n") == blocks[1]


def test_a_reader_that_stops_early_gets_no_error_message(tmp_path: Path) -> None:
    """``matcher rank ... --json | head -1``: the pipe closes after one line; matcher stops quietly
    (before, it printed "Error: matcher: Broken pipe")."""
    import subprocess
    import sys

    folder = tmp_path / "cvs"
    folder.mkdir()
    for i in range(80):  # far more JSON than a pipe holds, so matcher is still writing when it closes
        (folder / f"cv{i:02d}.txt").write_text(f"Candidate {i}\nc{i}@example.org\nSkills: Python, SQL")
    job = tmp_path / "job.txt"
    job.write_text("Requirements: Python and SQL")
    command = [sys.executable, "-m", "matcher", "rank", str(job), str(folder), "--json", "--no-cache",
               "--workers", "0", "--quiet", "--no-log"]  # fmt: skip
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline() == b"[\n"
        proc.stdout.close()  # as head does after its line
        err = proc.stderr.read().decode()
        proc.wait(timeout=120)
    assert err == "" and proc.returncode in (0, 141)
