"""matcher calibrate: weights fitted to a real decisions file, measured by cross-validation over
postings against the starting weights, written as a TOML the ranking reads."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher import InputError, Weights, analyze_posting_file, rank
from matcher.calibration import calibrate, fit_weights, kendall_tau_b, ndcg_at, read_decisions, spearman
from matcher.cli import main

from .conftest import make_pdf

AS_OF = date(2026, 11, 1)
SKILLS = ["Python", "SQL", "Kafka", "Airflow", "Docker", "Kubernetes"]


def _decisions(folder: Path, *, shortlist: bool = False) -> Path:
    """Four postings, six candidates each. The recruiter's grade follows the work history (dated
    positions) and runs against the skills listed, so the default weights rank these badly."""
    rows = ["posting,resume," + ("shortlisted" if shortlist else "grade")]
    for p in range(4):
        posting = folder / f"posting-{p}.txt"
        posting.write_text(f"Data Engineer\nRequirements: {', '.join(SKILLS)}.\n", encoding="utf-8")
        for c in range(6):
            jobs = c + 1
            lines = [f"Candidate {p}-{c}", "EXPERIENCE"]
            for j in range(jobs):
                dates = f"Jan {2000 + 3 * j} - Dec {2002 + 3 * j}"
                lines += [f"Data Engineer, Firm {j} Inc | {dates}", "Pipelines."]
            lines += ["SKILLS", ", ".join(SKILLS[: 6 - c])]
            name = f"cv-{p}-{c}.pdf" if c % 2 else f"cv-{p}-{c}.txt"
            if name.endswith(".pdf"):
                make_pdf(folder / name, lines)
            else:
                (folder / name).write_text("\n".join(lines), encoding="utf-8")
            grade = ("yes" if jobs > 3 else "no") if shortlist else str(jobs)
            rows.append(f"{posting.name},{name},{grade}")
    path = folder / "decisions.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_fitted_weights_follow_the_decisions_and_rank_held_out_postings_better(tmp_path: Path) -> None:
    result = calibrate(_decisions(tmp_path), as_of=AS_OF, folds=4)
    assert (result.postings, result.decisions, result.folds) == (4, 24, 4)
    w = result.weights.component_weights()
    assert w["history"] == max(w.values()) and w["skills"] < result.base.skills
    assert abs(sum(w.values()) - 1) < 0.01
    # held out by posting, the fitted weights order the grades; the defaults do not
    assert result.fitted.spearman > 0.9 > result.baseline.spearman
    assert result.fitted.ndcg5 > result.baseline.ndcg5
    report = result.report()
    assert "24 decisions on 4 postings" in report and "fitted   " in report and "starting " in report


def test_the_written_toml_is_what_the_ranking_reads(tmp_path: Path) -> None:
    decisions = _decisions(tmp_path)
    out = tmp_path / "weights.toml"
    ran = CliRunner().invoke(
        main, ["calibrate", str(decisions), "--config-out", str(out), "--as-of", "2026-11-01",
               "--cache", str(tmp_path / "cache.sqlite")],
    )  # fmt: skip
    assert ran.exit_code == 0, ran.output
    assert "cross-validated over postings" in ran.output and f"wrote {out}" in ran.output
    fitted = Weights.from_toml(out)
    assert fitted.history > fitted.skills
    assert fitted.related_credit == Weights().related_credit  # other settings kept
    # ranked with the fitted weights, the candidate with the longest history comes first
    posting = analyze_posting_file(tmp_path / "posting-0.txt")
    files = sorted(tmp_path.glob("cv-0-*"))
    best = rank(posting, files, weights=fitted, as_of=AS_OF).entries[0]
    assert Path(best.path).stem == "cv-0-5"
    default_best = rank(posting, files, as_of=AS_OF).entries[0]
    assert Path(default_best.path).stem != "cv-0-5"
    listed = CliRunner().invoke(
        main, ["rank", str(tmp_path / "posting-0.txt"), *map(str, files), "--config", str(out), "--json",
               "--as-of", "2026-11-01", "--no-cache"],
    )  # fmt: skip
    assert listed.exit_code == 0, listed.output
    assert Path(json.loads(listed.output)[0]["path"]).stem == "cv-0-5"


def test_shortlisted_yes_no_decisions_calibrate_too(tmp_path: Path) -> None:
    decisions = _decisions(tmp_path, shortlist=True)
    assert {d.grade for d in read_decisions(decisions)} == {0.0, 1.0}
    result = calibrate(decisions, as_of=AS_OF, folds=2)
    assert result.weights.history > result.weights.skills
    assert result.fitted.spearman > result.baseline.spearman


def test_a_resume_that_cannot_be_read_is_skipped_and_counted(tmp_path: Path) -> None:
    decisions = _decisions(tmp_path)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    with decisions.open("a", encoding="utf-8") as fh:
        fh.write("posting-0.txt,broken.pdf,3\n")
    result = calibrate(decisions, as_of=AS_OF, folds=2)
    assert result.decisions == 24 and len(result.skipped) == 1
    assert "1 resumes could not be read" in result.report()


@pytest.mark.parametrize(
    "text",
    [
        "posting,resume\njob.txt,a.pdf\n",  # no grade column
        "posting,resume,grade\njob.txt,a.pdf,excellent\n",
        "posting,resume,shortlisted\njob.txt,a.pdf,maybe\n",
        "posting,resume,grade\n",
        "posting,resume,grade\n,a.pdf,3\n",
        "# a README, not a CSV\nsome text, and more, than the header has\n",  # more cells than headings
    ],
)
def test_bad_decisions_are_clear_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "d.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        read_decisions(path)
    ran = CliRunner().invoke(main, ["calibrate", str(path)])
    assert ran.exit_code == 1 and "Traceback" not in ran.output and "[invalid_input]" in ran.output


def test_too_few_postings_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "job.txt").write_text("Data Engineer\nRequirements: Python.\n", encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("EXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\nPython", encoding="utf-8")
    path = tmp_path / "d.csv"
    path.write_text("posting,resume,grade\njob.txt,a.txt,5\njob.txt,b.txt,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="at least two postings"):
        calibrate(path, as_of=AS_OF)


def test_fit_keeps_the_weights_when_nothing_explains_the_grades() -> None:
    flat = [([{"skills": 0.5, "similarity": 0.2}, {"skills": 0.5, "similarity": 0.2}], [3.0, 5.0])] * 2
    base = Weights(skills=0.7)
    assert fit_weights(flat, base=base) == base


def test_metrics_on_hand_checked_cases() -> None:
    assert spearman([1, 2, 3, 4], [1, 2, 3, 4]) == 1.0 and spearman([4, 3, 2, 1], [1, 2, 3, 4]) == -1.0
    assert kendall_tau_b([1, 2, 3, 4], [1, 2, 4, 3]) == pytest.approx(4 / 6)
    # one tie across the cut: the first two places share the tied pair's mean gain
    assert ndcg_at([2, 2, 1], [7, 1, 4], 2) == pytest.approx(
        (3 / 1 + 3 / 1.5849625) / (6 / 1 + 3 / 1.5849625), rel=1e-6
    )
