"""The adverse-impact audit: scoring and selection rates, impact ratios and the four-fifths flag,
checked against figures worked out by hand (ties at the median, unknowns, empty and tiny groups)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher.audit import audit, audit_csv, audit_html, format_audit, read_groups, read_selected
from matcher.cli import main
from matcher.errors import InputError

# path, score (None: a file that failed), sex, race_ethnicity
PEOPLE = [
    ("p1.pdf", 95, "F", "A"),
    ("p2.pdf", 90, "M", "B"),
    ("p3.pdf", 85, "M", "A"),
    ("p4.pdf", 80, "M", "A"),
    ("p5.pdf", 75, "F", "B"),
    ("p6.pdf", 75, "M", "A"),
    ("p7.pdf", 75, "F", "A"),
    ("p8.pdf", 60, "F", "B"),
    ("p9.pdf", 50, "", "B"),  # sex unknown
    ("p10.pdf", 40, "M", "declined"),  # race unknown
    ("p11.pdf", None, "X", "A"),  # failed: group X has no scored candidate
]
RANKING = [{"path": p, "score": s} for p, s, _, _ in PEOPLE]
GROUPS = {p: {"sex": sex, "race_ethnicity": race} for p, _, sex, race in PEOPLE}


def _figures(report_dict: dict, name: str) -> dict[str, tuple]:
    (found,) = [c for c in report_dict["characteristics"] if c["name"] == name]
    return {
        g["group"]: (g["n"], g["rate"], g["impact_ratio"], g["flag"], g["excluded"]) for g in found["groups"]
    }


def test_scoring_rate_counts_only_scores_above_the_median() -> None:
    # scores 95 90 85 80 75 75 75 60 50 40: median 75; the three at 75 are not above it
    report = audit(RANKING, GROUPS).to_dict()
    assert report["basis"] == "scoring_rate"
    assert report["median"] == 75
    assert report["unknown"] == 2  # p9 (sex) and p10 (race)
    # F: p1 p5 p7 p8, one above (p1): 0.25; M: p2 p3 p4 p6 p10, three above: 0.6; 0.25 / 0.6 = 0.4167
    assert _figures(report, "sex") == {
        "F": (4, 0.25, 0.4167, True, False),
        "M": (5, 0.6, 1.0, False, False),
        "X": (0, None, None, False, True),  # the empty group: reported, left out of the ratios
    }
    # A: p1 p3 p4 p6 p7, three above: 0.6; B: p2 p5 p8 p9, one above: 0.25
    assert _figures(report, "race_ethnicity") == {
        "A": (5, 0.6, 1.0, False, False),
        "B": (4, 0.25, 0.4167, True, False),
    }
    # intersections of candidates known in both: F/A p1 p7 (1 of 2), F/B p5 p8 (0), M/A p3 p4 p6 (2 of 3),
    # M/B p2 (1 of 1, the highest); X/A is empty
    assert _figures(report, "sex x race_ethnicity") == {
        "F / A": (2, 0.5, 0.5, True, False),
        "F / B": (2, 0.0, 0.0, True, False),
        "M / A": (3, 0.6667, 0.6667, True, False),
        "M / B": (1, 1.0, 1.0, False, False),
        "X / A": (0, None, None, False, True),
    }


def test_the_json_shape_is_exactly_the_contract() -> None:
    report = audit(RANKING, GROUPS).to_dict()
    assert list(report) == ["basis", "median", "characteristics", "unknown"]
    assert [list(c) for c in report["characteristics"]] == [["name", "groups"]] * 3
    assert list(report["characteristics"][0]["groups"][0]) == [
        "group", "n", "rate", "impact_ratio", "flag", "excluded",
    ]  # fmt: skip


def test_threshold_gives_selection_rates_with_ties_selected() -> None:
    report = audit(RANKING, GROUPS, threshold=75).to_dict()
    assert report["basis"] == "selection_rate"
    # at least 75: p1..p7. F: p1 p5 p7 of 4 = 0.75; M: p2 p3 p4 p6 of 5 = 0.8; 0.75 / 0.8 = 0.9375
    assert _figures(report, "sex")["F"] == (4, 0.75, 0.9375, False, False)
    assert _figures(report, "sex")["M"] == (5, 0.8, 1.0, False, False)


def test_selected_candidates_give_selection_rates() -> None:
    report = audit(RANKING, GROUPS, selected={"p1.pdf", "p5.pdf", "p8.pdf"}).to_dict()
    assert _figures(report, "sex")["F"] == (4, 0.75, 1.0, False, False)
    assert _figures(report, "sex")["M"] == (5, 0.0, 0.0, True, False)


def test_groups_under_two_percent_are_reported_but_left_out_of_the_ratios() -> None:
    # 60 candidates: one in group Z (1.7%) with the best score; without the rule Z would be the
    # highest rate and every other group would be flagged
    ranking = [{"path": f"c{i}", "score": float(i)} for i in range(60)]
    groups = {f"c{i}": {"sex": "F" if i % 2 else "M"} for i in range(59)} | {"c59": {"sex": "Z"}}
    figures = _figures(audit(ranking, groups).to_dict(), "sex")
    # median 29.5: above are c30..c59; F odd 31..57 -> 14 of 30 (c1..c57 odd: 29 people); M even 30..58: 15
    assert figures["Z"] == (1, 1.0, None, False, True)
    assert figures["F"] == (29, round(14 / 29, 4), round((14 / 29) / (15 / 30), 4), False, False)
    assert figures["M"] == (30, 0.5, 1.0, False, False)


def test_everyone_tied_has_no_ratio_and_no_flag() -> None:
    ranking = [{"path": p, "score": 50} for p in ("a", "b", "c", "d")]
    groups = {"a": {"sex": "F"}, "b": {"sex": "F"}, "c": {"sex": "M"}, "d": {"sex": "M"}}
    figures = _figures(audit(ranking, groups).to_dict(), "sex")
    assert figures == {"F": (2, 0.0, None, False, False), "M": (2, 0.0, None, False, False)}


def test_candidates_missing_from_the_groups_are_unknown() -> None:
    report = audit([*RANKING, {"path": "stranger.pdf", "score": 99}], GROUPS)
    assert report.unknown == 3 and report.candidates == 11
    assert report.median == 75  # the stranger's score still counts for the median


def test_selected_and_threshold_together_are_an_error() -> None:
    with pytest.raises(InputError, match="not both"):
        audit(RANKING, GROUPS, selected=set(), threshold=50)


def test_groups_match_by_file_name_when_paths_differ() -> None:
    ranking = [{"path": "/data/cvs/a.pdf", "score": 80}, {"path": "/data/cvs/b.pdf", "score": 20}]
    report = audit(ranking, {"a.pdf": {"sex": "F"}, "b.pdf": {"sex": "M"}})
    assert report.unknown == 0
    assert _figures(report.to_dict(), "sex")["F"][:2] == (1, 1.0)


def _write_inputs(tmp_path: Path) -> tuple[Path, Path]:
    ranking = tmp_path / "ranking.json"
    ranking.write_text(json.dumps([{"rank": i, **r} for i, r in enumerate(RANKING, 1)]), encoding="utf-8")
    groups = tmp_path / "groups.csv"
    with groups.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["path", "sex", "race_ethnicity"])
        writer.writerows([p, s, r] for p, _, s, r in PEOPLE)
    return ranking, groups


def test_cli_audit_json_csv_and_html(tmp_path: Path) -> None:
    ranking, groups = _write_inputs(tmp_path)
    runner = CliRunner()
    run = runner.invoke(main, ["audit", str(ranking), "--groups", str(groups), "--json"])
    assert run.exit_code == 0, run.output
    assert json.loads(run.stdout) == audit(RANKING, read_groups(groups)).to_dict()
    run = runner.invoke(main, ["audit", str(ranking), "--groups", str(groups)])
    assert "  F        4  0.250         0.417  FLAG (under 0.8)\n" in run.stdout
    assert "  X        0      -             -  excluded (no candidate)\n" in run.stdout
    assert "Unknown category: 2 candidate(s)" in run.stdout
    out = tmp_path / "audit.csv"
    assert (
        runner.invoke(main, ["audit", str(ranking), "--groups", str(groups), "--csv", str(out)]).exit_code
        == 0
    )
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert {
        "characteristic": "sex",
        "group": "F",
        "n": "4",
        "rate": "0.25",
        "impact_ratio": "0.4167",
    }.items() <= rows[0].items()
    page = tmp_path / "audit.html"
    assert (
        runner.invoke(main, ["audit", str(ranking), "--groups", str(groups), "--html", str(page)]).exit_code
        == 0
    )
    assert page.read_text(encoding="utf-8").count("<table>") == 3


def test_cli_audit_with_decisions_file(tmp_path: Path) -> None:
    ranking, groups = _write_inputs(tmp_path)
    decisions = tmp_path / "decisions.csv"
    decisions.write_text("path,selected\np1.pdf,yes\np5.pdf,yes\np8.pdf,1\np2.pdf,no\n", encoding="utf-8")
    assert read_selected(decisions) == {"p1.pdf", "p5.pdf", "p8.pdf"}
    run = CliRunner().invoke(
        main, ["audit", str(ranking), "--groups", str(groups), "--selected", str(decisions), "--json"]
    )
    assert json.loads(run.stdout)["basis"] == "selection_rate"


@pytest.mark.parametrize(
    ("content", "message"),
    [("not json", "not a ranking"), ('{"a": 1}', "not a ranking")],
)
def test_cli_audit_bad_ranking_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    _, groups = _write_inputs(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    run = CliRunner().invoke(main, ["audit", str(bad), "--groups", str(groups)])
    assert run.exit_code == 1 and message in run.output and "Traceback" not in run.output


def test_groups_csv_needs_a_path_column(tmp_path: Path) -> None:
    bad = tmp_path / "groups.csv"
    bad.write_text("file,sex\na,F\n", encoding="utf-8")
    with pytest.raises(InputError, match="'path' column"):
        read_groups(bad)


def test_text_csv_and_html_agree() -> None:
    report = audit(RANKING, GROUPS)
    assert "sex x race_ethnicity" in format_audit(report)
    assert "F / B,2,0.0,0.0,True,False,scoring_rate" in audit_csv(report)
    assert "<h2>sex x race_ethnicity</h2>" in audit_html(report)
