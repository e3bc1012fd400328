"""Faults on a real Dask cluster (issue 17): ``--timeout`` is honoured on the workers, a worker
killed mid-file lists that file as ``worker_died``, and the other files are ranked all the same."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from matcher import analyze_posting, rank
from matcher.extract import Limits

from .test_hostile_workers import SLOW

pytestmark = pytest.mark.slow  # a scheduler and two worker processes on 127.0.0.1

AS_OF = date(2024, 6, 1)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    import dask
    from distributed import Client, LocalCluster

    # a task whose worker dies is not tried again: the kill test sees KilledWorker at once
    # one task at a time on each worker: the worker killed holds the slow file alone
    settings = {"distributed.scheduler.allowed-failures": 0, "distributed.scheduler.worker-saturation": 1.0}
    with dask.config.set(settings), LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=":0", worker_dashboard_address=None,  # any free port: two runs side by side
    ) as cluster, Client(cluster) as client:  # fmt: skip
        client.wait_for_workers(2, timeout=120)
        yield client


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "slow.txt").write_text(SLOW, encoding="utf-8")
    for i, skills in enumerate(["Python, SQL", "SQL", "Excel"]):
        (folder / f"cv{i}.txt").write_text(
            f"Candidate {i}\ncv{i}@example.org\nEXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\n{skills}\n",
            encoding="utf-8",
        )
    return folder


def _kinds(ranking: Any) -> dict[str, str]:
    kinds = {Path(e.path).name: e.failure.kind for e in ranking.failures}
    kinds.update({Path(e.path).name: "ranked" for e in ranking.entries if e.failure is None})
    return kinds


def test_a_slow_file_on_the_cluster_is_stopped_at_the_timeout_and_the_rest_ranked(
    client: Any, tmp_path: Path
) -> None:
    posting = analyze_posting("Requirements: Python and SQL, 3+ years of experience.")
    folder = _folder(tmp_path)
    ranking = rank(posting, [folder], as_of=AS_OF, scheduler=client, limits=Limits(max_seconds=1))
    assert _kinds(ranking) == {
        "slow.txt": "timeout",
        **dict.fromkeys(["cv0.txt", "cv1.txt", "cv2.txt"], "ranked"),
    }
    (slow,) = ranking.failures
    assert "slow.txt" in slow.failure.message and "1 s" in slow.failure.message
    # the work really stopped: no process on the workers is still parsing the slow file
    assert client.run(lambda: sum(1 for _ in _busy_children())) == dict.fromkeys(client.run(os.getpid), 0)


def _busy_children() -> Iterator[int]:
    """This process's child processes that are running (state R), a parse still computing."""
    me = os.getpid()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError):
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == me and fields[0] == "R":
                    yield int(entry)


def _running(dask_worker: Any) -> list[str]:
    """On a Dask worker: the keys of the tasks it is running now (not those waiting there)."""
    return [str(key) for key in dask_worker.state.executing]


def _kill_the_worker_on(client: Any, name: str, stop: threading.Event, helpers: list[int]) -> None:
    """SIGKILL the Dask worker process that is running the task of the file ``name`` (tasks
    name their file), once it is 1 s into it; ``helpers`` gets its helper processes."""
    pids = client.run(os.getpid)
    while not stop.is_set():
        for address, keys in client.run(_running).items():
            if any(name in key for key in keys):
                time.sleep(1.0)
                helpers += [pid for pid, parent in _helpers().items() if parent == pids[address]]
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pids[address], signal.SIGKILL)
                return
        time.sleep(0.1)


def test_a_dask_worker_killed_mid_file_lists_that_file_and_ranks_the_rest(
    client: Any, tmp_path: Path
) -> None:
    posting = analyze_posting("Requirements: Python and SQL, 3+ years of experience.")
    folder = _folder(tmp_path)
    stop, helpers = threading.Event(), []
    killer = threading.Thread(
        target=_kill_the_worker_on, args=(client, "slow.txt", stop, helpers), daemon=True
    )
    killer.start()
    try:
        ranking = rank(posting, [folder], as_of=AS_OF, scheduler=client, limits=Limits(max_seconds=120))
    finally:
        stop.set()
        killer.join()
    assert _kinds(ranking) == {
        "slow.txt": "worker_died",
        **dict.fromkeys(["cv0.txt", "cv1.txt", "cv2.txt"], "ranked"),
    }
    (died,) = ranking.failures
    assert "slow.txt" in died.failure.message
    assert helpers  # the killed worker was parsing in its helper process
    time.sleep(2.0)
    assert [pid for pid in helpers if pid in _helpers()] == []  # which went with its worker
    client.wait_for_workers(2, timeout=120)  # the nanny starts a new worker


def _helpers() -> dict[int, int]:
    """Every helper process on this machine (matcher.batch._sandbox) and its parent's id."""
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError):
                with open(f"/proc/{entry}/cmdline", "rb") as fh:
                    if b"matcher.batch._sandbox" not in fh.read():
                        continue
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                if fields[0] != "Z":
                    found[int(entry)] = int(fields[1])
    return found


def _kill_helpers(times: int, stop: threading.Event) -> None:
    """SIGKILL this process's helper ``times`` times, each once it is into the slow file."""
    killed: set[int] = set()
    while len(killed) < times and not stop.is_set():
        for pid, parent in _helpers().items():
            if parent == os.getpid() and pid not in killed:
                time.sleep(1.0)  # into the slow file (the first helper is warm already)
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                killed.add(pid)
        time.sleep(0.05)


@pytest.mark.parametrize(("kills", "outcome"), [(1, "ok"), (2, "worker_died")])
def test_a_helper_killed_from_outside_retries_its_file_once_then_says_so(kills: int, outcome: str) -> None:
    from matcher.batch._sandbox import parse_bytes_capped

    assert parse_bytes_capped("warm.txt", b"Ann Lee\nann@x.org", "pypdf", None).resume is not None
    stop = threading.Event()
    killer = threading.Thread(target=_kill_helpers, args=(kills, stop), daemon=True)
    killer.start()
    try:
        result = parse_bytes_capped("cvs/slow.txt", SLOW.encode(), "pypdf", Limits(max_seconds=120))
    finally:
        stop.set()
        killer.join()
    assert (result.failure.kind if result.failure else "ok") == outcome
    assert result.path == Path("cvs/slow.txt")
    if result.failure:
        assert "slow.txt" in result.failure.message
