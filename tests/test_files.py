"""Every file accounted for, nothing let in (issue 17): each file under a PATH ends ranked or
listed with a kind; hidden files are skipped and counted; .odt, .rtf and .md are read."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher import analyze_posting, rank
from matcher.cli import main

RESUME = "Jane Doe\njane@example.com\nSKILLS\nPython, SQL\nEXPERIENCE\nEngineer, Acme Inc, 2018 - 2024\n"
POSTING = "Data Engineer\nRequirements: Python, SQL, 3+ years of experience"


def _odt(text: str) -> bytes:
    body = "".join(f"<text:p>{line}</text:p>" for line in text.splitlines())
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        odt.writestr("content.xml", content)
    return buffer.getvalue()


def _rtf(text: str) -> bytes:
    lines = "\\par\n".join(text.splitlines())
    return ("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0\\fs24 " + lines + "}").encode("ascii")


def _kinds(ranking_entries: tuple) -> dict[str, str]:
    return {Path(e.path).name: (e.failure.kind if e.failure else "ranked") for e in ranking_entries}


def test_every_file_under_a_path_is_ranked_or_listed(tmp_path: Path) -> None:
    inside = tmp_path / "cvs"
    inside.mkdir()
    (inside / "a.txt").write_text(RESUME, encoding="utf-8")
    (inside / "copy.txt").write_text(RESUME, encoding="utf-8")
    (inside / "b.md").write_text(RESUME.replace("Jane", "Mary"), encoding="utf-8")
    (inside / "c.odt").write_bytes(_odt(RESUME.replace("Jane", "Anna")))
    (inside / "d.rtf").write_bytes(_rtf(RESUME.replace("Jane", "Ruth")))
    (inside / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    (inside / "SOURCE.txt").write_text("This folder was exported from the careers site.\n", encoding="utf-8")
    os.mkfifo(inside / "pipe.pdf")
    (inside / "passwd.txt").symlink_to("/etc/passwd")
    (inside / "loop.txt").symlink_to(inside / "loop.txt")
    (inside / ".hidden.txt").write_text(RESUME, encoding="utf-8")
    (inside / ".git").mkdir()
    (inside / ".git" / "x.txt").write_text(RESUME, encoding="utf-8")
    secret = inside / "secret.txt"
    secret.write_text(RESUME.replace("Jane", "Zoe"), encoding="utf-8")
    secret.chmod(0)
    ranking = rank(analyze_posting(POSTING), [inside, tmp_path / "typo"], workers=0)
    kinds = _kinds(ranking.entries)
    expected = {
        "a.txt": "ranked",
        "copy.txt": "duplicate",
        "b.md": "ranked",
        "c.odt": "ranked",
        "d.rtf": "ranked",
        "old.doc": "unsupported",
        "SOURCE.txt": "not_a_resume",
        "pipe.pdf": "not_a_file",
        "passwd.txt": "symlink_outside",
        "loop.txt": "symlink_loop",
        "typo": "not_found",
    }
    if not os.access(secret, os.R_OK):  # root reads it anyway
        expected["secret.txt"] = "unreadable"
    else:
        expected["secret.txt"] = "ranked"
    assert kinds == expected
    assert ranking.hidden == 2
    messages = {Path(e.path).name: e.failure.message for e in ranking.failures}
    assert "a.txt" in messages["copy.txt"]
    assert "PDF or DOCX" in messages["old.doc"]


def test_the_table_counts_the_hidden_files(tmp_path: Path, example_posting: Path) -> None:
    (tmp_path / "a.txt").write_text(RESUME, encoding="utf-8")
    (tmp_path / ".b.txt").write_text(RESUME, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["rank", str(example_posting), str(tmp_path), "--no-cache", "--workers", "0"]
    )
    assert result.exit_code == 0, result.output
    assert "1 hidden file skipped" in result.output


@pytest.mark.parametrize("suffix", [".odt", ".rtf", ".md"])
def test_matcher_resume_reads_odt_rtf_and_md(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"cv{suffix}"
    data = {".odt": _odt(RESUME), ".rtf": _rtf(RESUME), ".md": RESUME.encode()}[suffix]
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["resume", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert '"email": "jane@example.com"' in result.output


def test_a_file_reached_by_several_paths_is_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matcher.batch import survey

    real = tmp_path / "real"
    (real / "team").mkdir(parents=True)
    (real / "team" / "ann.pdf").write_bytes(b"%PDF-1.7")
    (real / "ben.TXT").write_text(RESUME)
    (tmp_path / "alias").symlink_to(real)  # the same folder by another name
    (real / "team" / "again").symlink_to(real / "team")  # a link inside, back to its own folder
    monkeypatch.chdir(tmp_path)
    paths = [real, Path("real/team"), real / "team" / "ann.pdf", tmp_path / "alias", Path("alias/ben.TXT")]
    found = survey(paths)
    assert sorted(os.path.realpath(p) for p in found.files) == [
        str((real / "ben.TXT").resolve()),
        str((real / "team" / "ann.pdf").resolve()),
    ]
    assert found.files == [real / "ben.TXT", real / "team" / "ann.pdf"]  # by the first path given
    assert found.listed == []
