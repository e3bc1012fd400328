"""A record of every run: one JSON line per ranking under the data folder; --no-log skips it."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher import analyze_posting_file, rank
from matcher.audit import RUN_LOG_ENV, read_run_log, run_log_path, run_record, write_run_record
from matcher.cli import main
from matcher.scoring import Weights

from .conftest import EXAMPLE_POSTING, make_pdf


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    resumes = tmp_path / "resumes"
    resumes.mkdir()
    (resumes / "a.txt").write_text(
        "EXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nPython and SQL", encoding="utf-8"
    )
    make_pdf(resumes / "b.pdf", ["EXPERIENCE", "Analyst, Beta LLC, 2019 - 2023", "Excel and SQL"])
    (resumes / "broken.pdf").write_bytes(b"not a pdf")
    return resumes


def test_a_record_holds_what_explains_the_decision(folder: Path) -> None:
    posting = analyze_posting_file(EXAMPLE_POSTING)
    weights = Weights(skills=0.6, knockouts=("degree",))
    ranking = rank(posting, [folder], as_of=date(2026, 11, 1), workers=0, weights=weights)
    record = run_record(ranking, weights=weights, as_of=date(2026, 11, 1))
    assert record["matcher_version"] == __import__("matcher").__version__
    from matcher._models import model_dir

    files = record["models"]["files"]
    assert {"skills.jsonl", "idf.json", "wordlists.json"} <= set(files)  # every built model is named
    for name, digest in files.items():
        assert digest == hashlib.sha256((model_dir() / name).read_bytes()).hexdigest()[: len(digest)]
    assert len(record["models"]["digest"]) == 12
    assert record["posting"]["sha256"] == hashlib.sha256(posting.text.encode()).hexdigest()
    assert record["posting"]["title"] == "Machine Learning Engineer"
    assert record["posting"]["requirements"]["min_years"] == 4
    assert "sections" not in record["posting"]["requirements"]
    assert record["weights"]["skills"] == 0.6 and record["weights"]["knockouts"] == ["degree"]
    assert record["as_of"] == "2026-11-01"
    files = {Path(f["path"]).name: f for f in record["files"]}
    assert set(files) == {"a.txt", "b.pdf", "broken.pdf"}
    assert files["a.txt"]["sha256"] == hashlib.sha256((folder / "a.txt").read_bytes()).hexdigest()
    assert files["a.txt"]["rank"] in (1, 2) and isinstance(files["a.txt"]["score"], float)
    assert files["broken.pdf"]["score"] is None and files["broken.pdf"]["error"]["kind"] == "unsupported"
    json.dumps(record)  # plain JSON


def test_records_append_one_line_each(tmp_path: Path, folder: Path) -> None:
    ranking = rank(analyze_posting_file(EXAMPLE_POSTING), [folder], workers=0)
    log = tmp_path / "log"
    first = write_run_record(ranking, folder=log)
    write_run_record(ranking, folder=log)
    assert first == log / "runs.jsonl"
    assert len(first.read_text(encoding="utf-8").splitlines()) == 2
    assert [len(r["files"]) for r in read_run_log(log)] == [3, 3]


def test_the_folder_comes_from_the_parameter_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(RUN_LOG_ENV, str(tmp_path / "env"))
    assert run_log_path() == tmp_path / "env" / "runs.jsonl"
    assert run_log_path(tmp_path / "given") == tmp_path / "given" / "runs.jsonl"
    monkeypatch.delenv(RUN_LOG_ENV)
    assert run_log_path().name == "runs.jsonl" and "matcher" in str(run_log_path())


def test_a_blind_run_is_logged_by_candidate_id(tmp_path: Path, folder: Path) -> None:
    ranking = rank(analyze_posting_file(EXAMPLE_POSTING), [folder], workers=0, blind=True)
    record = run_record(ranking)
    assert record["blind"] is True
    assert all(f["path"].startswith("c-") for f in record["files"])
    assert all(f["sha256"] for f in record["files"])  # the digest of the real file, through the key
    assert "a.txt" not in json.dumps(record)


def test_cli_rank_logs_each_run_unless_told_not_to(tmp_path: Path, folder: Path) -> None:
    runner = CliRunner()
    log = Path(__import__("os").environ[RUN_LOG_ENV])  # set for every test by conftest
    before = len(read_run_log(log))
    args = ["rank", str(EXAMPLE_POSTING), str(folder), "--workers", "0", "--no-cache", "--json"]
    assert runner.invoke(main, args).exit_code == 0
    records = read_run_log(log)
    assert len(records) == before + 1
    assert {Path(f["path"]).name for f in records[-1]["files"]} == {"a.txt", "b.pdf", "broken.pdf"}
    assert runner.invoke(main, [*args, "--no-log"]).exit_code == 0
    assert len(read_run_log(log)) == before + 1
