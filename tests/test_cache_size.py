"""The resume cache keeps to its size: least recently used entries go first; ``matcher cache
info | clear``; caches from before the size columns still serve."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher import rank
from matcher.batch import ResumeCache, cache_info, clear_cache
from matcher.cli import main
from matcher.records import Posting
from matcher.resume import parse_resume_text

AS_OF = date(2024, 6, 1)
POSTING_TEXT = "Requirements: Python and SQL, 3+ years of experience"


@pytest.fixture
def posting(analyzed: Callable[[str], Posting]) -> Posting:
    return analyzed(POSTING_TEXT)


def _resume(i: int) -> str:
    return f"Candidate {i}\ncand{i}@x.org\nEXPERIENCE\nEngineer, Acme Inc, {2000 + i} - 2023\nPython and SQL"


def _keys(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        keys = {key for (key,) in db.execute("SELECT key FROM parses")}
    db.close()
    return keys


def test_the_least_recently_used_entries_go_when_the_cache_is_full(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    resumes = [parse_resume_text(_resume(i)) for i in range(6)]
    cache = ResumeCache(path, max_bytes=None)
    for i in range(4):
        cache.put(f"k{i}", resumes[i])
    cache.close()
    one = cache_info(path).data_bytes // 4
    # room for about four entries: reading k0 makes k1 the least recently used
    cache = ResumeCache(path, max_bytes=int(one * 4.5))
    assert cache.get("k0") is not None
    cache.put("k4", resumes[4])
    cache.put("k5", resumes[5])
    cache.close()
    kept = _keys(path)
    assert "k1" not in kept and {"k0", "k4", "k5"} <= kept
    assert cache_info(path).data_bytes <= int(one * 4.5)


def test_a_ranking_keeps_the_cache_under_its_cap_and_ranks_the_same(tmp_path: Path, posting: Posting) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    for i in range(12):
        (folder / f"cv{i:02d}.txt").write_text(_resume(i))
    path = tmp_path / "c.sqlite"
    full = rank(posting, [folder], as_of=AS_OF, workers=0, cache=path, cache_max_mb=None)
    every = cache_info(path).data_bytes
    cap_mb = every / 2 / (1 << 20)
    capped = rank(posting, [folder], as_of=AS_OF, workers=0, cache=path, cache_max_mb=cap_mb)
    assert capped.to_list() == full.to_list()
    info = cache_info(path)
    assert 0 < info.data_bytes <= every / 2 and 0 < info.entries < 12


def test_the_file_on_disk_stays_near_its_cap(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    cache = ResumeCache(path, max_bytes=64 << 10)
    big = parse_resume_text(_resume(0) + "\n" + "Python developer with SQL skills. " * 200)
    for i in range(200):  # about 1.4 MB stored in all, through a 64 KB cache
        cache.put(f"k{i}", big)
    cache.close()
    info = cache_info(path)
    assert info.data_bytes <= 64 << 10
    assert info.file_bytes < 400 << 10


def test_cache_info_and_clear_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    cache = ResumeCache(path)
    for i in range(3):
        cache.put(f"k{i}", parse_resume_text(_resume(i)))
    cache.close()
    runner = CliRunner()
    shown = runner.invoke(main, ["cache", "info", "--cache", str(path), "--json"])
    assert shown.exit_code == 0, shown.output
    info = json.loads(shown.output)
    assert info["entries"] == 3 and info["data_bytes"] > 0 and info["path"] == str(path)
    summary = runner.invoke(main, ["cache", "info", "--cache", str(path)])
    assert "Entries: 3" in summary.output
    cleared = runner.invoke(main, ["cache", "clear", "--cache", str(path)])
    assert cleared.exit_code == 0 and "removed 3 entries" in cleared.output
    assert cache_info(path).entries == 0 and _keys(path) == set()


def test_cache_info_of_an_absent_cache_makes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "none" / "c.sqlite"
    assert cache_info(path).entries == 0 and clear_cache(path) == 0
    assert not path.parent.exists()


def test_cache_commands_on_a_file_that_is_not_a_cache_say_so(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    result = CliRunner().invoke(main, ["cache", "info", "--cache", str(path)])
    assert result.exit_code == 1 and "cannot be used as the resume cache" in result.output
    assert "Traceback" not in result.output


def test_a_cache_from_before_the_size_columns_still_serves_and_keeps_to_its_cap(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    cache = ResumeCache(path)
    cache.put("k0", parse_resume_text(_resume(0)))
    cache.close()
    with sqlite3.connect(path) as db:  # the table as parser version 7 made it
        db.execute("DROP INDEX parses_usage")
        db.execute("CREATE TABLE old AS SELECT key, resume, vector, stored FROM parses")
        db.execute("DROP TABLE parses")
        db.execute("ALTER TABLE old RENAME TO parses")
    db.close()
    cache = ResumeCache(path)
    assert cache.get("k0") is not None and cache.get("k0").email == "cand0@x.org"  # type: ignore[union-attr]
    cache.close()
    assert cache_info(path).data_bytes > 0


def test_opening_a_cache_reads_its_index_not_every_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache of 100,000 resumes is about 2 GB: opening it for a re-rank of ten files must not read
    all of it (the unsized-entry check and the size total were full scans of the table)."""
    path = tmp_path / "c.sqlite"
    cache = ResumeCache(path)
    for i in range(3):
        cache.put(f"k{i}", parse_resume_text(_resume(i)))
    cache.close()
    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args: object, **kwargs: object) -> sqlite3.Connection:
        db = connect(*args, **kwargs)  # type: ignore[arg-type]
        db.set_trace_callback(statements.append)
        return db

    monkeypatch.setattr(sqlite3, "connect", traced)
    cache = ResumeCache(path)
    cache.close()
    monkeypatch.undo()
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "parses" in s]
    assert reads  # the size total at least
    with sqlite3.connect(path) as db:
        plans = {s: [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + s)] for s in reads}
    db.close()
    full_scans = {s: p for s, p in plans.items() if any(step == "SCAN parses" for step in p)}
    assert full_scans == {}


def test_entries_read_are_marked_used_behind_the_reads_and_all_by_close(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import matcher.batch._cache_lru as lru

    monkeypatch.setattr(lru, "_TOUCH_BATCH", 3)  # a batch written behind every 3 reads
    path = tmp_path / "cache.sqlite"
    cache = ResumeCache(path)
    resume = parse_resume_text("Ann Lee\nSKILLS\nPython")
    for i in range(10):
        cache.put(f"k{i}", resume)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE parses SET used = 0")
    db.close()
    assert cache.stored([f"k{i}" for i in range(7)]) == {f"k{i}" for i in range(7)}
    assert any(t.name.startswith("matcher-cache-usage") for t in threading.enumerate())
    cache.close()
    assert not any(t.name.startswith("matcher-cache-usage") for t in threading.enumerate())
    with sqlite3.connect(path) as db:
        used = dict(db.execute("SELECT key, used FROM parses"))
    db.close()
    assert all(used[f"k{i}"] > 0 for i in range(7))  # two batches behind, the last one at close
    assert all(used[f"k{i}"] == 0 for i in range(7, 10))
