"""Workers with per-file limits, and the SQLite cache of parsed resumes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from matcher import analyze_posting, rank
from matcher.batch import ResumeCache, parse_in_workers
from matcher.extract import Limits
from matcher.records import Posting

from .conftest import raw_pdf

AS_OF = date(2024, 6, 1)
POSTING_TEXT = "Requirements: Python and SQL, 3+ years of experience"


@pytest.fixture
def posting(analyzed: Callable[[str], Posting]) -> Posting:
    return analyzed(POSTING_TEXT)


def _slow_pdf(path: Path, depth: int = 7, fan: int = 10) -> Path:
    """A page whose form XObjects draw each other ``fan`` times, ``depth`` levels deep: tiny on
    disk, but ``fan ** depth`` text draws to extract."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /X0 5 0 R >> /Font << /F1 %d 0 R >> >> >>" % (5 + depth + 1),
        b"<< /Length 8 >>\nstream\n/X0 Do\n\nendstream",
    ]
    for level in range(depth + 1):
        if level < depth:
            body = b"\n".join([b"/X%d Do" % (level + 1)] * fan)
            res = b"/Resources << /XObject << /X%d %d 0 R >> >>" % (level + 1, 5 + level + 1)
        else:
            body, res = (
                b"BT /F1 10 Tf 10 10 Td (Python) Tj ET",
                b"/Resources << /Font << /F1 %d 0 R >> >>" % (5 + depth + 1),
            )
        head = b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] %s /Length %d >>\n" % (res, len(body))
        objects.append(head + b"stream\n" + body + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    path.write_bytes(raw_pdf(objects))
    return path


def test_a_file_past_the_time_limit_is_a_timeout_and_the_batch_goes_on(tmp_path: Path) -> None:
    # the slow file goes first: the file already handed to the same worker behind it is not lost
    _slow_pdf(tmp_path / "a-slow.pdf")
    (tmp_path / "b-ok.txt").write_text("EXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nPython and SQL")
    (tmp_path / "c-ok.txt").write_text("EXPERIENCE\nAnalyst, Beta LLC, 2019 - 2023\nSQL")
    listed = list(parse_in_workers(sorted(tmp_path.iterdir()), workers=1, limits=Limits(max_seconds=1.0)))
    results = {r.path.name: r for r in listed}
    assert len(listed) == len(results) == 3
    assert results["a-slow.pdf"].failure.kind == "timeout"
    assert results["b-ok.txt"].resume is not None and results["c-ok.txt"].resume is not None


@pytest.mark.slow
def test_a_file_past_the_memory_cap_is_too_much_memory(tmp_path: Path) -> None:
    import subprocess
    import sys

    big = tmp_path / "big.txt"
    big.write_text("Python developer with SQL skills. " * 300_000)  # 10 MB of text to tokenize
    (tmp_path / "ok.txt").write_text("EXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nPython and SQL")
    # a fresh interpreter: the cap is on top of the worker's warm size, which must not include
    # memory this test process happens to hold already
    code = (
        "import sys, pathlib\n"
        "from matcher.batch import parse_in_workers\n"
        "from matcher.extract import Limits\n"
        "paths = sorted(pathlib.Path(sys.argv[1]).iterdir())\n"
        "for r in parse_in_workers(paths, workers=1, limits=Limits(max_memory=60 << 20)):\n"
        "    print(r.path.name, r.failure.kind if r.resume is None else 'ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    results = dict(line.split() for line in out.stdout.splitlines())
    assert results == {"big.txt": "too_much_memory", "ok.txt": "ok"}


def test_rank_lists_timeouts_as_failures(tmp_path: Path, posting: Posting) -> None:
    _slow_pdf(tmp_path / "slow.pdf")
    (tmp_path / "ok.txt").write_text("EXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nPython and SQL")
    ranking = rank(posting, [tmp_path], as_of=AS_OF, workers=2, limits=Limits(max_seconds=1.0))
    assert [(Path(e.path).name, e.failure and e.failure.kind) for e in ranking.entries] == [
        ("ok.txt", None),
        ("slow.pdf", "timeout"),
    ]


def _resumes(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"cv{i:02d}.txt"
        path.write_text(f"Candidate {i}\nEXPERIENCE\nEngineer, Acme Inc, {2010 + i} - 2023\nPython and SQL")
        paths.append(path)
    return paths


def test_cache_makes_a_rerank_parse_nothing_and_give_the_same_ranking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, posting: Posting
) -> None:
    _resumes(tmp_path / "cvs", 6)
    cache = tmp_path / "cache.sqlite"
    first = rank(posting, [tmp_path / "cvs"], as_of=AS_OF, workers=2, cache=cache)
    assert len(ResumeCache(cache)) == 6

    import matcher.batch._workers

    parsed: list[Path] = []
    real = matcher.batch._workers.parse_in_workers

    def counting(paths, **kwargs):  # type: ignore[no-untyped-def]
        paths = list(paths)
        parsed.extend(paths)
        return real(paths, **kwargs)

    monkeypatch.setattr(matcher.batch._workers, "parse_in_workers", counting)
    other_posting = analyze_posting("Requirements: SQL")
    again = rank(posting, [tmp_path / "cvs"], as_of=AS_OF, workers=2, cache=cache)
    rank(other_posting, [tmp_path / "cvs"], as_of=AS_OF, workers=2, cache=cache)
    assert parsed == []
    assert again.to_list() == first.to_list()


def test_an_interrupted_run_keeps_its_parses_and_the_next_parses_only_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, posting: Posting
) -> None:
    paths = _resumes(tmp_path / "cvs", 8)
    cache = tmp_path / "cache.sqlite"
    import matcher.batch._workers

    real = matcher.batch._workers.parse_in_workers

    def interrupted(todo, **kwargs):  # type: ignore[no-untyped-def]
        for done, result in enumerate(real(todo, **kwargs)):
            if done == 4:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(matcher.batch._workers, "parse_in_workers", interrupted)
    with pytest.raises(KeyboardInterrupt):
        rank(posting, [tmp_path / "cvs"], as_of=AS_OF, workers=2, cache=cache)
    assert len(ResumeCache(cache)) == 4  # every finished parse was kept
    kept = {Path(p) for p in _cached_sources(cache)}

    parsed: list[Path] = []

    def counting(todo, **kwargs):  # type: ignore[no-untyped-def]
        todo = list(todo)
        parsed.extend(todo)
        return real(todo, **kwargs)

    monkeypatch.setattr(matcher.batch._workers, "parse_in_workers", counting)
    resumed = rank(posting, [tmp_path / "cvs"], as_of=AS_OF, workers=2, cache=cache)
    assert len(parsed) == 4 and not set(parsed) & kept  # only the files not yet cached
    uninterrupted = rank(posting, [tmp_path / "cvs"], as_of=AS_OF, workers=2, cache=None)
    assert resumed.to_list() == uninterrupted.to_list() and len(paths) == 8


def _cached_sources(cache: Path) -> list[str]:
    import json

    with sqlite3.connect(cache) as db:
        return [json.loads(r[0])["source"] for r in db.execute("SELECT resume FROM parses")]


def test_cache_key_changes_with_content(tmp_path: Path, posting: Posting) -> None:
    (path,) = _resumes(tmp_path / "cvs", 1)
    cache = tmp_path / "cache.sqlite"
    rank(posting, [path], as_of=AS_OF, workers=0, cache=cache)
    path.write_text("Sam Else\nEXPERIENCE\nCook, Diner Inc, 2020 - 2023\nGrill")
    ranking = rank(posting, [path], as_of=AS_OF, workers=0, cache=cache)
    assert ranking.entries[0].resume.name == "Sam Else"
    assert len(ResumeCache(cache)) == 2


def test_a_cached_rerank_reads_each_resumes_vector_instead_of_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, posting: Posting
) -> None:
    _resumes(tmp_path / "cvs", 6)
    cache = tmp_path / "cache.sqlite"
    cold = rank(posting, [tmp_path / "cvs"], as_of=AS_OF, workers=0, cache=cache)
    uncached = rank(posting, [tmp_path / "cvs"], as_of=AS_OF, workers=0)
    with sqlite3.connect(cache) as db:
        assert all(vector for (vector,) in db.execute("SELECT vector FROM parses"))

    import matcher.batch._scored

    def no_vectorising(texts: list[str]) -> list[bytes]:
        assert not texts, "a cached resume was vectorised again"
        return []

    monkeypatch.setattr(matcher.batch._scored, "pack_vectors", no_vectorising)
    cached = rank(posting, [tmp_path / "cvs"], as_of=AS_OF, workers=0, cache=cache)
    assert cached.to_list() == cold.to_list() == uncached.to_list()


@pytest.mark.parametrize("artefact", ["skills.jsonl", "idf.json", "wordlists.json"])
def test_rebuilt_models_retire_cached_parses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, artefact: str
) -> None:
    import shutil

    from matcher import _models
    from matcher.batch import _cache as cache_module

    before = cache_module.file_key(b"cv", engine="pypdf")
    models = tmp_path / "models"
    shutil.copytree(_models.model_dir(), models)
    with (models / artefact).open("a", encoding="utf-8") as f:
        f.write("\n")  # a rebuilt model, byte for byte different
    monkeypatch.setattr(_models, "model_dir", lambda: models)
    cache_module.models_digest.cache_clear()
    try:
        assert cache_module.file_key(b"cv", engine="pypdf") != before
    finally:
        cache_module.models_digest.cache_clear()


def test_the_old_cache_table_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE resumes (key TEXT PRIMARY KEY, resume TEXT NOT NULL, stored REAL NOT NULL)")
        db.execute("INSERT INTO resumes VALUES ('k', '{}', 0)")
    db.close()
    cache = ResumeCache(path)
    assert len(cache) == 0 and cache.get("k") is None
    cache.close()
    with sqlite3.connect(path) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    db.close()
    assert tables == {"parses"}


def _pdf_folder(folder: Path, n: int) -> None:
    from .conftest import make_pdf

    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        make_pdf(
            folder / f"cv{i:03d}.pdf",
            [f"Candidate {i}", "EXPERIENCE", f"Engineer, Acme Inc, {1990 + i % 30} - 2023", "Python and SQL"],
        )


@pytest.mark.slow
def test_killing_a_run_and_running_again_parses_only_the_rest(tmp_path: Path) -> None:
    import contextlib
    import signal
    import subprocess
    import sys
    import time

    _pdf_folder(tmp_path / "cvs", 100)
    posting = tmp_path / "posting.txt"
    posting.write_text("Requirements: Python and SQL, 3+ years of experience")
    cache = tmp_path / "cache.sqlite"
    out = tmp_path / "ranking.csv"
    args = [sys.executable, "-m", "matcher.cli", "rank", str(posting), str(tmp_path / "cvs"),
            "--workers", "1", "--cache", str(cache), "--as-of", "2024-06-01", "--csv", str(out),
            "--quiet"]  # fmt: skip
    run = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with contextlib.suppress(sqlite3.OperationalError):  # the file may exist before its table
            if cache.exists() and len(_stored(cache)) >= 3:
                break
        time.sleep(0.05)
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 130 and "interrupted" in err, (run.returncode, err)
    assert not out.exists()  # output only at the end
    before = _stored(cache)
    assert 3 <= len(before) < 100, len(before)

    again = subprocess.run(args, capture_output=True, text=True, timeout=300, check=True)
    after = _stored(cache)
    assert len(after) == 100 and "wrote" in again.stdout
    assert all(after[key] == stamp for key, stamp in before.items())  # nothing parsed twice
    whole = tmp_path / "whole.csv"
    fresh = [
        *args[:6],
        "--workers",
        "1",
        "--as-of",
        "2024-06-01",
        "--no-cache",
        "--csv",
        str(whole),
        "--quiet",
    ]
    subprocess.run(fresh, capture_output=True, text=True, timeout=300, check=True)
    assert out.read_text() == whole.read_text()  # the same ranking as an uninterrupted run


def _stored(cache: Path) -> dict[str, float]:
    with sqlite3.connect(cache) as db:
        return dict(db.execute("SELECT key, stored FROM parses"))


@pytest.mark.slow
def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    _resumes(tmp_path / "cvs", 3)
    posting = tmp_path / "posting.txt"
    posting.write_text("Requirements: Python")
    args = [
        sys.executable,
        "-m",
        "matcher.cli",
        "rank",
        str(posting),
        str(tmp_path / "cvs"),
        "--no-cache",
        "--workers",
        "1",
    ]
    piped = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)
    assert "files" not in piped.stderr
    primary, secondary = pty.openpty()
    run = subprocess.run(args, stdout=subprocess.PIPE, stderr=secondary, timeout=120, check=True)
    os.close(secondary)
    shown = os.read(primary, 65536).decode()
    os.close(primary)
    assert "3/3 files, 0 failed" in shown and run.stdout


def test_pdfium_engine_runs_inside_workers(tmp_path: Path, posting: Posting) -> None:
    _pdf_folder(tmp_path / "cvs", 2)
    ranking = rank(posting, [tmp_path / "cvs"], as_of=AS_OF, workers=1, engine="pdfium")
    assert [e.failure for e in ranking.entries] == [None, None]


@pytest.mark.slow
def test_pdfium_in_workers_returns_a_long_text_without_a_pipe_deadlock(
    tmp_path: Path, posting: Posting
) -> None:
    """200 pages of text, far over a pipe's 64 KiB buffer, come back from a worker as a ranked entry."""
    from .conftest import make_pdf

    folder = tmp_path / "cvs"
    folder.mkdir()
    page = [f"Line {i}: maintained Python services and SQL reports for the finance team." for i in range(38)]
    make_pdf(folder / "long.pdf", ["Ann Lee", "EXPERIENCE", "Engineer, Acme Inc, 2015 - 2023", *page * 200])
    limits = Limits(max_pages=300, max_seconds=60)
    ranking = rank(posting, [folder], as_of=AS_OF, workers=1, engine="pdfium", limits=limits)
    (entry,) = ranking.entries
    assert entry.failure is None and entry.score is not None
    assert entry.resume is not None and entry.resume.total_years == 9.0


def test_a_ranking_stopped_while_files_are_hashed_stops_hashing_at_the_next_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the hashing thread takes files in tasks of 64; stopping the lookup (Ctrl-C, an error) must
    # not wait for a whole task of big files to be read
    import threading
    import time

    import matcher.batch._cache as cache_module
    from matcher.batch._parse_all import _keys_ahead
    from matcher.extract import DEFAULT_LIMITS

    files = []
    for i in range(200):
        files.append(tmp_path / f"cv{i}.txt")
        files[-1].write_text(f"Candidate {i}", encoding="utf-8")
    hashed: list[Path] = []
    real_key = cache_module.path_key

    def slow_key(path: Path, **kwargs: object) -> str | None:  # the real key, as a big file's takes time
        if threading.current_thread() is not threading.main_thread():
            time.sleep(0.01)
        hashed.append(path)
        return real_key(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cache_module, "path_key", slow_key)
    keys = _keys_ahead(files, "pypdf", DEFAULT_LIMITS)
    assert next(keys) is not None
    keys.close()  # returns once the thread is done
    assert 64 <= len(hashed) < 64 + 20  # the first task, and no more than a few of the next
