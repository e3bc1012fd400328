"""The cache under hostile conditions (issue 17): the key is the content that was parsed, and a
file's size is checked before anything is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher import analyze_posting, rank
from matcher.batch import ResumeCache

POSTING = "Data Engineer\nRequirements: Python, SQL, Airflow, Spark, 5+ years of experience"
STRONG = (
    "Ann Lee\nann@example.com\nSKILLS\nPython, SQL, Airflow, Spark\n"
    "EXPERIENCE\nData Engineer, Acme Inc, 2012 - 2024\n"
)
WEAK = "Bob Roe\nbob@example.com\nEXPERIENCE\nCook, Diner Inc, 2020 - 2023\nGrill and prep\n"


def _score(ranking_entries: tuple, name: str) -> float:
    return next(e.score.total for e in ranking_entries if Path(e.path).name == name)


def test_a_file_replaced_between_hashing_and_parsing_never_poisons_the_cache(tmp_path: Path) -> None:
    posting = analyze_posting(POSTING)
    folder = tmp_path / "cvs"
    folder.mkdir()
    cache = tmp_path / "cache.sqlite"
    (folder / "b.txt").write_text(WEAK, encoding="utf-8")
    rank(posting, [folder], cache=cache, workers=0)  # b is in the cache now
    a = folder / "a.txt"
    a.write_text(STRONG, encoding="utf-8")
    swapped: list[bool] = []

    def swap(done: int, total: int, failed: int) -> None:
        if not swapped:  # a's key is taken, b came from the cache, a is not parsed yet
            a.write_text(WEAK, encoding="utf-8")
            swapped.append(True)

    rank(posting, [folder], cache=cache, workers=0, progress=swap)
    assert swapped
    a.write_text(STRONG, encoding="utf-8")
    fresh = rank(posting, [folder], workers=0)
    cached = rank(posting, [folder], cache=cache, workers=0)
    assert _score(cached.entries, "a.txt") == _score(fresh.entries, "a.txt") > _score(fresh.entries, "b.txt")
    assert len(ResumeCache(cache)) >= 2


_PEAK = """
import resource, sys
from matcher import analyze_posting, rank
ranking = rank(analyze_posting("Requirements: Python"), [sys.argv[1]], cache=sys.argv[2], workers=0)
kinds = [e.failure and e.failure.kind for e in ranking.entries]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, kinds)
"""


def test_a_huge_file_is_never_read_whole_to_hash_it(tmp_path: Path) -> None:
    """A sparse 400 MiB file costs no disk; reading it whole to hash it cost its size in memory."""
    import subprocess
    import sys

    peaks = []
    for size in (1, 400 << 20):
        folder = tmp_path / f"cvs{size}"
        folder.mkdir()
        (folder / "a.txt").write_text(STRONG, encoding="utf-8")
        with open(folder / "big.txt", "wb") as fh:
            fh.truncate(size)
        out = subprocess.run(
            [sys.executable, "-c", _PEAK, str(folder), str(tmp_path / f"c{size}.sqlite")],
            capture_output=True, text=True, check=True, timeout=300,
        )  # fmt: skip
        peak, kinds = out.stdout.split(" ", 1)
        peaks.append(int(peak) * 1024)
    assert "too_large" in kinds
    assert peaks[1] - peaks[0] < 100 << 20, peaks


def _rank_with(cache: Path, folder: Path) -> object:
    return rank(analyze_posting(POSTING), [folder], cache=cache, workers=0)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cvs"
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text(STRONG, encoding="utf-8")
    return folder


@pytest.mark.parametrize("damage", ["not a database", "truncated", "foreign"])
def test_a_broken_or_foreign_cache_is_moved_aside_with_a_warning_and_rebuilt(
    damage: str, tmp_path: Path
) -> None:
    import sqlite3

    folder = _folder(tmp_path)
    cache = tmp_path / "cache.sqlite"
    if damage == "not a database":
        cache.write_bytes(b"this is not a database" * 100)
    elif damage == "truncated":
        _rank_with(cache, folder)
        (folder / "b.txt").write_text(WEAK, encoding="utf-8")
        _rank_with(cache, folder)
        with sqlite3.connect(cache) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for side in (cache.with_name(cache.name + "-wal"), cache.with_name(cache.name + "-shm")):
            side.unlink(missing_ok=True)
        data = cache.read_bytes()
        cache.write_bytes(data[: len(data) // 2 + 100])
    else:
        with sqlite3.connect(cache) as db:
            db.execute("CREATE TABLE resumes (id INTEGER, owner TEXT)")  # someone else's database
            db.execute("INSERT INTO resumes VALUES (1, 'theirs')")
    before = cache.read_bytes()
    with pytest.warns(UserWarning, match="moved aside"):
        ranking = _rank_with(cache, folder)
    assert [e.failure for e in ranking.entries if Path(e.path).name == "a.txt"] == [None]
    aside = [p for p in tmp_path.glob("cache.sqlite.broken-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == before  # nothing of it lost
    assert len(ResumeCache(cache)) >= 1  # rebuilt


def test_a_read_only_cache_is_used_read_only(tmp_path: Path) -> None:
    import os

    folder = _folder(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    cache = locked / "cache.sqlite"
    _rank_with(cache, folder)
    cache.chmod(0o444)
    locked.chmod(0o555)
    try:
        if os.access(cache, os.W_OK):
            pytest.skip("running as root: nothing is read-only")
        (folder / "b.txt").write_text(WEAK, encoding="utf-8")
        with pytest.warns(UserWarning, match="read-only"):
            ranking = _rank_with(cache, folder)
        assert sorted(Path(e.path).name for e in ranking.ranked) == ["a.txt", "b.txt"]
    finally:
        locked.chmod(0o755)
