"""The ``matcher`` command line (posting, resume, rank, calibrate): thin wrappers over the library.

Exit status: 0 on success, 1 when the input cannot be used, 2 for usage errors.
"""

from __future__ import annotations

import contextlib
import functools
import json
import signal
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from matcher import __version__
from matcher._cli_apps import register_apps
from matcher._cli_trust import after_rank, register
from matcher.errors import MatcherError
from matcher.outputs import format_posting, format_resume, json_safe, terminal_text

__all__ = ["main"]


_AS_OF = click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date that Present/Current means (YYYY-MM-DD; default: today).",
)
_TIMEOUT = click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Seconds the file may take (one file someone waits for; rank's memory cap).",
)
_PDF_ENGINE = click.option(
    "--pdf-engine",
    type=click.Choice(["pypdf", "pdfium", "auto"]),
    default="auto",
    show_default=True,
    help="PDF text extractor: auto is pdfium when installed (pypdf for a file pdfium cannot read).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="matcher")
def main() -> None:
    """Match candidates to a job posting: explained, deterministic, offline.

    \f
    Examples
    --------
    >>> from click.testing import CliRunner
    >>> CliRunner().invoke(main, ["--version"]).output
    'matcher, version ...'
    >>> result = CliRunner().invoke(main, ["posting", "no-such.txt"])
    >>> result.exit_code, result.output
    (1, 'Error: no-such.txt: no such file [not_found]\\n')
    """


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of a summary.")
@_TIMEOUT
def posting(file: Path, as_json: bool, timeout: float) -> None:
    """Show what the job posting FILE requires (.txt, .md, .pdf, .html).

    Skills are grouped by importance (required, preferred, mentioned), each with the sentence
    it came from; then degree, years of experience, certifications and languages.
    """
    from matcher.posting import analyze_posting_file

    with _command(file):
        result = _capped(analyze_posting_file, file, timeout=timeout)
    if as_json:
        click.echo(_json(result.to_dict()))
    else:
        click.echo(terminal_text(format_posting(result)))


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of a summary.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["summary", "json", "jsonresume"]),
    default=None,
    help="Output format; jsonresume prints the JSON Resume schema (jsonresume.org).",
)
@_AS_OF
@_PDF_ENGINE
@_TIMEOUT
def resume(
    file: Path,
    as_json: bool,
    output_format: str | None,
    as_of: datetime | None,
    pdf_engine: str,
    timeout: float,
) -> None:
    """Parse the resume FILE (.pdf, .docx, .txt): contact, skills, education, jobs, years."""
    from matcher.outputs import to_json_resume
    from matcher.resume import parse_resume

    with _command(file):
        day = as_of.date() if as_of else None
        result = _capped(functools.partial(parse_resume, as_of=day, engine=pdf_engine), file, timeout=timeout)
    output_format = output_format or ("json" if as_json else "summary")
    if output_format == "json":
        click.echo(_json(result.to_dict()))
    elif output_format == "jsonresume":
        click.echo(_json(to_json_resume(result)))
    else:
        click.echo(terminal_text(format_resume(result)))


@main.command(name="rank")
@click.argument("posting_file", metavar="POSTING", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("paths", metavar="PATH...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract (a list, best first).")
@click.option("--csv", "csv_out", type=click.Path(dir_okay=False, path_type=Path), help="Write a CSV file.")
@click.option(
    "--html", "html_out", type=click.Path(dir_okay=False, path_type=Path), help="Write an HTML report."
)
@click.option("--top", type=click.IntRange(min=1), help="Keep only the best N candidates.")
@_AS_OF
@click.option(
    "--config",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="TOML file with a [weights] table (see README: how it scores).",
)
@_PDF_ENGINE
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes that parse resumes (default: the machine's cores; 0: in this process).",
)
@click.option(
    "--cache",
    "cache_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite file of parsed resumes (default: in the user's cache folder).",
)
@click.option("--no-cache", is_flag=True, help="Parse every file again and store nothing.")
@click.option("--cache-max-mb", type=click.FloatRange(min=0), default=None,
              help="Cache size cap in MB; least recently used entries go first (default 2048).")  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="No progress bar on stderr.")
@click.option("--scheduler", help="Parse on a Dask cluster, e.g. tcp://host:8786 (extra 'dask').")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds one file may take before it is listed as a timeout.")  # fmt: skip
@click.option("--blind", is_flag=True, help="Candidate ids for file names; no names, contact details, "
              "links, addresses, birth dates, ages or graduation years.")  # fmt: skip
@click.option("--blind-key", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the candidate id -> file key to this CSV (implies --blind).")  # fmt: skip
@click.option("--no-log", is_flag=True, help="Add no record of this run to the run log.")
def rank_command(
    posting_file: Path,
    paths: tuple[Path, ...],
    as_json: bool,
    csv_out: Path | None,
    html_out: Path | None,
    top: int | None,
    as_of: datetime | None,
    config: Path | None,
    pdf_engine: str,
    workers: int | None,
    cache_path: Path | None,
    no_cache: bool,
    cache_max_mb: float | None,
    timeout: float,
    quiet: bool,
    scheduler: str | None,
    blind: bool = False,
    blind_key: Path | None = None,
    no_log: bool = False,
) -> None:
    """Rank the resumes in PATH... (files, or folders searched recursively) for the POSTING.

    Prints a table (rank, score, file, matched/missing counts, check marks) unless --json;
    --csv and --html write files (atomically). Files that cannot be read are listed last with
    the reason. Exit status: 0 when the ranking was written, 1 when nothing could be ranked or the
    posting is unusable, 2 for usage errors.
    """
    from matcher import outputs
    from matcher.batch import DEFAULT_CACHE_MAX_MB, analyze_posting_file_cached, default_cache_path, rank
    from matcher.extract import Limits
    from matcher.scoring import Weights

    if sum(bool(x) for x in (as_json, csv_out, html_out)) > 1:
        raise click.UsageError("choose one of --json, --csv and --html")
    for out in filter(None, (csv_out, html_out)):
        try:  # before any parsing: a run is never lost to its output path
            outputs.check_output_path(out)
        except MatcherError as exc:
            raise click.UsageError(terminal_text(str(exc))) from exc
    bar = _Progress(enabled=not quiet and sys.stderr.isatty())
    try:
        with _command():
            weights = Weights.from_toml(config) if config else Weights()
            cache = None if no_cache else (cache_path or default_cache_path())
            with _collector_paused():  # loading makes ~100,000 objects that all live on
                posting = analyze_posting_file_cached(posting_file, cache)
            with _long_lived_objects_frozen():
                ranking = rank(
                    posting,
                    paths,
                    weights=weights,
                    as_of=as_of.date() if as_of else None,
                    top=top,
                    engine=pdf_engine,
                    workers=workers,
                    cache=cache,
                    limits=Limits(max_seconds=timeout),
                    progress=bar.update,
                    scheduler=scheduler,
                    blind=blind or blind_key is not None,
                    cache_max_mb=DEFAULT_CACHE_MAX_MB if cache_max_mb is None else cache_max_mb,
                )
    except KeyboardInterrupt:
        bar.close()
        kept = "" if no_cache else " Every finished parse is in the cache: run again to go on."
        click.echo(f"interrupted: no output written.{kept}", err=True)
        sys.exit(130)
    finally:
        bar.close()
    ranked, failed = ranking.counts
    with _command(csv_out or html_out):
        if csv_out:
            outputs.write_atomic(csv_out, outputs.to_csv(ranking))
            click.echo(terminal_text(f"wrote {csv_out} ({ranked} ranked, {failed} not ranked)"))
        elif html_out:
            outputs.write_atomic(html_out, outputs.to_html(ranking))
            click.echo(terminal_text(f"wrote {html_out} ({ranked} ranked, {failed} not ranked)"))
        elif as_json:
            for piece in outputs.iter_json(ranking):  # entry by entry: no one big string for a big folder
                click.echo(piece, nl=False)
        else:
            click.echo(outputs.format_table(ranking))
    day, log = as_of.date() if as_of else None, not no_log
    after_rank(ranking, _command, blind_key=blind_key, log=log, weights=weights, as_of=day, engine=pdf_engine)
    if not ranked:
        raise click.ClickException("nothing could be ranked: every file failed (see the list above)")


def _capped(task: Any, file: Path, *, timeout: float) -> Any:
    """``task(file)`` under rank's caps (a forked child: time and memory), spaCy loaded first."""
    from matcher._processes import run_capped
    from matcher.extract import DEFAULT_LIMITS
    from matcher.language import get_pipeline

    get_pipeline()
    return run_capped(task, file, max_seconds=timeout, max_memory=DEFAULT_LIMITS.max_memory, what=file.name)


def _json(value: object) -> str:
    return json_safe(json.dumps(value, ensure_ascii=False, indent=2))


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while the models load (they only add objects that live on); the
    collector is as it was afterwards."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def _long_lived_objects_frozen() -> Iterator[None]:
    """While ranking, what is loaded by then (spaCy, the taxonomy: objects that live as long as the
    process) is out of the garbage collector's sight, so collections stay cheap (a cached re-rank of
    600 files: 2.6 -> 2.3 s). Thawed afterwards; left alone when the program froze objects itself."""
    import gc

    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def _command(source: Path | None = None) -> Iterator[None]:
    """The edge every command runs in: SIGTERM stops it as Ctrl-C does, pypdf's notes on
    recoverable oddities stay quiet, and any failure becomes a message with exit status 1, never a
    traceback (a bug of ours is reported as kind ``internal``; ``MATCHER_DEBUG=1`` logs its
    traceback). The handler and the logger are restored afterwards."""
    import logging
    import os
    import threading

    from matcher.errors import failure_of

    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    main_thread = threading.current_thread() is threading.main_thread()  # signals are set only there
    handler = signal.signal(signal.SIGTERM, _interrupt) if main_thread else None
    pypdf_log.setLevel(logging.ERROR)
    if os.environ.get("MATCHER_DEBUG"):
        logging.basicConfig(level=logging.DEBUG)
    try:
        yield
    except MatcherError as exc:
        raise click.ClickException(terminal_text(f"{exc} [{exc.kind}]")) from exc
    except (click.ClickException, KeyboardInterrupt):
        raise
    except BrokenPipeError:  # the reader went away (``matcher rank ... | head``): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's last flush finds no pipe
        sys.exit(141)  # what a shell reports for a writer stopped by SIGPIPE
    except OSError as exc:  # an output file that cannot be written, a folder that cannot be read
        where = exc.filename or source or "matcher"
        raise click.ClickException(terminal_text(f"{where}: {exc.strerror or exc}")) from exc
    except Exception as exc:
        failure = failure_of(exc, source or "matcher")
        raise click.ClickException(terminal_text(f"{failure.message} [{failure.kind}]")) from exc
    finally:
        pypdf_log.setLevel(level)
        if handler is not None:  # None: a handler not set from Python, which cannot be put back
            signal.signal(signal.SIGTERM, handler)


class _Progress:
    """Files done, failures, rate and time left, on one stderr line (only on a terminal)."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self.shown = False

    def update(self, done: int, total: int, failed: int) -> None:
        if not self.enabled:
            return
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = done / elapsed
        left = (total - done) / rate if rate else 0.0
        width = 30
        filled = int(width * done / total) if total else width
        line = (
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files, {failed} failed, "
            f"{rate:.1f}/s, {left:.0f} s left "
        )
        sys.stderr.write(line)
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()
            self.shown = False


register(main, _command)
register_apps(main, _command, _AS_OF)

from matcher._cache_commands import cache_group  # noqa: E402  (after main: it is added to it)

main.add_command(cache_group)

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
