"""Cached resumes of a big folder read and scored in worker processes (batch/_score_pool): the same
ranking as scoring them in the main process, every kind of stored row handled."""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from matcher import rank
from matcher.batch import Ranking, ResumeCache
from matcher.batch._postings import posting_vector
from matcher.batch._score_pool import POOL_FROM, Stored, connect_read_only, pool_possible, score_stored
from matcher.batch._scored import Scoring
from matcher.batch._spill import Spill
from matcher.records import Failure, Posting
from matcher.resume import parse_resume_text
from matcher.scoring import Weights, pack_vectors

AS_OF = date(2024, 6, 1)
SKILLS = ["Python", "SQL", "Java", "Docker", "Kubernetes", "Excel", "Spark", "Go"]


@pytest.fixture(scope="module")
def posting(analyzed: Callable[[str], Posting]) -> Posting:
    return analyzed("Requirements: Python, SQL and Docker; 3+ years of experience. Bachelor's degree.")


@pytest.fixture(scope="module")
def cached(tmp_path_factory: pytest.TempPathFactory, posting: Posting) -> tuple[Path, Path, Ranking]:
    """A folder big enough for scoring workers, parsed once into a cache: (folder, cache, the cold
    ranking). ``POOL_FROM`` resumes with different skills, years and degrees (many ties too), an
    empty file and a file with the same bytes as another."""
    base = tmp_path_factory.mktemp("pool")
    folder = base / "cvs"
    folder.mkdir()
    for i in range(POOL_FROM):
        skills = ", ".join(SKILLS[j] for j in range(len(SKILLS)) if (i >> j) & 1) or "Cooking"
        degree = "BS in Computer Science, MIT, 2009\n" if i % 3 else ""
        degree += "MBA, 2015\n" if i % 7 == 0 else ""
        (folder / f"cv{i:04d}.txt").write_text(
            f"Candidate {i}\nEDUCATION\n{degree}EXPERIENCE\nEngineer, Acme Inc, {2000 + i % 23} - 2023\n"
            f"SKILLS\n{skills}\n",
            encoding="utf-8",
        )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "twin.txt").write_bytes((folder / "cv0005.txt").read_bytes())
    cache = base / "cache.sqlite"
    cold = rank(posting, [folder], as_of=AS_OF, workers=2, cache=cache)
    return folder, cache, cold


def _copy(cache: Path, to: Path) -> Path:
    with sqlite3.connect(cache) as db, sqlite3.connect(to) as copy:
        db.backup(copy)
    db.close()
    copy.close()
    return to


def _kill_the_scoring_workers() -> list[int]:
    """Kill this process's children (the scoring workers, in a cached re-rank); their pids."""
    killed = []
    for child in multiprocessing.active_children():
        os.kill(child.pid or 0, signal.SIGKILL)
        killed.append(child.pid or 0)
    return killed


pooling = pytest.mark.skipif(not pool_possible(2, None), reason="scoring workers are forked: Linux only")


@pooling
def test_a_big_cached_rerank_scored_by_workers_equals_one_scored_here(
    tmp_path: Path, posting: Posting, cached: tuple[Path, Path, Ranking]
) -> None:
    folder, original, cold = cached
    cache = _copy(original, tmp_path / "cache.sqlite")
    # one stored row no writer of ours made: that file is parsed again, and stored anew
    with sqlite3.connect(cache) as db:
        (key,) = db.execute("SELECT key FROM parses WHERE resume LIKE '%Candidate 17\\n%'").fetchone()
        db.execute("UPDATE parses SET resume = '{\"not\": 1}' WHERE key = ?", (key,))
    db.close()
    # and two new files, parsed by the parse workers meanwhile
    extra = tmp_path / "new"
    extra.mkdir()
    for name in ("new1.txt", "new2.txt"):
        text = "Pat New\nEXPERIENCE\nEngineer, Acme Inc, 2012 - 2023\nSKILLS\nPython, SQL, Docker\n"
        (extra / name).write_text(text + name, encoding="utf-8")
    pooled = rank(posting, [folder, extra], as_of=AS_OF, workers=2, cache=cache)
    with sqlite3.connect(cache) as db:
        (text,) = db.execute("SELECT resume FROM parses WHERE key = ?", (key,)).fetchone()
    db.close()
    assert "Candidate 17" in text
    here = rank(posting, [folder, extra], as_of=AS_OF, workers=0, cache=cache)
    assert pooled.to_list() == here.to_list()
    # every record whole, read back from the files the scoring workers wrote their entries to
    assert list(pooled.entries) == list(here.entries)

    def new(entry: dict[str, object]) -> bool:
        return Path(str(entry["path"])).name.startswith("new")

    old_files = [{**e, "rank": None} for e in here.to_list() if not new(e)]
    assert old_files == [{**e, "rank": None} for e in cold.to_list()]
    assert all(e["rank"] for e in pooled.to_list() if new(e))  # ranked, not failed
    kinds = {Path(e.path).name: e.failure.kind for e in pooled.entries if e.failure}
    assert kinds == {"empty.txt": "empty", "twin.txt": "duplicate"}
    assert len({e.score.total for e in pooled.entries if e.score}) > 10  # the order is not a trivial one


@pooling
def test_entries_another_process_wrote_to_a_spill_writer_file_are_read_back_whole(posting: Posting) -> None:
    from matcher.batch._spill import encode_entry

    texts = [
        f"Ann Lee {i}\nEXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nSKILLS\nPython, SQL" for i in range(3)
    ]
    batch = [(f"{i}.txt", parse_resume_text(text), None) for i, text in enumerate(texts)]
    scoring = Scoring(posting, Weights(), AS_OF, posting_vector(posting.text, None))
    entries = [(resume, score) for _, resume, score, _ in scoring.score_batch(batch)]
    spill = Spill()
    here = spill.put(*entries[0])  # the main process's own file, beside the workers'
    number, fd = spill.writer()
    data = [encode_entry(*entry) for entry in entries[1:]]
    child = os.fork()
    if child == 0:  # as a forked scoring worker writes them: at offsets it keeps itself
        os.pwrite(fd, data[0] + data[1], 0)
        os._exit(0)
    assert os.waitpid(child, 0)[1] == 0
    assert spill.get(here) == entries[0]
    assert spill.get((number, 0, len(data[0]))) == entries[1]
    assert spill.get((number, len(data[0]), len(data[1]))) == entries[2]
    assert spill.get_shown((number, 0, len(data[0])))[0].name == entries[1][0].name
    spill.close()
    with pytest.raises(OSError):  # closed (and so deleted) with the spill
        os.fstat(fd)


@pooling
def test_scoring_workers_killed_midway_leave_the_ranking_whole(
    posting: Posting, cached: tuple[Path, Path, Ranking]
) -> None:
    folder, cache, cold = cached
    killed: list[int] = []

    def kill_the_workers(done: int, total: int, failed: int) -> None:
        if done == total // 2 and not killed:
            killed.extend(_kill_the_scoring_workers())

    again = rank(posting, [folder], as_of=AS_OF, workers=2, cache=cache, progress=kill_the_workers)
    assert killed  # there were workers to kill
    assert again.to_list() == cold.to_list()


def test_score_stored_reads_each_kind_of_row(tmp_path: Path, posting: Posting) -> None:
    cache_path = tmp_path / "cache.sqlite"
    cache = ResumeCache(cache_path)
    resume = parse_resume_text("Ann Lee\nEXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nSKILLS\nPython, SQL")
    cache.put("good", resume, pack_vectors([resume.visible_text])[0])
    cache.put("no-vector", resume)
    cache.put_failure("failed", Failure("no_text", "scan.pdf: the PDF has no text layer"), "scan.pdf")
    cache.close()
    with sqlite3.connect(cache_path) as db:
        db.execute("INSERT INTO parses (key, resume, stored) VALUES ('foreign', 'not json', 0)")
    scoring = Scoring(posting, Weights(), AS_OF, posting_vector(posting.text, None))
    twin = Failure("duplicate", "b.pdf: the same content as a.pdf")
    items = [
        ("a.pdf", Stored("good")),
        ("b.pdf", Stored("good", twin)),
        ("c.pdf", Stored("no-vector")),
        ("copy.pdf", Stored("failed")),
        ("d.pdf", Stored("foreign")),
        ("e.pdf", Stored("missing")),
        ("f.pdf", Stored("missing", twin)),  # a duplicate whatever its row holds
    ]
    out = {o.path: o for o in score_stored(scoring, connect_read_only(cache_path), items)}
    assert out["b.pdf"].failure == twin and out["f.pdf"].failure == twin
    assert out["copy.pdf"].failure == Failure("no_text", "copy.pdf: the PDF has no text layer")
    assert all(out[p].entry is None and out[p].failure is None for p in ("d.pdf", "e.pdf"))  # parsed again
    # a scored entry is what the main process would keep: scored the same way, text dropped
    (here,) = scoring.score_batch([("a.pdf", resume, None)])
    spill = Spill()
    for name in ("a.pdf", "c.pdf"):
        kept_resume, kept_score = spill.get(spill.put_encoded(out[name].entry or b""))
        assert kept_score == here[2]
        assert (out[name].knocked_out, out[name].total) == (here[2].knocked_out, here[2].total)
        assert kept_resume.text == "" and kept_resume.skills == here[1].skills
        assert kept_resume.source == name
    spill.close()


@pooling
def test_an_interrupted_big_rerank_stops_its_scoring_workers_quietly(
    posting: Posting, cached: tuple[Path, Path, Ranking], capfd: pytest.CaptureFixture[str]
) -> None:
    folder, cache, _ = cached

    def interrupt(done: int, total: int, failed: int) -> None:
        if done == total // 2:  # as Ctrl-C does, halfway through handing out the cached files
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        rank(posting, [folder], as_of=AS_OF, workers=2, cache=cache, progress=interrupt)
    assert multiprocessing.active_children() == []  # every worker ended (and was waited for)
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err


@pooling
def test_a_cache_that_breaks_midway_leaves_the_pooled_ranking_whole(
    tmp_path: Path, posting: Posting, cached: tuple[Path, Path, Ranking]
) -> None:
    folder, original, cold = cached
    cache = _copy(original, tmp_path / "cache.sqlite")
    broken: list[int] = []
    seen: list[tuple[int, int, int]] = []

    def break_the_cache(done: int, total: int, failed: int) -> None:
        seen.append((done, total, failed))
        # halfway: the workers die (their batches come back to this process) and the cache file
        # is overwritten by something that is no database, as a full disk or another program might
        if done == total // 2 and not broken:
            broken.extend(_kill_the_scoring_workers())
            cache.write_bytes(b"no database" * 4096)

    with pytest.warns(UserWarning, match="cache"):
        again = rank(posting, [folder], as_of=AS_OF, workers=2, cache=cache, progress=break_the_cache)
    assert broken  # there were workers, and the cache broke while they held batches
    assert again.to_list() == cold.to_list()
    # the files parsed again are counted once: the progress ends where the output does
    assert seen[-1] == (POOL_FROM + 2, POOL_FROM + 2, 2)


@pooling
def test_a_big_first_run_with_a_new_cache_starts_no_scoring_workers_that_fail(
    tmp_path: Path, posting: Posting, cached: tuple[Path, Path, Ranking], capfd: pytest.CaptureFixture[str]
) -> None:
    folder, _, cold = cached
    capfd.readouterr()
    first = rank(posting, [folder], as_of=AS_OF, workers=2, cache=tmp_path / "new.sqlite")
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err  # no worker failed to open a cache that did not exist yet
    assert first.to_list() == cold.to_list()


@pytest.mark.parametrize("folder", ["h#x", "q?mode=rw", "p%41"])
def test_a_cache_in_a_folder_with_uri_characters_is_read_where_it_is(
    tmp_path: Path, posting: Posting, folder: str
) -> None:
    cache_path = tmp_path / folder / "cache.sqlite"
    cache_path.parent.mkdir()
    cache = ResumeCache(cache_path)
    resume = parse_resume_text("Ann Lee\nEXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nSKILLS\nPython, SQL")
    cache.put("good", resume, pack_vectors([resume.visible_text])[0])
    cache.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    scoring = Scoring(posting, Weights(), AS_OF, posting_vector(posting.text, None))
    with contextlib.closing(connect_read_only(cache_path)) as db:
        (out,) = score_stored(scoring, db, [("a.pdf", Stored("good"))])
    assert out.entry is not None  # read from that file, not from one cut at "#" or "?"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # and no stray file made


@pooling
def test_a_pooled_reranks_progress_counts_the_failures_the_workers_decide(
    tmp_path: Path, posting: Posting, cached: tuple[Path, Path, Ranking]
) -> None:
    """The empty file's stored failure and the twin are decided while the workers score: the
    progress line counts them as the final output lists them."""
    folder, original, _ = cached
    cache = _copy(original, tmp_path / "cache.sqlite")
    seen: list[tuple[int, int, int]] = []
    ranking = rank(posting, [folder], as_of=AS_OF, workers=2, cache=cache, progress=lambda *a: seen.append(a))
    failed = [e for e in ranking.entries if e.failure]
    assert len(failed) == 2
    done, total, failures = seen[-1]
    assert (done, total, failures) == (POOL_FROM + 2, POOL_FROM + 2, 2)
    assert all(a[2] <= b[2] and a[0] <= b[0] for a, b in itertools.pairwise(seen))  # never backwards
