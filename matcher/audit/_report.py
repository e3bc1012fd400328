"""An audit report as a table for the terminal, CSV (safe in spreadsheets) and one HTML file."""

from __future__ import annotations

import csv
import html
import io

from matcher.audit._impact import FOUR_FIFTHS, MIN_SHARE, AuditReport

__all__ = ["audit_csv", "audit_html", "format_audit"]


def _basis(report: AuditReport) -> str:
    if report.basis == "scoring_rate":
        median = "none" if report.median is None else f"{report.median:g}"
        return f"scoring rate: the share scoring above the median score ({median}) of all candidates"
    if report.threshold is not None:
        return f"selection rate: the share scoring {report.threshold:g} or more"
    return "selection rate: the share selected"


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_audit(report: AuditReport) -> str:
    """The audit as a readable table, one block per characteristic and intersection.

    Examples
    --------
    >>> from matcher.audit import audit
    >>> ranking = [{"path": "a", "score": 80}, {"path": "b", "score": 40}]
    >>> print(format_audit(audit(ranking, {"a": {"sex": "F"}, "b": {"sex": "M"}})))  # doctest: +ELLIPSIS
    Adverse-impact audit of 2 candidates (scoring rate: ... median score (60) of all candidates)
    <BLANKLINE>
    sex
      group    n   rate  impact ratio
      F        1  1.000         1.000
      M        1  0.000         0.000  FLAG (under 0.8)
    <BLANKLINE>
    Unknown category: 0 candidate(s), counted apart. ...
    """
    lines = [f"Adverse-impact audit of {report.candidates} candidates ({_basis(report)})", ""]
    for characteristic in report.characteristics:
        width = max([5, *(len(g.group) for g in characteristic.groups)])
        lines.append(characteristic.name)
        lines.append(f"  {'group':<{width}}  {'n':>3}  {'rate':>5}  impact ratio")
        for g in characteristic.groups:
            note = "  FLAG (under 0.8)" if g.flag else ""
            if g.excluded:
                note = "  excluded (no candidate)" if g.n == 0 else "  excluded (under 2%)"
            lines.append(
                f"  {g.group:<{width}}  {g.n:>3}  {_cell(g.rate):>5}  {_cell(g.impact_ratio):>12}{note}"
            )
        lines.append("")
    lines.append(
        f"Unknown category: {report.unknown} candidate(s), counted apart. Impact ratio = rate / the "
        f"highest rate; under {FOUR_FIFTHS:g} is flagged (four-fifths rule); groups under "
        f"{MIN_SHARE:.0%} of the candidates are left out of the ratios."
    )
    return "\n".join(lines)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def _safe(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def audit_csv(report: AuditReport) -> str:
    """One row per group: characteristic, group, n, rate, impact_ratio, flag, excluded, basis.

    A value starting with ``=``, ``+``, ``-`` or ``@`` gets a leading ``'`` so a spreadsheet does
    not run it as a formula.

    Examples
    --------
    >>> from matcher.audit import audit
    >>> ranking = [{"path": "a", "score": 80}, {"path": "b", "score": 40}]
    >>> print(audit_csv(audit(ranking, {"a": {"sex": "F"}, "b": {"sex": "=M"}})), end="")
    characteristic,group,n,rate,impact_ratio,flag,excluded,basis
    sex,'=M,1,0.0,0.0,True,False,scoring_rate
    sex,F,1,1.0,1.0,False,False,scoring_rate
    (unknown),,0,,,,,scoring_rate
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["characteristic", "group", "n", "rate", "impact_ratio", "flag", "excluded", "basis"])
    for characteristic in report.characteristics:
        for g in characteristic.groups:
            d = g.to_dict()
            row = [characteristic.name, g.group, g.n, d["rate"], d["impact_ratio"], g.flag, g.excluded]
            writer.writerow([_safe(v) for v in [*row, report.basis]])
    writer.writerow([_safe(v) for v in ["(unknown)", "", report.unknown, "", "", "", "", report.basis]])
    return out.getvalue()


def audit_html(report: AuditReport) -> str:
    """One self-contained HTML file with a table per characteristic; every value escaped.

    Examples
    --------
    >>> from matcher.audit import audit
    >>> ranking = [{"path": "a", "score": 80}, {"path": "b", "score": 40}]
    >>> page = audit_html(audit(ranking, {"a": {"sex": "F"}, "b": {"sex": "<b>M</b>"}}))
    >>> page.startswith("<!DOCTYPE html>"), "&lt;b&gt;M&lt;/b&gt;" in page, "<b>M" in page
    (True, True, False)
    >>> '<tr class="flag"><td>&lt;b&gt;M&lt;/b&gt;</td>' in page
    True
    """
    e_ = html.escape
    blocks = []
    for characteristic in report.characteristics:
        rows = "".join(
            f'<tr class="{"flag" if g.flag else ("excluded" if g.excluded else "")}"><td>{e_(g.group)}</td>'
            f"<td>{g.n}</td><td>{_cell(g.rate)}</td><td>{_cell(g.impact_ratio)}</td>"
            f"<td>{'yes' if g.flag else ''}</td><td>{'yes' if g.excluded else ''}</td></tr>"
            for g in characteristic.groups
        )
        blocks.append(
            f"<h2>{e_(characteristic.name)}</h2><table><tr><th>Group</th><th>n</th><th>Rate</th>"
            f"<th>Impact ratio</th><th>Flag (&lt; {FOUR_FIFTHS:g})</th><th>Excluded (&lt; 2%)</th></tr>"
            f"{rows}</table>"
        )
    style = (
        "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f3f3f3}"
        ".flag{background:#fff0f0}.excluded{color:#777}"
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Adverse-impact audit</title>'
        f"<style>{style}</style></head><body><h1>Adverse-impact audit</h1>"
        f"<p>{report.candidates} candidates; {e_(_basis(report))}.</p>"
        + "".join(blocks)
        + f"<p>Unknown category: {report.unknown} candidate(s), counted apart.</p></body></html>\n"
    )
