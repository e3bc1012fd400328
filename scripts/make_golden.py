"""Regenerate the golden files: the CLI contract (tests/data/golden/expected/*.json) and the
explanations of the example ranking (tests/data/explanations-example.json).

    python scripts/make_golden.py          # rewrite the expected files
    python scripts/make_golden.py --check  # exit 1 if any differs (what tests/test_golden.py does)

Each command runs on the tiny inputs beside it (tests/data/golden), from the repository root and
with fixed dates, exactly as a user would type it. After a deliberate change to the contract,
regenerate, read the diff, and commit it with the change.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path("tests/data/golden")
EXPECTED = GOLDEN / "expected"
AS_OF = "2025-01-01"

COMMANDS: dict[str, list[str]] = {
    "posting.json": ["posting", str(GOLDEN / "posting.md"), "--json"],
    "resume.json": ["resume", str(GOLDEN / "resume.txt"), "--json", "--as-of", AS_OF],
    "rank.json": [
        "rank", str(GOLDEN / "posting.md"), str(GOLDEN / "resumes"),
        "--json", "--as-of", AS_OF, "--no-cache", "--workers", "0", "--quiet",
    ],
}  # fmt: skip


def render(args: list[str]) -> str:
    """What ``matcher ARGS`` prints, run from the repository root."""
    sys.path.insert(0, str(ROOT))
    from matcher.cli import main

    here = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(here)
    if result.exit_code != 0:
        raise SystemExit(f"matcher {' '.join(args)} exited {result.exit_code}: {result.output}")
    return result.stdout


EXPLANATIONS = Path("tests/data/explanations-example.json")


def explanation_weights() -> dict[str, object]:
    """The weights the example ranking is explained under: the defaults, and strict knockouts."""
    sys.path.insert(0, str(ROOT))
    from matcher.scoring import Weights

    return {
        "default": None,
        "knockouts": Weights(knockouts=("degree", "experience", "certifications"), related_credit=0),
    }


def explanations() -> str:
    """``explain()`` of every ranked example resume, under each of :func:`explanation_weights`."""
    import json
    from datetime import date

    from matcher import analyze_posting_file, rank

    posting = analyze_posting_file(ROOT / "data" / "examples" / "posting-ml-engineer.md")
    folder = ROOT / "data" / "examples" / "resumes"
    got = {}
    for label, weights in explanation_weights().items():
        ranking = rank(posting, [folder], as_of=date(2026, 11, 1), weights=weights)  # type: ignore[arg-type]
        got[label] = {Path(e.path).name: e.score.explain() for e in ranking.entries if e.score is not None}
    return json.dumps(got, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    args = ap.parse_args()
    stale = []
    for name, command in COMMANDS.items():
        path = ROOT / EXPECTED / name
        text = render(command)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    text = explanations()
    path = ROOT / EXPLANATIONS
    if args.check:
        if path.read_text(encoding="utf-8") != text:
            stale.append(EXPLANATIONS.name)
    else:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {EXPLANATIONS}")
    if stale:
        print(f"stale golden files: {', '.join(stale)} (run: python scripts/make_golden.py)")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
