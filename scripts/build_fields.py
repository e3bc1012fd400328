"""Build models/fields.json, the vocabulary of fields of study, from data/fields/.

    python scripts/build_fields.py [--check]
    python scripts/build_fields.py --import-shared ../shared   # refresh data/fields/esco_isced_f.tsv

A degree's field is a field of study ("computer science", "health care management"), never a
place or a school ("Texas", "University of Bremen"): matcher.facts.field_of_study keeps the longest
run of words that are all words of a field of study. The words come from

- ``esco_isced_f.tsv``: the ISCED-F 2013 fields of education and training as ESCO publishes them
  (skill groups under ``isced-f``), and the ESCO knowledge concepts filed under those fields whose
  label is plain lowercase words (no product names); filtered from ../shared by ``--import-shared``;
- ``majors.txt``: the project's own list of degree fields as resumes name them (US and UK majors);

minus ``not_fields.txt`` (the project's own): words of places, schools and degree titles, which
end a field ("Digital Media University of Bremen" -> "digital media").
``abbreviations.txt`` maps short forms printed in fields ("Mgt", "Admin") to their words, and
``acronyms.txt`` abbreviations that stand for a whole field ("IT", "EE") to the field (matched
case-sensitively). ``degrees.txt`` lists degree abbreviations with the dots of their dotted form
("M.F.A"), their level and the field their name gives ("fine arts"), as ``degrees``. The field
names that contain "and" ("industrial and organizational psychology") are kept whole as
``names``: a list of fields is split at "and" only between names. The other field names of two
words or more are kept as ``whole`` (the first of two fields run together).

Deterministic: the same inputs give a byte-identical file; ``--check`` exits 1 when the committed
artefact differs (the test suite does the same).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "data" / "fields"
OUT = ROOT / "models" / "fields.json"
_WORD = re.compile(r"[a-z]+")


def _lines(name: str) -> list[str]:
    text = (SRC / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def field_name_key(text: str) -> str:
    """A field's name as ``names`` holds it: lower case, "&" as "and", one space, ", " after commas
    (matcher.facts.listed_field normalises the same way)."""
    text = re.sub(r"\s*&\s*", " and ", text.lower())
    text = re.sub(r"\s*,\s*", ", ", text)
    return re.sub(r"\s+", " ", text).strip(" ,")


def build() -> str:
    """The artefact's text, built from data/fields/ alone."""
    labels = [row.split("\t")[-1] for row in _lines("esco_isced_f.tsv")[1:]]
    acronyms: dict[str, str] = {}
    for line in _lines("acronyms.txt"):
        short, _, full = line.partition("\t")
        acronyms[short.strip()] = full.strip().lower()
    phrases = labels + _lines("majors.txt") + list(acronyms.values())
    stop = {"and", "of", "in", "the", "for", "with", "to", "a", "an", "on", "or", "not", "from", "by"}
    stop |= {"at", "as", "into", "under", "within", "without", "per", "its", "their", "other", "related"}
    denied = {w.lower() for w in _lines("not_fields.txt")}
    words = sorted({w for p in phrases for w in _WORD.findall(p.lower())} - stop - denied)
    abbreviations: dict[str, str] = {}
    for line in _lines("abbreviations.txt"):
        short, _, full = line.partition("\t")
        abbreviations[short.strip().lower()] = full.strip().lower()
    names = sorted({name for p in phrases if " and " in (name := field_name_key(p))})
    # the fields of two words or more, known whole: "computer science" in "Computer Science Data
    # Communications" (two fields run together)
    whole = sorted({k for p in phrases if len((k := field_name_key(p)).split()) >= 2 and " and " not in k})
    degrees: dict[str, list[str | bool]] = {}
    for line in _lines("degrees.txt"):
        short, level, field, *forms = (part.strip() for part in line.split("\t"))
        degrees[short] = [level, "" if field == "-" else field, forms == ["dotted"]]
    artefact = {
        "abbreviations": dict(sorted(abbreviations.items())),
        "acronyms": dict(sorted(acronyms.items())),
        "degrees": dict(sorted(degrees.items())),
        "names": names,
        "whole": whole,
        "words": words,
    }
    return json.dumps(artefact, indent=0, sort_keys=True, ensure_ascii=False) + "\n"


def import_shared(shared: Path) -> int:
    """Filter the ESCO ISCED-F fields and the knowledge concepts under them into data/fields/."""
    base = shared / "data" / "taxonomy" / "esco-1.1.1"
    if not base.is_dir():
        print(f"{base} is absent", file=sys.stderr)
        return 1
    with (base / "skillGroups_en.csv").open(encoding="utf-8") as fh:
        rows_in = csv.DictReader(fh)
        groups = {r["conceptUri"]: r["preferredLabel"] for r in rows_in if "/isced-f/" in r["conceptUri"]}
    with (base / "skills_en.csv").open(encoding="utf-8") as fh:
        rows_in = csv.DictReader(fh)
        knowledge = {r["conceptUri"]: r["preferredLabel"] for r in rows_in if r["skillType"] == "knowledge"}
    rows = {(uri.rsplit("/", 1)[1], label) for uri, label in groups.items()}
    with (base / "broaderRelationsSkillPillar.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            label = knowledge.get(r["conceptUri"], "")
            if r["broaderUri"] in groups and re.fullmatch(r"[a-z][a-z ,'-]*", label):
                rows.add((r["broaderUri"].rsplit("/", 1)[1], label))
    lines = [
        "# ESCO v1.1.1 (European Commission, https://esco.ec.europa.eu), reuse: Decision 2011/833/EU.",
        "# ISCED-F code, then the field's label or a knowledge concept filed under it.",
        "isced_f\tlabel",
    ]
    lines += [f"{code}\t{label}" for code, label in sorted(rows)]
    (SRC / "esco_isced_f.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"data/fields/esco_isced_f.tsv: {len(rows)} rows")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when models/fields.json is stale")
    ap.add_argument("--import-shared", type=Path, metavar="SHARED", help="refresh data/fields/ from SHARED")
    args = ap.parse_args()
    if args.import_shared:
        return import_shared(args.import_shared)
    text = build()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print("models/fields.json is stale: run python scripts/build_fields.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"models/fields.json: {len(json.loads(text)['words'])} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
