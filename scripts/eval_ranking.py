"""Score matcher's ranking against recruiters' 1-7 judgments (FERR dev half, EVAL-ONLY).

    python scripts/evaluate.py ranking [--dir ../shared/data/ranking/ferr-dev-EVAL-ONLY]
        [--cache PATH] [--components] [--boot 2000]

The judgments and the resumes stay in ../shared (never in the repo); this reads them when they are
there and says so when they are not. Parsed resumes go through the matcher cache (SQLite), so a
second run only scores. The 26 dev postings are split once by ``dev_split.part_of(posting_id)``;
every figure is reported on the tuning part, the check part and all postings, each with a 95%
bootstrap interval over postings.

Metrics (as the data's README defines them): per-posting Spearman and Kendall tau-b, tie-aware
NDCG@5 and @10 (gain = score - 1, log2 discount, tied predictions share their average gain:
McSherry & Najork 2008), macro-averaged over postings; and the pooled Spearman over all judgments
(are scores comparable across postings?). A scorer that gives one posting's resumes all the same
value has correlation 0 there (it ranks no better than chance).

Baselines on the same files: random order (the mean over 200 shuffles) and plain TF-IDF cosine
(scikit-learn defaults, fitted on the texts of all the postings and judged resumes).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from dev_split import part_of  # noqa: E402

from matcher import Posting, Resume, Weights, analyze_posting, score  # noqa: E402
from matcher.calibration import kendall_tau_b, ndcg_at, spearman  # noqa: E402

FERR_DEV = ROOT.parent / "shared" / "data" / "ranking" / "ferr-dev-EVAL-ONLY"
RESUMES = ROOT.parent / "shared" / "data" / "resumes" / "livecareer-EVAL-ONLY"
#: "Present" in the livecareer resumes: the day the other resume evaluations use too
AS_OF = date(2026, 11, 1)


@dataclass
class Item:
    """One posting with its judged resumes."""

    posting_id: str
    text: str
    posting: Posting
    resumes: list[str]  # paths relative to RESUMES
    gold: list[float]


# --------------------------------------------------------------------------------------- metrics


METRICS = ("spearman", "kendall", "ndcg5", "ndcg10")


def per_posting(pred: Sequence[float], gold: Sequence[float]) -> dict[str, float]:
    """The four per-posting metrics of one posting's predictions (gain = score - 1)."""
    return {
        "spearman": spearman(pred, gold),
        "kendall": kendall_tau_b(pred, gold),
        "ndcg5": ndcg_at(pred, gold, 5, lowest=1.0),
        "ndcg10": ndcg_at(pred, gold, 10, lowest=1.0),
    }


@dataclass
class Summary:
    """Macro means, pooled Spearman and their bootstrap intervals over a set of postings."""

    n: int
    means: dict[str, float]
    low: dict[str, float]
    high: dict[str, float]


def summarise(
    preds: dict[str, list[float]], items: list[Item], *, boot: int = 2000, seed: int = 13
) -> Summary:
    """Macro-averaged metrics over ``items`` with 95% bootstrap intervals (resampling postings)."""
    import random

    rows = {it.posting_id: per_posting(preds[it.posting_id], it.gold) for it in items}

    def stats(ids: list[str]) -> dict[str, float]:
        out = {m: sum(rows[i][m] for i in ids) / len(ids) for m in METRICS}
        pooled_p = [p for i in ids for p in preds[i]]
        pooled_g = [g for i in ids for g in by_id[i].gold]
        out["pooled"] = spearman(pooled_p, pooled_g)
        return out

    by_id = {it.posting_id: it for it in items}
    ids = [it.posting_id for it in items]
    means = stats(ids)
    rng = random.Random(seed)
    samples = [stats([rng.choice(ids) for _ in ids]) for _ in range(boot)]
    low, high = dict(means), dict(means)
    for m in means if boot else ():
        values = sorted(s[m] for s in samples)
        low[m] = values[int(0.025 * (boot - 1))]
        high[m] = values[int(0.975 * (boot - 1))]
    return Summary(len(ids), means, low, high)


# --------------------------------------------------------------------------------------- data


def load_items(folder: Path) -> list[Item]:
    """The postings of a FERR folder with their judged resumes, in posting-id order."""
    judged: dict[str, list[tuple[str, float]]] = {}
    with (folder / "judgments.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            pid = row["posting"]  # "postings/<id>.txt", the id the split is made on (17 tuning, 9 check)
            judged.setdefault(pid, []).append((row["resume"], float(row["score"])))
    items = []
    for pid in sorted(judged):
        text = (folder / pid).read_text(encoding="utf-8")
        pairs = judged[pid]
        items.append(Item(pid, text, analyze_posting(text), [p for p, _ in pairs], [s for _, s in pairs]))
    return items


def load_resumes(names: list[str], cache_path: Path | None) -> dict[str, Resume]:
    """Parse each resume (through the matcher cache when given), resolved for :data:`AS_OF`."""
    from matcher.batch import ResumeCache, file_key, parse_file
    from matcher.resume import resolve_dates

    cache = ResumeCache(cache_path) if cache_path else None
    out: dict[str, Resume] = {}
    try:
        for name in sorted(set(names)):
            path = RESUMES / name
            key = file_key(path.read_bytes(), engine="pypdf")
            parsed = cache.get(key) if cache else None
            if parsed is None:
                result = parse_file(path)
                if result.resume is None:
                    print(f"  {name}: {result.failure}", file=sys.stderr)
                    continue
                parsed = result.resume
                if cache:
                    cache.put(key, parsed)
            out[name] = resolve_dates(parsed, AS_OF)
    finally:
        if cache:
            cache.close()
    return out


# --------------------------------------------------------------------------------------- scorers

Scorer = Callable[[Item, list[Resume]], list[float]]


def matcher_scorer(weights: Weights | None = None, component: str | None = None) -> Scorer:
    """matcher's total (or one component, missing counted as 0) under ``weights``."""

    def run(item: Item, resumes: list[Resume]) -> list[float]:
        out = []
        for resume in resumes:
            s = score(item.posting, resume, weights=weights)
            value = s.total if component is None else s.components.get(component)
            out.append(float(value) if value is not None else 0.0)
        return out

    return run


def tfidf_preds(items: list[Item], resumes: dict[str, Resume]) -> dict[str, list[float]]:
    """Plain TF-IDF cosine, scikit-learn defaults, fitted once on the texts of every posting and
    every judged resume, the baseline the data's README reports. The resume text is the parsed
    one from the cache (pypdf's text, cleaned): pypdf's raw text gives the same figures to three
    decimals, and reading every PDF again would make each run slow."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    names = sorted(resumes)
    vectorizer = TfidfVectorizer().fit([it.text for it in items] + [resumes[n].text for n in names])
    out = {}
    for it in items:
        matrix = vectorizer.transform([it.text, *(resumes[r].text for r in it.resumes)])
        out[it.posting_id] = [float(v) for v in (matrix[1:] @ matrix[0].T).toarray().ravel()]
    return out


def random_preds(items: list[Item], seed: int) -> dict[str, list[float]]:
    """One random order per posting."""
    import random

    rng = random.Random(seed)
    return {it.posting_id: [rng.random() for _ in it.gold] for it in items}


def predict(scorer: Scorer, items: list[Item], resumes: dict[str, Resume]) -> dict[str, list[float]]:
    """The scorer's value for each judged resume, per posting."""
    return {it.posting_id: scorer(it, [resumes[r] for r in it.resumes]) for it in items}


# --------------------------------------------------------------------------------------- report

HEADER = f"{'scorer':<34} {'part':<6} {'n':>3}  " + "  ".join(
    f"{m:>19}" for m in ("spearman", "kendall", "ndcg5", "ndcg10", "pooled")
)


def _line(name: str, part: str, s: Summary) -> str:
    cells = "  ".join(
        f"{s.means[m]:6.3f} [{s.low[m]:5.2f},{s.high[m]:5.2f}]"
        for m in ("spearman", "kendall", "ndcg5", "ndcg10", "pooled")
    )
    return f"{name:<34} {part:<6} {s.n:>3}  {cells}"


def parts(items: list[Item]) -> dict[str, list[Item]]:
    """tuning, check and all postings."""
    return {
        "tuning": [it for it in items if part_of(it.posting_id) == "tuning"],
        "check": [it for it in items if part_of(it.posting_id) == "check"],
        "all": items,
    }


def report(
    scorers: dict[str, dict[str, list[float]] | list[dict[str, list[float]]]],
    items: list[Item],
    boot: int,
) -> list[str]:
    """One line per scorer and part. A list of predictions (random) is averaged over its runs."""
    lines = [HEADER]
    for name, preds in scorers.items():
        for part, chosen in parts(items).items():
            if isinstance(preds, list):
                runs = [summarise(p, chosen, boot=0) for p in preds]
                mean = {m: sum(r.means[m] for r in runs) / len(runs) for m in runs[0].means}
                ordered = {m: sorted(r.means[m] for r in runs) for m in mean}
                low = {m: v[int(0.025 * (len(v) - 1))] for m, v in ordered.items()}
                high = {m: v[int(0.975 * (len(v) - 1))] for m, v in ordered.items()}
                lines.append(_line(name, part, Summary(len(chosen), mean, low, high)))
            else:
                lines.append(_line(name, part, summarise(preds, chosen, boot=boot)))
    return lines


def run(args: Any) -> int:
    """``evaluate.py ranking``: print the table of scorers x parts."""
    folder: Path = args.dir
    if not (folder / "judgments.csv").exists() or not RESUMES.is_dir():
        print(
            f"ranking: skipped: {folder} or {RESUMES} is absent (the judgments and resumes are "
            "evaluation-only data, never in the repo)"
        )
        return 0
    items = load_items(folder)
    from matcher.batch import default_cache_path

    cache = None if args.no_cache else (args.cache or default_cache_path())
    resumes = load_resumes([r for it in items for r in it.resumes], cache)
    for it in items:  # a resume that could not be parsed is left out of its posting
        keep = [i for i, r in enumerate(it.resumes) if r in resumes]
        it.resumes = [it.resumes[i] for i in keep]
        it.gold = [it.gold[i] for i in keep]
    n_judged = sum(len(it.gold) for it in items)
    split = parts(items)
    print(
        f"ranking: {len(items)} postings, {n_judged} judgments in {folder} "
        f"(tuning {len(split['tuning'])}, check {len(split['check'])}); 95% bootstrap intervals"
    )
    weights = Weights.from_toml(args.weights) if args.weights else None
    scorers: dict[str, Any] = {
        "random (mean of 200 shuffles)": [random_preds(items, seed) for seed in range(200)],
        "tf-idf cosine (sklearn defaults)": tfidf_preds(items, resumes),
        "matcher total": predict(matcher_scorer(weights), items, resumes),
    }
    if args.ablations:  # each signal switched in turn: kept only if it helps the total on both parts
        import dataclasses

        base = weights or Weights()
        for label, change in ABLATIONS.items():
            scorers[f"  {label}"] = predict(
                matcher_scorer(dataclasses.replace(base, **change)), items, resumes
            )
    if args.components:
        from matcher.scoring import COMPONENTS

        for name in COMPONENTS:
            scorers[f"  component {name}"] = predict(matcher_scorer(weights, name), items, resumes)
    for line in report(scorers, items, args.boot):
        print(line)
    return 0


#: the signals of issue 13, each switched on or off against the defaults (``--ablations``)
ABLATIONS: dict[str, dict[str, Any]] = {
    "with role 0.15": {"role": 0.15},
    "without history": {"history": 0.0},
    "without listed credit": {"listed_credit": 1.0},
    "without related credit": {"related_credit": 0.0},
    "without similarity": {"similarity": 0.0},
}


def add_parser(sub: Any) -> None:
    """The ``ranking`` subcommand of scripts/evaluate.py."""
    r = sub.add_parser("ranking", help="ranking against recruiters' 1-7 judgments (FERR dev half)")
    r.add_argument("--dir", type=Path, default=FERR_DEV, help="a FERR folder (judgments.csv, postings/)")
    r.add_argument("--cache", type=Path, help="SQLite cache of parsed resumes (default: matcher's own)")
    r.add_argument("--no-cache", action="store_true", help="parse every resume again")
    r.add_argument("--weights", type=Path, help="a TOML [weights] file (matcher calibrate --config-out)")
    r.add_argument("--components", action="store_true", help="also rank by each component alone")
    r.add_argument("--ablations", action="store_true", help="also the total with each signal switched off")
    r.add_argument("--boot", type=int, default=2000, help="bootstrap resamples (default 2000)")
