"""How work is spread over the workers, and what a cached re-rank loads. No timing assertions:
speed is measured by ``scripts/bench.py``."""

from __future__ import annotations

from pathlib import Path

from matcher.batch import parse_in_workers

_BODY = "EXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\n" + "Python developer with SQL skills. " * 3000


def test_two_files_on_two_workers_are_parsed_at_the_same_time(tmp_path: Path) -> None:
    # each file takes about a second to parse, far longer than starting the second worker; the
    # workers record when they began and ended each file
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(_BODY)
    results = list(parse_in_workers(sorted(tmp_path.iterdir()), workers=2, start_method="fork"))
    assert all(r.resume is not None for r in results)
    first, second = sorted(results, key=lambda r: r.began or 0.0)
    assert first.worker is not None and second.worker is not None
    assert first.worker != second.worker, "both files went to one worker"
    assert first.began is not None and first.ended is not None and second.began is not None
    assert first.began <= first.ended
    assert second.began < first.ended, "the second file began only after the first one ended"


def test_n_files_on_n_workers_each_go_to_their_own_worker(tmp_path: Path) -> None:
    for index in range(3):
        (tmp_path / f"{index}.txt").write_text(f"Ann Lee {index}\nann{index}@x.org\nPython")
    results = list(parse_in_workers(sorted(tmp_path.iterdir()), workers=3, start_method="fork"))
    assert len({r.worker for r in results}) == 3
