"""File -> text: plain text, Markdown, PDF (pypdf, with tightened limits) and HTML (visible text,
and a schema.org JobPosting JSON-LD block when the page has one). Every failure is a typed error.
"""

from __future__ import annotations

import io
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matcher.errors import (
    DamagedFileError,
    EmptyDocumentError,
    EncryptedFileError,
    FileTooLargeError,
    InputError,
    NoTextLayerError,
    TooManyPagesError,
    UnsupportedFileError,
)
from matcher.text import fix_mojibake

__all__ = ["DEFAULT_LIMITS", "ENGINES", "Limits", "extract_text", "pypdf_limits", "read_posting"]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
PDF_SUFFIXES = frozenset({".pdf"})
DOCX_SUFFIXES = frozenset({".docx"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps that keep one hostile file from stalling a batch.

    Attributes
    ----------
    max_bytes : int
        Largest file read (default 20 MB).
    max_pages : int
        Most PDF pages read (default 50: a resume or posting is a few pages).
    max_stream_bytes : int
        Largest decompressed PDF stream (default 10 MB, against decompression bombs).
    max_seconds, max_memory : float, int
        Time and address-space caps for the pdfium engine, which runs in a child process because
        it has no decompression limits of its own (defaults 10 s and 1 GiB).
    """

    max_bytes: int = 20_000_000
    max_pages: int = 50
    max_stream_bytes: int = 10_000_000
    max_seconds: float = 10.0
    max_memory: int = 1 << 30


DEFAULT_LIMITS = Limits()


ENGINES = ("pypdf", "pdfium", "auto")


def extract_text(path: str | Path, *, limits: Limits = DEFAULT_LIMITS, engine: str = "pypdf") -> str:
    """Return the text of a .txt, .md, .pdf or .html file.

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
    text, _ = _read(Path(path), limits, engine)
    return text


def read_posting(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> tuple[str, str | None]:
    """Return (text, title) of a posting file; the title comes from JSON-LD when present."""
    return _read(Path(path), limits)


def _read(path: Path, limits: Limits, engine: str = "pypdf") -> tuple[str, str | None]:
    if engine not in ENGINES:
        raise InputError(f"unknown PDF engine {engine!r}; use one of {', '.join(ENGINES)}")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        allowed = ", ".join(sorted(SUPPORTED))
        raise UnsupportedFileError(
            f"{path.name}: {suffix or 'no extension'} is not supported; use one of {allowed}"
        )
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    if size > limits.max_bytes:
        raise FileTooLargeError(f"{path.name}: {size:,} bytes is over the {limits.max_bytes:,}-byte limit")
    if size == 0:
        raise EmptyDocumentError(f"{path.name}: the file is empty (0 bytes)")
    data = path.read_bytes()
    title: str | None = None
    if suffix in PDF_SUFFIXES:
        if engine == "pdfium" or (engine == "auto" and _have_pdfium()):
            from matcher.extract._pdfium import pdfium_text

            _check_pdf_header(data, path.name)
            text = repair_glyph_names(pdfium_text(data, path.name, limits))
        else:
            text = _pdf_text(data, path.name, limits)
    elif suffix in DOCX_SUFFIXES:
        text = _docx_text(data, path.name)
    elif suffix in HTML_SUFFIXES:
        text, title = _html_text(_decode(data, path.name), path.name)
    else:
        text = _decode(data, path.name)
    text = fix_mojibake(text).replace("\r\n", "\n").replace("\r", "\n").strip()
    if not re.search(r"\w", text):
        raise EmptyDocumentError(f"{path.name}: no readable words in the file")
    return text, title


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


_GLYPHS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "f_f": "ff", "f_i": "fi", "f_l": "fl", "f_f_i": "ffi",
    "f_f_l": "ffl", "ff": "ff", "fi": "fi", "fl": "fl", "ffi": "ffi", "ffl": "ffl", "f_t": "ft",
    "s_t": "st", "c_t": "ct", "T_h": "Th", "hyphen": "-", "endash": "\u2013", "emdash": "\u2014",
    "period": ".", "comma": ",", "colon": ":", "semicolon": ";", "slash": "/", "space": " ",
    "quoteright": "\u2019", "quoteleft": "\u2018", "quotedblleft": "\u201c", "quotedblright": "\u201d",
    "parenleft": "(", "parenright": ")", "ampersand": "&", "at": "@", "plus": "+", "numbersign": "#",
    "bullet": "\u2022", "percent": "%", "dollar": "$",
}  # fmt: skip
_LIGATURES = "|".join(
    sorted(
        (g for g in _GLYPHS if g.startswith(("f", "s_", "c_", "T_")) and g != "four" and g != "five"),
        key=len,
        reverse=True,
    )
)
_WORDS = "|".join(sorted((g for g in _GLYPHS if g not in _LIGATURES.split("|")), key=len, reverse=True))
# a ligature runs into the rest of its word ("Scienti/f_ic"); a named glyph stands alone or with a
# variant suffix ("/two.lnum")
_GLYPH_NAME = re.compile(rf"/(?:({_WORDS})(?:\.[a-z]+)*(?![a-z_])|({_LIGATURES})(?:\.[a-z]+)*)")
_LETTER_GLYPH = re.compile(r"/([A-Za-z])\.(?:sc|alt|swash|ss\d\d)\b")
# only text that shows the leak at all is repaired ("one/two years" in plain text stays as it is)
_GLYPH_LEAK = re.compile(r"/[A-Za-z]+(?:_[a-z]+)*\.(?:lnum|onum|osf|tf|sc|pnum|tnum|alt|sups)\b|/f_[a-z]")


def repair_glyph_names(text: str) -> str:
    """Replace glyph names pypdf leaks for some fonts with the characters they stand for.

    Examples
    --------
    >>> repair_glyph_names("Scienti/f_ic Employee /two.lnum/zero.lnum/one.lnum/six.lnum - present")
    'Scientific Employee 2016 - present'
    >>> repair_glyph_names("E/D.sc/U.sc/C.sc/A.sc/T.sc/I.sc/O.sc/N.sc")
    'EDUCATION'
    """
    if not _GLYPH_LEAK.search(text):
        return text
    text = _LETTER_GLYPH.sub(r"\1", text)  # small capitals: "E/D.sc/U.sc" -> "EDU"
    return _GLYPH_NAME.sub(lambda m: _GLYPHS[m.group(1) or m.group(2)], text)


def _have_pdfium() -> bool:
    import importlib.util

    return importlib.util.find_spec("pypdfium2") is not None


# -- PDF ------------------------------------------------------------------------------------
def _check_pdf_header(data: bytes, name: str) -> None:
    if b"%PDF" not in data[:1024]:
        raise UnsupportedFileError(f"{name}: the file is named .pdf but is not a PDF")


def _pdf_text(data: bytes, name: str, limits: Limits) -> str:
    _check_pdf_header(data, name)
    try:
        return _pdf_read(data, name, limits)
    except DamagedFileError:
        if b"%%EOF" not in data[-1024:]:
            return _pdf_read(data + b"\n%%EOF\n", name, limits)
        raise


def pypdf_limits(limits: Limits = DEFAULT_LIMITS) -> Any:
    """A context in which pypdf decompresses no stream past ``limits.max_stream_bytes``."""
    import pypdf

    cap = limits.max_stream_bytes
    return pypdf.apply_configuration(
        zlib_maximum_output_length=cap, lzw_maximum_output_length=cap, run_length_maximum_output_length=cap,
        maximum_declared_stream_length=cap, array_based_stream_maximum_output_length=cap,
    )  # fmt: skip


def _pdf_read(data: bytes, name: str, limits: Limits) -> str:
    import pypdf
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError, PyPdfError

    from matcher.extract._columns import page_text

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # recoverable oddities are not news

    try:
        with pypdf_limits(limits):
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    if not reader.decrypt(""):
                        raise EncryptedFileError(f"{name}: the PDF is protected by a password")
                except (FileNotDecryptedError, NotImplementedError) as exc:
                    raise EncryptedFileError(f"{name}: the PDF is protected by a password") from exc
            pages = len(reader.pages)
            if pages > limits.max_pages:
                raise TooManyPagesError(f"{name}: {pages:,} pages is over the {limits.max_pages}-page limit")
            texts = [page_text(page) for page in reader.pages]
    except (EncryptedFileError, TooManyPagesError):
        raise
    except LimitReachedError as exc:
        raise FileTooLargeError(
            f"{name}: the PDF decompresses to more than the {limits.max_stream_bytes:,}-byte limit "
            "(a decompression bomb?)"
        ) from exc
    except FileNotDecryptedError as exc:
        raise EncryptedFileError(f"{name}: the PDF is protected by a password") from exc
    except (
        PdfReadError,
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        OSError,
        AssertionError,
        ZeroDivisionError,
    ) as exc:
        raise DamagedFileError(
            f"{name}: the PDF is damaged and cannot be read ({type(exc).__name__})"
        ) from exc
    text = repair_glyph_names("\n".join(texts))
    if pages and not re.search(r"\w", text):
        raise NoTextLayerError(
            f"{name}: the PDF's {pages} page(s) have no text layer (a scan?); it needs OCR"
        )
    return text


# -- DOCX -----------------------------------------------------------------------------------
def _docx_text(data: bytes, name: str) -> str:
    """Paragraphs and table cells of a .docx, in document order."""
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    if not data.startswith(b"PK"):
        raise UnsupportedFileError(f"{name}: the file is named .docx but is not a Word document")
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DamagedFileError(f"{name}: the Word document is damaged and cannot be read") from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(node.text or "" for node in child.iter() if node.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iter():
                        if cell.tag.endswith("}tc"):
                            cells.append("".join(n.text or "" for n in cell.iter() if n.tag.endswith("}t")))
                    lines.append(" | ".join(c.strip() for c in cells if c.strip()))
    return "\n".join(lines)


# -- HTML -----------------------------------------------------------------------------------
def _html_text(markup: str, name: str) -> tuple[str, str | None]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    posting = _json_ld_posting(soup)
    for tag in soup(["script", "style", "noscript", "template", "head", "svg", "nav", "footer"]):
        tag.decompose()
    visible = soup.get_text("\n")
    visible = "\n".join(line.strip() for line in visible.splitlines() if line.strip())
    if posting is None:
        return visible, None
    title = _plain(posting.get("title"))
    parts = [title] if title else []
    description = _html_fragment_text(posting.get("description"))
    if description:
        parts.append(description)
    for key, heading in (
        ("qualifications", "Qualifications"),
        ("skills", "Skills"),
        ("educationRequirements", "Education"),
        ("experienceRequirements", "Experience"),
        ("responsibilities", "Responsibilities"),
    ):
        value = _json_ld_value(posting.get(key))
        if value and value not in description:
            parts.append(f"{heading}:\n{value}")
    text = "\n\n".join(parts)
    return (text if re.search(r"\w", text) else visible), title or None


def _json_ld_posting(soup: Any) -> dict[str, Any] | None:
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for item in _walk(data):
            kind = item.get("@type")
            if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
                return item
    return None


def _walk(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [x for item in data for x in _walk(item)]
    if isinstance(data, dict):
        return [data, *_walk(data.get("@graph", []))]
    return []


def _json_ld_value(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(_json_ld_value(v) for v in value if v)
    if isinstance(value, dict):
        if "monthsOfExperience" in value:
            months = float(value["monthsOfExperience"])
            return f"{months / 12:g} years of experience"
        for key in ("credentialCategory", "name", "description"):
            if value.get(key):
                return _json_ld_value(value[key])
        return ""
    return _html_fragment_text(value)


def _html_fragment_text(value: Any) -> str:
    if not value:
        return ""
    from bs4 import BeautifulSoup

    text = BeautifulSoup(str(value), "html.parser").get_text("\n")
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _plain(value: Any) -> str:
    return _html_fragment_text(value).replace("\n", " ").strip() if value else ""
