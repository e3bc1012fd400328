"""DOCX -> text with python-docx: paragraphs and table rows in document order."""

from __future__ import annotations

import io

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
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, LxmlError) as exc:
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
