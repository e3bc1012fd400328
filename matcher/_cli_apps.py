"""The command line's two apps over the library: ``serve`` (the recruiter's web app, extra
``web``) and ``calibrate`` (component weights fitted to past decisions); registered by
``matcher.cli``, kept apart so that each file stays short."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import Any

import click

__all__ = ["register_apps"]

Edge = Callable[..., AbstractContextManager[None]]


def register_apps(main: click.Group, edge: Edge, as_of_option: Callable[[Any], Any]) -> None:
    """Add ``serve`` and ``calibrate`` to the command group; ``edge`` is the CLI's error edge."""

    @main.command()
    @click.option("--host", default="127.0.0.1", show_default=True, help="Address (non-loopback: token).")
    @click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port.")
    @click.option("--data", type=click.Path(file_okay=False, path_type=Path), help="Data folder.")
    @click.option("--workers", type=click.IntRange(min=0), default=None,
                  help="Parsing workers (default: cores).")  # fmt: skip
    @click.option("--token",
                  help="Access token for a non-loopback --host (default: one is made, printed).")  # fmt: skip
    @click.option("--max-file-mb", type=click.FloatRange(min=0.001), default=20.0, show_default=True,
                  help="Largest upload per file.")  # fmt: skip
    @click.option("--max-request-mb", type=click.FloatRange(min=0.001), default=200.0, show_default=True,
                  help="Largest upload per request.")  # fmt: skip
    @as_of_option
    def serve(host: str, port: int, data: Path | None, workers: int | None, token: str | None,
              max_file_mb: float, max_request_mb: float, as_of: datetime | None) -> None:  # fmt: skip
        """Start the recruiter's web app (extra 'web') and print its address."""
        try:
            from matcher.web import UploadLimits, serve as run  # noqa: I001
        except ImportError as exc:
            raise click.ClickException(f"pip install 'skills-matcher[web]' to serve ({exc})") from exc
        limits = UploadLimits(
            max_file_bytes=int(max_file_mb * 1e6), max_request_bytes=int(max_request_mb * 1e6)
        )
        with edge():
            day = as_of and as_of.date()
            run(host=host, port=port, data=data, workers=workers, token=token, as_of=day, limits=limits,
                echo=click.echo)  # fmt: skip

    @main.command(name="calibrate")
    @click.argument("decisions", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--config-out", type=click.Path(dir_okay=False, path_type=Path),
                  help="Write the weights here.")  # fmt: skip
    @click.option("--config", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                  help="Start weights.")  # fmt: skip
    @click.option("--resumes", type=click.Path(file_okay=False, path_type=Path), help="Resume folder.")
    @click.option("--folds", type=click.IntRange(min=2), default=5, show_default=True, help="CV folds.")
    @click.option("--cache", "cache_path", type=click.Path(dir_okay=False, path_type=Path),
                  help="Parse cache.")  # fmt: skip
    @as_of_option
    def calibrate_command(decisions: Path, config_out: Path | None, config: Path | None, resumes: Path | None,
                          folds: int, cache_path: Path | None, as_of: datetime | None) -> None:  # fmt: skip
        """Fit the component weights to past DECISIONS (a CSV: posting, resume, grade or shortlisted yes/no),
        print how fitted and starting weights rank held-out postings, and write them for rank --config."""
        from matcher.batch import default_cache_path
        from matcher.calibration import calibrate
        from matcher.outputs import write_atomic
        from matcher.scoring import Weights

        with edge(decisions):
            base = Weights.from_toml(config) if config else Weights()
            result = calibrate(decisions, base=base, resumes=resumes, as_of=as_of.date() if as_of else None,
                               folds=folds, cache=cache_path or default_cache_path(), workers=0)  # fmt: skip
            click.echo(result.report())
            if config_out:
                write_atomic(config_out, result.to_toml())
                click.echo(f"wrote {config_out}")
