"""Build models/titles.json, the job-title index the ``role`` component reads.

    python scripts/build_titles.py [--check] [--export]

The index maps each job title O*NET knows (its 1,016 occupation titles and their ~56,000
alternate and short titles, O*NET 29.2, CC BY 4.0, credit "O*NET 29.2 Database, U.S. Department
of Labor, Employment and Training Administration") to the O*NET-SOC occupations it names, so
"Line Cook", "Commis Chef" and "Sous Chef" resolve to cooks and chefs, and "Purchasing Agent" and
"Buyer" to the same occupation. Titles are keyed by :func:`matcher.scoring.title_key` (lowercase
words, seniority words such as "senior" or "trainee" dropped), the same key the runtime uses.

``--export`` rewrites data/titles/onet_titles.tsv.gz (code, title) from ../shared; the build
reads only data/, is deterministic and ``--check`` exits 1 when the committed model is stale.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matcher.scoring import TITLES_FILE, title_key  # noqa: E402

DATA = ROOT / "data" / "titles" / "onet_titles.tsv.gz"
OUT = ROOT / "models" / TITLES_FILE
ONET = ROOT.parent / "shared" / "data" / "taxonomy" / "onet-29.2"


def export() -> int:
    """Write data/titles/onet_titles.tsv.gz: occupation rows (kind "o") then their titles ("t")."""
    if not ONET.is_dir():
        print(f"build_titles: {ONET} is absent; nothing to export", file=sys.stderr)
        return 1
    rows: set[tuple[str, str, str]] = set()
    with (ONET / "Occupation Data.txt").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            rows.add((row["O*NET-SOC Code"], "o", row["Title"].strip()))
    with (ONET / "Alternate Titles.txt").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for title in (row["Alternate Title"], row["Short Title"]):
                if title and title.strip() and title != "n/a":
                    rows.add((row["O*NET-SOC Code"], "t", title.strip()))
    text = "".join(f"{code}\t{kind}\t{title}\n" for code, kind, title in sorted(rows))
    DATA.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(DATA, "wb", mtime=0) as fh:
        fh.write(text.encode("utf-8"))
    print(f"build_titles: wrote {len(rows)} rows to {DATA}")
    return 0


def build() -> str:
    """The model's JSON text: occupations ([code, title], by code) and titles (key -> occupation numbers)."""
    occupations: dict[str, str] = {}
    titles: dict[str, set[str]] = {}
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for line in io.StringIO(fh.read()):
            code, kind, title = line.rstrip("\n").split("\t")
            code = code[:7]  # "15-2051.01" -> the detailed occupation "15-2051"
            if kind == "o" and code not in occupations:
                occupations[code] = title
            key = title_key(title)
            if key:
                titles.setdefault(key, set()).add(code)
    codes = sorted(occupations)
    number = {code: i for i, code in enumerate(codes)}
    data = {
        "source": "O*NET 29.2 Database (CC BY 4.0), occupation and alternate titles",
        "occupations": [[code, occupations[code]] for code in codes],
        "titles": {k: sorted(number[c] for c in v) for k, v in sorted(titles.items())},
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when the committed model is stale")
    ap.add_argument("--export", action="store_true", help="rewrite the data file from ../shared first")
    args = ap.parse_args()
    if args.export and export():
        return 1
    text = build()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"build_titles: {OUT} is stale; run python scripts/build_titles.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"build_titles: wrote {OUT} ({len(json.loads(text)['titles'])} titles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
