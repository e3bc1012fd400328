"""What `matcher posting` prints says what the record says: preferred fields, the importance of
each certification and the requirement groups (any one member will do)."""

from __future__ import annotations

from matcher.outputs import format_posting
from matcher.records import Certification, DegreeRequirement, Posting, SkillGroup, SkillMention


def _posting(**changes: object) -> Posting:
    base: dict[str, object] = {
        "title": "Machine Learning Engineer",
        "skills": (),
        "degree": None,
        "min_years": None,
        "preferred_years": None,
        "certifications": (),
    }
    base.update(changes)
    return Posting(**base)  # type: ignore[arg-type]


def test_fields_only_preferred_are_not_printed_as_required() -> None:
    degree = DegreeRequirement("bachelor", ("computer science", "statistics"), fields_preferred=True)
    line = next(x for x in format_posting(_posting(degree=degree)).splitlines() if x.startswith("Degree"))
    assert line == "Degree: bachelor or higher (required); computer science or statistics preferred"


def test_required_fields_stay_on_the_degree() -> None:
    degree = DegreeRequirement("master", ("physics",))
    line = next(x for x in format_posting(_posting(degree=degree)).splitlines() if x.startswith("Degree"))
    assert line == "Degree: master or higher (required) in physics"


def test_each_certification_is_printed_with_its_importance() -> None:
    posting = _posting(
        certifications=("AWS Certified Developer", "Scrum certification"),
        certifications_detail=(
            Certification("AWS Certified Developer", "required"),
            Certification("Scrum certification", "preferred"),
        ),
    )
    text = format_posting(posting)
    assert "Certifications: AWS Certified Developer (required), Scrum certification (preferred)" in text


def test_a_requirement_group_is_printed_as_any_one_of_its_members() -> None:
    skills = tuple(
        SkillMention(name, "hard", "required", "7+ years of Java, Python or C++", years=7.0, group=1)
        for name in ("Java", "Python", "C++")
    )
    group = SkillGroup(1, ("Java", "Python", "C++"), "required", years=7.0)
    text = format_posting(_posting(skills=skills, groups=(group,)))
    assert "Any one of (required, 7+ years): Java, Python or C++" in text
    assert text.count("  - Java [hard, 7+ years]") == 1  # still listed among the skills
