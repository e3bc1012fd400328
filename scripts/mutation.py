"""Mutation testing of the modules that decide a score: scoring, dates, years and degrees.

    pip install -e ".[test,mutation]"
    python scripts/mutation.py          # mutmut run, then the survivors per module
    python scripts/mutation.py --report # only the summary of the last run (mutants/ is kept)

mutmut (configured in pyproject.toml, [tool.mutmut]) changes one operator, constant or call at
a time in each function of those modules and runs the tests that cover it; a mutant the tests do
not notice "survives". Not part of CI: a full run takes about half an hour on two cores. The
README's development section has the figures and which survivors are equivalent mutants.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _mutmut(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "mutmut", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0 and args[0] != "run":
        raise SystemExit(f"mutmut {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def report() -> int:
    _mutmut("export-cicd-stats")
    stats = json.loads((ROOT / "mutants" / "mutmut-cicd-stats.json").read_text())
    survivors = Counter()
    for line in _mutmut("results").splitlines():
        found = re.match(r"\s*(matcher\.[\w.]+?)\.x?_?\w*__mutmut_\d+: (survived|no tests)", line)
        if found:
            survivors[found.group(1).rsplit(".", 1)[0] if "." in found.group(1) else found.group(1)] += 1
    print(f"mutants {stats['total']}: killed {stats['killed']}, survived {stats['survived']}, "
          f"no tests {stats['no_tests']}, timeouts {stats['timeout']}")  # fmt: skip
    for module, n in sorted(survivors.items()):
        print(f"  {module}: {n} surviving")
    print("list them: mutmut results; read one: mutmut show NAME")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", action="store_true", help="summarise the last run only")
    args = ap.parse_args()
    if not args.report:
        subprocess.run([sys.executable, "-m", "mutmut", "run"], cwd=ROOT, check=False)
    return report()


if __name__ == "__main__":
    raise SystemExit(main())
