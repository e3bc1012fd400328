"""How far a posting's headings and cues reach: a heading glued to the end of a line, the sentence
that holds a section boundary, and who is described (the company or the candidate)."""

from __future__ import annotations

import pytest

from matcher import analyze_posting


def _importance(text: str) -> dict[str, str]:
    return {s.name: s.importance for s in analyze_posting(text).skills}


@pytest.mark.parametrize(
    ("text", "before", "after"),
    [
        (
            "Required Qualifications\n"
            "Experience with compliance standards ( HIPAA GDPR ) Desired Experience\n"
            "Experience with Kafka or other streaming platforms\n",
            "HIPAA",
            "Kafka",
        ),
        (
            "Requirements\n- Solid Python and SQL skills Preferred Qualifications\n"
            "- Knowledge of Terraform\n",
            "Python",
            "Terraform",
        ),
        (
            "What you need\nExperience with Java Nice To Have\nFamiliarity with Docker\n",
            "Java",
            "Docker",
        ),
    ],
)
def test_heading_glued_to_a_line_end_opens_its_section(text: str, before: str, after: str) -> None:
    got = _importance(text)
    assert got[before] == "required"
    assert got[after] == "preferred"


@pytest.mark.parametrize(
    "text",
    [
        "Requirements\n- Experience with Python is Preferred\n- SQL\n",
        "Requirements\n- Bachelor's degree in Computer Science Preferred\n- Python\n",
    ],
)
def test_a_single_cue_word_at_a_line_end_is_no_heading(text: str) -> None:
    got = _importance(text)
    assert got["Python"] == ("preferred" if "Python is" in text else "required")


@pytest.mark.parametrize(
    ("text", "skill", "importance"),
    [
        (
            "Qualifications\nFamiliarity with distributed data processing, such as Hadoop and MPI is a plus "
            "Contoso is an equal opportunity employer.",
            "Hadoop",
            "preferred",
        ),
        (
            "Experience with C++, C#, and Python* Strong mathematics skills Ability to meet customer "
            "and/or government security screening requirements are required for this role.",
            "Python",
            "required",
        ),
    ],
)
def test_boilerplate_run_into_a_requirement_reaches_back_to_the_item_only(
    text: str, skill: str, importance: str
) -> None:
    assert _importance(text).get(skill) == importance


@pytest.mark.parametrize(
    "text",
    [
        "We are an equal opportunity employer and value Java developers of all backgrounds.",
        "Benefits include free Python courses and a Kubernetes workshop.",
    ],
)
def test_a_boilerplate_cue_still_covers_what_follows_it(text: str) -> None:
    assert analyze_posting("Requirements:\n- SQL\n" + text).skills[-1].name == "SQL"


@pytest.mark.parametrize(
    "text",
    [
        "Helpful qualifications: Experience with Python and strong mathematics skills",
        "Good to have: experience with Python in production",
        "Optional: knowledge of Python",
    ],
)
def test_a_leading_preferred_cue_covers_its_sentence(text: str) -> None:
    assert _importance(text)["Python"] == "preferred"


@pytest.mark.parametrize(
    "blurb",
    [
        "Contoso builds payment software on Salesforce for banks in 30 countries.",
        "Our platform runs on Kubernetes and serves millions of riders.",
    ],
)
def test_the_blurb_above_a_postings_requirements_yields_nothing(blurb: str) -> None:
    text = f"Data Engineer\n{blurb}\nRequirements:\n- 3+ years of Python\n- SQL\n"
    assert [s.name for s in analyze_posting(text).skills] == ["Python", "SQL"]


def test_a_posting_without_headings_keeps_what_its_text_names() -> None:
    text = "Data Engineer\nWe build pipelines in Spark. Experience with Python is required."
    got = _importance(text)
    assert got["Spark"] == "mentioned"
    assert got["Python"] == "required"


def test_a_heading_run_into_its_content_opens_its_section() -> None:
    text = (
        "Machine Learning Scientist\nContoso builds search on Azure.\n"
        "Responsibilities Build ranking services in Go and monitor them.\n"
        "Qualifications PhD in computer science, or Master's degree with 2 years of experience. "
        "Experience with PyTorch. Preferred:\n"
        "Experience working with any of the following languages: C#, Python or Java\n"
    )
    posting = analyze_posting(text)
    got = {s.name: s.importance for s in posting.skills}
    assert got["Go"] == "mentioned"
    assert got["PyTorch"] == "required"
    assert got["C#"] == "preferred"
    assert "Azure" not in got  # Microsoft Azure, named by the form postings write
    assert posting.degree is not None and posting.degree.min_level == "master"


@pytest.mark.parametrize(
    "line",
    [
        "Skills in Go are a must.",
        "Requirements gathering with product owners",
        "responsibilities Include building services in Go",
        "Summary of Go",
    ],
)
def test_a_heading_word_leading_a_sentence_is_no_run_in_heading(line: str) -> None:
    from matcher.posting._sections import find_sections

    assert [s.kind for s in find_sections(f"We build maps.\n{line}\n")] == ["intro"]


@pytest.mark.parametrize(
    ("text", "skill", "importance"),
    [
        ("Qualifications\n- 2+ years of Python experience (online services preferred)", "Python", "required"),
        ("Requirements\n- Java (preferably Spring) and SQL", "Java", "required"),
        ("Requirements\n- Java (preferably Spring) and SQL", "SQL", "required"),
        ("Requirements\n- Java (preferably Spring) and SQL", "Spring", "preferred"),
        ("Requirements\n- Python (Django preferred)", "Django", "preferred"),
        ("Requirements\n- Python (Django preferred)", "Python", "required"),
        ("Experience with Python, Java, Go or Rust is a plus.", "Python", "preferred"),
    ],
)
def test_a_cue_inside_a_parenthesis_qualifies_what_it_holds(text: str, skill: str, importance: str) -> None:
    assert _importance(text)[skill] == importance


def test_years_with_a_preferred_aside_stay_required() -> None:
    posting = analyze_posting(
        "Qualifications\n- 2+ years software development experience (online services preferred)"
    )
    assert posting.min_years == 2


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("PRIMARY DUTIES:  Manages project tasks against time and budget plans.", "duties"),
        ("Education and Work Experience Required:  Bachelor degree in Computer Science", "required"),
        ("Desirable (but not required) Skills: Kafka and Docker", "preferred"),
        ("Essential Duties and Responsibilities: Build reports", "duties"),
    ],
)
def test_a_capitalised_label_before_a_colon_opens_its_section(line: str, kind: str) -> None:
    from matcher.posting._sections import heading_kind

    found = heading_kind(line)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize("line", ["Java Developer: great role", "Hartford, CT: 6 months", "Note: Python"])
def test_a_label_without_a_heading_word_is_no_heading(line: str) -> None:
    from matcher.posting._sections import heading_kind

    assert heading_kind(line) is None


def test_years_under_a_labelled_requirements_heading_count() -> None:
    text = (
        "Java Developer\nDesirable (but not required) Skills:\n- Agile\n"
        "Education and Work Experience Required:  Bachelor degree in Computer Science  "
        "At least five years of professional experience in hands-on Java development\n"
    )
    assert analyze_posting(text).min_years == 5


def test_a_degree_in_a_run_on_that_ends_in_boilerplate_counts() -> None:
    text = (
        "Senior Data Analyst\nQualifications 3+ years' hands on experience in marketing analytics with "
        "proven quantitative orientation Bachelor's degree in computer science or a quantitative field "
        "required/Master's degree Expertise in B2B marketing Experience with SQL and Power BI Strong "
        "communication and presentation skills Be self-driven, with ability to handle ambiguity "
        "Contoso is an equal opportunity employer. All qualified applicants will receive consideration "
        "for employment without regard to age, ancestry, color, family or medical care leave."
    )
    degree = analyze_posting(text).degree
    assert degree is not None and degree.min_level == "bachelor"


@pytest.mark.parametrize(
    "sentence",
    [
        "You have excellent communication skills and master the English language both orally and written.",
        "You master a wide range of lab techniques.",
    ],
)
def test_master_as_a_verb_is_no_degree(sentence: str) -> None:
    assert analyze_posting(f"Requirements\n- {sentence}\n- Python").degree is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("YOUR QUALIFICATIONS", "required"),
        ("Key Technical Requirements", "required"),
        ("Your Profile", "required"),
    ],
)
def test_a_capitalised_label_alone_on_its_line_ending_in_a_heading_opens_it(line: str, kind: str) -> None:
    from matcher.posting._sections import heading_kind

    found = heading_kind(line)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize(
    "line", ["Education Program Manager", "Senior Data Engineer", "Skills Lab Coordinator"]
)
def test_a_title_holding_a_heading_word_is_no_heading(line: str) -> None:
    from matcher.posting._sections import heading_kind

    assert heading_kind(line) is None


def test_skills_under_a_capitalised_label_are_required() -> None:
    text = (
        "Mobile Engineer\nYOUR RESPONSIBILITIES\nMaintain the existing mobile apps\n"
        "YOUR QUALIFICATIONS\nPassionate about code quality and continuous delivery\n"
    )
    assert _importance(text)["CI/CD"] == "required"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Data Engineer\nQualifications Required: 5+ years of Java and SQL "
            "Preferred: Experience with Go and Kafka",
            {"Java": "required", "SQL": "required", "Go": "preferred", "Kafka": "preferred"},
        ),
        (
            "Data Engineer\nBasic Qualifications - 5+ years of Java - SQL "
            "Preferred Qualifications - Go - Kafka",
            {"Java": "required", "SQL": "required", "Go": "preferred", "Kafka": "preferred"},
        ),
        (
            "Data Engineer\nRequirements\n- Python\n- Go (nice to have)\n- Kafka - nice to have\n",
            {"Python": "required", "Go": "preferred", "Kafka": "preferred"},
        ),
    ],
)
def test_headings_and_cues_run_into_a_line(text: str, expected: dict[str, str]) -> None:
    assert _importance(text) == expected


def test_nice_to_have_after_a_skill_covers_it_and_is_no_skill() -> None:
    got = _importance("Requirements\n- SQL\n- Go (nice to have)\n- Docker (bonus)")
    assert got == {"SQL": "required", "Go": "preferred", "Docker": "preferred"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Data Engineer\nREQUIRED SKILLS 5+ years of Java and SQL "
            "PREFERRED SKILLS Experience with Go and Kafka",
            {"Java": "required", "SQL": "required", "Go": "preferred", "Kafka": "preferred"},
        ),
        (
            "Data Engineer\nWe build maps. REQUIREMENTS Python, SQL NICE TO HAVE Go, Kafka",
            {"Python": "required", "SQL": "required", "Go": "preferred", "Kafka": "preferred"},
        ),
        ("Requirements\nPython REQUIRED, Go PREFERRED", {"Python": "required", "Go": "preferred"}),
        ("Nice to have\n- Excellent SQL SKILLS and Kafka", {"SQL": "preferred", "Kafka": "preferred"}),
    ],
)
def test_a_heading_in_capitals_inside_a_line_opens_its_section(text: str, expected: dict[str, str]) -> None:
    assert _importance(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Data Engineer\nYou will stand out if you have:\n- Docker\n- Kafka\nRequirements:\n- Python\n- SQL",
        "Data Engineer\nRequirements\n- Python\n- SQL\nEven better\n- Docker\n- Kafka",
        "Data Engineer\nRequirements\n- Python\n- SQL\nWhat sets you apart\n- Docker\n- Kafka",
        "Data Engineer\nRequirements\n- Python and SQL\n"
        "- Experience with Docker and Kafka will make you stand out",
    ],
)
def test_what_makes_a_candidate_stand_out_is_preferred(text: str) -> None:
    assert _importance(text) == {
        "Python": "required",
        "SQL": "required",
        "Docker": "preferred",
        "Kafka": "preferred",
    }


@pytest.mark.parametrize(
    "heading",
    ["About Contoso", "About Contoso Labs:", "Why join us?"],
)
def test_the_companys_own_headings_yield_nothing(heading: str) -> None:
    text = (
        f"Data Engineer\nRequirements\n- Python\n{heading}\nContoso builds Salesforce apps on Kubernetes.\n"
    )
    assert _importance(text) == {"Python": "required"}


@pytest.mark.parametrize("heading", ["About You", "About the role"])
def test_about_you_and_the_role_stay_posting_headings(heading: str) -> None:
    from matcher.posting._sections import heading_kind

    found = heading_kind(heading)
    assert found is not None and found[0] != "boilerplate"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Requirements\n- Java\n- Go", {"Java": "required", "Go": "required"}),
        ("Backend Engineer\nNice to have:\n- Spring\n- Swift", {"Spring": "preferred", "Swift": "preferred"}),
    ],
)
def test_a_list_item_that_is_only_a_skills_name_names_it(text: str, expected: dict[str, str]) -> None:
    assert _importance(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Backend Engineer\nResponsibilities\n- Go\n- Spring",  # duties: no ask
        "Backend Engineer\nRequirements\n- go",  # not the name's case
        "Backend Engineer\nRequirements\n- Go to client sites every week",
    ],
)
def test_an_ordinary_word_outside_a_bare_requirements_item_is_no_skill(text: str) -> None:
    assert not {"Go", "Spring"} & set(_importance(text))
