"""What an upload holds: resume files as (name, bytes), a .zip opened under caps, every other
file listed with its reason; the caps on uploads."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from matcher.errors import FileTooLargeError, InputError, MatcherError, UnsupportedFileError
from matcher.extract import DEFAULT_LIMITS

__all__ = ["RESUME_SUFFIXES", "UploadLimits", "expand_uploads", "suffix_of"]

#: The resume types ``rank`` finds in a folder (``matcher.batch.find_resumes``).
RESUME_SUFFIXES = (".pdf", ".docx", ".txt")
_MAX_ZIP_MEMBERS = 5000


@dataclass(frozen=True, slots=True)
class UploadLimits:
    """Caps on uploads: bytes per file (default the CLI's file cap), per request, files per request.

    Examples
    --------
    >>> import tempfile
    >>> from matcher.web import Workspace
    >>> ws = Workspace(tempfile.mkdtemp(), workers=0, limits=UploadLimits(max_file_bytes=1000))
    >>> ws.create_job("job.txt", b"x" * 5000)
    Traceback (most recent call last):
    ...
    matcher.errors.FileTooLargeError: job.txt: 5,000 bytes is over the 1,000-byte limit
    >>> ws.close()
    """

    max_file_bytes: int = DEFAULT_LIMITS.max_bytes
    max_request_bytes: int = 200_000_000
    max_files: int = 5000


def suffix_of(name: str) -> str:
    """The file type of an uploaded name, lower-cased (".pdf"), "" for none."""
    return Path(name).suffix.lower()


def expand_uploads(
    uploads: Iterable[tuple[str, bytes]], limits: UploadLimits, failures: list[dict[str, str]]
) -> list[tuple[str, bytes]]:
    """The resume files of an upload as (name, bytes), a .zip's resumes taken out of it; anything
    else (another type, a member over the caps, an unreadable .zip) goes to ``failures`` as
    ``{"name", "kind", "message"}``. Names keep only their last part: they are shown, never paths.

    Examples
    --------
    >>> failures = []
    >>> [n for n, _ in expand_uploads([("cvs/a.txt", b"Ann"), ("b.png", b"x")], UploadLimits(), failures)]
    ['a.txt']
    >>> [(f["name"], f["kind"]) for f in failures]
    [('b.png', 'unsupported')]
    """
    files: list[tuple[str, bytes]] = []

    def fail(name: str, exc: MatcherError) -> None:
        failures.append({"name": name, "kind": exc.kind, "message": str(exc)})

    for name, data in uploads:
        shown = name.replace("\\", "/").rsplit("/", 1)[-1]
        suffix = suffix_of(shown)
        if suffix == ".zip":
            files.extend(_unzip(shown, data, limits, fail))
        elif suffix not in RESUME_SUFFIXES:
            fail(
                shown,
                UnsupportedFileError(
                    f"{shown}: {suffix or 'no extension'} is not a resume type; "
                    "use .pdf, .docx, .txt or a .zip"
                ),
            )
        else:
            files.append((shown, data))
    return files


def _unzip(
    name: str, data: bytes, limits: UploadLimits, fail: Callable[[str, MatcherError], None]
) -> list[tuple[str, bytes]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        fail(name, InputError(f"{name}: not a readable .zip ({exc})"))
        return []
    if len(members) > _MAX_ZIP_MEMBERS:
        fail(name, InputError(f"{name}: {len(members)} files is over the {_MAX_ZIP_MEMBERS}-file limit"))
        return []
    out: list[tuple[str, bytes]] = []
    budget = limits.max_request_bytes
    for member in members:
        inner = member.filename.rsplit("/", 1)[-1]
        shown = f"{name}/{inner}"
        if inner.startswith(".") or suffix_of(inner) not in RESUME_SUFFIXES:
            if not inner.startswith("."):
                fail(
                    shown,
                    UnsupportedFileError(
                        f"{shown}: {suffix_of(inner) or 'no extension'} is not a resume type"
                    ),
                )
            continue
        cap = min(limits.max_file_bytes, budget)
        try:
            with archive.open(member) as fh:
                content = fh.read(cap + 1)  # never trust the size the archive states
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError) as exc:
            fail(shown, InputError(f"{shown}: cannot be read from the .zip ({exc})"))
            continue
        if len(content) > cap:
            fail(shown, FileTooLargeError(f"{shown}: over the {cap:,}-byte limit once unpacked"))
            continue
        budget -= len(content)
        out.append((inner, content))
    return out
