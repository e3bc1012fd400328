"""The recruiter signals of the score: the role (O*NET titles), the work history, and skills shown
in work done rather than only listed; each named, explained, switchable, and unknown never a fail."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from datetime import date

import pytest

from matcher import InputError, Weights, analyze_posting, parse_resume_text, score
from matcher.records import Posting
from matcher.scoring import occupations_of, resume_titles, role_match, title_key

from .conftest import ROOT

AS_OF = date(2026, 11, 1)
COOK_POSTING_TEXT = "Line Cook\n\nRequired skills:\n- Cooking\n- Food safety\n- Grill\n"


@pytest.fixture
def cook_posting(analyzed: Callable[[str], Posting]) -> Posting:
    return analyzed(COOK_POSTING_TEXT)


def _cv(text: str) -> object:
    return parse_resume_text(text, as_of=AS_OF)


def test_committed_title_index_is_current() -> None:
    spec = importlib.util.spec_from_file_location("build_titles", ROOT / "scripts" / "build_titles.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "models" / "titles.json").read_text(encoding="utf-8")
    assert module.build() == committed, "models/titles.json is stale: run python scripts/build_titles.py"


def test_titles_resolve_through_onet_alternate_titles() -> None:
    # alternate titles that share no word with the occupation's name still find it
    assert "35-2014" in occupations_of("Line Cook")  # Cooks, Restaurant
    assert occupations_of("Commis Chef") == ("35-1011",)  # Chefs and Head Cooks
    assert occupations_of("Buyer") and set(occupations_of("Buyer")) & set(occupations_of("Purchasing Agent"))
    assert occupations_of("Senior Accountant") == occupations_of("Accountant")  # a level is no new job
    assert occupations_of("Company Name") == () and title_key("Sr. HR Assistant") == "hr assistant"


def test_role_credits_the_same_occupation_over_a_neighbour_over_another_field() -> None:
    cook = _cv("LINE COOK\nExperience\nCook, Diner Inc, Jan 2020 - Present\nGrill and prep.")
    chef = _cv("EXECUTIVE CHEF\nExperience\nChef, Bistro Inc, Jan 2020 - Present\nMenus and kitchen staff.")
    nurse = _cv("REGISTERED NURSE\nExperience\nNurse, City Hospital, Jan 2020 - Present\nPatient care.")
    credits = [role_match("Line Cook", cv) for cv in (cook, chef, nurse)]
    assert all(m is not None for m in credits)
    assert credits[0].credit == 1.0 > credits[1].credit > credits[2].credit == 0.0  # type: ignore[union-attr]
    assert "same occupation" in credits[0].describe() and "'LINE COOK'" in credits[0].describe()  # type: ignore[union-attr]


def test_role_is_unknown_not_a_fail_when_no_title_is_known(cook_posting: Posting) -> None:
    anonymous = _cv("Jo Park\nExperience\nAcme Inc, Jan 2020 - Present\nGrill and prep.")
    assert resume_titles(anonymous) == ("Jo Park",) or occupations_of(resume_titles(anonymous)[0]) == ()
    assert role_match("Line Cook", anonymous) is None
    assert score(cook_posting, anonymous).components["role"] is None
    untitled = analyze_posting("Required skills:\n- Cooking\n- Grill\n")
    assert score(untitled, anonymous).components["role"] is None


def test_role_weight_moves_the_total_and_is_explained(cook_posting: Posting) -> None:
    cook = _cv("LINE COOK\nExperience\nCook, Diner Inc, Jan 2020 - Present\nCooking on the grill.")
    nurse = _cv("REGISTERED NURSE\nExperience\nNurse, City Hospital, Jan 2020 - Present\nCooking on a grill.")
    off = [score(cook_posting, cv).total for cv in (cook, nurse)]
    on = [score(cook_posting, cv, weights=Weights(role=0.3)).total for cv in (cook, nurse)]
    assert score(cook_posting, cook).components["role"] == 1.0
    assert score(cook_posting, nurse).components["role"] == 0.0
    # weight 0 by default: shown, not counted; weighed, it opens the gap between the two
    assert "Shown, not counted (weight 0): role" in score(cook_posting, cook).explain()
    assert on[0] - on[1] > off[0] - off[1] + 5
    assert (
        "Role: 'LINE COOK' for 'Line Cook': same occupation"
        in score(cook_posting, cook, weights=Weights(role=0.3)).explain()
    )


def test_history_counts_dated_positions_up_to_a_full_share(cook_posting: Posting) -> None:
    jobs = [f"Cook, Diner {i} Inc, Jan {2010 + i} - Dec {2010 + i}\nGrill work." for i in range(8)]
    one = _cv("LINE COOK\nExperience\n" + jobs[0])
    three = _cv("LINE COOK\nExperience\n" + "\n".join(jobs[:3]))
    eight = _cv("LINE COOK\nExperience\n" + "\n".join(jobs))
    got = [score(cook_posting, cv).components["history"] for cv in (one, three, eight)]
    assert len(three.experience) == 3 and len(eight.experience) == 8  # type: ignore[attr-defined]
    assert got == [round(1 / 6, 4), 0.5, 1.0]
    assert "History: 3 dated positions (6 make 1)" in score(cook_posting, three).explain()
    undated = _cv("LINE COOK\nExperience\nCook at a diner, grill work.")
    assert score(cook_posting, undated).components["history"] is None  # unknown, left out
    assert score(cook_posting, three, weights=Weights(history_positions=3)).components["history"] == 1.0


def test_a_skill_shown_in_work_counts_more_than_one_only_listed() -> None:
    posting = analyze_posting("Data Analyst\nRequirements: Python and SQL.")
    shown = _cv("DATA ANALYST\nExperience\nAnalyst, Acme Inc, Jan 2020 - Present\nReports in Python and SQL.")
    listed = _cv(
        "DATA ANALYST\nExperience\nAnalyst, Acme Inc, Jan 2020 - Present\nWeekly reports.\n"
        "Skills\nPython, SQL"
    )
    a, b = score(posting, shown), score(posting, listed)
    assert {m.how for m in a.matched} == {"exact"}
    assert {m.how for m in b.matched} == {"listed"} and {m.credit for m in b.matched} == {0.5}
    assert a.components["skills"] == 1.0 and b.components["skills"] == 0.5
    assert "Only listed, in no dated job: Python (required), 0.5 credit" in b.explain()
    # switched off, listed counts in full; a resume with no dated job is not judged on it
    assert score(posting, listed, weights=Weights(listed_credit=1)).components["skills"] == 1.0
    no_jobs = _cv("DATA ANALYST\nSkills\nPython, SQL")
    assert {m.how for m in score(posting, no_jobs).matched} == {"exact"}


def test_spoken_languages_are_never_marked_only_listed() -> None:
    posting = analyze_posting("Data Analyst\nRequirements: Python and fluent English.")
    cv = _cv(
        "DATA ANALYST\nExperience\nAnalyst, Acme Inc, Jan 2020 - Present\nReports in Python.\n"
        "Languages\nEnglish (fluent)"
    )
    how = {m.skill: m.how for m in score(posting, cv).matched}
    assert how.get("English") == "exact" and how.get("Python") == "exact"


@pytest.mark.parametrize("setting", ["listed_credit = 1.5", "history_positions = 0", "role = -1"])
def test_bad_signal_settings_are_clear_errors(setting: str) -> None:
    with pytest.raises(InputError):
        Weights.from_toml_text(f"[weights]\n{setting}\n")


def test_every_component_explains_itself_in_the_html_report(tmp_path: object, cook_posting: Posting) -> None:
    from pathlib import Path

    from matcher import rank
    from matcher.outputs import to_html

    folder = Path(str(tmp_path))
    (folder / "cook.txt").write_text("LINE COOK\nExperience\nCook, Diner Inc, Jan 2020 - Present\nCooking.\n")
    html = to_html(rank(cook_posting, [folder], as_of=AS_OF, weights=Weights(role=0.2)))
    for line in ("Role: &#x27;LINE COOK&#x27; for &#x27;Line Cook&#x27;", "History: 1 dated position"):
        assert line in html, line
