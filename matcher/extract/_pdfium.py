"""The optional pdfium engine (extra ``pdfium``): fast, keeps XeLaTeX word spacing, but has no
decompression-bomb limits, so it always runs in a child process under a time and memory cap."""

from __future__ import annotations

import multiprocessing
import re
from typing import TYPE_CHECKING

from matcher.errors import (
    DamagedFileError,
    EncryptedFileError,
    InputError,
    MatcherError,
    NoTextLayerError,
    TooManyPagesError,
)

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from matcher.extract._files import Limits

__all__ = ["CAPPED_PROCESS", "PdfTimeoutError", "PdfTooMuchMemoryError", "pdfium_text"]

#: True in a worker process that already runs under time and memory caps (matcher.batch._workers).
CAPPED_PROCESS = False


class PdfTimeoutError(MatcherError, TimeoutError):
    """Reading the file took longer than the time limit."""

    kind = "timeout"


class PdfTooMuchMemoryError(MatcherError, MemoryError):
    """Reading the file needed more memory than the memory limit."""

    kind = "too_much_memory"


def pdfium_text(data: bytes, name: str, limits: Limits) -> str:
    """Extract text with pypdfium2 in a forked child limited to ``limits.max_seconds`` and
    ``limits.max_memory``; errors come back typed like the pypdf engine's."""
    try:
        import pypdfium2  # noqa: F401
    except ImportError as exc:
        raise InputError(
            "the pdfium engine needs the 'pdfium' extra: pip install 'skills-matcher[pdfium]'"
        ) from exc
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    if CAPPED_PROCESS:  # already a worker under time and memory caps: no second process
        _child(data, limits.max_pages, 0, sender)
        kind, payload = receiver.recv()
        receiver.close()
        return _outcome(kind, payload, name)
    child = context.Process(
        target=_child, args=(data, limits.max_pages, limits.max_memory, sender), daemon=True
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(limits.max_seconds):
            raise PdfTimeoutError(f"{name}: reading took longer than {limits.max_seconds:g} s")
        kind, payload = receiver.recv()
    except EOFError as exc:
        raise PdfTooMuchMemoryError(
            f"{name}: reading needed more than {limits.max_memory >> 20} MiB"
        ) from exc
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    return _outcome(kind, payload, name)


def _outcome(kind: str, payload: str, name: str) -> str:
    if kind == "ok":
        if not re.search(r"\w", payload):
            raise NoTextLayerError(f"{name}: the PDF has no text layer (a scan?); it needs OCR")
        return str(payload)
    errors = {
        "encrypted": EncryptedFileError,
        "too_many_pages": TooManyPagesError,
        "too_much_memory": PdfTooMuchMemoryError,
    }
    raise errors.get(kind, DamagedFileError)(f"{name}: {payload}")


def _child(data: bytes, max_pages: int, max_memory: int, sender: Connection) -> None:
    import resource

    if max_memory:
        resource.setrlimit(resource.RLIMIT_AS, (max_memory, max_memory))
    try:
        import pypdfium2 as pdfium

        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                sender.send(("encrypted", "the PDF is protected by a password"))
            else:
                sender.send(("damaged", "the PDF is damaged and cannot be read"))
            return
        pages = len(document)
        if pages > max_pages:
            sender.send(("too_many_pages", f"{pages:,} pages is over the {max_pages}-page limit"))
            return
        texts = []
        for index in range(pages):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
        sender.send(("ok", "\n".join(t.replace("\r\n", "\n").replace("\r", "\n") for t in texts)))
    except MemoryError:
        sender.send(("too_much_memory", "reading needed more memory than allowed"))
    except Exception as exc:  # anything else pdfium raises: a damaged file
        sender.send(("damaged", f"the PDF is damaged and cannot be read ({type(exc).__name__})"))
    finally:
        sender.close()
