"""Speed benchmarks for the README. Nothing here is asserted in tests.

    python scripts/bench.py posting [--runs 50]

posting: ``import matcher`` time, loading the taxonomy and building the pipeline, analysing a
5,000-character posting after load (median and 95th percentile over the dev-set postings cut or
repeated to 5,000 characters), and ``matcher posting FILE`` end to end (a fresh process).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXAMPLE = ROOT / "data" / "examples" / "posting-ml-engineer.md"
DEV = ROOT / "data" / "eval" / "postings"


def _fresh(code: str, runs: int) -> list[float]:
    """Wall time of a fresh Python process running ``code`` (which prints its own timing)."""
    out = []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        out.append(float(result.stdout.strip().splitlines()[-1]))
    return out


def _texts(size: int) -> list[str]:
    texts = []
    for path in [*sorted(DEV.glob("*.txt")), EXAMPLE]:
        text = path.read_text(encoding="utf-8")
        while len(text) < size:
            text = text + "\n" + text
        texts.append(text[:size])
    return texts


def bench_posting(runs: int) -> None:
    imports = _fresh("import time; t=time.perf_counter(); import matcher; print(time.perf_counter()-t)", 7)
    load = _fresh(
        "import time; t=time.perf_counter()\n"
        "from matcher.taxonomy import load_taxonomy; from matcher.nlp import get_pipeline\n"
        "load_taxonomy(); get_pipeline(); print(time.perf_counter()-t)",
        5,
    )
    taxonomy_only = _fresh(
        "import time; from matcher.taxonomy import load_taxonomy\n"
        "t=time.perf_counter(); load_taxonomy(); print(time.perf_counter()-t)",
        5,
    )
    from matcher import analyze_posting

    texts = _texts(5000)
    analyze_posting(texts[0])  # load
    times = []
    for _ in range(max(1, runs // len(texts))):
        for text in texts:
            t = time.perf_counter()
            analyze_posting(text)
            times.append(time.perf_counter() - t)
    cli = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "matcher.cli", "posting", str(EXAMPLE)], capture_output=True, check=True
        )
        cli.append(time.perf_counter() - t)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print("| step | time |")
    print("|---|---|")
    print(f"| `import matcher` | {statistics.median(imports) * 1000:.0f} ms (median of 7 fresh processes) |")
    print(f"| load taxonomy only | {statistics.median(taxonomy_only) * 1000:.0f} ms |")
    print(
        "| load taxonomy + build spaCy pipeline (incl. importing spaCy) | "
        f"{statistics.median(load) * 1000:.0f} ms |"
    )
    print(
        f"| analyse a 5,000-character posting, after load | median {statistics.median(times) * 1000:.1f} ms,"
        f" p95 {p95 * 1000:.1f} ms ({len(times)} runs over {len(texts)} postings) |"
    )
    print(
        "| `matcher posting FILE` end to end (fresh process) | "
        f"{statistics.median(cli):.2f} s (median of 5) |"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description="matcher benchmarks")
    sub = ap.add_subparsers(dest="what", required=True)
    p = sub.add_parser("posting", help="posting analysis speed")
    p.add_argument("--runs", type=int, default=200)
    args = ap.parse_args()
    if args.what == "posting":
        bench_posting(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
