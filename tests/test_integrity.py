"""Resume integrity: text a reader cannot see (found while extracting, with both PDF engines),
keyword stuffing and a posting copied into the resume; skills only in hidden text do not count."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from matcher import analyze_posting, rank, score
from matcher.extract import extract_document
from matcher.integrity import copied_run, keyword_stuffing, posting_copied, stuffing_limit
from matcher.records import ResumeSkill
from matcher.resume import parse_resume
from matcher.scoring import Weights

from .conftest import one_page

ENGINES = ["pypdf", pytest.param("pdfium", marks=pytest.mark.skipif(
    __import__("importlib").util.find_spec("pypdfium2") is None, reason="pdfium extra"))]  # fmt: skip

VISIBLE = (
    b"BT /F1 11 Tf 72 720 Td (Jane Doe) Tj ET\n"
    b"BT /F1 11 Tf 72 700 Td (EXPERIENCE) Tj ET\n"
    b"BT /F1 11 Tf 72 680 Td (Cook, Diner Inc, 2015 - 2023) Tj ET\n"
    b"BT /F1 11 Tf 72 660 Td (Grill and prep work, food safety) Tj ET\n"
)
STUFFED = b"(Python Kubernetes TensorFlow machine learning) Tj ET\n"

HIDDEN_CASES = {
    "white_on_white": (b"1 1 1 rg BT /F1 11 Tf 72 400 Td " + STUFFED, "hidden_text"),
    "render_mode_3": (b"BT 3 Tr /F1 11 Tf 72 400 Td " + STUFFED, "hidden_text"),
    "one_point": (b"BT /F1 1 Tf 72 400 Td " + STUFFED, "tiny_text"),
    "negative_coordinates": (b"BT /F1 11 Tf -500 -100 Td " + STUFFED, "off_page_text"),
    "beyond_the_right_edge": (b"BT /F1 11 Tf 700 400 Td " + STUFFED, "off_page_text"),
    "dark_on_the_same_dark_fill": (
        b"0.2 0.2 0.2 rg 60 390 400 30 re f 0.22 0.22 0.22 rg BT /F1 11 Tf 72 400 Td " + STUFFED,
        "hidden_text",
    ),
    "cmyk_white": (b"0 0 0 0 k BT /F1 11 Tf 72 400 Td " + STUFFED, "hidden_text"),
}

SEEN_CASES = {
    "black": b"BT /F1 11 Tf 72 400 Td " + STUFFED,
    "white_on_a_dark_box": b"0.1 0.2 0.4 rg 60 390 400 30 re f 1 1 1 rg BT /F1 11 Tf 72 400 Td " + STUFFED,
    "one_point_font_scaled_by_the_text_matrix": b"BT /F1 1 Tf 11 0 0 11 72 400 Tm " + STUFFED,
    "white_restored_to_black_by_Q": b"q 1 1 1 rg Q BT /F1 11 Tf 72 400 Td " + STUFFED,
    "light_gray": b"0.6 g BT /F1 11 Tf 72 400 Td " + STUFFED,
    # a wide pen paints a band under the white text: a stroke's area is not judged
    "white_on_a_wide_stroke": b"0 0 0 RG 24 w 60 404 m 400 404 l S 1 1 1 rg BT /F1 11 Tf 72 400 Td "
    + STUFFED,
}


def _pdf(tmp_path: Path, name: str, extra: bytes) -> Path:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(one_page(VISIBLE + extra))
    return path


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", sorted(HIDDEN_CASES))
def test_text_a_reader_cannot_see_is_found_while_extracting(tmp_path: Path, case: str, engine: str) -> None:
    content, kind = HIDDEN_CASES[case]
    document = extract_document(_pdf(tmp_path, case, content), engine=engine)
    assert [f.kind for f in document.integrity] == [kind]
    assert "Python Kubernetes TensorFlow" in document.integrity[0].evidence
    assert "page 1" in document.integrity[0].message
    assert "Jane Doe" not in document.integrity[0].evidence
    assert "Python" in document.text  # still read: the finding says where it was


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", sorted(SEEN_CASES))
def test_text_a_reader_can_see_is_no_finding(tmp_path: Path, case: str, engine: str) -> None:
    document = extract_document(_pdf(tmp_path, case, SEEN_CASES[case]), engine=engine)
    assert document.integrity == ()
    assert "Python Kubernetes" in document.text


def test_a_plain_fpdf_resume_has_no_findings(tmp_path: Path) -> None:
    from .conftest import make_pdf

    path = make_pdf(tmp_path / "cv.pdf", ["Jane Doe", "EXPERIENCE", "Cook, Diner Inc, 2015 - 2023"])
    assert extract_document(path).integrity == ()


@pytest.mark.parametrize("engine", ENGINES)
def test_skills_only_in_hidden_text_do_not_count_by_default(tmp_path: Path, engine: str) -> None:
    path = _pdf(tmp_path, "white", HIDDEN_CASES["white_on_white"][0])
    resume = parse_resume(path, engine=engine, as_of=date(2026, 11, 1))
    hidden = {s.name for s in resume.skills if s.hidden}
    assert {"Python", "Kubernetes", "TensorFlow"} <= hidden
    assert "food safety" not in hidden
    assert resume.to_dict()["integrity"][0]["kind"] == "hidden_text"
    posting = analyze_posting("Requirements: Python, Kubernetes and food safety.")
    default = score(posting, resume)
    counted = score(posting, resume, weights=Weights(count_hidden_text=True))
    assert [m.skill for m in default.matched] == ["food safety"]
    assert {m.skill for m in counted.matched} == {"Python", "Kubernetes", "food safety"}
    assert default.total < counted.total
    assert "Not counted (only in hidden text): Python, Kubernetes" in default.explain()
    assert "Not counted" not in counted.explain()


def test_count_hidden_text_must_be_a_boolean() -> None:
    from matcher.errors import InputError

    with pytest.raises(InputError, match="count_hidden_text"):
        Weights(count_hidden_text=1)  # type: ignore[arg-type]
    assert Weights.from_toml_text("[weights]\ncount_hidden_text = true").count_hidden_text is True


@pytest.mark.parametrize(("words", "limit"), [(0, 10), (39, 10), (40, 11), (400, 20), (1000, 35)])
def test_stuffing_limit_grows_with_the_resume(words: int, limit: int) -> None:
    assert stuffing_limit(words) == limit


def test_keyword_stuffing_is_a_skill_named_far_more_often_than_the_length_explains() -> None:
    text = "Line cook at a busy diner, grill and prep. " * 40  # 360 words: the limit is 19
    skills = [ResumeSkill("Python", "hard", "Python", 20), ResumeSkill("grill", "hard", "grill", 19)]
    found = keyword_stuffing(text, skills)
    assert [(f.kind, f.evidence) for f in found] == [("keyword_stuffing", "Python")]
    assert "20 times in 360 words" in found[0].message


def test_a_stuffed_text_resume_gets_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("Jane Doe\nSKILLS\n" + "Python, " * 30 + "SQL\n", encoding="utf-8")
    resume = parse_resume(path)
    assert [f.kind for f in resume.integrity] == ["keyword_stuffing"]
    assert "Python is named" in resume.integrity[0].message


POSTING = (
    "Data Engineer. Requirements: you will design and build reliable batch and streaming data "
    "pipelines in Python and SQL, own their monitoring and alerting, work closely with analysts "
    "and product managers to understand their needs, and keep our warehouse documented, tested "
    "and fast for everyone who depends on it every single day."
)


def test_copied_run_counts_the_longest_shared_stretch_of_words() -> None:
    length, text = copied_run(POSTING, "Summary. " + POSTING[40:200] + " And more of my own.")
    assert 20 <= length <= 30
    assert text.startswith("build reliable") or "pipelines in python and sql" in text
    assert copied_run(POSTING, "I cook at a diner and grill things.") == (0, "")


def test_posting_copied_needs_a_long_run() -> None:
    assert [f.kind for f in posting_copied(POSTING, "About me: " + POSTING)] == ["posting_copied"]
    # a phrase under the run length is no finding
    assert (
        posting_copied(POSTING, "I build reliable batch and streaming data pipelines in Python and SQL.")
        == ()
    )


def test_a_ranking_finds_the_posting_copied_into_a_resume(tmp_path: Path) -> None:
    (tmp_path / "copy.txt").write_text(f"Ann Lee\nSUMMARY\n{POSTING}\n", encoding="utf-8")
    (tmp_path / "own.txt").write_text("Bob Roe\nSUMMARY\nI build pipelines in Python.\n", encoding="utf-8")
    ranking = rank(analyze_posting(POSTING), [tmp_path], workers=0)
    found = {Path(e.path).name: [f["kind"] for f in e.to_dict()["integrity"]] for e in ranking.entries}
    assert found == {"copy.txt": ["posting_copied"], "own.txt": []}


def test_the_table_marks_a_resume_with_findings(tmp_path: Path) -> None:
    from matcher.outputs import format_table, to_csv, to_html

    _pdf(tmp_path, "white", HIDDEN_CASES["white_on_white"][0])
    _pdf(tmp_path, "plain", b"")
    ranking = rank(analyze_posting("Requirements: Python and food safety."), [tmp_path], workers=0)
    table = format_table(ranking)
    marked = [line for line in table.splitlines() if "[integrity: hidden_text]" in line]
    assert len(marked) == 1 and "white.pdf" in marked[0]
    assert "hidden_text: text a reader cannot see" in to_csv(ranking)
    assert "<h4>Integrity</h4>" in to_html(ranking)


def test_the_resume_command_shows_the_findings(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from matcher.cli import main

    path = _pdf(tmp_path, "white", HIDDEN_CASES["white_on_white"][0])
    run = CliRunner().invoke(main, ["resume", str(path)])
    assert run.exit_code == 0 and "Integrity: hidden_text: text a reader cannot see" in run.stdout
    data = __import__("json").loads(CliRunner().invoke(main, ["resume", str(path), "--json"]).stdout)
    assert [f["kind"] for f in data["integrity"]] == ["hidden_text"]
    assert {s["name"] for s in data["skills"] if s.get("hidden")} >= {"Python", "Kubernetes"}


def test_findings_and_hidden_skills_survive_the_cache(tmp_path: Path) -> None:
    from matcher.batch import ResumeCache

    path = _pdf(tmp_path, "white", HIDDEN_CASES["white_on_white"][0])
    resume = parse_resume(path)
    cache = ResumeCache(tmp_path / "cache.sqlite")
    cache.put("k", resume)
    again = cache.get("k")
    cache.close()
    assert again is not None
    assert again.integrity == resume.integrity and again.skills == resume.skills


@pytest.mark.parametrize("engine", ENGINES)
def test_hidden_text_does_not_raise_the_similarity(tmp_path: Path, engine: str) -> None:
    """White text full of the posting's words once raised the TF-IDF similarity though its skills
    no longer counted: similarity reads only what a reader sees, alone, in a ranking and cached."""
    folder = tmp_path / "cvs"
    folder.mkdir()
    plain = folder / "plain.pdf"
    plain.write_bytes(one_page(VISIBLE))
    stuffed = _pdf(folder, "stuffed", HIDDEN_CASES["white_on_white"][0] * 6)
    posting = analyze_posting("Cook\nRequirements: Python, Kubernetes, TensorFlow, food safety")
    parsed = [parse_resume(p, engine=engine) for p in (plain, stuffed)]
    alone = [score(posting, resume).components["similarity"] for resume in parsed]
    assert alone[0] == alone[1]
    cache = tmp_path / "cache.sqlite"
    for _ in range(2):  # parsed, then read from the cache
        ranking = rank(posting, [folder], engine=engine, cache=cache, workers=0)
        ranked = {Path(e.path).name: e.score.components["similarity"] for e in ranking.ranked if e.score}
        assert ranked["plain.pdf"] == ranked["stuffed.pdf"] == alone[0]
