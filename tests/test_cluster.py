"""Parsing on a real local Dask cluster: scheduler and workers as processes on 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from matcher import rank
from matcher.records import Posting

from .conftest import make_pdf

pytestmark = pytest.mark.slow  # a scheduler and two workers start as processes

AS_OF = date(2024, 6, 1)
POSTING_TEXT = "Requirements: Python and SQL, 3+ years of experience. Kafka is a plus."


@pytest.fixture
def posting(analyzed: Callable[[str], Posting]) -> Posting:
    return analyzed(POSTING_TEXT)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    procs = [
        subprocess.Popen(
            [*dask, "--host", "127.0.0.1", "--port", str(port), "--dashboard-address", ":0", "--no-show"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ),
    ]  # fmt: skip
    procs.append(
        subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nworkers", "2",
             "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
    )  # fmt: skip
    from distributed import Client

    deadline = time.monotonic() + 90
    while True:
        try:
            with Client(address, timeout=5) as client:
                client.wait_for_workers(2, timeout=60)
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    yield address
    for proc in reversed(procs):
        proc.terminate()
    for proc in procs:
        proc.wait(timeout=30)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cvs"
    folder.mkdir()
    for i, skills in enumerate(["Python, SQL and Kafka", "SQL", "Excel", "Python"]):
        make_pdf(
            folder / f"cv{i}.pdf",
            [f"Candidate {i}", "EXPERIENCE", f"Engineer, Acme Inc, {2012 + i} - 2023", skills],
        )
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    (folder / "notes.txt").write_text("EXPERIENCE\nAnalyst, Beta LLC, 2018 - 2023\nPython and SQL reports")
    return folder


def test_ranking_on_a_dask_cluster_equals_the_local_ranking(
    scheduler: str, tmp_path: Path, posting: Posting
) -> None:
    folder = _folder(tmp_path)
    local = rank(posting, [folder], as_of=AS_OF, workers=2)
    remote = rank(posting, [folder], as_of=AS_OF, scheduler=scheduler)
    assert remote.to_list() == local.to_list()
    assert remote.failures[0].failure.kind == "damaged"


def test_a_client_can_be_passed_and_the_cache_stays_here(
    scheduler: str, tmp_path: Path, posting: Posting
) -> None:
    from distributed import Client

    from matcher.batch import ResumeCache

    folder = _folder(tmp_path)
    cache = tmp_path / "cache.sqlite"
    with Client(scheduler) as client:
        first = rank(posting, [folder], as_of=AS_OF, scheduler=client, cache=cache)
    assert len(ResumeCache(cache)) == 6  # every file, the damaged one too: its bytes decide that
    again = rank(posting, [folder], as_of=AS_OF, workers=0, cache=cache)
    assert again.to_list() == first.to_list()
