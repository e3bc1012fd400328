"""Nothing lost at the end (issue 17): output paths checked before any work, reports written with
the user's umask and never through a symlink, ``rank`` given one path."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher import analyze_posting, rank
from matcher.cli import main

RESUME = "Jane Doe\njane@example.com\nSKILLS\nPython, SQL\nEXPERIENCE\nEngineer, Acme Inc, 2018 - 2024\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text(RESUME, encoding="utf-8")
    return folder


@pytest.mark.parametrize("option", ["--csv", "--html"])
@pytest.mark.parametrize("where", ["missing folder", "read-only folder", "a folder", "a symlink"])
def test_an_output_path_that_cannot_be_written_is_a_usage_error_before_any_parsing(
    option: str, where: str, folder: Path, tmp_path: Path, example_posting: Path
) -> None:
    if where == "missing folder":
        out = tmp_path / "nowhere" / "r.out"
    elif where == "read-only folder":
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        out = locked / "r.out"
        if os.access(locked, os.W_OK):  # root writes anywhere: nothing to check then
            pytest.skip("running as root")
    elif where == "a folder":
        out = tmp_path / "dir.out"
        out.mkdir()
    else:
        target = tmp_path / "elsewhere.txt"
        target.write_text("keep me", encoding="utf-8")
        out = tmp_path / "link.out"
        out.symlink_to(target)
    cache = tmp_path / "cache.sqlite"
    result = CliRunner().invoke(
        main,
        [
            "rank",
            str(example_posting),
            str(folder),
            option,
            str(out),
            "--cache",
            str(cache),
            "--workers",
            "0",
        ],
    )
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not cache.exists()  # nothing was parsed
    if where == "a symlink":
        assert out.is_symlink() and (tmp_path / "elsewhere.txt").read_text(encoding="utf-8") == "keep me"


def test_reports_are_written_with_the_users_umask(
    folder: Path, tmp_path: Path, example_posting: Path
) -> None:
    old = os.umask(0o022)
    try:
        out = tmp_path / "r.csv"
        result = CliRunner().invoke(
            main,
            ["rank", str(example_posting), str(folder), "--csv", str(out), "--no-cache", "--workers", "0"],
        )
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_rank_takes_one_path_as_well_as_a_list(folder: Path) -> None:
    posting = analyze_posting("Requirements: Python, SQL")
    one = rank(posting, str(folder), workers=0)
    assert [Path(e.path).name for e in one.entries] == ["a.txt"]
    assert [e.path for e in rank(posting, folder, workers=0).entries] == [e.path for e in one.entries]


@pytest.mark.parametrize("command", ["posting", "resume"])
def test_a_single_file_command_has_the_batchs_time_cap(command: str, tmp_path: Path) -> None:
    """A long, legitimate text that takes minutes to analyse stops at --timeout with a typed
    message (the command had no cap at all)."""
    path = tmp_path / "long.txt"
    path.write_text("Requirements\n" + "5+ years of Python, SQL and Kafka. " * 150_000, encoding="utf-8")
    result = CliRunner().invoke(main, [command, str(path), "--timeout", "1"])
    assert result.exit_code == 1, result.output
    assert "[timeout]" in result.output and "Traceback" not in result.output
