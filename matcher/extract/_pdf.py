"""PDF -> text with pypdf: tightened decompression limits, a page cap, one ``%%EOF`` retry, glyph
names that leak from some fonts repaired, two-column pages split (see ``_columns``)."""

from __future__ import annotations

import io
import re
import struct
import zlib
from typing import TYPE_CHECKING, Any

from matcher.errors import (
    DamagedFileError,
    EncryptedFileError,
    FileTooLargeError,
    NoTextLayerError,
    TooManyPagesError,
    UnsupportedFileError,
)
from matcher.extract._limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from matcher.extract._hidden import HiddenText

__all__ = ["check_pdf_header", "pdf_text", "pypdf_limits", "repair_glyph_names"]

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


def check_pdf_header(data: bytes, name: str) -> None:
    if b"%PDF" not in data[:1024]:
        raise UnsupportedFileError(f"{name}: the file is named .pdf but is not a PDF")


def pdf_text(data: bytes, name: str, limits: Limits, *, hidden: list[HiddenText] | None = None) -> str:
    """The text of a PDF's bytes under ``limits``, or a typed error; text a reader cannot see is
    added to ``hidden`` when given (see ``_hidden``)."""
    check_pdf_header(data, name)
    try:
        return _pdf_read(data, name, limits, hidden)
    except DamagedFileError:
        if b"%%EOF" not in data[-1024:]:
            if hidden is not None:
                hidden.clear()
            return _pdf_read(data + b"\n%%EOF\n", name, limits, hidden)
        raise


def pypdf_limits(limits: Limits = DEFAULT_LIMITS) -> Any:
    """A context in which pypdf decompresses no stream past ``limits.max_stream_bytes``.

    Examples
    --------
    >>> import zlib
    >>> from pypdf.filters import FlateDecode
    >>> bomb = zlib.compress(b"0" * 100_000)
    >>> len(FlateDecode.decode(bomb))
    100000
    >>> with pypdf_limits(Limits(max_stream_bytes=1_000)):
    ...     FlateDecode.decode(bomb)
    Traceback (most recent call last):
    ...
    pypdf.errors.LimitReachedError: Limit reached while decompressing...
    """
    import pypdf

    cap = limits.max_stream_bytes
    return pypdf.apply_configuration(
        zlib_maximum_output_length=cap, lzw_maximum_output_length=cap, run_length_maximum_output_length=cap,
        maximum_declared_stream_length=cap, array_based_stream_maximum_output_length=cap,
    )  # fmt: skip


def _pdf_read(data: bytes, name: str, limits: Limits, hidden: list[HiddenText] | None = None) -> str:
    import pypdf
    from pypdf.errors import (
        DependencyError,
        DeprecationError,
        FileNotDecryptedError,
        LimitReachedError,
        PdfReadError,
        PyPdfError,
    )

    from matcher.extract._columns import page_text
    from matcher.extract._hidden import PypdfPageWatch

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
            texts = []
            for number, page in enumerate(reader.pages, 1):
                watch = PypdfPageWatch(page, number) if hidden is not None else None
                texts.append(page_text(page, watch))
                if watch is not None and hidden is not None:
                    hidden.extend(watch.found)
    except (EncryptedFileError, TooManyPagesError):
        raise
    except LimitReachedError as exc:
        raise FileTooLargeError(
            f"{name}: the PDF decompresses to more than the {limits.max_stream_bytes:,}-byte limit "
            "(a decompression bomb?)"
        ) from exc
    except FileNotDecryptedError as exc:
        raise EncryptedFileError(f"{name}: the PDF is protected by a password") from exc
    except (NotImplementedError, DependencyError) as exc:  # a filter or feature pypdf cannot decode
        raise UnsupportedFileError(
            f"{name}: the PDF uses a feature pypdf cannot read ({type(exc).__name__}: {exc}); "
            "try --pdf-engine pdfium, or save it again as PDF"
        ) from exc
    except (
        PdfReadError,
        PyPdfError,
        DeprecationError,  # pypdf's, for a code path it has retired, reached by a malformed file
        ValueError,
        LookupError,
        TypeError,
        AttributeError,
        RuntimeError,  # RecursionError among them
        OSError,
        EOFError,
        OverflowError,
        ZeroDivisionError,
        AssertionError,
        zlib.error,
        struct.error,
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
