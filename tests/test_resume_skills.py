"""Skill matches in resume prose: short and common forms count only when written as the skill is
written (alias guards measured on real resumes), and the same forms still count where they are."""

from __future__ import annotations

import pytest

from matcher import parse_resume_text
from matcher.records import Resume


def _skills(body: str, skills: str = "Excel") -> set[str]:
    text = f"Jane Doe\nEXPERIENCE\nAnalyst, Acme Corp, 2015 - 2020\n{body}\nSKILLS\n{skills}\n"
    return {s.name for s in parse_resume_text(text).skills}


@pytest.mark.parametrize(
    ("body", "wrong"),
    [
        ("CALM AND PATIENT under pressure with every customer.", "CALM"),  # Computerized aircraft log manager
        ("Wrote tools in C and Python and brought forth new ideas for the compiler.", "Forth"),
        ("Managed the FMS rollout for the finance team.", "FMS"),  # Multipath Corporation Fast Matrix Solver
        ("Led security compliance audits for the plant.", "securities law"),
        ("Taught evening classes for the C SE Dept of the college.", "C"),
        ("Ran the bi-weekly payroll process.", "business intelligence"),
        ("Bakery Lead, ICS associate, Apparel Sales Floor Associate",
         "ICS"),  # General Electric Mark VI Integrated Control System
        ("Four General Certificate of Education (GCE), Advanced Level Subjects", "Compute Engine"),
    ],
)  # fmt: skip
def test_short_and_common_forms_in_prose_are_not_skills(body: str, wrong: str) -> None:
    assert wrong not in _skills(body)


def test_a_product_only_outside_sources_know_is_not_read_from_two_english_words() -> None:
    """TopProducer (an O*NET real-estate product) is not an award line's "Top Producer"."""
    text = (
        "Jane Doe\nACCOMPLISHMENTS\nVerizon Top Producer Los Angeles Territory Development 2005/Irvine\n"
        "Sprint PCS Chicago area Top Producer Sales Excellence Award 2000\nSKILLS\nExcel\n"
    )
    assert [s.name for s in parse_resume_text(text).skills] == ["Excel"]


@pytest.mark.parametrize(
    ("body", "skills", "right"),
    [
        ("Performed EKGs and blood draws on every shift.", "Excel", "EKG"),
        ("Kept the applications SOX compliant.", "Excel", "SOX compliance"),
        ("Built BI dashboards for the sales team.", "Excel", "business intelligence"),
        ("Wrote firmware in C and C++ for sensors.", "Excel", "C"),
        ("Wrote a small interpreter.", "Forth, Lisp", "Forth"),
        ("Used the Multipath Corporation Fast Matrix Solver (FMS) for load studies.", "Excel", "FMS"),
        ("Kept the books for three stores.", "Quick Books, People Soft", "QuickBooks"),
        ("Kept the books for three stores.", "Quick Books, People Soft", "PeopleSoft"),
        ("Built the order pages in Java Script.", "Excel", "JavaScript"),
    ],
)  # fmt: skip
def test_the_same_forms_count_where_they_name_the_skill(body: str, skills: str, right: str) -> None:
    assert right in _skills(body, skills)


@pytest.mark.parametrize(
    ("body", "right"),
    [
        ("Reconciled bank statements and vendor accounts every month.", "account reconciliation"),
        ("Negotiated vendor contracts worth $2M a year.", "contract negotiation"),
        ("Managed territory to build referral sources.", "territory management"),
        ("Rotated stock to maintain freshness.", "stock rotation"),
        ("Processed new residential mortgage loan submissions.", "loan processing"),
    ],
)
def test_duties_in_experience_bullets_name_their_skills(body: str, right: str) -> None:
    assert right in _skills(body)


def test_a_duty_outside_the_experience_is_no_skill() -> None:
    text = "Jane Doe\nINTERESTS\nNegotiated contracts for the chess club.\nSKILLS\nExcel\n"
    assert "contract negotiation" not in {s.name for s in parse_resume_text(text).skills}


@pytest.mark.parametrize(
    ("skills", "right"),
    [
        # "R" and "C" found elsewhere on the resume are letters inside these items, not their words
        ("Python, R, C\nClient/server\nDocumentum", "Client/server"),
        ("Python, R, C\nClient/server\nDocumentum", "Documentum"),
        ("Java, C++\nCanJS, Camel\nSafety Plans /", "CanJS"),
        ("Java, C++\nCanJS, Camel\nSafety Plans /", "Safety Plans"),
    ],
)
def test_a_skills_section_item_counts_though_a_found_skill_is_a_letter_inside_it(
    skills: str, right: str
) -> None:
    assert right in _skills("Wrote reports.", skills)


@pytest.mark.parametrize(
    ("skills", "absent"),
    [
        ("Python, Spanish\nFluent in Spanish", "Fluent in Spanish"),  # the skill inside counts, once
        ("English (fluent)", "English (fluent)"),
        ("Excel\nAdvanced Excel", "Advanced Excel"),
    ],
)
def test_an_item_that_is_a_found_skill_with_a_qualifier_is_not_a_second_skill(
    skills: str, absent: str
) -> None:
    assert absent not in _skills("Wrote reports.", skills)


@pytest.mark.parametrize(
    "item",
    [
        "Excellent driving record",
        "Strong interpersonal",
        "Good at following instructions",
        "Proficient in creating",
        "Human resource knowledge",
        "be able to work autonomously",
        "Excellent multi-tasker",
    ],
)
def test_a_skills_section_item_that_rates_the_candidate_is_no_skill(item: str) -> None:
    """Livecareer skills sections mix skills with self-ratings; an unknown item with a rating word
    ("excellent", "strong", "proficient", "knowledge", "able") is no skill name."""
    found = _skills("Wrote reports.", f"Documentum\n{item}\nPayroll")
    assert item not in found and "Documentum" in found


@pytest.mark.parametrize(
    ("body", "right"),
    [
        ("Established production schedules for the plant.", "production scheduling"),
        ("Interviewed users to learn how they plan routes.", "user research"),
        ("Tested glucose and administered injections.", "injection administration"),
        ("Roadside repairs, including changing tires and replacing bulbs.", "tire service"),
        ("Monitor cardiac rhythms on the telemetry unit.", "cardiac monitoring"),
        ("Mentored and trained sales team members.", "sales training"),
    ],
)
def test_a_bullet_names_a_skill_in_another_order_or_form_of_its_words(body: str, right: str) -> None:
    assert right in _skills(body)


@pytest.mark.parametrize(
    ("body", "wrong"),
    [
        ("Led the systems design review of the sensor.", "design systems"),
        ("Coordinated plans with electrical and mechanical engineers.", "Mechanical engineering"),
        ("Senior Manager of Enterprise Resource Planning at the plant.", "resource planning"),
        ("Drafted plans for the Human Resource Management Division.", "resource management"),
        ("Prepared budgets for future projections Managed billing.", "project management"),
    ],
)
def test_words_of_a_skill_that_do_not_form_its_phrase_are_not_it(body: str, wrong: str) -> None:
    assert wrong not in _skills(body)


def _titled(title: str, duty: str = "Worked with customers every day.") -> Resume:
    text = f"Jane Doe\nEXPERIENCE\n{title}, Acme Corp, Jan 2015 - Dec 2020\n{duty}\nSKILLS\nExcel\n"
    return parse_resume_text(text)


@pytest.mark.parametrize(
    ("title", "right"),
    [
        ("Personal Trainer", "personal training"),
        ("Group Fitness Instructor", "group fitness instruction"),
        ("QA/Mobile Software Tester", "software testing"),
        ("Personal Auto Underwriter", "underwriting"),
        ("Systems Programmer", "systems programming"),
        ("Substitute Teacher", "teaching"),
    ],
)
def test_a_job_title_names_the_work_its_holder_does(title: str, right: str) -> None:
    """A personal trainer does personal training: the agent noun of a dated job's title read as
    the taxonomy's activity, counted in that job."""
    resume = _titled(title)
    skill = next((s for s in resume.skills if s.name == right), None)
    assert skill is not None and skill.jobs == (0,)
    assert title in skill.evidence


@pytest.mark.parametrize(
    ("title", "duty", "wrong"),
    [
        ("Freelance Website Designer", "Built sites for local shops.", "software design"),
        ("Lead Instructional Designer", "Wrote courses.", "software design"),
        (
            "Analyst",
            "Coordinated plans with mechanical engineers and a personal trainer.",
            "personal training",
        ),
    ],
)
def test_an_agent_noun_outside_a_title_or_naming_a_broader_alias_is_no_skill(
    title: str, duty: str, wrong: str
) -> None:
    assert wrong not in {s.name for s in _titled(title, duty).skills}


@pytest.mark.parametrize(
    ("item", "right"),
    [
        ("Sandwich preparation experience", "Sandwich preparation"),
        ("Social media savvy", "Social media"),
        ("High volume production capability", "High volume production"),
        ("Private Pilot Knowledge", "Private Pilot"),
        ("Feeding assistance specialist", "Feeding assistance"),
        ("Trained in catheter change", "catheter change"),
        ("Proficient in shipment processing", "shipment processing"),
        ("Strong knowledge of QuickBooks", "QuickBooks"),
    ],
)
def test_a_skills_section_item_keeps_its_skill_without_the_word_saying_the_candidate_has_it(
    item: str, right: str
) -> None:
    found = _skills("Wrote reports.", f"Documentum\n{item}\nPayroll")
    assert right in found and item not in found


@pytest.mark.parametrize(
    ("item", "absent"),
    [
        ("Proficient in creating", "creating"),  # one word that is no skill's name
        ("Excellent driving record", "driving record"),  # a rating, not a word saying "has it"
        ("Customer service experience", "Customer service experience"),  # the known skill, once
    ],
)
def test_what_is_left_without_the_word_must_still_name_a_skill(item: str, absent: str) -> None:
    assert absent not in _skills("Wrote reports.", f"Documentum\n{item}\nPayroll")
