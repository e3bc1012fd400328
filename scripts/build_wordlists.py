"""Build models/wordlists.json from the word lists in data/wordlists/.

    python scripts/build_wordlists.py [--check]

Each ``data/wordlists/NAME.txt`` holds ``[group]`` blocks of entries, one a line, in the order
the code uses them; blank lines and lines starting with ``#`` are skipped (see
data/wordlists/README.md). The artefact maps NAME -> group -> entries.

Deterministic: the same inputs give a byte-identical file (sorted keys, entries in file order,
a trailing newline). ``--check`` rebuilds in memory and exits 1 when the committed artefact
differs (the test suite does the same).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "data" / "wordlists"
OUT = ROOT / "models" / "wordlists.json"

_GROUP = re.compile(r"\[([a-z][a-z0-9_]*)\]")


def parse(text: str, name: str) -> dict[str, list[str]]:
    """The ``[group]`` blocks of one word-list file; a ValueError names the line at fault."""
    groups: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{name}:{number}"
        block = _GROUP.fullmatch(line)
        if block is not None:
            if block.group(1) in groups:
                raise ValueError(f"{where}: group [{block.group(1)}] given twice")
            current = groups[block.group(1)] = []
        elif current is None:
            raise ValueError(f"{where}: entry before any [group]")
        elif line in current:
            raise ValueError(f"{where}: {line!r} is listed twice")
        else:
            current.append(line)
    if name.endswith("_headings.txt"):  # a heading opens one kind of section only
        seen: dict[str, str] = {}
        for group, entries in groups.items():
            for entry in entries:
                if seen.setdefault(entry.lower(), group) != group:
                    raise ValueError(f"{name}: {entry!r} is in [{seen[entry.lower()]}] and [{group}]")
    empty = [g for g, entries in groups.items() if not entries]
    if empty:
        raise ValueError(f"{name}: empty group(s) {empty}")
    return groups


def build() -> str:
    lists = {
        path.stem: parse(path.read_text(encoding="utf-8"), path.name) for path in sorted(SRC.glob("*.txt"))
    }
    return json.dumps(lists, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description="Build models/wordlists.json from data/wordlists/.")
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed file is stale")
    args = ap.parse_args()
    try:
        text = build()
    except ValueError as exc:
        print(f"build_wordlists: {exc}", file=sys.stderr)
        return 2
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is stale: run python scripts/build_wordlists.py", file=sys.stderr)
            return 1
        print(f"{OUT} is current")
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    lists = json.loads(text)
    print(f"wrote {OUT} ({sum(len(g) for g in lists.values())} groups from {len(lists)} files)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
