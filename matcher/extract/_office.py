"""OpenDocument text (.odt: its content.xml read with lxml, as python-docx reads DOCX) and RTF
(.rtf, with striprtf) -> text."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from matcher.errors import DamagedFileError, FileTooLargeError, UnsupportedFileError

__all__ = ["odt_text", "rtf_text"]

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_MAX_XML = 50 << 20  # content.xml past this decompresses too far: a zip bomb, not a resume


def odt_text(data: bytes, name: str) -> str:
    """Paragraphs, headings and list items of an OpenDocument text, in document order (a table's
    cells each on a line of their own)."""
    from lxml import etree

    if not data.startswith(b"PK"):
        raise UnsupportedFileError(f"{name}: the file is named .odt but is not an OpenDocument text")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as odt:
            info = odt.getinfo("content.xml")
            if info.file_size > _MAX_XML:
                raise FileTooLargeError(f"{name}: its text decompresses to over {_MAX_XML >> 20} MiB")
            with odt.open(info) as fh:
                xml = fh.read(_MAX_XML + 1)
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(xml, parser)
    except FileTooLargeError:
        raise
    except (
        zipfile.BadZipFile, KeyError, ValueError, etree.LxmlError, zlib.error, NotImplementedError,
        RuntimeError, EOFError, OSError, OverflowError, struct.error,
    ) as exc:  # fmt: skip
        raise DamagedFileError(
            f"{name}: the OpenDocument file is damaged and cannot be read ({type(exc).__name__})"
        ) from exc
    lines = []
    for node in root.iter(f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"):
        lines.append("".join(node.itertext()))
    return "\n".join(lines)


def rtf_text(text: str, name: str) -> str:
    """The text of an RTF document (decoded already)."""
    from striprtf.striprtf import rtf_to_text

    if not text.lstrip().startswith("{\\rtf"):
        raise UnsupportedFileError(f"{name}: the file is named .rtf but is not RTF")
    try:
        return str(rtf_to_text(text, errors="replace"))  # type: ignore[no-untyped-call]
    except (ValueError, IndexError, KeyError, RecursionError, OverflowError) as exc:
        raise DamagedFileError(f"{name}: the RTF document is damaged ({type(exc).__name__})") from exc
