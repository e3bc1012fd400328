"""Writing a ranking: a table for the terminal, JSON, CSV (safe in spreadsheets) and one HTML file.

Text from resumes is data: CSV cells that a spreadsheet would run as a formula are neutralised,
and everything in the HTML report is escaped. Files are written atomically (temp file, rename).
"""

from __future__ import annotations

import csv
import html
import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from matcher.batch import RankEntry, Ranking
from matcher.outputs._indented import dumps_indented
from matcher.outputs._safe import csv_cell, json_safe, terminal_text

__all__ = ["check_output_path", "format_table", "iter_json", "to_csv", "to_html", "to_json", "write_atomic"]


def check_output_path(path: str | Path) -> None:
    """Raise :class:`~matcher.errors.InputError` unless a report can be written at ``path``: its
    folder exists and is writable, and it is neither a folder nor a symbolic link (a link is never
    written through, nor replaced). Called before a ranking, so no run is lost to its output.

    Examples
    --------
    >>> check_output_path("/no/such/folder/r.csv")
    Traceback (most recent call last):
    ...
    matcher.errors.InputError: /no/such/folder/r.csv: the folder /no/such/folder does not exist
    """
    from matcher.errors import InputError

    target = Path(path)
    if target.is_symlink():
        raise InputError(f"{target}: is a symbolic link; name the file itself")
    if target.is_dir():
        raise InputError(f"{target}: is a folder; name a file")
    folder = target.parent
    if not folder.is_dir():
        raise InputError(f"{target}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"{target}: the folder {folder} is not writable")


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename, so a
    reader never sees half a file and an interrupted run leaves the old file whole. The file gets
    the mode a plain ``open`` would give it (the user's umask; an existing file keeps its own);
    a symbolic link at ``path`` is refused, never written through or replaced.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "ranking.json"
    >>> write_atomic(target, "[]\\n")
    >>> target.read_text(), [p.name for p in target.parent.iterdir()]  # no temporary file left
    ('[]\\n', ['ranking.json'])
    """
    from matcher.errors import InputError

    target = Path(path)
    if target.is_symlink():
        raise InputError(f"{target}: is a symbolic link; name the file itself")
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        os.fchmod(fd, mode)
        # a character UTF-8 cannot encode (a lone surrogate) is written as an escape, not an error
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's umask, read without changing it where Linux tells it (/proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o077)  # elsewhere: set and put back at once
    os.umask(mask)
    return mask


_SHORT = {"degree": "deg", "degree_field": "fld", "experience": "exp", "certifications": "cer"}


def _marks(entry: RankEntry) -> str:
    symbols = {"pass": "+", "fail": "x", "unknown": "?"}
    assert entry.score is not None
    return " ".join(f"{_SHORT[c.name]}{symbols[c.status]}" for c in entry.score.checks) or "-"


def _integrity_flag(entry: RankEntry) -> str:
    kinds = sorted({f.kind for f in entry.resume.integrity}) if entry.resume else []
    return f"  [integrity: {', '.join(kinds)}]" if kinds else ""


def format_table(ranking: Ranking) -> str:
    """The default output: rank, score, file (a candidate id when blind), matched/missing counts,
    check marks, and a marker naming the kinds of any integrity finding.

    Examples
    --------
    >>> from matcher.records import Check, Failure, Posting, Score, SkillMatch
    >>> s = Score(80.0, {"skills": 0.8}, (Check("experience", "pass", "6 of 5 years", 1.0),),
    ...           (SkillMatch("Python", "required", 1.0, "exact", "Python daily"),),
    ...           (SkillMatch("SQL", "required", 0.0, "missing"),), False)
    >>> bad = Failure("damaged", "bad.pdf: the PDF is damaged")
    >>> ranking = Ranking(Posting("Data Engineer", (), None, None, None, ()),
    ...                   (RankEntry("ann.txt", 1, s, None), RankEntry("bad.pdf", None, None, None, bad)))
    >>> print(format_table(ranking))
    Posting: Data Engineer
    <BLANKLINE>
    rank  score  match  miss  checks                 file
    -----------------------------------------------------
       1   80.0      1     1  exp+                   ann.txt
    <BLANKLINE>
    Not ranked (1):
      bad.pdf: damaged: bad.pdf: the PDF is damaged
    <BLANKLINE>
    checks: deg = degree level, fld = degree field, exp = years of experience, ...
    """
    lines = [f"Posting: {ranking.posting.title or '(untitled)'}", ""]
    who = "candidate" if ranking.blind else "file"
    header = f"{'rank':>4}  {'score':>5}  {'match':>5}  {'miss':>4}  {'checks':<22} {who}"
    lines += [header, "-" * len(header)]
    for e in ranking.ranked:
        assert e.score is not None
        flag = ("  [knocked out]" if e.score.knocked_out else "") + _integrity_flag(e)
        lines.append(
            f"{e.rank:>4}  {e.score.total:>5.1f}  {len(e.score.matched):>5}  {len(e.score.missing):>4}  "
            f"{_marks(e):<22} {e.path}{flag}"
        )
    if ranking.failures:
        lines += ["", f"Not ranked ({len(ranking.failures)}):"]
        lines += [f"  {e.path}: {_kind(e)}: {_message(e)}" for e in ranking.failures]
    if ranking.hidden:
        plural = "s" if ranking.hidden > 1 else ""
        lines += ["", f"{ranking.hidden} hidden file{plural} skipped (names starting with '.')"]
    lines += [
        "",
        "checks: deg = degree level, fld = degree field, exp = years of experience, cer = certifications;"
        " + pass, x fail, ? unknown",
    ]
    return terminal_text("\n".join(lines))  # names and paths are the files' words: no escapes


def to_json(ranking: Ranking) -> str:
    """The JSON contract: a list, best first, failures last.

    Examples
    --------
    >>> import json
    >>> from matcher.records import Check, Failure, Posting, Score, SkillMatch
    >>> s = Score(80.0, {"skills": 0.8}, (Check("experience", "pass", "6 of 5 years", 1.0),),
    ...           (SkillMatch("Python", "required", 1.0, "exact", "Python daily"),),
    ...           (SkillMatch("SQL", "required", 0.0, "missing"),), False)
    >>> bad = Failure("damaged", "bad.pdf: the PDF is damaged")
    >>> ranking = Ranking(Posting("Data Engineer", (), None, None, None, ()),
    ...                   (RankEntry("ann.txt", 1, s, None), RankEntry("bad.pdf", None, None, None, bad)))
    >>> rows = json.loads(to_json(ranking))
    >>> rows[0]["rank"], rows[0]["score"], rows[0]["missing"], rows[1]["error"]["kind"]
    (1, 80, ['SQL'], 'damaged')
    """
    return "".join(iter_json(ranking))


def iter_json(ranking: Ranking) -> Iterator[str]:
    """:func:`to_json` in pieces, one entry at a time, so a large ranking is never one big string.

    Examples
    --------
    >>> from matcher.records import Check, Failure, Posting, Score, SkillMatch
    >>> s = Score(80.0, {"skills": 0.8}, (Check("experience", "pass", "6 of 5 years", 1.0),),
    ...           (SkillMatch("Python", "required", 1.0, "exact", "Python daily"),),
    ...           (SkillMatch("SQL", "required", 0.0, "missing"),), False)
    >>> bad = Failure("damaged", "bad.pdf: the PDF is damaged")
    >>> ranking = Ranking(Posting("Data Engineer", (), None, None, None, ()),
    ...                   (RankEntry("ann.txt", 1, s, None), RankEntry("bad.pdf", None, None, None, bad)))
    >>> pieces = list(iter_json(ranking))
    >>> len(pieces), pieces[0], "".join(pieces) == to_json(ranking)
    (4, '[', True)
    """
    if not ranking.entries:
        yield "[]\n"
        return
    yield "["
    for i, row in enumerate(ranking.iter_dicts()):
        item = json_safe(dumps_indented(row)).replace("\n", "\n  ")
        yield ("\n  " if i == 0 else ",\n  ") + item
    yield "\n]\n"


CSV_COLUMNS = (
    "rank", "score", "path", "name", "email", "total_years", "highest_degree", "matched",
    "missing", "degree", "experience", "certifications", "knocked_out", "error_kind", "error",
    "integrity",
)  # fmt: skip


def to_csv(ranking: Ranking, *, columns: Mapping[str, Callable[[RankEntry], object]] | None = None) -> str:
    """One row per file with the main fields; cells that start like a formula are neutralised.

    ``columns`` adds columns after the standard ones: a header and a function of the entry each
    (e.g. a recruiter's decisions); their cells are neutralised the same way.

    Examples
    --------
    >>> import csv, io
    >>> from matcher.records import Posting, Resume, Score
    >>> cv = Resume("cv.txt", "=SUM(A1:A9)", "ann@example.org", None, (), (), (), (), (), None)
    >>> s = Score(80.0, {"skills": 0.8}, (), (), (), False)
    >>> posting = Posting("Data Engineer", (), None, None, None, ())
    >>> ranking = Ranking(posting, (RankEntry("cv.txt", 1, s, cv),))
    >>> row = next(csv.DictReader(io.StringIO(to_csv(ranking, columns={"note": lambda e: "=1+1"}))))
    >>> row["rank"], row["score"], row["email"], row["name"], row["note"]  # formulas shown, never run
    ('1', '80.0', 'ann@example.org', "'=SUM(A1:A9)", "'=1+1")
    """
    extra = dict(columns or {})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow((*CSV_COLUMNS, *extra))
    for e in ranking.entries:
        checks = {c.name: c.status for c in e.score.checks} if e.score else {}
        row = [
            e.rank,
            e.score.total if e.score else None,
            e.path,
            e.resume.name if e.resume else None,
            e.resume.email if e.resume else None,
            e.resume.total_years if e.resume else None,
            e.resume.highest_degree if e.resume else None,
            "; ".join(m.skill for m in e.score.matched) if e.score else None,
            "; ".join(m.skill for m in e.score.missing) if e.score else None,
            checks.get("degree"),
            checks.get("experience"),
            checks.get("certifications"),
            e.score.knocked_out if e.score else None,
            _kind(e) or None,
            _message(e) or None,
            "; ".join(f"{f.kind}: {f.message}" for f in e.resume.integrity) if e.resume else None,
            *(column(e) for column in extra.values()),
        ]
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()


_STYLE = """body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}
.pass{color:#176b2c}.fail{color:#a11}.unknown{color:#777}.ko{background:#fff3f3}
details{margin:.6em 0}summary{cursor:pointer;font-weight:600}q{color:#555}"""


def to_html(ranking: Ranking) -> str:
    """One self-contained report file: ranked table, per candidate matched and missing skills with
    evidence, checks with margins, and failures. Every piece of resume text is escaped.

    Examples
    --------
    >>> from matcher.records import Posting, Resume, Score
    >>> cv = Resume("cv.txt", "<script>alert(1)</script>", None, None, (), (), (), (), (), None)
    >>> s = Score(80.0, {"skills": 0.8}, (), (), (), False)
    >>> posting = Posting("Data Engineer", (), None, None, None, ())
    >>> page = to_html(Ranking(posting, (RankEntry("cv.txt", 1, s, cv),)))
    >>> page.startswith("<!DOCTYPE html>"), "<script>" in page, "&lt;script&gt;alert(1)" in page
    (True, False, True)
    """

    def e_(text: str) -> str:
        return html.escape(terminal_text(text))

    title = e_(ranking.posting.title or "Posting")
    rows = []
    for e in ranking.ranked:
        assert e.score is not None
        checks = " ".join(
            f'<span class="{c.status}">{e_(c.name)}: {e_(c.status)}</span>' for c in e.score.checks
        )
        cls = ' class="ko"' if e.score.knocked_out else ""
        rows.append(
            f"<tr{cls}><td>{e.rank}</td><td>{e.score.total:.1f}</td>"
            f"<td>{e_(e.path + _integrity_flag(e))}</td>"
            f"<td>{len(e.score.matched)}</td><td>{len(e.score.missing)}</td><td>{checks}</td></tr>"
        )
    details = []
    for e in ranking.ranked:
        assert e.score is not None and e.resume is not None
        matched = "".join(
            f"<li>{e_(m.skill)} ({e_(m.importance)}, {e_(m.how)}"
            + (f" via {e_(m.via)}" if m.via else "")
            + f", credit {m.credit:g}): <q>{e_(m.evidence)}</q></li>"
            for m in e.score.matched
        )
        missing = "".join(f"<li>{e_(m.skill)} ({e_(m.importance)})</li>" for m in e.score.missing)
        checks = "".join(
            f'<li class="{c.status}">{e_(c.name)}: {e_(c.status)} ({e_(c.detail)})</li>'
            for c in e.score.checks
        )
        found = "".join(
            f"<li>{e_(f.kind)}: {e_(f.message)}: <q>{e_(f.evidence)}</q></li>" for f in e.resume.integrity
        )
        details.append(
            f"<details><summary>#{e.rank} {e_(e.resume.name or e.path)} ({e.score.total:.1f})"
            + (' <span class="fail">integrity</span>' if found else "")
            + f"</summary><p>{e_(e.path)}</p><h4>Matched</h4><ul>{matched}</ul>"
            f"<h4>Missing</h4><ul>{missing}</ul>"
            f"<h4>Checks</h4><ul>{checks}</ul>"
            + (f'<h4>Integrity</h4><ul class="fail">{found}</ul>' if found else "")
            + f"<pre>{e_(e.score.explain())}</pre></details>"
        )
    failures = "".join(f"<li>{e_(e.path)}: {e_(_kind(e))}: {e_(_message(e))}</li>" for e in ranking.failures)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ranking: {title}</title>'
        f"<style>{_STYLE}</style></head><body><h1>Ranking: {title}</h1>"
        f"<table><tr><th>Rank</th><th>Score</th><th>{'Candidate' if ranking.blind else 'File'}</th>"
        "<th>Matched</th><th>Missing</th><th>Checks</th></tr>"
        + "".join(rows)
        + "</table><h2>Candidates</h2>"
        + "".join(details)
        + (f"<h2>Not ranked</h2><ul>{failures}</ul>" if failures else "")
        + "</body></html>\n"
    )


def _kind(entry: RankEntry) -> str:
    return entry.failure.kind if entry.failure else ""


def _message(entry: RankEntry) -> str:
    return entry.failure.message if entry.failure else ""
