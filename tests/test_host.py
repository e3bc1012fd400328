"""matcher leaves the program that imports it as it found it: logging levels, the garbage
collector, signal handlers; and its workers run under both the fork and spawn start methods."""

from __future__ import annotations

import gc
import logging
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher import rank
from matcher.cli import main
from matcher.records import Posting

from .conftest import EXAMPLE_POSTING, make_pdf

POSTING_TEXT = "Requirements: Python and SQL, 3+ years of experience"


@pytest.fixture
def posting(analyzed: Callable[[str], Posting]) -> Posting:
    return analyzed(POSTING_TEXT)


def _folder(folder: Path) -> Path:
    folder.mkdir()
    for i in range(3):
        lines = [f"Candidate {i}", "EXPERIENCE", f"Engineer, Acme Inc, {2010 + i} - 2023", "Python and SQL"]
        make_pdf(folder / f"cv{i}.pdf", lines)
    (folder / "cv.txt").write_text("Ann Lee\nEXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nPython")
    return folder


def _host_state() -> tuple[object, ...]:
    import multiprocessing

    return (
        multiprocessing.get_start_method(allow_none=True),
        logging.getLogger("pypdf").level,
        logging.getLogger().level,
        gc.isenabled(),
        gc.get_freeze_count(),
        gc.get_threshold(),
        signal.getsignal(signal.SIGTERM),
        signal.getsignal(signal.SIGINT),
    )


@pytest.mark.parametrize("workers", [0, 2])
def test_ranking_leaves_the_host_program_as_it_was(tmp_path: Path, workers: int, posting: Posting) -> None:
    before = _host_state()
    ranking = rank(posting, [_folder(tmp_path / "cvs")], workers=workers, cache=tmp_path / "c.sqlite")
    assert len(ranking.ranked) == 4
    assert _host_state() == before


def test_the_cli_in_process_restores_the_signal_handlers(tmp_path: Path) -> None:
    before = _host_state()
    result = CliRunner().invoke(
        main, ["rank", str(EXAMPLE_POSTING), str(_folder(tmp_path / "cvs")), "--workers", "1", "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    assert _host_state() == before


def test_workers_started_by_spawn_give_the_same_ranking_as_fork(tmp_path: Path, posting: Posting) -> None:
    folder = _folder(tmp_path / "cvs")
    forked = rank(posting, [folder], workers=2, start_method="fork")
    spawned = rank(posting, [folder], workers=2, start_method="spawn")
    assert spawned.to_list() == forked.to_list()
    assert [e.score is not None for e in spawned.entries] == [True] * 4


def test_an_unknown_start_method_is_a_clear_error(tmp_path: Path, posting: Posting) -> None:
    from matcher import InputError

    with pytest.raises(InputError, match="start method"):
        rank(posting, [_folder(tmp_path / "cvs")], workers=1, start_method="telepathy")
