"""The one fixed rule that splits every dev set into a tuning part and a check part.

An item's part depends only on its id (a label file's stem such as ``ms-385161`` or
``accountant-14055988``, or a FERR posting id), never on its content or on results, so the split
is made once and cannot drift:

    >>> part_of("ms-385161") in ("tuning", "check")
    True
    >>> part_of("ms-385161") == part_of("ms-385161")
    True

Look at errors on the tuning part only; score the check part when a change is done and report
both. A change that helps one part and not the other is fitted to the data.
"""

from __future__ import annotations

import hashlib

PARTS = ("tuning", "check")


def part_of(item_id: str) -> str:
    """``"tuning"`` or ``"check"``: the first byte of SHA-256 of the id, even or odd."""
    digest = hashlib.sha256(item_id.encode("utf-8")).digest()
    return PARTS[digest[0] % 2]


def split(ids: list[str]) -> dict[str, list[str]]:
    """The ids of each part, in the order given."""
    parts: dict[str, list[str]] = {part: [] for part in PARTS}
    for item_id in ids:
        parts[part_of(item_id)].append(item_id)
    return parts


if __name__ == "__main__":
    import sys

    for item_id in sys.argv[1:]:
        print(item_id, part_of(item_id))
