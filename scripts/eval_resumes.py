"""Resume evaluation: synthetic PDFs with ground truth, and the labelled real dev set.

Used by ``python scripts/evaluate.py resumes``; see that script for the options. On its own it reads
the education of an unlabelled sample, to see what a change to the parser does to resumes no one
labelled (read every change):

    python scripts/eval_resumes.py education --sample 300 > before.json   # the code before
    python scripts/eval_resumes.py education --sample 300 > after.json    # the code after
    python scripts/eval_resumes.py diff before.json after.json

The sample is the first N livecareer PDFs in ../shared, in the order of the SHA-256 of their path,
that are none of the labelled resumes; ``--offset N`` skips the first N (``--offset 300`` is a
second sample of 300, none of the first).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from matcher import MatcherError  # noqa: E402
from matcher.extract import extract_text  # noqa: E402
from matcher.facts import (  # noqa: E402  # noqa: E402
    DateRange,
    find_date_ranges,
    find_degrees,
    level_rank,
    merged_years,
    parse_year_month,
)
from matcher.resume import parse_resume, parse_resume_text  # noqa: E402

EVAL_AS_OF = date(2026, 11, 1)  # "Present" in both labels and program output
SHARED_RESUMES = ROOT.parent / "shared" / "data" / "resumes"


def _norm(name: str) -> str:
    return re.sub(r"[^0-9a-z+#]", "", name.lower())


def _digits(text: str | None) -> str:
    return re.sub(r"\D", "", text or "")


# -- synthetic ------------------------------------------------------------------------------
def synthetic(n: int, seed: int, engine: str, keep: Path | None) -> dict[str, float]:
    """Generate ``n`` resume PDFs with scripts/pdfgen.py and score the parser against their truth."""
    out_dir = keep or Path(tempfile.mkdtemp(prefix="matcher-synth-"))
    if not (out_dir / "manifest.json").exists():
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "pdfgen.py"), "resumes", str(out_dir), "--n", str(n),
             "--seed", str(seed)],
            check=True, capture_output=True,
        )  # fmt: skip
    keys = ("name", "email", "phone", "degree", "job_dates", "years", "two_column")
    scores: dict[str, list[float]] = {k: [] for k in keys}
    for truth_path in sorted(out_dir.glob("r*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        pdf = out_dir / truth["file"]
        record = truth["record"]
        try:
            text = extract_text(pdf, engine=engine)
        except MatcherError:
            for key in scores:
                scores[key].append(0.0)
            continue
        resume = parse_resume_text(text, source=str(pdf), as_of=EVAL_AS_OF)
        scores["name"].append(float(resume.name == record["name"]))
        scores["email"].append(float(resume.email == record["email"]))
        scores["phone"].append(float(_digits(resume.phone) == _digits(record["phone"])))
        levels = [lvl for e in record["education"] for lvl, _, _ in find_degrees(e["degree"])]
        best = max(levels, key=level_rank) if levels else None
        scores["degree"].append(float(resume.highest_degree == best))
        true_ranges = [find_date_ranges(j["dates"])[0] for j in record["jobs"]]
        got = {(j.start, j.end) for j in resume.experience}
        want = {(str(r.start), "present" if r.end is None else str(r.end)) for r in true_ranges}
        scores["job_dates"].append(float(got == want))
        true_years = merged_years(true_ranges, EVAL_AS_OF)
        ok = resume.total_years is not None and true_years is not None
        scores["years"].append(float(ok and abs(resume.total_years - true_years) <= 0.1))  # type: ignore[operator]
        if truth["layout"] == "two_col":
            scores["two_column"].append(_columns_intact(text, truth["page_columns"]))
    return {k: sum(v) / len(v) for k, v in scores.items() if v} | {"documents": float(len(scores["name"]))}


def _columns_intact(text: str, pages: list[dict[str, list[str]]]) -> float:
    """1.0 when, on every page, the left and right columns' lines do not interleave."""
    flat = re.sub(r"\s+", " ", text)
    for page in pages:
        positions = {}
        both = {re.sub(r"\s+", " ", line).strip()[:40] for line in page.get("left", [])} & {
            re.sub(r"\s+", " ", line).strip()[:40] for line in page.get("right", [])
        }
        for side in ("left", "right"):
            found = []
            for line in page.get(side, []):
                probe = re.sub(r"\s+", " ", line).strip()[:40]
                # a line that occurs in both columns or twice in the text says nothing about order
                if len(probe) >= 12 and probe not in both and flat.count(probe) == 1:
                    found.append(flat.find(probe))
            positions[side] = found
        left, right = positions["left"], positions["right"]
        if left and right and max(left) > min(right) and max(right) > min(left):
            return 0.0
    return 1.0


# -- real, labelled ------------------------------------------------------------------------
_METRICS = (
    "highest_degree", "degree_field", "degree_status", "total_years_within_1", "hard_skill_recall",
    "hard_skill_by_alias", "employer", "title",
)  # fmt: skip


def real(folder: Path, engine: str, show_errors: bool) -> dict[str, dict[str, float]] | None:
    """Score the labelled real resumes, each part of scripts/dev_split.py apart; None when
    ../shared (the PDFs) is absent. Errors are printed for the tuning part only."""
    if not SHARED_RESUMES.is_dir():
        return None
    from dev_split import PARTS, part_of

    tallies: dict[str, dict[str, list[float]]] = {part: {m: [] for m in _METRICS} for part in PARTS}
    docs = dict.fromkeys(PARTS, 0)
    for label_path in sorted(folder.glob("*.json")):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        part = part_of(label_path.stem)
        tally = tallies[part]
        show = show_errors and part == "tuning"
        pdf = SHARED_RESUMES / label["source"]
        docs[part] += 1
        try:
            resume = parse_resume(pdf, as_of=EVAL_AS_OF, engine=engine)
        except MatcherError as exc:
            print(f"  {label['id']}: {exc}", file=sys.stderr)
            for values in tally.values():
                values.append(0.0)
            continue
        for metric, ok, detail in _document_scores(label, resume):
            tally[metric].append(float(ok))
            if show and not ok:
                print(f"  {label['id']}: {metric}: {detail}")
    out: dict[str, dict[str, float]] = {}
    for part in PARTS:
        out[part] = {"documents": float(docs[part])}
        for metric, values in tallies[part].items():
            out[part][metric] = sum(values) / len(values) if values else float("nan")
            out[part][f"{metric}_n"] = float(len(values))
    return out


def _document_scores(label: dict, resume: Any) -> list[tuple[str, bool, str]]:
    """(metric, right, what was wrong) for one labelled resume."""
    scores: list[tuple[str, bool, str]] = []
    got_degree = resume.highest_degree
    scores.append(
        ("highest_degree", got_degree == label["highest_degree"],
         f"program {got_degree}, label {label['highest_degree']}")
    )  # fmt: skip
    if label.get("degree_field"):
        entry = next((e for e in resume.education if e.completed and e.level == got_degree), None)
        field = entry.field if entry else None
        scores.append(
            ("degree_field", field_matches(field, label["degree_field"]),
             f"program {field!r} ({got_degree}), label {label['degree_field']!r}")
        )  # fmt: skip
    if label.get("education"):
        for want in label["education"]:
            if want.get("level") is None:
                continue
            same_level = [e for e in resume.education if e.level == want["level"]]
            got = next((e for e in same_level if field_matches(e.field, want.get("field") or "")), None)
            got = got or next(iter(same_level), None)
            status = None if got is None else ("in_progress" if got.in_progress else "completed")
            scores.append(
                ("degree_status", status == want["status"],
                 f"{want['level']} {want.get('field')}: program {status}, label {want['status']}")
            )  # fmt: skip
    true_years = _label_years(label["jobs"])
    if true_years is None and resume.total_years is None:
        scores.append(("total_years_within_1", True, ""))
    else:
        close = (
            true_years is not None
            and resume.total_years is not None
            and abs(resume.total_years - true_years) <= 1.0
        )
        scores.append(("total_years_within_1", close, f"program {resume.total_years}, label {true_years}"))
    names = {_norm(s.name) for s in resume.skills}
    # beside the score by name: a label name that is an alias of a skill found under a broader
    # canonical name ("IEP" found as "individualized education programs") counts here too
    from matcher.language import load_taxonomy

    skills_by_id = load_taxonomy().skills
    forms = names | {
        _norm(alias)
        for s in resume.skills
        if s.skill_id in skills_by_id
        for alias in skills_by_id[s.skill_id].aliases
    }
    for entry in label["skills"]:
        if entry.get("kind", "hard") == "hard":
            hit = any(_norm(n) in names for n in entry["names"])
            scores.append(("hard_skill_recall", hit, f"missed {entry['names'][0]}"))
            by_alias = hit or any(_norm(n) in forms for n in entry["names"])
            scores.append(("hard_skill_by_alias", by_alias, f"missed {entry['names'][0]} (by alias too)"))
    for job in label["jobs"]:
        got_job = next((j for j in resume.experience if j.start == job["start"]), None)
        if job.get("title"):  # the job of the same start: its title's words, as a field's are compared
            title = got_job.title if got_job else None
            scores.append(
                ("title", field_matches(title, job["title"]),
                 f"{job['start']}: program {title!r}, label {job['title']!r}")
            )  # fmt: skip
        if not job.get("employer"):
            continue
        employer = got_job.employer if got_job else None
        scores.append(
            ("employer", field_matches(employer, job["employer"]),
             f"{job['start']}: program {employer!r}, label {job['employer']!r}")
        )  # fmt: skip
    return scores


_STOP = frozenset({"of", "and", "in", "the", "a", "an"})


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9+#]+", text.lower().replace("&", " and ")) if w not in _STOP]


def field_matches(program: str | None, label: str) -> bool:
    """A program's field (or employer) matches the label's when their words are the same, or one's
    words are all in the other and it has at most one word more ("Acme" ~ "Acme Corp")."""
    if not program:
        return False
    got, want = set(_words(program)), set(_words(label))
    if not got or not want:
        return False
    small, large = (got, want) if len(got) <= len(want) else (want, got)
    return small <= large and len(large) - len(small) <= 1


def _label_years(jobs: list[dict[str, str]]) -> float | None:
    ranges = []
    for job in jobs:
        start = parse_year_month(job["start"])
        end = None if job["end"] == "present" else parse_year_month(job["end"], is_end=True)
        if start is not None:
            ranges.append(DateRange(start, end, "", 0))
    return merged_years(ranges, EVAL_AS_OF) if ranges else None


# -- unlabelled sample ----------------------------------------------------------------------
def unlabelled_sample(
    n: int, labels: Path = ROOT / "data" / "eval" / "resumes", offset: int = 0
) -> list[Path]:
    """The first ``n`` livecareer PDFs by the SHA-256 of their path that no label names, after
    skipping ``offset`` of them (``--offset 300`` gives a second sample, none of the first 300)."""
    labelled = {json.loads(p.read_text(encoding="utf-8"))["source"] for p in labels.glob("*.json")}
    paths = sorted(
        (
            str(p.relative_to(SHARED_RESUMES))
            for p in (SHARED_RESUMES / "livecareer-EVAL-ONLY").rglob("*.pdf")
        ),
        key=lambda s: hashlib.sha256(s.encode("utf-8")).hexdigest(),
    )
    return [SHARED_RESUMES / s for s in paths if s not in labelled][offset : offset + n]


def education_of(paths: list[Path], engine: str = "auto", jobs: bool = False) -> dict[str, Any]:
    """Each resume's highest degree and education entries, by file name; with ``jobs``, also its
    total years and dated jobs (title, employer, start, end, the date line)."""
    out: dict[str, Any] = {}
    for pdf in paths:
        try:
            resume = parse_resume(pdf, as_of=EVAL_AS_OF, engine=engine)
        except MatcherError as exc:
            out[pdf.name] = {"error": exc.kind}
            continue
        out[pdf.name] = {
            "highest": resume.highest_degree,
            "education": [
                [e.level, e.field, e.institution, e.year, e.in_progress, e.evidence] for e in resume.education
            ],
        }
        if jobs:
            out[pdf.name]["years"] = resume.total_years
            out[pdf.name]["jobs"] = [
                [j.title, j.employer, j.start, j.end, j.evidence] for j in resume.experience
            ]
    return out


def diff(before: dict[str, Any], after: dict[str, Any]) -> int:
    """Print every resume whose education differs; return how many do."""
    changed = 0
    for name in sorted(before.keys() & after.keys()):
        if before[name] == after[name]:
            continue
        changed += 1
        print(f"== {name}: highest {before[name].get('highest')} -> {after[name].get('highest')}")
        if before[name].get("years") != after[name].get("years"):
            print(f"  years {before[name].get('years')} -> {after[name].get('years')}")
        for key in ("education", "jobs"):
            old = [json.dumps(e) for e in before[name].get(key, [])]
            new = [json.dumps(e) for e in after[name].get(key, [])]
            for e in old:
                if e not in new:
                    print(f"  - {e}")
            for e in new:
                if e not in old:
                    print(f"  + {e}")
    print(f"{changed} of {len(before.keys() & after.keys())} resumes changed")
    return changed


def main() -> int:
    ap = argparse.ArgumentParser(description="education of an unlabelled sample, and its diff")
    sub = ap.add_subparsers(dest="what", required=True)
    e = sub.add_parser("education", help="print the sample's education as JSON")
    e.add_argument("--sample", type=int, default=300)
    e.add_argument("--offset", type=int, default=0, help="skip this many first (another sample)")
    e.add_argument("--engine", default="auto", choices=("auto", "pypdf", "pdfium"))
    e.add_argument("--jobs", action="store_true", help="also each resume's total years and dated jobs")
    d = sub.add_parser("diff", help="print the resumes whose education differs")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.what == "diff":
        diff(*(json.loads(p.read_text(encoding="utf-8")) for p in (args.before, args.after)))
        return 0
    if not SHARED_RESUMES.is_dir():
        print(f"{SHARED_RESUMES} is absent (the PDFs are not in the repo)", file=sys.stderr)
        return 1
    print(
        json.dumps(
            education_of(unlabelled_sample(args.sample, offset=args.offset), args.engine, args.jobs),
            indent=1,
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
