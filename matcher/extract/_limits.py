"""The caps that keep one hostile file from stalling a batch."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_LIMITS", "Limits"]


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
        Time and address-space caps on reading one file (defaults 10 s and 1 GiB): in matcher's
        worker processes for every file, and for the pdfium engine, which has no decompression
        limits of its own, in a child process of its own when no worker runs it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from matcher.extract import extract_text
    >>> caps = Limits(max_bytes=10)
    >>> caps.max_bytes, caps.max_pages
    (10, 50)
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "cv.txt"
    >>> _ = f.write_text("Jane Doe, Python developer")
    >>> extract_text(f, limits=caps)
    Traceback (most recent call last):
    ...
    matcher.errors.FileTooLargeError: cv.txt: 26 bytes is over the 10-byte limit
    """

    max_bytes: int = 20_000_000
    max_pages: int = 50
    max_stream_bytes: int = 10_000_000
    max_seconds: float = 10.0
    max_memory: int = 1 << 30


DEFAULT_LIMITS = Limits()
