"""Filter the big public taxonomies in ../shared down to the small files in data/taxonomy/.

Run this only when a source or a filtering rule changes; `build_taxonomy.py` then builds
models/skills.jsonl from data/taxonomy/ alone, so the build needs nothing outside the repo.

    pip install -e ".[build]" && python scripts/filter_sources.py [--shared ../shared]

What is kept (and why):
- ESCO: knowledge concepts of the digital skills collection (tools, languages, products); and any
  knowledge or transversal concept whose label is attested as a phrase in real postings (the
  SkillSpan training postings, the Green et al. 2022 ads and the Microsoft postings outside the dev
  set): the concepts postings actually name. Spoken languages from the language collection.
  Alternative labels of at most four words are kept here; build_taxonomy.py decides which to use.
- O*NET Technology Skills: every distinct product name with its commodity title and Hot flag.
- Linguist: programming and markup languages with their aliases.
- simple-icons: brand titles and aliases (the build keeps only those another source corroborates).
- Microsoft skills (stackshare-derived names): the names, used to corroborate.
- esco_concepts.tsv: every ESCO concept (of all 13,896) one of whose labels is a form of
  curated.txt, with the forms it names: the build splits a curated alias that ESCO holds as a
  concept of its own into its own entry (a narrower or a different skill, not a variant).
- form_counts.tsv: how often the real postings above write each form of curated.txt and each
  O*NET name (a capitalised one-word form as written): the build names a skill by the short form
  of its name postings write most.
- english_words.txt: lowercase words of the SCOWL/wamerican list (/usr/share/dict/words) that
  occur as a word of any name above or in curated.txt: a name that is such a word alone ("Works",
  "Drive", "Go") is ordinary English and needs case and context.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "taxonomy"
DEV_SET = ROOT / "data" / "eval" / "postings"
WORDS = Path("/usr/share/dict/words")


def _strip_paren(label: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*", " ", label).strip()


def _attestation_corpus(shared: Path) -> str:
    """Lower-cased text of real postings that are not in the dev set."""
    text = " ".join(_attestation_texts(shared)).lower()
    return " " + re.sub(r"[^a-z0-9+#]+", " ", text) + " "


def _attestation_texts(shared: Path) -> list[str]:
    """The texts of real postings that are not in the dev set (SkillSpan train, Microsoft, Green)."""
    dev_ids = {p.stem for p in DEV_SET.glob("*.txt")}
    parts: list[str] = []
    for line in (shared / "data/skill-extraction/skillspan/derived/postings.jsonl").open():
        row = json.loads(line)
        if row["split"] == "train":
            parts.append(row["text"])
    ms = json.loads((shared / "data/postings/microsoft-careers/microsoft_careers_sample.json").read_text())
    parts += [p["description"] for p in ms if f"ms-{p['id']}" not in dev_ids]
    green = shared / "data/skill-extraction/green2022/raw_data/testset.txt"
    parts.append(green.read_text(errors="replace"))
    return parts


def _form_counts(texts: list[str], forms: set[str]) -> list[list[str]]:
    """How often real postings outside the dev set write each form: [form, count], forms written
    at least once. A one-word form with a capital letter is counted as written ("Oracle", not the
    word "oracle"), any other form in any case. build_taxonomy.py names a skill by the short form
    of its name that postings write most ("Oracle" for Oracle Database, "IoT")."""
    lower = " " + re.sub(r"[^a-z0-9+#]+", " ", " ".join(texts).lower()) + " "
    cased = " " + re.sub(r"[^A-Za-z0-9+#]+", " ", " ".join(texts)) + " "
    rows: list[list[str]] = []
    for form in sorted(forms):
        one_word = re.fullmatch(r"[A-Za-z0-9+#]+", form) is not None
        if one_word and form != form.lower():
            count = cased.count(f" {form} ")
        else:
            count = lower.count(_norm_phrase(form))
        if count:
            rows.append([form, str(count)])
    return rows


def _skill_forms(curated: Path, onet: list[list[str]]) -> set[str]:
    """Every surface form of curated.txt (as written, flags stripped) and every O*NET name with
    its last word and the words before it (the build splits a trailing acronym off)."""
    forms = {f.strip() for f in _curated_names(curated)}
    for row in onet:
        words = row[0].split()
        forms |= {row[0], words[-1], " ".join(words[:-1])} if len(words) > 1 else {row[0]}
    return {f for f in forms if f}


def _norm_phrase(label: str) -> str:
    return " " + re.sub(r"[^a-z0-9+#]+", " ", label.lower()).strip() + " "


def _esco(shared: Path, corpus: str) -> list[list[str]]:
    base = shared / "data/taxonomy/esco-1.1.1"
    digital = {r["conceptUri"] for r in csv.DictReader((base / "digitalSkillsCollection_en.csv").open())}
    transversal = {
        r["conceptUri"] for r in csv.DictReader((base / "transversalSkillsCollection_en.csv").open())
    }
    rows: list[list[str]] = []
    for r in csv.DictReader((base / "skills_en.csv").open()):
        uri, label, stype = r["conceptUri"], r["preferredLabel"].strip(), r["skillType"]
        name = _strip_paren(label)
        if not name or len(name.split()) > 4:
            continue
        attested = _norm_phrase(name) in corpus
        if uri in digital and stype == "knowledge":
            source = "digital"
        elif attested and (stype == "knowledge" or uri in transversal):
            source = "transversal" if uri in transversal else "knowledge"
        else:
            continue
        alts = [a.strip() for a in r["altLabels"].split("\n") if a.strip()]
        alts = [a for a in alts if len(a.split()) <= 4 and "|" not in a]
        rows.append([uri.rsplit("/", 1)[-1], name, label, source, " ; ".join(alts)])
    rows.sort(key=lambda x: (x[1].lower(), x[0]))
    return rows


def _esco_concepts(shared: Path, forms: set[str]) -> list[list[str]]:
    """Every ESCO skill or knowledge concept (not only the filtered ones) that names a form of
    curated.txt, by its preferred or an alternative label: [id, preferred label, the curated forms
    it names]. build_taxonomy.py reads it to tell a curated alias that ESCO holds as a concept of
    its own (a narrower or different skill) from a variant of the entry's name."""
    rows: list[list[str]] = []
    for r in csv.DictReader((shared / "data/taxonomy/esco-1.1.1/skills_en.csv").open()):
        labels = [r["preferredLabel"], *r["altLabels"].split("\n")]
        named = sorted({_norm_form(a) for a in labels if _norm_form(a) in forms})
        if named:
            rows.append([r["conceptUri"].rsplit("/", 1)[-1], r["preferredLabel"].strip(), " ; ".join(named)])
    rows.sort(key=lambda x: (x[1].lower(), x[0]))
    return rows


def _norm_form(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def _curated_names(curated: Path) -> list[str]:
    """Each name and alias of curated.txt as written (flags stripped; blank ones left out)."""
    names: list[str] = []
    if curated.exists():
        for line in curated.read_text(encoding="utf-8").splitlines():
            parts = line.split("|")
            if len(parts) == 6 and not line.startswith("#"):
                aliases = re.sub(r"\{[^}]*\}", "", parts[3])
                names += [f for f in [parts[0], *aliases.split(",")] if f.strip()]
    return names


def _curated_forms(curated: Path) -> set[str]:
    return {_norm_form(f) for f in _curated_names(curated)}


def _esco_languages(shared: Path) -> list[str]:
    base = shared / "data/taxonomy/esco-1.1.1/languageSkillsCollection_en.csv"
    names = set()
    for r in csv.DictReader(base.open()):
        m = re.match(
            r"^(?:understand spoken|understand written|write|interact verbally in) (.+)$",
            r["preferredLabel"].strip(),
        )
        if m and m.group(1)[0].isupper():
            names.add(m.group(1))
    return sorted(names)


def _onet(shared: Path) -> list[list[str]]:
    path = shared / "data/taxonomy/onet-29.2/Technology Skills.txt"
    best: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", errors="replace") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            name = r["Example"].strip()
            hot = r["Hot Technology"].strip() == "Y"
            row = best.setdefault(name, [name, r["Commodity Title"].strip(), "N"])
            if hot:
                row[2] = "Y"
    return sorted(best.values(), key=lambda x: x[0].lower())


def _linguist(shared: Path) -> list[list[str]]:
    import yaml  # only this script needs PyYAML

    data = yaml.safe_load((shared / "data/taxonomy/linguist/languages.yml").read_text())
    rows = []
    for name, spec in data.items():
        if spec.get("type") not in ("programming", "markup"):
            continue
        aliases = [a for a in spec.get("aliases", []) if a.lower() != name.lower()]
        rows.append([name, spec["type"], " ; ".join(aliases)])
    return sorted(rows, key=lambda x: x[0].lower())


def _simple_icons(shared: Path) -> list[list[str]]:
    data = json.loads((shared / "data/taxonomy/simple-icons/simple-icons.json").read_text())
    icons = data if isinstance(data, list) else data["icons"]
    rows = []
    for icon in icons:
        aka = (icon.get("aliases") or {}).get("aka", [])
        rows.append([icon["title"], " ; ".join(a for a in aka if "|" not in a)])
    return sorted(rows, key=lambda x: x[0].lower())


def _microsoft(shared: Path) -> list[str]:
    data = json.loads((shared / "data/taxonomy/microsoft-skills/skills.json").read_text())
    names = set()
    for spec in data.values():
        for src in spec.get("sources", []):
            if src.get("displayName"):
                names.add(src["displayName"].strip())
    return sorted(names, key=str.lower)


def _write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(header) + "\n")
        for row in rows:
            fh.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in row) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    if not (args.shared / "data/taxonomy").is_dir():
        print(f"filter_sources: {args.shared}/data/taxonomy not found; nothing to filter", file=sys.stderr)
        return 1
    corpus = _attestation_corpus(args.shared)
    esco = _esco(args.shared, corpus)
    onet = _onet(args.shared)
    ling = _linguist(args.shared)
    icons = _simple_icons(args.shared)
    ms = _microsoft(args.shared)
    OUT.mkdir(parents=True, exist_ok=True)
    _write_tsv(OUT / "esco.tsv", ["id", "name", "label", "source", "alt_labels"], esco)
    concepts = _esco_concepts(args.shared, _curated_forms(OUT / "curated.txt"))
    _write_tsv(OUT / "esco_concepts.tsv", ["id", "name", "curated_forms"], concepts)
    counts = _form_counts(_attestation_texts(args.shared), _skill_forms(OUT / "curated.txt", onet))
    _write_tsv(OUT / "form_counts.tsv", ["form", "count"], counts)
    (OUT / "esco_languages.txt").write_text("\n".join(_esco_languages(args.shared)) + "\n")
    _write_tsv(OUT / "onet_technology.tsv", ["name", "commodity", "hot"], onet)
    _write_tsv(OUT / "linguist.tsv", ["name", "type", "aliases"], ling)
    _write_tsv(OUT / "simple_icons.tsv", ["title", "aliases"], icons)
    (OUT / "microsoft_skills.txt").write_text("\n".join(ms) + "\n")
    names = [r[1] for r in esco] + [r[0] for r in onet] + [r[0] for r in ling] + [r[0] for r in icons] + ms
    names += [a for r in ling for a in r[2].split(";")] + [a for r in icons for a in r[1].split(";")]
    curated = OUT / "curated.txt"
    if curated.exists():
        for line in curated.read_text(encoding="utf-8").splitlines():
            parts = line.split("|")
            if len(parts) == 6 and not line.startswith("#"):
                names += [parts[0], *parts[3].split(",")]
    # every word of every name: a folded vendor name ("Microsoft Works" -> Works) or an acronym
    # ("... FIELDS") may stand alone
    singles = {w.lower() for name in names for w in re.findall(r"[A-Za-z][A-Za-z'-]*", name)}
    words = set()
    if WORDS.exists():
        words = {w.strip() for w in WORDS.read_text(errors="replace").split() if w.strip().islower()}
    else:
        print(
            f"filter_sources: {WORDS} missing (apt-get install wamerican); english_words.txt kept",
            file=sys.stderr,
        )
    if words:
        (OUT / "english_words.txt").write_text("\n".join(sorted(singles & words)) + "\n", encoding="utf-8")
    print(
        f"esco {len(esco)}, onet {len(onet)}, linguist {len(ling)}, simple-icons {len(icons)}, "
        f"microsoft {len(ms)}, english collisions {len(singles & words)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
