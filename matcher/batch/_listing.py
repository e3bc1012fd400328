"""Which files a ranking reads, and an outcome for every other file under its paths.

Folders are searched recursively. Hidden files and folders (a leading ".") are skipped and
counted. A symbolic link is followed only when it stays inside the folders given (a link to
/etc/passwd is ``symlink_outside``, never read); a link to itself or round in a circle is
``symlink_loop``; a pipe or a device is ``not_a_file``; a folder that cannot be opened is
``unreadable``; a file of a type matcher does not read is ``unsupported``, with what to do.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from matcher.errors import InputError
from matcher.records import Failure

__all__ = ["RESUME_SUFFIXES", "Survey", "find_resumes", "survey"]

RESUME_SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".odt", ".rtf")
_SAVE_AS = "save it as PDF or DOCX"


@dataclass(slots=True)
class Survey:
    """The files to parse, every other file with its failure, and how many hidden ones were skipped.

    Examples
    --------
    What :func:`survey` returns; a ranking parses ``files`` and lists each of ``listed`` with its
    failure, so no file under the paths given goes unaccounted:

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "ann.pdf").write_bytes(b"%PDF-1.7")
    >>> _ = (folder / "notes").write_text("no extension")
    >>> found = survey([folder])
    >>> [p.name for p in found.files], found.hidden
    (['ann.pdf'], 0)
    >>> [(p.name, f.kind, f.message) for p, f in found.listed]
    [('notes', 'unsupported', 'notes: a file with no extension is not read; save it as PDF or DOCX')]
    """

    files: list[Path] = field(default_factory=list)
    listed: list[tuple[Path, Failure]] = field(default_factory=list)
    hidden: int = 0


def _is_junction(entry: os.DirEntry[str]) -> bool:
    """A Windows junction (Python 3.12+ tells): a link to a folder that ``is_symlink`` misses."""
    is_junction = getattr(entry, "is_junction", None)
    return bool(is_junction()) if is_junction is not None else False


def survey(paths: Iterable[str | os.PathLike[str]]) -> Survey:
    """Walk ``paths``: the resume files to parse (sorted, each once) and an outcome for the rest.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Ann Lee")
    >>> _ = (folder / "b.doc").write_bytes(b"old")
    >>> _ = (folder / ".c.txt").write_text("hidden")
    >>> found = survey([folder, folder / "typo.pdf"])
    >>> [p.name for p in found.files], [(p.name, f.kind) for p, f in found.listed], found.hidden
    (['a.txt'], [('b.doc', 'unsupported'), ('typo.pdf', 'not_found')], 1)
    """
    out = Survey()
    roots = [Path(p) for p in paths]
    inside = [os.path.realpath(r) for r in roots if r.is_dir()]
    files: dict[str, Path] = {}  # real path -> the path it was found by

    def listed(path: Path, kind: str, message: str) -> None:
        out.listed.append((path, Failure(kind, f"{path.name or path}: {message}")))

    def take(path: Path, named: bool) -> None:
        """One file found (``named``: given by the user) or a link to it."""
        try:
            info = path.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                listed(path, "symlink_loop", "a symbolic link that leads round in a circle")
            elif path.is_symlink():
                listed(path, "not_found", "a symbolic link to nothing")
            elif isinstance(exc, PermissionError):
                listed(path, "unreadable", f"cannot be read ({exc.strerror})")
            else:
                listed(path, "not_found", "no such file or folder")
            return
        if path.is_symlink() and not named:
            real = os.path.realpath(path)
            if not any(real == root or real.startswith(root + os.sep) for root in inside):
                listed(path, "symlink_outside", "a symbolic link out of the folders given: not followed")
                return
            if stat.S_ISDIR(info.st_mode):
                return  # a folder inside the ones given: its files are found under their own names
        if stat.S_ISDIR(info.st_mode):
            walk(path, os.path.realpath(path))
        elif not stat.S_ISREG(info.st_mode):
            listed(path, "not_a_file", "a pipe, socket or device, not a file")
        elif named or path.suffix.lower() in RESUME_SUFFIXES:
            files.setdefault(os.path.realpath(path), path)
        else:
            what = path.suffix.lower() or "a file with no extension"
            listed(path, "unsupported", f"{what} is not read; {_SAVE_AS}")

    def walk(folder: Path, real: str) -> None:
        """The entries of ``folder``, whose real path is ``real``."""
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            listed(folder, "unreadable", f"the folder cannot be read ({exc.strerror})")
            return
        for entry in entries:
            if entry.name.startswith("."):
                out.hidden += 1
            elif entry.is_symlink() or _is_junction(entry):  # links, and anything odd: the long way
                take(Path(entry.path), named=False)
            elif entry.is_dir(follow_symlinks=False):
                walk(Path(entry.path), os.path.join(real, entry.name))
            elif entry.is_file(follow_symlinks=False) and entry.name.lower().endswith(RESUME_SUFFIXES):
                # a plain file in a folder whose real path is known: no stat, no realpath
                files.setdefault(os.path.join(real, entry.name), Path(entry.path))
            else:
                take(Path(entry.path), named=False)

    for root in roots:
        take(root, named=True)
    out.files = sorted(files.values(), key=str)
    return out


def find_resumes(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named directly, and the resume files under folders (recursively), sorted.

    Raises InputError for a path that does not exist (:func:`survey` lists it instead).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "2024").mkdir()
    >>> _ = (folder / "2024" / "ben.docx").write_bytes(b"PK")
    >>> _ = (folder / "ann.pdf").write_bytes(b"%PDF-1.7")
    >>> _ = (folder / "photo.jpg").write_bytes(b"")
    >>> [str(p.relative_to(folder)) for p in find_resumes([folder])]
    ['2024/ben.docx', 'ann.pdf']
    >>> find_resumes([folder / "typo.pdf"])
    Traceback (most recent call last):
    ...
    matcher.errors.InputError: .../typo.pdf: no such file or folder
    """
    found = survey(paths)
    for path, failure in found.listed:
        if failure.kind == "not_found" and any(Path(p) == path for p in paths):
            raise InputError(f"{path}: no such file or folder")
    return found.files
