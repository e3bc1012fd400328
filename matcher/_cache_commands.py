"""``matcher cache info | clear``: thin commands over :func:`matcher.batch.cache_info` and
:func:`matcher.batch.clear_cache`, part of the command line (:mod:`matcher.cli`)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import click

from matcher.errors import MatcherError

__all__ = ["cache_group"]

_CACHE = click.option(
    "--cache",
    "cache_path",
    type=click.Path(path_type=Path),
    default=None,
    help="The SQLite cache file (default: the one `matcher rank` uses, in the user's cache folder).",
)


def _path(cache_path: Path | None) -> Path:
    from matcher.batch import default_cache_path

    return cache_path or default_cache_path()


def _when(epoch: float | None) -> str:
    if epoch is None:
        return "never"
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d %H:%M UTC")


@click.group(name="cache")
def cache_group() -> None:
    """The cache of parsed resumes that `matcher rank` keeps (see --cache-max-mb)."""


@cache_group.command(name="info")
@_CACHE
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object instead of a summary.")
def info_command(cache_path: Path | None, as_json: bool) -> None:
    """Where the cache is, how many parsed resumes it holds, its size, and when it was last used."""
    from matcher.batch import cache_info

    try:
        info = cache_info(_path(cache_path))
    except MatcherError as exc:
        raise click.ClickException(f"{exc} [{exc.kind}]") from exc
    if as_json:
        click.echo(json.dumps(info.to_dict(), indent=2))
        return
    click.echo(f"Cache: {info.path}")
    click.echo(f"Entries: {info.entries:,}")
    data, disk = info.data_bytes / (1 << 20), info.file_bytes / (1 << 20)
    click.echo(f"Data: {data:.1f} MB; file on disk: {disk:.1f} MB")
    click.echo(f"Least recently used: {_when(info.oldest_use)}; most recently: {_when(info.newest_use)}")


@cache_group.command(name="clear")
@_CACHE
def clear_command(cache_path: Path | None) -> None:
    """Remove every parsed resume from the cache (the next ranking parses its files again)."""
    from matcher.batch import clear_cache

    path = _path(cache_path)
    try:
        removed = clear_cache(path)
    except MatcherError as exc:
        raise click.ClickException(f"{exc} [{exc.kind}]") from exc
    click.echo(f"removed {removed:,} entries from {path}")
