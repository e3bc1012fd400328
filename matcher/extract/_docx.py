"""DOCX -> text with python-docx: paragraphs and table rows in document order."""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

from matcher.errors import DamagedFileError, UnsupportedFileError

__all__ = ["docx_text"]


def docx_text(data: bytes, name: str) -> str:
    """Paragraphs and table cells of a .docx, in document order."""
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    if not data.startswith(b"PK"):
        raise UnsupportedFileError(f"{name}: the file is named .docx but is not a Word document")
    try:
        return _docx_lines(Document, data)
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        LookupError,
        ValueError,
        LxmlError,
        zlib.error,  # a deflated part's bytes garbled
        NotImplementedError,  # zipfile: a compression method it does not know
        RuntimeError,  # zipfile: an encrypted part
        EOFError,
        OSError,
        OverflowError,
        struct.error,
        AttributeError,  # python-docx on a part of an unexpected type
        TypeError,
    ) as exc:
        raise DamagedFileError(
            f"{name}: the Word document is damaged and cannot be read ({type(exc).__name__})"
        ) from exc


def _docx_lines(document_class: Any, data: bytes) -> str:
    document = document_class(io.BytesIO(data))
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
