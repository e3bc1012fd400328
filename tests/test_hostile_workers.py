"""Workers under faults (issue 17): they die with the main process, and one killed from outside
gives its file one more try, then kind ``worker_died``."""

from __future__ import annotations

import contextlib
import csv
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from matcher.batch import parse_in_workers
from matcher.extract import Limits


def _jobs(count: int) -> str:
    """A resume with ``count`` dated jobs (about 0.4 ms of parsing each)."""
    return "Jane Doe\njane@example.com\nEXPERIENCE\n" + "".join(
        f"Engineer, Acme {i} Inc, 20{i % 20:02d} - 2024\nBuilt Python and SQL pipelines with Airflow.\n"
        for i in range(count)
    )


SLOW = _jobs(12_000)  # several seconds to parse (about 0.4 ms a job): long enough to be killed twice


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _as_from_a_terminal() -> None:
    """Ctrl-C as a terminal's program gets it: a test run started in the background (``pytest &``
    in a script) ignores SIGINT, the child would inherit that, and Python would keep ignoring it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(entry))
            except OSError:
                continue
    return out


def _kill_workers(times: int, stop: threading.Event) -> None:
    """SIGKILL the parsing worker ``times`` times, each once it has worked a moment."""
    killed: set[int] = set()
    while len(killed) < times and not stop.is_set():
        for child in multiprocessing.active_children():
            if child.pid and child.pid not in killed:
                time.sleep(1.0)  # ready and into the slow file
                with contextlib.suppress(ProcessLookupError):
                    os.kill(child.pid, signal.SIGKILL)
                killed.add(child.pid)
        time.sleep(0.05)


@pytest.mark.parametrize(("kills", "outcome"), [(1, "ok"), (2, "worker_died")])
def test_a_worker_killed_from_outside_retries_its_file_once_then_says_so(
    kills: int, outcome: str, tmp_path: Path
) -> None:
    path = tmp_path / "slow.txt"
    path.write_text(SLOW, encoding="utf-8")
    stop = threading.Event()
    killer = threading.Thread(target=_kill_workers, args=(kills, stop), daemon=True)
    killer.start()
    try:
        (result,) = parse_in_workers([path], workers=1, limits=Limits(max_seconds=120), start_method="fork")
    finally:
        stop.set()
        killer.join()
    assert (result.failure.kind if result.failure else "ok") == outcome
    if result.failure:
        assert "slow.txt" in result.failure.message


def _stored(cache: Path) -> dict[str, float]:
    with sqlite3.connect(f"file:{cache}?mode=ro", uri=True, timeout=5) as db:
        return dict(db.execute("SELECT key, stored FROM parses"))


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        children = _children(todo.pop())
        found += children
        todo += children
    return found


def test_kill_9_of_the_main_process_leaves_no_process_a_sound_cache_and_a_rerun_of_the_rest(
    tmp_path: Path,
) -> None:
    """The acceptance of issue 17: ``kill -9`` of ``matcher rank`` mid-run leaves no matcher
    process after 2 s, the cache passes ``PRAGMA integrity_check``, and the rerun parses only the
    files missing (every key stored before keeps its timestamp, as many new keys as files
    missing) and ranks them as an uninterrupted run does."""
    folder = tmp_path / "cvs"
    folder.mkdir()
    for i in range(40):
        (folder / f"cv{i:02}.txt").write_text(
            f"Candidate {i}\ncv{i}@example.org\n" + _jobs(120), encoding="utf-8"
        )
    posting = tmp_path / "posting.txt"
    posting.write_text("Requirements: Python and SQL, 3+ years of experience", encoding="utf-8")
    cache, out = tmp_path / "cache.sqlite", tmp_path / "ranking.csv"
    # --timeout 120: on a loaded machine a file past the 10 s cap is listed, not stored, and this
    # test is about what the kill leaves (seen once in a full run at load average 18: 35 of 37)
    args = [sys.executable, "-m", "matcher.cli", "rank", str(posting), str(folder), "--workers", "2",
            "--as-of", "2024-06-01", "--timeout", "120", "--quiet", "--csv", str(out)]  # fmt: skip
    main = subprocess.Popen(
        [*args, "--cache", str(cache)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        rows = 0
        deadline = time.monotonic() + 240
        while rows < 3 and time.monotonic() < deadline and main.poll() is None:
            time.sleep(0.1)
            with contextlib.suppress(sqlite3.Error):
                rows = len(_stored(cache))
        assert main.poll() is None and rows >= 3, "the run ended before it could be killed"
        processes = _descendants(main.pid)
        assert processes
        main.kill()
        main.wait()
        time.sleep(2.0)
        assert [pid for pid in processes if _alive(pid)] == []
    finally:
        if main.poll() is None:
            main.kill()
            main.wait()
    assert not out.exists()
    with sqlite3.connect(cache) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    before = _stored(cache)
    assert 3 <= len(before) < 40
    subprocess.run([*args, "--cache", str(cache)], capture_output=True, timeout=600, check=True)
    after = _stored(cache)
    assert {key: after[key] for key in before} == before  # nothing stored before was parsed again
    with out.open(encoding="utf-8", newline="") as fh:  # should a file fail, the message says why
        listed = [
            (row["path"], row["error_kind"], row["error"]) for row in csv.DictReader(fh) if row["error_kind"]
        ]
    assert len(set(after) - set(before)) == 40 - len(before), listed  # each missing file parsed once
    whole = tmp_path / "whole.csv"
    subprocess.run([*args[:-1], str(whole), "--no-cache"], capture_output=True, timeout=600, check=True)
    assert out.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_sigterm_prints_one_line_and_no_traceback(signum: int, tmp_path: Path) -> None:
    from tests.conftest import EXAMPLE_POSTING

    folder = tmp_path / "cvs"
    folder.mkdir()
    for i in range(80):
        (folder / f"cv{i:02}.txt").write_text(f"Candidate {i}\n" + _jobs(300), encoding="utf-8")
    command = [sys.executable, "-m", "matcher", "rank", str(EXAMPLE_POSTING), str(folder), "--workers", "2",
               "--no-cache", "--quiet"]  # fmt: skip
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_as_from_a_terminal,
    ) as run:
        try:
            deadline = time.monotonic() + 180
            while not _children(run.pid) and run.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(1.0)  # the workers are parsing
            assert run.poll() is None, "the run ended before it could be interrupted"
            # a terminal's Ctrl-C reaches the whole process group; SIGTERM, the main process
            if signum == signal.SIGINT:
                os.killpg(run.pid, signum)
            else:
                run.send_signal(signum)
            _, err = run.communicate(timeout=120)
        finally:
            if run.poll() is None:
                os.killpg(run.pid, signal.SIGKILL)
                run.communicate()
    text = err.decode("utf-8", "replace")
    assert "Traceback" not in text
    assert [line for line in text.splitlines() if line.strip()] == ["interrupted: no output written."], text
    assert run.returncode == 130
