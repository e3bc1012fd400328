"""File -> text: plain text, Markdown, PDF (pypdf, with tightened limits) and HTML (visible text,
and a schema.org JobPosting JSON-LD block when the page has one). Every failure is a typed error.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from matcher.errors import (
    DamagedFileError,
    EmptyDocumentError,
    EncryptedFileError,
    FileTooLargeError,
    InputError,
    NotAFileError,
    NoTextLayerError,
    NotFoundError,
    UnreadableFileError,
    UnsupportedFileError,
)
from matcher.extract._docx import docx_text
from matcher.extract._hidden import HiddenText
from matcher.extract._html import html_text
from matcher.extract._limits import DEFAULT_LIMITS, Limits
from matcher.extract._office import odt_text, rtf_text
from matcher.extract._pdf import check_pdf_header, pdf_text, repair_glyph_names
from matcher.records import IntegrityFinding, IntegrityKind
from matcher.text import fix_mojibake

__all__ = [
    "ENGINES",
    "Extracted",
    "engine_in_use",
    "extract_bytes",
    "extract_document",
    "extract_text",
    "read_file",
    "read_posting",
]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
PDF_SUFFIXES = frozenset({".pdf"})
DOCX_SUFFIXES = frozenset({".docx"})
ODT_SUFFIXES = frozenset({".odt"})
RTF_SUFFIXES = frozenset({".rtf"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES | ODT_SUFFIXES | RTF_SUFFIXES


ENGINES = ("pypdf", "pdfium", "auto")


def extract_text(
    path: str | Path, *, limits: Limits = DEFAULT_LIMITS, engine: str = "pypdf", isolate: bool = True
) -> str:
    """Return the text of a .txt, .md, .pdf, .docx, .odt, .rtf or .html file.

    ``engine`` reads PDFs: pypdf (default here), pdfium, or auto (pdfium when it is installed,
    pypdf for a file pdfium cannot read; the CLI's default). pdfium runs in a child process
    under ``limits``' time and memory caps unless ``isolate`` is False (for a caller that
    already is such a process, as matcher's workers are).

    Raises
    ------
    UnsupportedFileError, EmptyDocumentError, DamagedFileError, EncryptedFileError,
    NoTextLayerError, FileTooLargeError, TooManyPagesError
        Each with a message that says what was received and what is allowed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "cv.txt"
    >>> _ = f.write_text("Jane Doe\\nPython developer")
    >>> extract_text(f)
    'Jane Doe\\nPython developer'
    """
    return _read(_file_path(path), limits, engine, isolate)[0]


@dataclass(frozen=True, slots=True)
class Extracted:
    """A file's text, what its integrity checks found while reading it, and the text a reader
    cannot see (hidden, tiny or off-page text of a PDF; in ``text`` as well).

    Examples
    --------
    >>> from matcher.records import IntegrityFinding
    >>> doc = Extracted(
    ...     "Jane Doe\\nPython Kubernetes",
    ...     (IntegrityFinding("tiny_text", "text under 2 pt on page 1", "Kubernetes"),),
    ...     hidden_text=("Kubernetes",),
    ... )
    >>> [f.kind for f in doc.integrity], all(h in doc.text for h in doc.hidden_text)
    (['tiny_text'], True)
    """

    text: str
    integrity: tuple[IntegrityFinding, ...] = ()
    hidden_text: tuple[str, ...] = ()
    #: what a reader of the result should know about how it was read (e.g. ``auto`` fell back
    #: to pypdf where pdfium could not read the file)
    notes: tuple[str, ...] = ()


def extract_document(
    path: str | Path,
    *,
    limits: Limits = DEFAULT_LIMITS,
    engine: str = "pypdf",
    isolate: bool = True,
    data: bytes | None = None,
) -> Extracted:
    """Like :func:`extract_text`, and also find the text of a PDF that a reader cannot see: in
    the colour of what lies beneath it, in the invisible render mode 3, under 2 pt, or outside
    the page's visible box (with either engine). ``data``: the file's bytes, already read with
    :func:`read_file` (so the bytes parsed are the bytes hashed); ``path`` then names its type.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "cv.txt"
    >>> _ = f.write_text("Jane Doe")
    >>> extract_document(f)
    Extracted(text='Jane Doe', integrity=(), hidden_text=(), notes=())
    """
    if data is None:
        text, _, hidden, notes = _read(_file_path(path), limits, engine, isolate)
    else:
        if engine not in ENGINES:
            raise InputError(f"unknown PDF engine {engine!r}; use one of {', '.join(ENGINES)}")
        text, _, hidden, notes = _text_of(data, _file_path(path), limits, engine, isolate)
    return Extracted(text, *_findings(hidden), notes=tuple(notes))


def read_posting(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> tuple[str, str | None]:
    """Return (text, title) of a posting file; the title comes from JSON-LD when present.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> page = folder / "job.html"
    >>> _ = page.write_text(
    ...     '<script type="application/ld+json">{"@type": "JobPosting", "title": "Data Engineer",'
    ...     ' "description": "<p>Python and SQL required.</p>"}</script><p>Apply now</p>'
    ... )
    >>> read_posting(page)
    ('Data Engineer\\n\\nPython and SQL required.', 'Data Engineer')
    >>> _ = (folder / "job.txt").write_text("Data Engineer\\nPython required")
    >>> read_posting(folder / "job.txt")
    ('Data Engineer\\nPython required', None)
    """
    text, title, _, _ = _read(_file_path(path), limits)
    return text, title


_WHAT: dict[str, str] = {
    "hidden_text": "text a reader cannot see (the colour of what lies beneath it, or invisible)",
    "tiny_text": "text under 2 pt",
    "off_page_text": "text outside the page's visible box",
}


def _findings(hidden: list[HiddenText]) -> tuple[tuple[IntegrityFinding, ...], tuple[str, ...]]:
    """One finding per kind and page, quoting its text (shortened); and every hidden text run."""
    runs: dict[tuple[str, int], list[str]] = {}
    texts: list[str] = []
    for kind, page, raw in hidden:
        text = " ".join(fix_mojibake(repair_glyph_names(raw)).split())
        if re.search(r"\w", text):
            runs.setdefault((kind, page), []).append(text)
            texts.append(text)
    findings = []
    for (kind, page), parts in runs.items():
        joined = " ".join(parts)
        evidence = joined if len(joined) <= 200 else joined[:197] + "..."
        words = len(joined.split())
        findings.append(
            IntegrityFinding(_KINDS[kind], f"{_WHAT[kind]} on page {page}: {words} word(s)", evidence)
        )
    return tuple(findings), tuple(texts)


_KINDS: dict[str, IntegrityKind] = {"hidden_text": "hidden_text", "tiny_text": "tiny_text",
                                    "off_page_text": "off_page_text"}  # fmt: skip


def _file_path(path: object) -> Path:
    if not isinstance(path, str | os.PathLike):
        raise InputError(f"expected a file path (str or Path), got {type(path).__name__}")
    return Path(path)


def _read(
    path: Path, limits: Limits, engine: str = "pypdf", isolate: bool = True
) -> tuple[str, str | None, list[HiddenText], list[str]]:
    if engine not in ENGINES:
        raise InputError(f"unknown PDF engine {engine!r}; use one of {', '.join(ENGINES)}")
    return _text_of(read_file(path, limits=limits), path, limits, engine, isolate)


def read_file(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of a file matcher reads, its type and size checked with ``stat`` before any read,
    and never more than ``limits.max_bytes`` read (a file that grows meanwhile is too large).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "cv.txt"
    >>> _ = f.write_text("Jane Doe")
    >>> read_file(f)
    b'Jane Doe'
    """
    import stat

    path = _file_path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a file")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        allowed = ", ".join(sorted(SUPPORTED))
        raise UnsupportedFileError(
            f"{path.name}: {suffix or 'no extension'} is not supported; use one of {allowed}"
        )
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise NotFoundError(f"{path}: no such file") from exc
    except OSError as exc:
        raise UnreadableFileError(f"{path}: cannot be read ({exc.strerror})") from exc
    if not stat.S_ISREG(info.st_mode):  # a FIFO would block the read for good, a device never end
        raise NotAFileError(f"{path}: is not a regular file (a pipe or a device)")
    size = info.st_size
    if size > limits.max_bytes:
        raise FileTooLargeError(f"{path.name}: {size:,} bytes is over the {limits.max_bytes:,}-byte limit")
    if size == 0:
        raise EmptyDocumentError(f"{path.name}: the file is empty (0 bytes)")
    try:
        with open(path, "rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        raise UnreadableFileError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if len(data) > limits.max_bytes:
        raise FileTooLargeError(f"{path.name}: over the {limits.max_bytes:,}-byte limit")
    return data


def extract_bytes(
    data: bytes,
    path: str | Path,
    *,
    limits: Limits = DEFAULT_LIMITS,
    engine: str = "pypdf",
    isolate: bool = True,
) -> str:
    """:func:`extract_text` of bytes already read (:func:`read_file`); ``path`` names the type
    (its suffix) and the file in messages. Used where the bytes parsed must be the bytes hashed.

    Examples
    --------
    >>> extract_bytes(b"Jane Doe\\nPython developer", "cv.txt")
    'Jane Doe\\nPython developer'
    """
    if engine not in ENGINES:
        raise InputError(f"unknown PDF engine {engine!r}; use one of {', '.join(ENGINES)}")
    return _text_of(data, _file_path(path), limits, engine, isolate)[0]


def _text_of(
    data: bytes, path: Path, limits: Limits, engine: str, isolate: bool
) -> tuple[str, str | None, list[HiddenText], list[str]]:
    """The text, title (HTML), hidden text runs and notes on how it was read."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        allowed = ", ".join(sorted(SUPPORTED))
        raise UnsupportedFileError(
            f"{path.name}: {suffix or 'no extension'} is not supported; use one of {allowed}"
        )
    title: str | None = None
    hidden: list[HiddenText] = []
    notes: list[str] = []
    if suffix in PDF_SUFFIXES:
        text, hidden = _pdf(data, path.name, limits, engine, isolate, notes)
    elif suffix in DOCX_SUFFIXES:
        text = docx_text(data, path.name)
    elif suffix in ODT_SUFFIXES:
        text = odt_text(data, path.name)
    elif suffix in RTF_SUFFIXES:
        text = rtf_text(_decode(data, path.name), path.name)
    elif suffix in HTML_SUFFIXES:
        text, title = html_text(_decode(data, path.name), path.name)
    else:
        text = _decode(data, path.name)
    text = fix_mojibake(text).replace("\r\n", "\n").replace("\r", "\n").strip()
    if not re.search(r"\w", text):
        raise EmptyDocumentError(f"{path.name}: no readable words in the file")
    return text, title, hidden, notes


def _pdf(
    data: bytes, name: str, limits: Limits, engine: str, isolate: bool, notes: list[str]
) -> tuple[str, list[HiddenText]]:
    """A PDF's text and hidden text by ``engine``; ``auto`` is pdfium, and pypdf for a file pdfium
    finds damaged, encrypted (pypdf opens some with the empty password), without text or cannot
    read (said in ``notes``). A file over the time or memory cap or the page limit stays listed
    as such: the caps are there so that one file cannot hold up the batch."""
    hidden: list[HiddenText] = []
    if engine_in_use(engine) == "pypdf":
        return pdf_text(data, name, limits, hidden=hidden), hidden
    from matcher.extract._pdfium import pdfium_text

    check_pdf_header(data, name)
    try:
        text, hidden = pdfium_text(data, name, limits, isolate=isolate)
    except (DamagedFileError, EncryptedFileError, NoTextLayerError, UnsupportedFileError) as exc:
        if engine != "auto":
            raise
        text = pdf_text(data, name, limits, hidden=hidden)
        reason = str(exc).removeprefix(f"{name}: ")
        notes.append(f"read with pypdf: pdfium could not read it ({exc.kind}: {reason})")
        return text, hidden
    return repair_glyph_names(text), hidden


def engine_in_use(engine: str) -> str:
    """The engine that reads PDFs for ``engine``: ``auto`` is pdfium when pypdfium2 is installed
    (with pypdf for a file pdfium cannot read), else pypdf. Cache keys carry it, so that no entry
    read by one engine is served to another.

    Examples
    --------
    >>> engine_in_use("pypdf"), engine_in_use("pdfium")
    ('pypdf', 'pdfium')
    >>> engine_in_use("auto") in ("pdfium", "pypdf")
    True
    """
    if engine == "auto":
        return "pdfium" if _have_pdfium() else "pypdf"
    return engine


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"%PDF") or data.startswith(b"PK\x03\x04") or data[:8] == b"\x89PNG\r\n\x1a\n":
        raise UnsupportedFileError(f"{name}: the content is not text (it looks like a PDF, DOCX or image)")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFileError(f"{name}: the content is binary, not text")
    for encoding in (
        ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",)
    ):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")


@lru_cache(maxsize=1)
def _have_pdfium() -> bool:
    import importlib.util

    return importlib.util.find_spec("pypdfium2") is not None
