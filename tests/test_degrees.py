"""Degree fields as postings write them: which words are fields, and where the field phrase ends.

Written against the survivors of a mutation run (scripts/mutation.py, docs/mutation-survivors.md).
"""

from __future__ import annotations

import pytest

from matcher.facts import field_spans, find_degrees, find_fields, level_rank


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("BS in Physics or Chemistry - required", ("physics", "chemistry")),  # a dash is no part of a field
        ("BS in Physics or Chemistry; MS in Physics", ("physics", "chemistry")),  # each field once
        ("Bachelor's degree in Art or Design", ("art", "design")),  # three letters make a field
        ("BS in Finance, Economics or the equivalent", ("finance", "economics")),  # "the" is no field
        ("Degree in Computer Science or any related field", ("computer science",)),  # nor "any"
        ("Bachelor's degree in a field related to engineering", ()),  # nor "field"
        ("Master's degree in fields related to finance", ()),  # nor "fields"
    ],
)
def test_fields_of_study(text: str, fields: tuple[str, ...]) -> None:
    assert find_fields(text) == fields


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # a field's abbreviation is read as the field it names (data/fields/acronyms.txt)
        ("BS in Math, IT or a related field", ("mathematics", "information technology")),
        ("BS in EE or CS", ("electrical engineering", "computer science")),
        ("Bachelor's degree in MIS, Finance or Accounting", ("management information systems", "finance",
                                                             "accounting")),
        ("Degree in CIS/HR preferred", ("computer information systems", "human resources")),
        # an abbreviation no list names stays out, as before
        ("BS in Math or XY", ("mathematics",)),
    ],
)  # fmt: skip
def test_two_letter_fields_are_read_by_their_long_forms(text: str, fields: tuple[str, ...]) -> None:
    assert find_fields(text) == fields


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # a field of the list that contains "and" is one field, not two
        ("Master's degree in Industrial and Organizational Psychology",
         ("industrial and organizational psychology",)),
        ("BS in Electrical and Computer Engineering or Physics",
         ("electrical and computer engineering", "physics")),
        ("Degree in Urban & Regional Planning", ("urban and regional planning",)),
        ("BS in Physics, Industrial and Organizational Psychology or Law",
         ("physics", "industrial and organizational psychology", "law")),
        # two fields with no such name are still two
        ("BS in Physics and Chemistry", ("physics", "chemistry")),
        ("BA in Psychology and Organizational Leadership", ("psychology", "organizational leadership")),
    ],
)  # fmt: skip
def test_a_listed_field_with_and_is_not_split(text: str, fields: tuple[str, ...]) -> None:
    assert find_fields(text) == fields


def test_a_field_name_is_at_most_40_characters() -> None:
    forty = "Environmental Health Sciences Management"
    assert len(forty) == 40
    assert find_fields(f"MS in {forty} or Physics") == (forty.lower(), "physics")
    # one character more reads as a phrase, not the name of a field
    assert find_fields(f"MS in {forty}s or Physics") == ("physics",)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("BS in Computer Science or Statistics preferred", "Computer Science or Statistics "),
        ("MS in Physics with 3 years of research", "Physics "),
    ],
)
def test_a_field_phrase_ends_where_the_requirement_goes_on(text: str, phrase: str) -> None:
    assert [text[start:end] for start, end in field_spans(text)] == [phrase]


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        # in text order, whatever the level
        ("PhD, MS or BS", [("doctorate", 0, 3), ("master", 5, 7), ("bachelor", 11, 13)]),
        # "B.A.S." is one degree (data/fields/degrees.txt), not "B.A" and "A.S."; the A.A. after it counts
        ("B.A.S. or A.A.", [("bachelor", 0, 6), ("associate", 10, 14)]),
        # "degree" within 40 characters after a level is that level's; further on it is one more
        ("Bachelor's" + " " * 39 + "degree in Physics", [("bachelor", 0, 10)]),
        ("Bachelor's" + " " * 40 + "degree in Physics", [("bachelor", 0, 10), ("bachelor", 50, 56)]),
        (
            "A degree in Mathematics is required for the role. We also value a second degree in Physics.",
            [("bachelor", 2, 8), ("bachelor", 73, 79)],
        ),
    ],
)
def test_find_degrees(text: str, hits: list[tuple[str, int, int]]) -> None:
    assert find_degrees(text) == hits


def test_level_rank_of_no_level_or_an_unknown_one() -> None:
    assert [level_rank(level) for level in (None, "diploma", "high_school", "doctorate")] == [-1, -1, 0, 4]


@pytest.mark.parametrize(
    ("asked", "studied"),
    [
        ("BS in Math or a related field", "B.S. Math, Ohio State University, 2012"),
        ("BS in IT or Computer Science", "B.S. Information Technology, Ohio State University, 2012"),
        (
            "MS in Industrial & Organizational Psychology",
            "M.A. Industrial and Organizational Psychology, 2013",
        ),
    ],
)
def test_a_field_written_short_in_one_and_long_in_the_other_matches(asked: str, studied: str) -> None:
    from datetime import date

    from matcher import analyze_posting, parse_resume_text, score

    posting = analyze_posting(f"Data Analyst\nRequirements\n{asked}.\nSQL and Excel.")
    resume = parse_resume_text(f"Jane Doe\nEDUCATION\n{studied}\nSKILLS\nSQL", as_of=date(2026, 11, 1))
    check = next(c for c in score(posting, resume).checks if c.name == "degree_field")
    assert check.status == "pass", check.detail


@pytest.mark.parametrize(
    ("text", "level", "written"),
    [
        # degree abbreviations read from data/fields/degrees.txt, plain, dotted and spaced
        ("M.F.A : 1972", "master", "M.F.A"),
        ("B.F.A. in Painting", "bachelor", "B.F.A."),
        ("M.B.A -HR Annamalai University", "master", "M.B.A"),
        ("B.B.A  Madras University", "bachelor", "B.B.A"),
        ("BAS : Management & Organizational Leadership", "bachelor", "BAS"),
        ("A.O.S. Culinary Arts", "associate", "A.O.S."),
        ("MIBA (Ongoing)", "master", "MIBA"),
        ("B.com  Kamaraj College", "bachelor", "B.com"),
        ("M. F. A. Sculpture", "master", "M. F. A."),
    ],
)
def test_listed_degree_abbreviations_in_every_form(text: str, level: str, written: str) -> None:
    hits = find_degrees(text)
    assert [(h[0], text[h[1] : h[2]]) for h in hits] == [(level, written)]


@pytest.mark.parametrize("text", ["MS Office 2016", "MS SQL Server", "MA 02139", "AS well as", "M. S. Dhoni"])
def test_a_product_a_state_or_initials_are_no_degree(text: str) -> None:
    assert find_degrees(text) == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # a word run into the abbreviation that follows it, as some postings' text comes out: the
        # degree is read from where its capitals start, every degree of the group
        ("3+ years of experienceBS/MS in Computer Science", [("bachelor", "BS"), ("master", "MS")]),
        ("Required skillsMBA or CPA", [("master", "MBA")]),
        ("QualificationsBA/BS in Marketing", [("bachelor", "BA"), ("bachelor", "BS")]),
        ("requiredMS/PhD in Physics", [("master", "MS"), ("doctorate", "PhD")]),
        # a word written in mixed case is no run-together text
        ("PhD in Chemistry, MSc in Biology", [("doctorate", "PhD"), ("master", "MSc")]),
        ("iOS and macOS developer, eMBA", []),
    ],
)
def test_a_degree_run_into_the_word_before_it(text: str, written: list[tuple[str, str]]) -> None:
    hits = find_degrees(text)
    assert [(h[0], text[h[1] : h[2]]) for h in hits] == written
