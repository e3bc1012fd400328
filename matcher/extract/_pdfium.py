"""The pdfium engine (pypdfium2; ``auto``, the CLI's default, uses it): fast, keeps XeLaTeX word
spacing, but has no decompression-bomb limits, so it runs in a child process under a time and
memory cap, kept for file after file and replaced when a file runs past a cap (or in one of
matcher's workers, which have those caps already)."""

from __future__ import annotations

import multiprocessing
import os
import re
import threading
from typing import TYPE_CHECKING

from matcher._processes import cap_memory, start_context
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
    ``limits.max_seconds`` a file and ``limits.max_memory``; the child is kept for the next file,
    and one that runs past a cap is killed (the file gets ``timeout`` or ``too_much_memory``) and
    replaced for the next. A caller that already is such a process (matcher's workers) passes
    ``isolate=False`` and pdfium runs right here.
    """
    try:
        import pypdfium2  # noqa: F401
    except ImportError as exc:
        raise InputError(
            "the pdfium engine needs pypdfium2 (a dependency of matcher): pip install pypdfium2"
        ) from exc
    # a daemonic process (a matcher worker, the capped child of a single-file command) has the
    # caps already, and may not start a child of its own
    if not isolate or multiprocessing.current_process().daemon:
        kind, payload, hidden = _read(data, limits.max_pages)
        return _outcome(kind, payload, name), hidden
    with _LOCK:  # one request at a time per child; threads of the host take turns
        child = _reader(limits.max_memory)
        try:
            child.conn.send((data, limits.max_pages))
            # the child sends as soon as it is done; reading here at once keeps it from blocking on a
            # full pipe, so a text of any size comes through
            if not child.conn.poll(limits.max_seconds):
                _retire(child)
                raise ReadTimeoutError(f"{name}: reading took longer than {limits.max_seconds:g} s")
            kind, payload, hidden = child.conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError) as exc:  # over its memory cap
            _retire(child)
            cap = limits.max_memory >> 20
            raise TooMuchMemoryError(f"{name}: reading needed more than {cap} MiB") from exc
        child.served += 1
        if child.served >= _FILES_PER_READER:
            _retire(child)
    return _outcome(kind, payload, name), hidden


class _Reader:
    """A pdfium process kept for file after file, under an address-space cap; one that runs past
    the time limit or dies (its memory cap) is killed and the next file gets a fresh one."""

    def __init__(self, max_memory: int) -> None:
        context = start_context()  # the host program's start method, without setting it
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, max_memory), daemon=True)
        self.process.start()
        child.close()
        self.owner = os.getpid()  # a forked copy of this module must not use its parent's reader
        self.max_memory = max_memory
        self.served = 0


_LOCK = threading.Lock()
# files one reader serves before a fresh one takes over, so what pdfium's heap keeps between files
# never adds up to its memory cap
_FILES_PER_READER = 500
_READERS: list[_Reader] = []


def _reader(max_memory: int) -> _Reader:
    for reader in _READERS:
        if reader.owner == os.getpid() and reader.max_memory == max_memory and reader.process.is_alive():
            return reader
    for reader in list(_READERS):  # another cap, or one that died: the new one takes its place
        if reader.owner == os.getpid():
            _retire(reader)
        else:
            _READERS.remove(reader)
    reader = _Reader(max_memory)
    _READERS.append(reader)
    return reader


def _retire(reader: _Reader) -> None:
    if reader in _READERS:
        _READERS.remove(reader)
    if reader.process.is_alive():
        reader.process.kill()
    reader.process.join()
    reader.conn.close()


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
    from matcher.extract._pdfium_text import pdfium_page_text

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
            texts.append(pdfium_page_text(textpage, page.get_width()))
            hidden += pdfium_page_hidden(page, textpage, index + 1)
        return "ok", "\n".join(t.replace("\r\n", "\n").replace("\r", "\n") for t in texts), hidden
    except MemoryError:
        return "too_much_memory", "reading needed more memory than allowed", []
    except Exception as exc:  # anything else pdfium raises: a damaged file
        return "damaged", f"the PDF is damaged and cannot be read ({type(exc).__name__})", []


def _serve(conn: Connection, max_memory: int) -> None:

    if max_memory:  # on top of what the forked child already holds, as the workers' cap is
        cap_memory(max_memory)
    while True:
        try:
            data, max_pages = conn.recv()
        except (EOFError, OSError):  # the caller is gone
            return
        except MemoryError:
            return  # the request itself did not fit: the caller sees the pipe close
        try:
            conn.send(_read(data, max_pages))
        except MemoryError:
            conn.send(("too_much_memory", "reading needed more memory than allowed", []))
        del data
