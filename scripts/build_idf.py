"""Build models/idf.json, the background inverse document frequencies for text similarity.

    python scripts/build_idf.py [--check] [--export]

The IDF comes from a fixed corpus of real postings shipped in data/background/ (MIT licensed), so a
resume's similarity to a posting never depends on which other resumes are ranked with it. The
build is deterministic (sorted vocabulary, rounded weights); ``--check`` exits 1 when the committed
artefact is stale. ``--export`` rewrites data/background/postings.jsonl.gz from ../shared.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matcher.scoring import VECTORIZER_SETTINGS  # noqa: E402

CORPUS = ROOT / "data" / "background" / "postings.jsonl.gz"
OUT = ROOT / "models" / "idf.json"
SHARED = ROOT.parent / "shared" / "data"


def read_corpus() -> list[str]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh]


def build() -> str:
    from sklearn.feature_extraction.text import TfidfVectorizer

    settings = {**VECTORIZER_SETTINGS, "ngram_range": tuple(VECTORIZER_SETTINGS["ngram_range"])}
    vectorizer = TfidfVectorizer(min_df=2, **settings)
    vectorizer.fit(read_corpus())
    terms = sorted(vectorizer.vocabulary_)
    idf = [round(float(vectorizer.idf_[vectorizer.vocabulary_[t]]), 5) for t in terms]
    data = {"settings": VECTORIZER_SETTINGS, "documents": len(read_corpus()), "terms": terms, "idf": idf}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def export() -> int:
    if not SHARED.is_dir():
        print(f"build_idf: {SHARED} is absent; nothing to export", file=sys.stderr)
        return 1
    rows = []
    ms = json.loads((SHARED / "postings/microsoft-careers/microsoft_careers_sample.json").read_text())
    for p in ms:
        text = p["title"].strip() + "\n" + p["description"].strip()
        rows.append({"id": f"ms-{p['id']}", "source": "microsoft-careers", "text": text})
    for line in (SHARED / "skill-extraction/skillspan/derived/postings.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        row_id = f"ss-{r['split']}-{r['source']}-{r['idx']}"
        rows.append({"id": row_id, "source": "skillspan", "text": r["text"]})
    rows.sort(key=lambda r: r["id"])
    with gzip.GzipFile(CORPUS, "wb", mtime=0) as fh:
        for row in rows:
            fh.write((json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n").encode())
    print(f"wrote {CORPUS} ({len(rows)} postings)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description="Build models/idf.json from data/background/.")
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed file is stale")
    ap.add_argument("--export", action="store_true", help="rewrite the corpus from ../shared first")
    args = ap.parse_args()
    if args.export and export():
        return 1
    text = build()
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run python scripts/build_idf.py", file=sys.stderr)
            return 1
        print(f"{OUT} is current")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(json.loads(text)['terms'])} terms, {len(text) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
