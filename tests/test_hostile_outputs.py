"""Nothing printed or written runs (issue 17): CSV cells that no spreadsheet splits or evaluates,
file names of any bytes in every format, no terminal escape reaching the terminal."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher.cli import main

RESUME = (
    "Jane Doe\njane@example.com\nSKILLS\nPython, SQL, PyTorch\nEXPERIENCE\nML Engineer, Acme, 2018 - 2024\n"
)
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m"


def _folder(tmp_path: Path, names: list[str | bytes], text: str = RESUME) -> Path:
    folder = tmp_path / "cvs"
    folder.mkdir()
    for name in names:
        raw = name if isinstance(name, bytes) else os.fsencode(name)
        with open(os.path.join(os.fsencode(folder), raw), "w", encoding="utf-8") as fh:
            fh.write(text)
    return folder


def test_a_carriage_return_in_a_file_name_neither_splits_a_csv_row_nor_starts_a_formula(
    tmp_path: Path, example_posting: Path
) -> None:
    folder = _folder(tmp_path, ["a\r=2+5+cmd|x.txt", "b\n@SUM(1+1).txt", "c\t-1.txt", "+d.txt"])
    out = tmp_path / "r.csv"
    result = CliRunner().invoke(
        main, ["rank", str(example_posting), str(folder), "--csv", str(out), "--no-cache", "--workers", "0"]
    )
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert b"\r" not in data and b"\t" not in data  # no spreadsheet can split a row on them
    lines = data.decode("utf-8").split("\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert len(lines) == len(rows) + 1 == 6  # header, four rows, the final newline
    for row in rows[1:]:
        for cell in row:
            assert not cell.lstrip().startswith(("=", "+", "-", "@")), row


@pytest.mark.parametrize("fmt", ["--json", "--csv", "--html", "table"])
def test_a_file_name_that_is_not_utf8_is_written_in_every_format(
    fmt: str, tmp_path: Path, example_posting: Path
) -> None:
    folder = _folder(tmp_path, [b"caf\xe9.txt"])
    out = tmp_path / "out"
    command = [sys.executable, "-m", "matcher", "rank", str(example_posting), str(folder), "--no-cache",
               "--workers", "0", "--quiet"]  # fmt: skip
    if fmt in ("--csv", "--html"):
        command += [fmt, str(out)]
    elif fmt == "--json":
        command.append(fmt)
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(command, capture_output=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stderr
    if fmt == "--json":
        (entry,) = json.loads(result.stdout)  # lossless: the name's bytes come back with surrogateescape
        assert os.fsencode(entry["path"]).endswith(b"caf\xe9.txt")
    elif fmt == "table":
        assert "caf\\xe9.txt" in result.stdout.decode("utf-8")
    else:
        assert "caf\\xe9.txt" in out.read_text(encoding="utf-8")


def test_escape_sequences_in_a_resume_or_its_name_never_reach_the_terminal(
    tmp_path: Path, example_posting: Path
) -> None:
    folder = _folder(tmp_path, [f"x{ESCAPES}.txt"], text=f"Jane{ESCAPES} Doe\n" + RESUME)
    runner = CliRunner()
    ranked = runner.invoke(main, ["rank", str(example_posting), str(folder), "--no-cache", "--workers", "0"])
    as_json = runner.invoke(
        main, ["rank", str(example_posting), str(folder), "--json", "--no-cache", "--workers", "0"]
    )
    (cv,) = folder.iterdir()
    summary = runner.invoke(main, ["resume", str(cv)])
    resume_json = runner.invoke(main, ["resume", str(cv), "--json"])
    missing = runner.invoke(main, ["resume", str(folder / f"gone{ESCAPES}.txt")])
    for result in (ranked, as_json, summary, resume_json, missing):
        for char in "\x1b\x07\x9b":
            assert char not in result.output, (result.output, char)
    assert ranked.exit_code == as_json.exit_code == summary.exit_code == resume_json.exit_code == 0
    assert json.loads(as_json.output)[0]["path"].endswith(f"x{ESCAPES}.txt")  # kept, escaped


def test_each_json_entry_names_the_candidate_and_the_evidence_of_every_matched_skill(
    tmp_path: Path, example_posting: Path
) -> None:
    folder = _folder(tmp_path, ["cv.txt"])
    result = CliRunner().invoke(
        main, ["rank", str(example_posting), str(folder), "--json", "--no-cache", "--workers", "0"]
    )
    (entry,) = json.loads(result.output)
    assert (entry["name"], entry["email"]) == ("Jane Doe", "jane@example.com")
    assert "phone" in entry and "links" in entry
    evidence = {m["skill"]: m["evidence"] for m in entry["matched_evidence"]}
    assert set(evidence) == set(entry["matched"]) and "Python" in evidence["Python"]
