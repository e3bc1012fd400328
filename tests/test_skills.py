"""Finding skills in text: inflections, spelling variants, lists, acronyms and versions."""

from __future__ import annotations

import pytest

from matcher.language import get_pipeline, load_taxonomy
from matcher.text import token_key


def _skills(text: str) -> list[str]:
    tax = load_taxonomy()
    doc = get_pipeline()(text)
    return [tax.skills[s.label_].name for s in doc.spans["skills"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Build data pipelines.", ["data pipeline"]),
        ("Maintain relational databases.", ["relational database"]),
        ("Use scikit learn daily.", ["scikit-learn"]),
        ("Use scikit-learn daily.", ["scikit-learn"]),
        ("Deploy with Node.js and NodeJS.", ["Node.js", "Node.js"]),
        ("Python/R for analysis.", ["Python", "R"]),
        ("SQL, NoSQL and Hive.", ["SQL", "NoSQL", "Hive"]),
        ("Python 3 and Java 8.", ["Python", "Java"]),
        ("Python 3.x scripting.", ["Python"]),
        ("React.js/Vue.js front ends.", ["React", "Vue.js"]),
        ("CI/CD pipelines in GitHub Actions.", ["CI/CD", "GitHub Actions"]),
        ("Knowledge of our services(SaaS, websites, etc.)", ["SaaS"]),  # "(" glued to the word before
        ("Reporting tools(Excel, Tableau) daily.", ["Excel", "Tableau"]),
        ("401(k) administration for staff.", ["retirement plan administration"]),  # digits before: one word
        ("\u2022PowerPoint Presentations", ["PowerPoint"]),  # a bullet glued to the word after it
        ("\u25aaSQL and \u25cfTableau reports.", ["SQL", "Tableau"]),
        ("MS Office \u2013 Word, Excel", ["Microsoft Office", "Microsoft Word", "Excel"]),  # spaced: parts
        ("Python - Django, Flask", ["Python", "Django", "Flask"]),
        ("Use scikit-learn and e-commerce tools.", ["scikit-learn", "e-commerce"]),  # a hyphen joins
    ],
)
def test_finder_handles_inflections_variants_lists_and_versions(text: str, expected: list[str]) -> None:
    assert _skills(text) == expected


def test_parenthesised_acronym_is_one_skill() -> None:
    doc = get_pipeline()("Experience in natural language processing (NLP) is required.")
    ids = {s.label_ for s in doc.spans["skills"]}
    assert len(ids) == 1
    assert load_taxonomy().skills[ids.pop()].name == "natural language processing"


def test_skill_spans_carry_offsets_into_the_text() -> None:
    text = "We run k8s clusters."
    doc = get_pipeline()(text)
    span = doc.spans["skills"][0]
    assert text[span.start_char : span.end_char] == "k8s"


@pytest.mark.parametrize(
    ("token", "key"),
    [
        ("Pipelines", "pipeline"),
        ("libraries", "library"),
        ("Node.js", "nodejs"),
        ("AWS", "aws"),
        ("processes", "process"),
        (".NET", ".net"),
        ("analysis", "analysis"),
        ("C++", "c++"),
    ],
)
def test_token_key_folds_case_plurals_and_inner_dots(token: str, key: str) -> None:
    assert token_key(token) == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Strong problem solving, design, coding and debugging skills.", "software design"),
        ("Maintain the design of our offices.", None),
    ],
)
def test_common_words_with_their_own_context_flag(text: str, expected: str | None) -> None:
    found = _skills(text)
    if expected is None:
        assert "software design" not in found
    else:
        assert expected in found


def test_a_wrapped_line_does_not_split_a_skill_but_a_new_line_does() -> None:
    wrapped = (
        "Manage marketing communications, including website, collateral, B2B, proposal content, digital\n"
        "marketing, and media relations."
    )
    assert "digital marketing" in _skills(wrapped)
    assert "digital marketing" not in _skills("Skills\nDigital\nMarketing plan owner")


def test_a_specific_skill_stays_apart_from_its_broader_one() -> None:
    found = _skills("Modelled processes in BPMN; handled FMLA requests; wrote press releases.")
    assert found == ["BPMN", "FMLA", "press releases"]
    tax = load_taxonomy()
    assert tax.find("process mapping") in tax.related(tax.find("BPMN").id)  # type: ignore[union-attr,operator]


def test_a_language_name_after_software_counts_in_parentheses() -> None:
    assert _skills("Co-developed software (Java) for medical support.") == ["Java"]
    assert "Java" not in _skills("Served Java coffee to guests.")
