"""The cache under hostile conditions (issue 17): the key is the content that was parsed, and a
file's size is checked before anything is read."""

from __future__ import annotations

from pathlib import Path

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
