"""Score matcher's extraction against labelled documents (the schema of LABELS.md).

    python scripts/evaluate.py postings [--dir data/eval/postings] [--show ID] [--errors]
    python scripts/evaluate.py resumes [--synthetic 200] [--engine pypdf|pdfium|auto] [--errors]
    python scripts/evaluate.py ranking [--components] [--weights weights.toml]  (scripts/eval_ranking.py)

A folder holds pairs: ID.txt (or .md/.pdf/.html) with the document and ID.json with its label.
Scoring follows LABELS.md: names match case-insensitively ignoring punctuation and spacing (but
"+" and "#" count, so C, C++ and C# stay apart); recall counts required + preferred entries found;
precision counts a program skill as wrong when it matches no required, preferred or neutral
entry; importance is scored on the program skills that match a required or preferred entry;
degree is the minimum level, years the required minimum (null must be null).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from matcher import analyze_posting, analyze_posting_file  # noqa: E402
from matcher.records import Posting  # noqa: E402

DOC_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm")


def norm(name: str) -> str:
    return re.sub(r"[^0-9a-z+#]", "", name.lower())


def _entry_names(entry: dict[str, object]) -> set[str]:
    return {norm(str(n)) for n in entry["names"]}  # type: ignore[union-attr]


def _document(folder: Path, stem: str) -> Path | None:
    for suffix in DOC_SUFFIXES:
        path = folder / f"{stem}{suffix}"
        if path.exists():
            return path
    return None


class Tally:
    def __init__(self) -> None:
        self.n = {
            k: 0
            for k in (
                "tp",
                "fp",
                "found",
                "gold",
                "hard_found",
                "hard_gold",
                "soft_found",
                "soft_gold",
                "imp_ok",
                "imp_n",
                "deg_ok",
                "years_ok",
                "docs",
                "cert_gold",
                "cert_found",
                "cert_got",
                "cert_imp_ok",
                "cert_imp_n",
                "group_gold",
                "group_found",
                "title_ok",
                "title_n",
            )
        }

    def add(self, key: str, value: int = 1) -> None:
        self.n[key] += value

    def ratio(self, a: str, b: str) -> float:
        return self.n[a] / self.n[b] if self.n[b] else float("nan")


def evaluate_posting(posting: Posting, label: dict, tally: Tally, verbose: bool) -> None:
    graded = [(e, "required") for e in label["required"]] + [(e, "preferred") for e in label["preferred"]]
    neutral = label.get("neutral", [])
    program = [(norm(s.name), s) for s in posting.skills]
    program_names = {n for n, _ in program}
    groups = [{norm(str(n)) for n in g["any_of"]} for g in label.get("groups") or []]
    counted: set[int] = set()  # a label group counts once: found when any member is found
    for entry, importance in graded:
        names = _entry_names(entry)
        hit = bool(names & program_names)
        group = next((i for i, g in enumerate(groups) if g & names), None)
        if group is not None:
            if group in counted:
                continue
            counted.add(group)
            alike = [_entry_names(e) for e, _ in graded if _entry_names(e) & groups[group]]
            members = groups[group].union(*alike)
            hit = bool(members & program_names)
            tally.add("group_gold")
            tally.add("group_found", int(hit))
        kind = entry.get("kind", "hard")
        tally.add("gold")
        tally.add(f"{kind}_gold" if kind in ("hard", "soft") else "hard_gold")
        if hit:
            tally.add("found")
            tally.add(f"{kind}_found" if kind in ("hard", "soft") else "hard_found")
        elif verbose:
            print(f"  MISSED   {importance:9} {entry['names'][0]}")
    for name, skill in program:
        match = None
        for entry, importance in graded:
            if name in _entry_names(entry):
                match = importance
                break
        if match is None and not any(name in _entry_names(e) for e in neutral):
            tally.add("fp")
            if verbose:
                print(f"  WRONG    {skill.importance:9} {skill.name!r} <- {skill.evidence[:90]!r}")
            continue
        tally.add("tp")
        if match is not None:
            tally.add("imp_n")
            if skill.importance == match:
                tally.add("imp_ok")
            elif verbose:
                print(
                    f"  IMPORT.  {skill.name}: program {skill.importance}, label {match}"
                    f" <- {skill.evidence[:90]!r}"
                )
    gold_degree = (label.get("degree") or {}).get("min_level")
    got_degree = posting.degree.min_level if posting.degree else None
    tally.add("deg_ok", int(gold_degree == got_degree))
    gold_years = label.get("min_years")
    got_years = posting.min_years
    years_ok = (gold_years is None and got_years is None) or (
        gold_years is not None and got_years is not None and abs(float(gold_years) - got_years) < 1e-6
    )
    tally.add("years_ok", int(years_ok))
    tally.add("docs")
    if label.get("title"):
        tally.add("title_n")
        title_ok = norm(str(label["title"])) == norm(posting.title or "")
        tally.add("title_ok", int(title_ok))
        if verbose and not title_ok:
            print(f"  TITLE    program {posting.title!r}, label {label['title']!r}")
    _certifications(posting, label, tally, verbose)
    if verbose and gold_degree != got_degree:
        print(f"  DEGREE   program {got_degree}, label {gold_degree}")
    if verbose and not years_ok:
        print(f"  YEARS    program {got_years}, label {gold_years}")


SHARED = ROOT.parent / "shared"


def _source_text(label: dict) -> tuple[str, str | None] | None:
    """The text of a label whose document may not be copied into the repo: its "source" names a
    file under ../shared/data ({"path": ...}), or a CSV row ({"path", "row", "column"}, the row
    by the CSV's index column). None when ../shared is absent."""
    source = label["source"]
    path = SHARED / "data" / str(source["path"])
    if not path.exists():
        return None
    if "row" not in source:
        return path.read_text(encoding="utf-8", errors="replace"), None
    import csv

    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for record in csv.DictReader(fh):
            index = record.get("") or record.get("index") or ""
            if index.strip() == str(source["row"]):
                title = record.get("jobtitle") or record.get("title")
                return record[str(source.get("column", "jobdescription"))], title
    return None


def _summary(name: str, tally: Tally) -> None:
    precision = (
        tally.n["tp"] / (tally.n["tp"] + tally.n["fp"]) if tally.n["tp"] + tally.n["fp"] else float("nan")
    )
    recall = tally.ratio("found", "gold")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{name}: {tally.n['docs']} labelled documents")
    print(f"  skills     precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(
        f"  recall     hard {tally.ratio('hard_found', 'hard_gold'):.3f} ({tally.n['hard_gold']})"
        f"  soft {tally.ratio('soft_found', 'soft_gold'):.3f} ({tally.n['soft_gold']})"
    )
    print(f"  importance {tally.ratio('imp_ok', 'imp_n'):.3f} ({tally.n['imp_n']} matched skills)")
    print(f"  degree     {tally.ratio('deg_ok', 'docs'):.3f}")
    print(f"  years      {tally.ratio('years_ok', 'docs'):.3f}")
    if tally.n["cert_gold"] or tally.n["cert_got"]:
        print(
            f"  certs      found {tally.n['cert_found']}/{tally.n['cert_gold']}"
            f"  importance {tally.n['cert_imp_ok']}/{tally.n['cert_imp_n']}  given {tally.n['cert_got']}"
        )
    if tally.n["title_n"]:
        print(f"  title      {tally.ratio('title_ok', 'title_n'):.3f} ({tally.n['title_n']} labelled)")
    if tally.n["group_gold"]:
        print(f"  groups     found {tally.ratio('group_found', 'group_gold'):.3f} ({tally.n['group_gold']})")


def _certifications(posting: Posting, label: dict, tally: Tally, verbose: bool) -> None:
    """Certifications: found when a program name and a label name contain one another."""
    gold = label.get("certifications_detail") or [
        {"name": n, "importance": None} for n in label.get("certifications") or []
    ]
    got = [(norm(c.name), c) for c in posting.certifications_detail if c.importance != "mentioned"]
    tally.add("cert_gold", len(gold))
    tally.add("cert_got", len(got))
    for entry in gold:
        want = norm(str(entry["name"]))
        match = next((c for n, c in got if n and want and (n in want or want in n)), None)
        if match is None:
            if verbose:
                print(f"  MISSED   certification {entry['name']}")
            continue
        tally.add("cert_found")
        if entry.get("importance"):
            tally.add("cert_imp_n")
            tally.add("cert_imp_ok", int(match.importance == entry["importance"]))


def run_postings(folder: Path, show: str | None, errors: bool, part: str | None) -> int:
    from dev_split import PARTS, part_of

    labels = sorted(folder.glob("*.json"))
    if not labels:
        print(f"evaluate: no labels (*.json) in {folder}", file=sys.stderr)
        return 1
    tallies = {name: Tally() for name in PARTS}
    skipped_shared = 0
    for label_path in labels:
        stem = label_path.stem
        if show and stem != show:
            continue
        which = part_of(stem)
        if part and which != part and not show:
            continue
        label = json.loads(label_path.read_text(encoding="utf-8"))
        verbose = (errors and which == "tuning") or show == stem
        if "source" in label:
            found = _source_text(label)
            if found is None:
                skipped_shared += 1
                continue
            posting = analyze_posting(found[0], title=found[1])
        else:
            doc = _document(folder, stem)
            if doc is None:
                print(f"evaluate: {stem}: no document beside the label, skipped", file=sys.stderr)
                continue
            posting = analyze_posting_file(doc)
        if verbose:
            print(stem, f"({which})")
        evaluate_posting(posting, label, tallies[which], verbose)
    if skipped_shared:
        print(
            f"evaluate: {skipped_shared} labels name a document under {SHARED} that is absent:"
            " skipped (those texts are not in the repo)"
        )
    print(f"postings in {folder} (parts by scripts/dev_split.py)")
    total = Tally()
    for name in PARTS:
        if tallies[name].n["docs"]:
            _summary(name, tallies[name])
        for key, value in tallies[name].n.items():
            total.add(key, value)
    if total.n["docs"]:
        _summary("all", total)
    return 0


def run_resumes(args: argparse.Namespace) -> int:
    import eval_resumes

    if args.synthetic:
        syn = eval_resumes.synthetic(args.synthetic, args.seed, args.engine, args.keep)
        print(f"resumes, synthetic: {syn.pop('documents'):.0f} generated PDFs (engine {args.engine})")
        for key, value in syn.items():
            print(f"  {key:<12} {value:.3f}")
    real = eval_resumes.real(args.dir, args.engine, args.errors)
    if real is None:
        print(
            f"resumes, real: skipped: {eval_resumes.SHARED_RESUMES} is absent (the PDFs are not in the repo)"
        )
        return 0
    for part, figures in real.items():
        print(
            f"resumes, real, {part} part: {figures.pop('documents'):.0f} labelled resumes in {args.dir}"
            f" (engine {args.engine})"
        )
        for key, value in figures.items():
            if not key.endswith("_n"):
                print(f"  {key:<22} {value:.3f}  (n={figures[key + '_n']:.0f})")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description="Score matcher against labelled documents.")
    sub = ap.add_subparsers(dest="what", required=True)
    p = sub.add_parser("postings", help="posting extraction: skills, importance, degree, years")
    p.add_argument(
        "--dir",
        type=Path,
        default=ROOT / "data" / "eval" / "postings",
        help="folder of ID.txt + ID.json pairs (default: the dev set)",
    )
    p.add_argument("--show", help="print the errors of one document")
    p.add_argument("--errors", action="store_true", help="print every error (tuning part only)")
    p.add_argument("--part", choices=["tuning", "check"], help="score one part only")
    r = sub.add_parser("resumes", help="resume parsing: synthetic PDFs and the labelled real dev set")
    r.add_argument(
        "--dir",
        type=Path,
        default=ROOT / "data" / "eval" / "resumes",
        help="folder of labels whose 'source' names a PDF under ../shared/data/resumes",
    )
    r.add_argument("--synthetic", type=int, default=200, help="how many synthetic PDFs (0 to skip)")
    r.add_argument("--seed", type=int, default=1234)
    r.add_argument("--engine", choices=["pypdf", "pdfium", "auto"], default="pypdf")
    r.add_argument("--keep", type=Path, help="generate (or reuse) the synthetic PDFs in this folder")
    r.add_argument("--errors", action="store_true", help="print every error on the real set")
    import eval_ranking

    eval_ranking.add_parser(sub)
    args = ap.parse_args()
    # a script of ours: pypdf's notes on recoverable oddities in the corpus are not news
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if args.what == "resumes":
        return run_resumes(args)
    if args.what == "ranking":
        return eval_ranking.run(args)
    if not args.dir.is_dir():
        print(f"evaluate: {args.dir} not found", file=sys.stderr)
        return 1
    return run_postings(args.dir, args.show, args.errors, args.part)


if __name__ == "__main__":
    raise SystemExit(main())
