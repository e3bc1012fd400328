"""Every error matcher raises: one base class, one subclass per thing that can go wrong.

Each subclass also inherits the built-in exception it resembles, so ``except ValueError``
keeps working for callers that do not know about matcher. ``kind`` is the stable machine
name used in JSON output (``{"error": {"kind": "encrypted", ...}}``).
"""

from __future__ import annotations

__all__ = [
    "DamagedFileError",
    "EmptyDocumentError",
    "EncryptedFileError",
    "FileTooLargeError",
    "InputError",
    "MatcherError",
    "ModelError",
    "NoTextLayerError",
    "TooManyPagesError",
    "UnsupportedFileError",
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
    """The input cannot be used (wrong type, bad value)."""

    kind = "invalid_input"


class UnsupportedFileError(InputError):
    """The file is not of a type matcher reads (or its content does not match its name)."""

    kind = "unsupported"


class EmptyDocumentError(InputError):
    """The file or text holds no readable words."""

    kind = "empty"


class DamagedFileError(InputError):
    """The file is corrupt or truncated and could not be read."""

    kind = "damaged"


class EncryptedFileError(InputError):
    """The PDF needs a password to open."""

    kind = "encrypted"


class NoTextLayerError(InputError):
    """The PDF has pages but no text layer (a scan): it needs OCR first."""

    kind = "no_text"


class FileTooLargeError(InputError):
    """The file is larger than the configured size cap."""

    kind = "too_large"


class TooManyPagesError(InputError):
    """The PDF has more pages than the configured page cap."""

    kind = "too_many_pages"


class ModelError(MatcherError, RuntimeError):
    """A built artefact in models/ is missing or unreadable (rebuild it with scripts/)."""

    kind = "model"
