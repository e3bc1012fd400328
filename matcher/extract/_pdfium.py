"""The optional pdfium engine (extra ``pdfium``): fast, keeps XeLaTeX word spacing, but has no
decompression-bomb limits, so it runs in a child process under a time and memory cap (or in one of
matcher's workers, which have those caps already)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from matcher._processes import start_context
from matcher.errors import (
    DamagedFileError,
    EncryptedFileError,
    InputError,
    NoTextLayerError,
    ReadTimeoutError,
    TooManyPagesError,
    TooMuchMemoryError,
)

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from matcher.extract._hidden import HiddenText
    from matcher.extract._limits import Limits

__all__ = ["pdfium_text"]


def pdfium_text(
    data: bytes, name: str, limits: Limits, *, isolate: bool = True
) -> tuple[str, list[HiddenText]]:
    """Extract text with pypdfium2, and the text a reader cannot see (see ``_hidden``); errors come
    back typed like the pypdf engine's.

    With ``isolate`` (the default) pdfium runs in a child process limited to
    ``limits.max_seconds`` and ``limits.max_memory``; a caller that already is such a process
    (matcher's workers) passes ``isolate=False`` and pdfium runs right here.
    """
    try:
        import pypdfium2  # noqa: F401
    except ImportError as exc:
        raise InputError(
            "the pdfium engine needs the 'pdfium' extra: pip install 'skills-matcher[pdfium]'"
        ) from exc
    if not isolate:
        kind, payload, hidden = _read(data, limits.max_pages)
        return _outcome(kind, payload, name), hidden
    context = start_context()  # the host program's start method, without setting it
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(data, limits.max_pages, limits.max_memory, sender), daemon=True
    )
    child.start()
    sender.close()
    try:
        # the child sends as soon as it is done; reading here at once keeps it from blocking on a
        # full pipe, so a text of any size comes through
        if not receiver.poll(limits.max_seconds):
            raise ReadTimeoutError(f"{name}: reading took longer than {limits.max_seconds:g} s")
        kind, payload, hidden = receiver.recv()
    except EOFError as exc:
        raise TooMuchMemoryError(f"{name}: reading needed more than {limits.max_memory >> 20} MiB") from exc
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    return _outcome(kind, payload, name), hidden


def _outcome(kind: str, payload: str, name: str) -> str:
    if kind == "ok":
        if not re.search(r"\w", payload):
            raise NoTextLayerError(f"{name}: the PDF has no text layer (a scan?); it needs OCR")
        return str(payload)
    errors = {
        "encrypted": EncryptedFileError,
        "too_many_pages": TooManyPagesError,
        "too_much_memory": TooMuchMemoryError,
    }
    raise errors.get(kind, DamagedFileError)(f"{name}: {payload}")


def _read(data: bytes, max_pages: int) -> tuple[str, str, list[HiddenText]]:
    """pdfium's text of ``data`` as ("ok", text, hidden text), or (error kind, reason, [])."""
    import pypdfium2 as pdfium

    from matcher.extract._hidden import pdfium_page_hidden

    try:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                return "encrypted", "the PDF is protected by a password", []
            return "damaged", "the PDF is damaged and cannot be read", []
        pages = len(document)
        if pages > max_pages:
            return "too_many_pages", f"{pages:,} pages is over the {max_pages}-page limit", []
        texts = []
        hidden: list[HiddenText] = []
        for index in range(pages):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            hidden += pdfium_page_hidden(page, textpage, index + 1)
        return "ok", "\n".join(t.replace("\r\n", "\n").replace("\r", "\n") for t in texts), hidden
    except MemoryError:
        return "too_much_memory", "reading needed more memory than allowed", []
    except Exception as exc:  # anything else pdfium raises: a damaged file
        return "damaged", f"the PDF is damaged and cannot be read ({type(exc).__name__})", []


def _child(data: bytes, max_pages: int, max_memory: int, sender: Connection) -> None:
    import resource

    if max_memory:
        resource.setrlimit(resource.RLIMIT_AS, (max_memory, max_memory))
    try:
        sender.send(_read(data, max_pages))
    except MemoryError:
        sender.send(("too_much_memory", "reading needed more memory than allowed", []))
    finally:
        sender.close()
