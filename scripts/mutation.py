"""Mutation testing of the modules that decide a score: scoring, dates, years and degrees.

    pip install -e ".[test,mutation]"
    python scripts/mutation.py          # mutmut run, then the survivors per module
    python scripts/mutation.py --report # only the summary of the last run (mutants/ is kept)
    python scripts/mutation.py --report --explained docs/mutation-survivors.md
                                        # and every survivor the file does not explain (exit 1)
    python scripts/mutation.py --survivors --explained docs/mutation-survivors.md
                                        # run again only the last run's survivors (new tests)
    python scripts/mutation.py --report --draft docs/mutation-survivors.md
                                        # table rows to fill in for the unexplained survivors

mutmut (configured in pyproject.toml, [tool.mutmut]) changes one operator, constant or call at
a time in each function of those modules and runs the tests that cover it; a mutant the tests do
not notice "survives". Not part of CI: a full run takes about half an hour on two cores. The
README's development section has the figures; docs/mutation-survivors.md explains each survivor
(one table row per mutant: its name, what it changes, the verdict, why it survives), and
``--explained`` keeps that file honest: a survivor without a row fails the check.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


_SCOPE = (
    "matcher/scoring/_score.py",
    "matcher/facts/_dates.py",
    "matcher/facts/_years.py",
    "matcher/facts/_degrees.py",
)
_NAME = re.compile(r"matcher\.[\w.]+?__mutmut_\d+")
VERDICTS = ("equivalent", "not worth a test")


def _mutmut(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "mutmut", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0 and args[0] != "run":
        raise SystemExit(f"mutmut {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def report() -> int:
    """Print the stored result of every mutant (a run of some mutants keeps the others' results,
    unless the tests changed: mutmut then marks those "not checked") and the survivors per module."""
    status = Counter(re.findall(r"__mutmut_\d+: (.+)$", _mutmut("results", "--all", "true"), re.M))
    survivors: Counter[str] = Counter()
    for name in survivors_list():
        survivors[name.split(".")[1]] += 1
    print(f"mutants {sum(status.values())}: " + ", ".join(f"{status[s]} {s}" for s in sorted(status)))
    for module, n in sorted(survivors.items()):
        print(f"  matcher.{module}: {n} surviving")
    print("list them: mutmut results; read one: mutmut show NAME")
    return 0


def survivors_list() -> list[str]:
    """The mutants of the last run that survived (or that no test covers), by name."""
    found = re.findall(r"^\s*(matcher\.\S+__mutmut_\d+): (?:survived|no tests)$", _mutmut("results"), re.M)
    return sorted(found, key=_order)


def _order(name: str) -> tuple[str, int]:
    head, _, number = name.rpartition("__mutmut_")
    return head, int(number)


def explained(path: Path) -> dict[str, str]:
    """The mutants a survivors file explains, each with its verdict (a table row per mutant:
    ``| `name` | what it changes | verdict | why |``)."""
    rows: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not _NAME.fullmatch(cells[0].strip("`")):
            continue
        if cells[2] not in VERDICTS:
            raise SystemExit(f"{path}: {cells[0]}: verdict {cells[2]!r} is none of {', '.join(VERDICTS)}")
        rows[cells[0].strip("`")] = cells[2]
    return rows


def check_explained(path: Path) -> int:
    """Print the survivors ``path`` does not explain and the rows that no longer survive;
    1 when any survivor is unexplained."""
    alive = survivors_list()
    rows = explained(path)
    missing = [name for name in alive if name not in rows]
    stale = sorted(set(rows) - set(alive), key=_order)
    verdicts = Counter(rows[name] for name in alive if name in rows)
    print(f"{len(alive)} survivors: " + ", ".join(f"{n} {v}" for v, n in sorted(verdicts.items()))
          + f", {len(missing)} unexplained")  # fmt: skip
    for name in missing:
        print(f"  unexplained: {name}")
    for name in stale:
        print(f"  killed now, its row can go: {name}")
    return 1 if missing else 0


def draft(path: Path | None) -> int:
    """Print a table row to fill in for each survivor ``path`` does not explain yet."""
    import libcst as cst
    from mutmut.mutation.diff_apply import read_mutant_function, read_original_function

    rows = explained(path) if path is not None and path.exists() else {}
    modules: dict[str, cst.Module] = {}
    for name in survivors_list():
        if name in rows:
            continue
        source = next(s for s in _SCOPE if name.startswith(s[:-3].replace("/", ".") + "."))
        if source not in modules:
            modules[source] = cst.parse_module((ROOT / "mutants" / source).read_text(encoding="utf-8"))
        old, new = (
            cst.Module([f]).code.strip().splitlines()
            for f in (
                read_original_function(modules[source], name),
                read_mutant_function(modules[source], name),
            )
        )
        changed = [line.strip() for line in new if line not in old] or ["(a line removed)"]
        change = " ".join(changed)[:120].replace("|", "\\|")
        print(f"| `{name}` | `{change}` | equivalent | TODO |")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", action="store_true", help="summarise the last run only")
    ap.add_argument("--explained", type=Path, metavar="FILE", help="list survivors FILE does not explain")
    ap.add_argument("--survivors", action="store_true", help="run only the last run's survivors again")
    ap.add_argument("--draft", type=Path, metavar="FILE", help="print rows for survivors FILE lacks")
    args = ap.parse_args()
    if args.survivors:
        subprocess.run([sys.executable, "-m", "mutmut", "run", *survivors_list()], cwd=ROOT, check=False)
    elif not args.report:
        subprocess.run([sys.executable, "-m", "mutmut", "run"], cwd=ROOT, check=False)
    if args.draft:
        return draft(args.draft)
    status = report()
    return check_explained(args.explained) if args.explained else status


if __name__ == "__main__":
    raise SystemExit(main())
