"""The ``matcher`` command line: thin wrappers over the library functions.

Exit status: 0 on success, 1 when the input cannot be used, 2 for usage errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from matcher import __version__
from matcher.errors import MatcherError
from matcher.records import Posting

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="matcher")
def main() -> None:
    """Match candidates to a job posting: explained, deterministic, offline."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of a summary.")
def posting(file: Path, as_json: bool) -> None:
    """Show what the job posting FILE requires (.txt, .md, .pdf, .html).

    Skills are grouped by importance (required, preferred, mentioned), each with the sentence
    it came from; then degree, years of experience, certifications and languages.
    """
    from matcher.posting import analyze_posting_file

    try:
        result = analyze_posting_file(file)
    except MatcherError as exc:
        raise click.ClickException(f"{exc} [{exc.kind}]") from exc
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_posting(result))


def format_posting(result: Posting) -> str:
    """Return the readable summary ``matcher posting`` prints."""
    lines = [f"Posting: {result.title or '(untitled)'}", ""]
    for importance in ("required", "preferred", "mentioned"):
        skills = result.skills_by_importance(importance)
        if not skills:
            continue
        lines.append(f"{importance.capitalize()} skills ({len(skills)}):")
        for s in skills:
            years = f", {s.years:g}+ years" if s.years is not None else ""
            evidence = " ".join(s.evidence.split())
            if len(evidence) > 90:
                evidence = evidence[:87] + "..."
            lines.append(f'  - {s.name} [{s.kind}{years}]  "{evidence}"')
        lines.append("")
    degree = result.degree
    if degree is None:
        lines.append("Degree: none asked")
    else:
        need = "required" if degree.required else "preferred"
        text = f"Degree: {degree.min_level} or higher ({need})"
        if degree.fields:
            text += f" in {', '.join(degree.fields)}"
        if degree.equivalent_experience:
            text += "; equivalent experience accepted"
        if degree.preferred_level:
            text += f"; {degree.preferred_level} preferred"
        lines.append(text)
    years = "not stated" if result.min_years is None else f"{result.min_years:g}+"
    lines.append(f"Years of experience: {years}")
    if result.preferred_years is not None:
        lines.append(f"Preferred years: {result.preferred_years:g}+")
    if result.certifications:
        lines.append(f"Certifications: {', '.join(result.certifications)}")
    if result.languages:
        lines.append(f"Languages: {', '.join(result.languages)}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
