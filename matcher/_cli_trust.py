"""The command line's fair-and-safe-screening commands (``audit``, ``lint``, ``notice``) and what
``rank`` does after writing its output (the blind key, the run log); registered by ``matcher.cli``,
kept apart so that each file stays short. Thin wrappers over ``matcher.audit`` and ``matcher.lint``."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from matcher.batch import Ranking
    from matcher.scoring import Weights

__all__ = ["after_rank", "register"]

Edge = Callable[..., AbstractContextManager[None]]


def after_rank(
    ranking: Ranking,
    edge: Edge,
    *,
    blind_key: Path | None,
    log: bool,
    weights: Weights,
    as_of: date | None,
    engine: str,
) -> None:
    """Write the blind key (id -> file, CSV) when asked, and add the run to the run log unless not."""
    from matcher.outputs import write_atomic

    if blind_key is not None:
        with edge(blind_key):
            import csv
            import io

            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["candidate", "path"])
            writer.writerows(ranking.blind_key)
            write_atomic(blind_key, out.getvalue())
        click.echo(f"wrote the blind key to {blind_key} ({len(ranking.blind_key)} candidates)", err=True)
    if log:
        from matcher.audit import write_run_record

        with edge():
            write_run_record(ranking, weights=weights, as_of=as_of, engine=engine)


def register(main: click.Group, edge: Edge) -> None:
    """Add ``audit``, ``lint`` and ``notice`` to the command group; ``edge`` is the CLI's error edge."""

    @main.command(name="audit")
    @click.argument("ranking_file", metavar="RANKING.json", type=click.Path(dir_okay=False, path_type=Path))
    @click.option(
        "--groups",
        "groups_file",
        required=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="CSV: a path column and one column per characteristic (sex, race_ethnicity...).",
    )
    @click.option(
        "--selected",
        "selected_file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="CSV of the candidates selected (path, and selected yes/no): selection rates.",
    )
    @click.option("--threshold", type=float, help="Candidates scoring at least this are selected.")
    @click.option("--json", "as_json", is_flag=True, help="Print the audit as JSON.")
    @click.option(
        "--csv", "csv_out", type=click.Path(dir_okay=False, path_type=Path), help="Write a CSV file."
    )
    @click.option(
        "--html", "html_out", type=click.Path(dir_okay=False, path_type=Path), help="Write an HTML file."
    )
    def audit_command(
        ranking_file: Path, groups_file: Path, selected_file: Path | None, threshold: float | None,
        as_json: bool, csv_out: Path | None, html_out: Path | None,
    ) -> None:  # fmt: skip
        """Adverse-impact audit of a ranking (matcher rank --json > RANKING.json).

        For each characteristic in GROUPS.csv and each intersection: n, the scoring rate (share
        scoring above the median of all candidates) or with --selected/--threshold the selection
        rate, the impact ratio (rate / the highest group's) flagged under 0.8 (four-fifths rule).
        Unknown categories are counted apart; groups under 2% are left out of the ratios.
        """
        from matcher.audit import audit, audit_csv, audit_html, format_audit, read_groups, read_selected
        from matcher.errors import InputError
        from matcher.outputs import write_atomic

        if sum(bool(x) for x in (as_json, csv_out, html_out)) > 1:
            raise click.UsageError("choose one of --json, --csv and --html")
        if selected_file is not None and threshold is not None:
            raise click.UsageError("choose one of --selected and --threshold")
        with edge(ranking_file):
            try:
                ranking = json.loads(ranking_file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InputError(
                    f"{ranking_file}: not a ranking written by matcher rank --json ({exc})"
                ) from exc
            if not isinstance(ranking, list):
                raise InputError(f"{ranking_file}: not a ranking written by matcher rank --json (no list)")
            selected = read_selected(selected_file) if selected_file else None
            report = audit(ranking, read_groups(groups_file), selected=selected, threshold=threshold)
        with edge(csv_out or html_out):
            if as_json:
                click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
            elif csv_out:
                write_atomic(csv_out, audit_csv(report))
                click.echo(f"wrote {csv_out}")
            elif html_out:
                write_atomic(html_out, audit_html(report))
                click.echo(f"wrote {html_out}")
            else:
                click.echo(format_audit(report))

    @main.command(name="lint")
    @click.argument("file", metavar="POSTING", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--json", "as_json", is_flag=True, help="Print the findings as a JSON list.")
    def lint_command(file: Path, as_json: bool) -> None:
        """Check the job posting for wording that keeps candidates away or breaks a rule.

        Rules: age_coded, gender_coded, years_exceed_technology, entry_level_years,
        degree_without_equivalent, too_many_requirements, missing_salary.
        """
        from matcher.lint import lint_posting
        from matcher.posting import analyze_posting_file

        with edge(file):
            findings = lint_posting(analyze_posting_file(file))
        if as_json:
            click.echo(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
            return
        click.echo(f"{file}: {len(findings)} finding(s)")
        for f in findings:
            click.echo(f"  {f.severity:<7} {f.rule}: {f.message}")
            if f.evidence:
                evidence = f.evidence if len(f.evidence) <= 100 else f.evidence[:97] + "..."
                click.echo(f'          "{evidence}"')

    @main.command(name="notice")
    @click.argument("file", metavar="POSTING", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--markdown", is_flag=True, help="Write Markdown instead of plain text.")
    @click.option("--contact", help="Where candidates write to ask for another process.")
    def notice_command(file: Path, markdown: bool, contact: str | None) -> None:
        """Print the notice to candidates (NYC Local Law 144) for the job posting: what the tool
        assesses, what data it uses, how to ask for another process."""
        from matcher.lint import candidate_notice
        from matcher.posting import analyze_posting_file

        with edge(file):
            posting = analyze_posting_file(file)
        click.echo(candidate_notice(posting, markdown=markdown, contact=contact), nl=False)
