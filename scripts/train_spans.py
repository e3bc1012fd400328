"""Train the learned skill-span extractor into models/spans/ from the labelled public sets.

    python scripts/train_spans.py --prepare     # ../shared -> data/spans/train.jsonl.gz (once)
    python scripts/train_spans.py               # data/spans/train.jsonl.gz -> models/spans/
    python scripts/train_spans.py --evaluate    # span P/R/F1 on SkillSpan's test split (../shared)
    python scripts/train_spans.py --evaluate --split dev   # ... on its dev split (for choosing)
    python scripts/train_spans.py --out /tmp/m --set width=96 --select   # a trial into a scratch dir

``--select`` scores SkillSpan's dev split after every epoch and keeps the best epoch's weights
(up to ``epochs``); its meta records that epoch as ``epochs``, so writing the chosen epoch into
SETTINGS makes a plain rebuild (no ``--select``) give the same weights. The test split is only
scored at the end, never used to choose.

The training data (data/spans/train.jsonl.gz, with its licences in data/spans/) is SkillSpan's train
split (Zhang et al., NAACL 2022; MIT), Green et al. 2022's gold set (LREC 2022; CC BY 4.0) and
Sayfullina et al. 2018's soft-skill sentences (via jjzha/skill-extraction-weak-supervision; MIT),
one sentence a line: ``{"tokens": [...], "spans": [[start, end, label]], "source": ...}`` with
token offsets and the labels SKILL (a skill phrase: "work independently", "stakeholder
management") and KNOWLEDGE (a body of knowledge or a tool: "Python", "statistics").

The model is a spaCy NER (``spacy.blank("en")``, a small hash-embedding CNN, CPU) trained with a
fixed seed, a fixed number of epochs and one thread, so a rebuild gives the same weights on the
same machine; models/spans/meta.json records the SHA-256 of the training file and the settings,
and a test checks they match what is committed (tests/test_spans.py).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data" / "skill-extraction"
TRAIN_FILE = ROOT / "data" / "spans" / "train.jsonl.gz"
MODEL_DIR = ROOT / "models" / "spans"

#: Everything that decides the weights; written into models/spans/meta.json.
SETTINGS: dict[str, Any] = {
    "seed": 20221,
    "epochs": 12,
    "batch_size": 32,
    "dropout": 0.2,
    "width": 64,
    "depth": 4,
    "embed_size": 2000,
    "window_size": 1,
    "maxout_pieces": 3,
    "hidden_width": 64,
}


def _bio_spans(tags: list[str], label: str) -> list[list[Any]]:
    spans: list[list[Any]] = []
    start = None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("B") or tag == "O" or (tag.startswith("I") and start is None):
            if start is not None:
                spans.append([start, i, label])
                start = None
            if tag.startswith("B") or (tag.startswith("I") and start is None and tag != "O"):
                start = i
    return spans


def _no_overlap(spans: list[list[Any]]) -> list[list[Any]]:
    """Longest first; a span overlapping one kept is dropped (NER spans cannot overlap)."""
    kept: list[list[Any]] = []
    for span in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(span[1] <= k[0] or k[1] <= span[0] for k in kept):
            kept.append(span)
    return sorted(kept)


def skillspan(split: str) -> list[dict[str, Any]]:
    """SkillSpan sentences of one split (train, dev, test) with SKILL and KNOWLEDGE spans."""
    out = []
    with (SHARED / "skillspan" / "data" / "json" / f"{split}.json").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            spans = _bio_spans(d["tags_skill"], "SKILL") + _bio_spans(d["tags_knowledge"], "KNOWLEDGE")
            out.append(
                {"tokens": d["tokens"], "spans": _no_overlap(spans), "source": f"skillspan-{d['source']}"}
            )
    return out


def _conll(
    path: Path, column: int, keep: dict[str, str], source: str, sep: str | None
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    tokens: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if tokens:
            spans = []
            for name, label in keep.items():
                spans += _bio_spans([t if t[2:] == name else "O" for t in tags], label)
            out.append({"tokens": list(tokens), "spans": _no_overlap(spans), "source": source})
        tokens.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            continue
        parts = line.split(sep)
        tokens.append(parts[0])
        tags.append(parts[column])
    flush()
    return out


def _green() -> list[dict[str, Any]]:
    import csv

    rows: dict[str, list[tuple[str, str]]] = {}
    with (SHARED / "green2022" / "preprocessed_data" / "df_testset.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rows.setdefault(row["sentence_id"], []).append((row["word"], row["tag"]))
    out = []
    for words in rows.values():
        tags = [t for _, t in words]
        spans = _bio_spans([t if t.endswith("Skill") else "O" for t in tags], "SKILL")
        out.append({"tokens": [w for w, _ in words], "spans": spans, "source": "green2022"})
    return out


def prepare() -> int:
    if not SHARED.is_dir():
        print(f"train_spans: {SHARED} is absent: the labelled sets are read from there", file=sys.stderr)
        return 1
    sentences = skillspan("train")
    sayfullina = SHARED / "sayfullina" / "sayfullina" / "sayfullina_train.conll"
    sentences += _conll(sayfullina, 1, {"Skill": "SKILL"}, "sayfullina", "\t")
    sentences += _green()
    TRAIN_FILE.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(json.dumps(s, ensure_ascii=False, separators=(",", ":")) + "\n" for s in sentences)
    # mtime 0 and no file name in the header: the same sentences give the same bytes
    TRAIN_FILE.write_bytes(gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {TRAIN_FILE} ({len(sentences)} sentences)")
    return 0


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _blank() -> Any:
    import spacy

    nlp = spacy.blank("en")
    s = SETTINGS
    nlp.add_pipe(
        "ner",
        config={
            "model": {
                "@architectures": "spacy.TransitionBasedParser.v2",
                "state_type": "ner",
                "extra_state_tokens": False,
                "hidden_width": s["hidden_width"],
                "maxout_pieces": 2,
                "use_upper": True,
                "tok2vec": {
                    "@architectures": "spacy.HashEmbedCNN.v2",
                    "pretrained_vectors": None,
                    "width": s["width"],
                    "depth": s["depth"],
                    "embed_size": s["embed_size"],
                    "window_size": s["window_size"],
                    "maxout_pieces": s["maxout_pieces"],
                    "subword_features": True,
                },
            }
        },
    )
    return nlp


def _examples(nlp: Any, sentences: list[dict[str, Any]]) -> list[Any]:
    from spacy.tokens import Doc
    from spacy.training import Example

    out = []
    for s in sentences:
        doc = Doc(nlp.vocab, words=s["tokens"])
        ents = [doc[a:b] for a, b, _ in s["spans"]]
        ref = Doc(nlp.vocab, words=s["tokens"])
        ref.ents = [
            ref.char_span(e.start_char, e.end_char, label=lab)
            for e, (_, _, lab) in zip(ents, s["spans"], strict=True)
        ]
        out.append(Example(doc, ref))
    return out


def train(out: Path, select: bool) -> int:
    from spacy.util import fix_random_seed, minibatch

    if not TRAIN_FILE.exists():
        print(f"train_spans: {TRAIN_FILE} is missing: run with --prepare first", file=sys.stderr)
        return 1
    sentences = [
        json.loads(line) for line in gzip.decompress(TRAIN_FILE.read_bytes()).decode("utf-8").splitlines()
    ]
    fix_random_seed(SETTINGS["seed"])
    nlp = _blank()
    examples = _examples(nlp, sentences)
    optimizer = nlp.initialize(lambda: examples, sgd=_optimizer(nlp))
    rng = random.Random(SETTINGS["seed"])
    dev = skillspan("dev") if select else []
    best = -1.0
    began = time.perf_counter()
    for epoch in range(SETTINGS["epochs"]):
        order = list(examples)
        rng.shuffle(order)
        losses: dict[str, float] = {}
        for batch in minibatch(order, size=SETTINGS["batch_size"]):
            nlp.update(batch, sgd=optimizer, drop=SETTINGS["dropout"], losses=losses)
        note = ""
        if select:
            with _averaged(nlp, optimizer):
                counts = _score(nlp, dev)
            f1s = {label: _prf(*c)[2] for label, c in counts.items()}
            note = "  dev F1 " + " ".join(f"{label} {f:.3f}" for label, f in f1s.items())
            if f1s["any label"] > best:
                best = f1s["any label"]
                with _averaged(nlp, optimizer):
                    _save(nlp, out, {**SETTINGS, "epochs": epoch + 1})
                note += "  (kept)"
        took = time.perf_counter() - began
        print(f"epoch {epoch + 1}: loss {losses.get('ner', 0.0):.1f} ({took:.0f} s){note}", flush=True)
    if not select:
        with _averaged(nlp, optimizer):
            _save(nlp, out, SETTINGS)
    print(f"wrote {out} in {time.perf_counter() - began:.0f} s")
    return 0


def _optimizer(nlp: Any) -> Any:
    """spaCy's default Adam; with ``average`` set it also keeps the running average of the weights."""
    from spacy.util import registry

    config = dict(nlp.config["training"]["optimizer"])
    config["use_averages"] = bool(SETTINGS.get("average", False))
    return registry.resolve({"optimizer": config})["optimizer"]


def _averaged(nlp: Any, optimizer: Any) -> Any:
    """With ``average`` set, the weights averaged over the updates (as spaCy's own training loop
    scores and saves them) stand in for the last ones; otherwise the last weights."""
    import contextlib

    if SETTINGS.get("average", False):
        return nlp.use_params(optimizer.averages)
    return contextlib.nullcontext()


def _save(nlp: Any, out: Path, settings: dict[str, Any]) -> None:
    import spacy

    out.mkdir(parents=True, exist_ok=True)
    nlp.meta["name"] = "matcher_spans"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["sources"] = [
        {"name": "SkillSpan (train split)", "url": "https://github.com/kris927b/SkillSpan", "license": "MIT"},
        {
            "name": "Green et al. 2022",
            "url": "https://github.com/acp19tag/skill-extraction-dataset",
            "license": "CC BY 4.0",
        },
        {
            "name": "Sayfullina et al. 2018",
            "url": "https://github.com/jjzha/skill-extraction-weak-supervision",
            "license": "MIT",
        },
    ]
    nlp.meta["matcher"] = {
        "train_sha256": _digest(TRAIN_FILE),
        "settings": settings,
        "spacy": spacy.__version__,
    }
    nlp.to_disk(out)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _score(nlp: Any, gold_sentences: list[dict[str, Any]]) -> dict[str, list[int]]:
    """[tp, fp, fn] of exact-match spans per label and for "any label". The sentences are read
    into a vocabulary of their own, so that scoring during training (``--select``) adds none of
    their words to the strings the model is saved with: it saves what a plain rebuild saves."""
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank(nlp.lang).vocab
    for label in ("SKILL", "KNOWLEDGE"):
        vocab.strings.add(label)
    counts: dict[str, list[int]] = {}
    for s in gold_sentences:
        doc = nlp(Doc(vocab, words=s["tokens"]))
        got = {(e.start, e.end, e.label_) for e in doc.ents}
        want = {(a, b, lab) for a, b, lab in s["spans"]}
        for label in ("SKILL", "KNOWLEDGE"):
            g = {x for x in got if x[2] == label}
            w = {x for x in want if x[2] == label}
            c = counts.setdefault(label, [0, 0, 0])
            c[0] += len(g & w)
            c[1] += len(g - w)
            c[2] += len(w - g)
        # "any": a span found is right when some gold span of either label has its exact bounds
        g2 = {x[:2] for x in got}
        w2 = {x[:2] for x in want}
        c = counts.setdefault("any label", [0, 0, 0])
        c[0] += len(g2 & w2)
        c[1] += len(g2 - w2)
        c[2] += len(w2 - g2)
    return counts


def evaluate(model: Path, split: str) -> int:
    """Exact-match span P/R/F1 on one SkillSpan split: per label and both together."""
    import spacy

    if not (SHARED / "skillspan").is_dir():
        print(f"train_spans: {SHARED / 'skillspan'} is absent: the {split} split is read from there")
        return 0
    nlp = spacy.load(model)
    began = time.perf_counter()
    gold_sentences = skillspan(split)
    counts = _score(nlp, gold_sentences)
    print(f"SkillSpan {split} split: {len(gold_sentences)} sentences ({time.perf_counter() - began:.1f} s)")
    for label, (tp, fp, fn) in counts.items():
        p, r, f = _prf(tp, fp, fn)
        print(f"  {label:10} precision {p:.3f}  recall {r:.3f}  span F1 {f:.3f}  ({tp + fn} gold spans)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--prepare", action="store_true", help="copy the labelled sets from ../shared into data/spans"
    )
    ap.add_argument("--evaluate", action="store_true", help="span figures on a SkillSpan split")
    ap.add_argument("--split", choices=("dev", "test"), default="test", help="the split --evaluate scores")
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="the model directory (default models/spans)")
    ap.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help="override one of SETTINGS (a trial)"
    )
    ap.add_argument(
        "--select", action="store_true", help="keep the epoch (up to epochs) best on SkillSpan's dev split"
    )
    args = ap.parse_args()
    for item in args.set:
        key, _, value = item.partition("=")
        if key not in {*SETTINGS, "average"}:
            ap.error(f"--set: {key} is not one of {sorted(SETTINGS)}")
        SETTINGS[key] = json.loads(value)
    if args.prepare:
        return prepare()
    if args.evaluate:
        return evaluate(args.out, args.split)
    return train(args.out, args.select)


if __name__ == "__main__":
    raise SystemExit(main())
