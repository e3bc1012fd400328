"""The skill taxonomy: the committed artefact is current, and names fire only where they should."""

from __future__ import annotations

import importlib.util
import json
import sys
from typing import Any

import pytest

from matcher.language import get_pipeline, load_taxonomy

from .conftest import ROOT


def _skills(text: str) -> list[str]:
    tax = load_taxonomy()
    doc = get_pipeline()(text)
    return [tax.skills[s.label_].name for s in doc.spans["skills"]]


def _build_script() -> Any:
    spec = importlib.util.spec_from_file_location("build_taxonomy", ROOT / "scripts" / "build_taxonomy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_taxonomy"] = module
    spec.loader.exec_module(module)
    return module


def test_committed_taxonomy_is_current() -> None:
    rebuilt = _build_script().build()
    committed = (ROOT / "models" / "skills.jsonl").read_text(encoding="utf-8")
    assert rebuilt == committed, "models/skills.jsonl is stale: run python scripts/build_taxonomy.py"


def test_per_alias_flags_may_list_several_flags() -> None:
    plain, flags = _build_script()._alias_flags("C++ STL, STL {case, context}, design {context}")
    assert plain == "C++ STL, STL, design"
    assert flags == {"STL": {"case", "context"}, "design": {"context"}}
    assert not any("{" in a or "}" in a for s in load_taxonomy().skills.values() for a in s.aliases)


def test_taxonomy_records_have_the_documented_fields() -> None:
    line = (ROOT / "models" / "skills.jsonl").read_text(encoding="utf-8").splitlines()[0]
    record = json.loads(line)
    assert {"id", "name", "aliases", "kind", "group", "related", "patterns"} <= set(record)
    kinds = {s.kind for s in load_taxonomy().skills.values()}
    assert kinds == {"hard", "soft", "language", "certification"}


def test_skill_ids_are_unique_and_stable_slugs() -> None:
    tax = load_taxonomy()
    assert tax.find("Kubernetes").id == "kubernetes"
    assert tax.find("C#").id != tax.find("C++").id != tax.find("C").id


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("k8s", "Kubernetes"),
        ("reactjs", "React"),
        ("nodejs", "Node.js"),
        ("sklearn", "scikit-learn"),
        ("Microsoft Excel", "Excel"),
        ("MS Excel", "Excel"),
        ("power bi", "Power BI"),
        ("Apache Kafka", "Kafka"),
        ("Apache Airflow", "Airflow"),
        ("golang", "Go"),
        ("Amazon Web Services", "AWS"),
    ],
)
def test_aliases_and_vendor_names_fold_to_one_skill(alias: str, canonical: str) -> None:
    skill = load_taxonomy().find(alias)
    assert skill is not None and skill.name == canonical


def test_esco_alternative_labels_do_not_become_aliases_of_other_concepts() -> None:
    tensorflow = load_taxonomy().find("TensorFlow")
    assert tensorflow is not None and tensorflow.name == "TensorFlow"
    vision = load_taxonomy().find("computer vision")
    assert vision is not None and "TensorFlow" not in vision.aliases


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Go to the careers page and apply.", "Go"),
        ("You will excel at building relationships.", "Excel"),
        ("Make sure every release is on time.", "Make"),
        ("Less than two weeks of travel per year.", "Less"),
        ("We want to spark curiosity in every student.", "Spark"),
        ("You will have access to our training budget.", "Microsoft Access"),
        ("A word from our founder.", "Microsoft Word"),
        ("Julia joined the team in March.", "Julia"),
        ("Our chef prepares lunch daily.", "Chef"),
        ("He is a puppet of the board.", "Puppet"),
        ("Swift decisions matter here.", "Swift"),
        ("Rust on the old pipes was fixed.", "Rust"),
        ("Ruby and her sister run the shop.", "Ruby"),
        ("Throw a dart at the board.", "Dart"),
        ("The java was hot.", "Java"),
        ("R and D teams meet in C block.", "R"),
        ("Scala is a staircase in Milan.", "Scala"),
        # a capitals-only form made of English words needs its capitals too (text split by a
        # broken PDF font: "Th is is a senior role")
        ("Th is is a senior, full-time role.", "IS-IS"),
        ("Take the rest of the week off after the release.", "REST"),
        ("TAKE THE REST OF THE DAY OFF", "REST"),
        # a camel-case name's two words where they read otherwise: a product only outside
        # sources know, no technical context, a word that reads as prose before them, words
        # another skill owns
        ("Named Top Producer of the Month in July 2005.", "TopProducer"),
        ("Top Producer and Salesforce CRM skills.", "TopProducer"),
        ("Residences at a Price Point of $550,000.", "PricePoint"),
        ("We toured the Share Point gallery.", "SharePoint"),
        ("Configured Palo Alto Next Gen firewalls and Cisco routers.", "NextGen"),
        ("Bachelor of Arts In Design, 2015; Photoshop", "Adobe InDesign"),
        ("Unix, Korn Shell scripting, Perl", "KornShell"),
    ],
)
def test_common_words_do_not_fire_in_ordinary_english(sentence: str, word: str) -> None:
    assert load_taxonomy().find(word) is not None
    assert word not in _skills(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Experience with Go and Rust.", ["Go", "Rust"]),
        ("Proficiency in Excel and Word.", ["Excel", "Microsoft Word"]),
        ("Languages: Python, R, Scala, Julia.", ["Python", "R", "Scala", "Julia"]),
        ("Knowledge of Java 8 or later.", ["Java"]),
        ("Experience with Spark and Hive.", ["Spark", "Hive"]),
        ("Configuration management with Chef or Puppet.", ["Chef", "Puppet"]),
        ("C, C++ and C# programming.", ["C", "C++", "C#"]),
        ("Experience with OSPF, IS-IS and BGP.", ["OSPF", "IS-IS", "BGP"]),
        ("Experience with REST and SOAP web services.", ["REST", "SOAP"]),
        ("Designed RESTful interfaces in Java and Python.", ["REST", "Java", "Python"]),
    ],
)
def test_short_names_fire_in_technical_context(sentence: str, expected: list[str]) -> None:
    assert _skills(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Computer skills: Microsoft word, Power Point, and Excel", "Microsoft Word"),
        ("Experience with apache spark and Kafka.", "Spark"),
        ("Wrote salesforce apex triggers.", "Apex"),
    ],
)
def test_a_curated_name_with_a_word_of_its_own_matches_in_any_case(sentence: str, expected: str) -> None:
    """A curated name's written case guards its ordinary-English forms ("Word", "Spark"); a form
    with a word that is no ordinary English ("Microsoft", "Apache") is the name in any case."""
    assert expected in _skills(sentence)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Rust spots and ruby on rails of the old train.", "Ruby on Rails"),
    ],
)
def test_a_curated_name_of_english_words_keeps_its_case(sentence: str, word: str) -> None:
    assert word not in _skills(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Software: Quick Books, People Soft, Excel.", ["QuickBooks", "PeopleSoft", "Excel"]),
        ("Tools: Serv-Safe, Solid Works, Java Script.", ["ServSafe", "SolidWorks", "JavaScript"]),
        ("Testing with Soap UI, Test NG and Selenium.", ["SoapUI", "TestNG", "Selenium"]),
    ],
)
def test_a_compound_name_written_as_two_words_is_the_name(sentence: str, expected: list[str]) -> None:
    assert [name for name in _skills(sentence) if name in expected] == expected


def test_committed_idf_is_current() -> None:
    spec = importlib.util.spec_from_file_location("build_idf", ROOT / "scripts" / "build_idf.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "models" / "idf.json").read_text(encoding="utf-8")
    assert module.build() == committed, "models/idf.json is stale: run python scripts/build_idf.py"
