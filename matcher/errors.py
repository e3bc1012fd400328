"""Every error matcher raises: one base class, one subclass per thing that can go wrong.

Each subclass also inherits the built-in exception it resembles, so ``except ValueError``
keeps working for callers that do not know about matcher. ``kind`` is the stable machine
name used in JSON output (``{"error": {"kind": "encrypted", ...}}``).
"""

from __future__ import annotations

from pathlib import Path

from matcher.records import Failure

__all__ = [
    "DamagedFileError",
    "EmptyDocumentError",
    "EncryptedFileError",
    "FileTooLargeError",
    "InputError",
    "MatcherError",
    "ModelError",
    "NoTextLayerError",
    "NotAFileError",
    "NotFoundError",
    "ReadTimeoutError",
    "TooManyPagesError",
    "TooMuchMemoryError",
    "UnreadableFileError",
    "UnsupportedFileError",
    "failure_of",
]


class MatcherError(Exception):
    """Base class of every error matcher raises.

    Examples
    --------
    >>> from matcher import analyze_posting, MatcherError
    >>> try:
    ...     analyze_posting("   ")
    ... except MatcherError as exc:
    ...     print(exc.kind)
    empty
    """

    kind = "error"


class InputError(MatcherError, ValueError):
    """The input cannot be used (wrong type, bad value).

    Examples
    --------
    >>> from matcher import Weights
    >>> try:
    ...     Weights(skills=-1)
    ... except ValueError as exc:  # an InputError is a ValueError too
    ...     print(exc.kind, "-", exc)
    invalid_input - weight skills must be a number >= 0, got -1
    """

    kind = "invalid_input"


class UnsupportedFileError(InputError):
    """The file is not of a type matcher reads (or its content does not match its name).

    Examples
    --------
    >>> from matcher.extract import extract_text
    >>> extract_text("photo.png")
    Traceback (most recent call last):
    ...
    matcher.errors.UnsupportedFileError: photo.png: .png is not supported; use one of .docx, ...
    """

    kind = "unsupported"


class NotFoundError(InputError):
    """The file or folder does not exist.

    Examples
    --------
    >>> from matcher.extract import extract_text
    >>> try:
    ...     extract_text("no-such-cv.pdf")
    ... except ValueError as exc:  # an InputError, not an OSError
    ...     print(exc.kind, "-", exc, "-", isinstance(exc, NotFoundError))
    not_found - no-such-cv.pdf: no such file - True
    """

    kind = "not_found"


class UnreadableFileError(InputError):
    """The file exists but cannot be read (permissions, an I/O error).

    Examples
    --------
    A path through a file as if it were a folder cannot even be looked at:

    >>> import tempfile, pathlib
    >>> from matcher.extract import extract_text
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "cv.txt"
    >>> _ = f.write_text("Ann Lee")
    >>> try:
    ...     extract_text(f / "cv.txt")
    ... except UnreadableFileError as exc:
    ...     print(exc.kind, "-", exc)
    unreadable - .../cv.txt/cv.txt: cannot be read (Not a directory)
    """

    kind = "unreadable"


class NotAFileError(InputError):
    """The path is a pipe, a socket or a device, not a regular file.

    Examples
    --------
    A named pipe is refused before it is opened (reading it would block for good):

    >>> import os, tempfile, pathlib
    >>> from matcher.extract import extract_text
    >>> pipe = pathlib.Path(tempfile.mkdtemp()) / "cv.txt"
    >>> os.mkfifo(pipe)
    >>> try:
    ...     extract_text(pipe)
    ... except NotAFileError as exc:
    ...     print(exc.kind, "-", exc)
    not_a_file - .../cv.txt: is not a regular file (a pipe or a device)
    """

    kind = "not_a_file"


class EmptyDocumentError(InputError):
    """The file or text holds no readable words.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from matcher.extract import extract_text
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "cv.txt"
    >>> _ = f.write_text(" - * - ")
    >>> try:
    ...     extract_text(f)
    ... except EmptyDocumentError as exc:
    ...     print(exc.kind, "-", exc)
    empty - cv.txt: no readable words in the file
    """

    kind = "empty"


class DamagedFileError(InputError):
    """The file is corrupt or truncated and could not be read.

    Examples
    --------
    Raised by the PDF and DOCX readers; a batch lists it as the file's failure and goes on.

    >>> exc = DamagedFileError("cv.pdf: the PDF is damaged and cannot be read (PdfReadError)")
    >>> exc.kind, isinstance(exc, ValueError)
    ('damaged', True)
    >>> failure_of(exc, "cv.pdf").to_dict()["kind"]
    'damaged'
    """

    kind = "damaged"


class EncryptedFileError(InputError):
    """The PDF needs a password to open.

    Examples
    --------
    >>> try:
    ...     raise EncryptedFileError("cv.pdf: the PDF is protected by a password")
    ... except InputError as exc:
    ...     print(exc.kind)
    encrypted
    """

    kind = "encrypted"


class NoTextLayerError(InputError):
    """The PDF has pages but no text layer (a scan): it needs OCR first.

    Examples
    --------
    >>> raise NoTextLayerError("scan.pdf: the PDF's 2 page(s) have no text layer (a scan?); it needs OCR")
    Traceback (most recent call last):
    ...
    matcher.errors.NoTextLayerError: scan.pdf: the PDF's 2 page(s) have no text layer (a scan?); it needs OCR
    >>> NoTextLayerError.kind
    'no_text'
    """

    kind = "no_text"


class FileTooLargeError(InputError):
    """The file is larger than the configured size cap.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from matcher.extract import Limits, extract_text
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "cv.txt"
    >>> _ = f.write_text("Jane Doe, Python developer")
    >>> try:
    ...     extract_text(f, limits=Limits(max_bytes=10))
    ... except FileTooLargeError as exc:
    ...     print(exc.kind, "-", exc)
    too_large - cv.txt: 26 bytes is over the 10-byte limit
    """

    kind = "too_large"


class TooManyPagesError(InputError):
    """The PDF has more pages than the configured page cap.

    Examples
    --------
    >>> exc = TooManyPagesError("book.pdf: 400 pages is over the 50-page limit")
    >>> exc.kind, isinstance(exc, InputError)
    ('too_many_pages', True)
    """

    kind = "too_many_pages"


class ModelError(MatcherError, RuntimeError):
    """A built artefact in models/ is missing or unreadable (rebuild it with scripts/).

    Examples
    --------
    >>> from pathlib import Path
    >>> from matcher.language import read_taxonomy
    >>> try:
    ...     read_taxonomy(Path("no-such-dir") / "skills.jsonl")
    ... except RuntimeError as exc:  # a ModelError is a RuntimeError too
    ...     print(exc.kind, "-", exc)
    model - skill taxonomy not found at no-such-dir/skills.jsonl; rebuild it with scripts/build_taxonomy.py
    """

    kind = "model"


class ReadTimeoutError(MatcherError, TimeoutError):
    """Reading the file took longer than the time limit.

    Examples
    --------
    Raised when the pdfium reader's process goes past ``Limits.max_seconds``; in a batch, a file
    whose worker goes past it is listed with this kind.

    >>> exc = ReadTimeoutError("slow.pdf: reading took longer than 10 s")
    >>> exc.kind, isinstance(exc, TimeoutError)
    ('timeout', True)
    """

    kind = "timeout"


class TooMuchMemoryError(MatcherError, MemoryError):
    """Reading the file needed more memory than the memory limit.

    Examples
    --------
    Raised when the pdfium reader's process goes past ``Limits.max_memory``; in a batch, a file
    whose worker goes past it is listed with this kind.

    >>> exc = TooMuchMemoryError("bomb.pdf: reading needed more than 1024 MiB")
    >>> exc.kind, isinstance(exc, MemoryError)
    ('too_much_memory', True)
    """

    kind = "too_much_memory"


def failure_of(exc: BaseException, source: str | Path) -> Failure:
    """The one way an exception on one file becomes a listed :class:`~matcher.records.Failure`.

    A :class:`MatcherError` keeps its kind and message; running out of memory is
    ``too_much_memory``; any other exception is a bug of ours (or of a library we call) on that
    file: kind ``internal``, the message naming the exception type, the traceback logged at debug
    level on the ``matcher`` logger. Every path uses it: in process, in workers, on a Dask
    cluster, and the command line for a single file.

    Examples
    --------
    >>> failure_of(DamagedFileError("cv.pdf: the PDF is damaged"), "cv.pdf")
    Failure(kind='damaged', message='cv.pdf: the PDF is damaged')
    >>> failure_of(ZeroDivisionError("division by zero"), "/data/cv.pdf").message
    'cv.pdf: internal error (ZeroDivisionError: division by zero); please report it'
    """
    if isinstance(exc, MatcherError):
        return Failure(exc.kind, str(exc))
    name = Path(source).name
    if isinstance(exc, MemoryError):
        return Failure("too_much_memory", f"{name}: reading needed more memory than allowed")
    import logging

    logging.getLogger("matcher").debug("internal error on %s", source, exc_info=exc)
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return Failure("internal", f"{name}: internal error ({detail}); please report it")
