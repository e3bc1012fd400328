"""What a job posting asks for: skills with importance, degree, sections."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from matcher.records._kinds import Importance, SkillKind, json_number

__all__ = ["Certification", "DegreeRequirement", "Posting", "Section", "SkillGroup", "SkillMention"]


@dataclass(frozen=True, slots=True)
class SkillMention:
    """One skill found in a text.

    Attributes
    ----------
    name : str
        Canonical name from the taxonomy ("Kubernetes" for "k8s").
    kind : str
        ``hard``, ``soft``, ``language`` or ``certification``.
    importance : str
        ``required``, ``preferred`` or ``mentioned`` (postings); ``mentioned`` for resumes.
    evidence : str
        The sentence or line the skill was found in.
    years : float or None
        Years asked for this skill ("3+ years of Python" -> 3.0), when stated.
    start, end : int
        Character offsets of the first mention in the analysed text.
    surface : str
        The words as written ("k8s").
    skill_id : str
        Stable taxonomy id.
    group : int or None
        The id of the requirement group ("Java, Python or C++") this skill is one alternative
        of, shared by the group's members (``Posting.groups``); None when it stands alone.

    Examples
    --------
    >>> m = SkillMention("Kubernetes", "hard", "required", "3+ years k8s", years=3.0, surface="k8s")
    >>> m.to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'name': 'Kubernetes', 'kind': 'hard', 'importance': 'required', 'years': 3,
     'evidence': '3+ years k8s', 'group': None}
    """

    name: str
    kind: SkillKind
    importance: Importance
    evidence: str
    years: float | None = None
    start: int = 0
    end: int = 0
    surface: str = ""
    skill_id: str = ""
    group: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form (DESIGN.md section 5)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "importance": self.importance,
            "years": json_number(self.years),
            "evidence": self.evidence,
            "group": self.group,
        }


def _either(names: tuple[str, ...]) -> str:
    """Names of which any one will do, as a phrase: "A, B or C"."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} or {names[-1]}"


@dataclass(frozen=True, slots=True)
class SkillGroup:
    """Alternatives that are one requirement: "7+ years of Java, Python or C++" is met by any one.

    Examples
    --------
    >>> SkillGroup(1, ("Java", "Python", "C++"), "required", 7.0).to_dict()
    {'id': 1, 'any_of': ['Java', 'Python', 'C++'], 'importance': 'required', 'years': 7}
    """

    id: int
    any_of: tuple[str, ...]
    importance: Importance
    years: float | None = None
    evidence: str = ""

    @property
    def label(self) -> str:
        """The alternatives as a phrase: "Java, Python or C++"."""
        return _either(self.any_of)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form."""
        return {
            "id": self.id,
            "any_of": list(self.any_of),
            "importance": self.importance,
            "years": json_number(self.years),
        }


@dataclass(frozen=True, slots=True)
class Certification:
    """A certification a posting asks for, with its importance and the sentence it is named in.

    Examples
    --------
    >>> Certification("Scrum certification", "preferred", "Scrum certification is a plus").to_dict()
    {'name': 'Scrum certification', 'importance': 'preferred', 'evidence': 'Scrum certification is a plus'}
    """

    name: str
    importance: Importance
    evidence: str = ""
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form."""
        return {"name": self.name, "importance": self.importance, "evidence": self.evidence}


@dataclass(frozen=True, slots=True)
class DegreeRequirement:
    """The degree a posting asks for.

    ``min_level`` is the lowest level that satisfies the posting ("BS/MS" -> bachelor);
    ``required`` is False when the degree is only preferred; ``preferred_level`` is a higher
    level named as preferred ("MS or PhD preferred" -> master); ``fields_preferred`` is True
    when the fields are only a wish ("a Bachelor's degree, ideally in computer science").

    Examples
    --------
    >>> d = DegreeRequirement("bachelor", ("computer science",), preferred_level="master")
    >>> d.to_dict()["min_level"], d.to_dict()["preferred_level"], d.required
    ('bachelor', 'master', True)
    >>> d.summary
    'bachelor or higher (required) in computer science; master preferred'
    >>> DegreeRequirement("bachelor", ("statistics", "economics"), fields_preferred=True).summary
    'bachelor or higher (required); statistics or economics preferred'
    """

    min_level: str | None
    fields: tuple[str, ...] = ()
    required: bool = True
    equivalent_experience: bool = False
    preferred_level: str | None = None
    evidence: str = ""
    fields_preferred: bool = False

    @property
    def summary(self) -> str:
        """The requirement in words, as ``matcher posting`` and the candidate notice print it."""
        level = (self.min_level or "any degree").replace("_", " ")
        text = f"{level} or higher ({'required' if self.required else 'preferred'})"
        if self.fields and not self.fields_preferred:
            text += f" in {', '.join(self.fields)}"
        if self.equivalent_experience:
            text += "; equivalent experience accepted"
        if self.preferred_level:
            text += f"; {self.preferred_level.replace('_', ' ')} preferred"
        if self.fields and self.fields_preferred:
            text += f"; {_either(self.fields)} preferred"
        return text

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form."""
        return {
            "min_level": self.min_level,
            "fields": list(self.fields),
            "required": self.required,
            "equivalent_experience": self.equivalent_experience,
            "preferred_level": self.preferred_level,
            "fields_preferred": self.fields_preferred,
        }


@dataclass(frozen=True, slots=True)
class Section:
    """A stretch of a posting or a resume under one heading, with its kind: requirements,
    preferred, duties, boilerplate... in a posting; experience, education, skills... in a resume.

    Examples
    --------
    >>> text = "About us\\nWe build tools.\\nRequirements\\nPython and SQL"
    >>> s = Section("requirements", "Requirements", text.index("Requirements"), len(text))
    >>> text[s.start : s.end]
    'Requirements\\nPython and SQL'
    >>> s.to_dict()
    {'kind': 'requirements', 'heading': 'Requirements', 'start': 25, 'end': 52}
    """

    kind: str
    heading: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"kind": self.kind, "heading": self.heading, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Posting:
    """What a job posting asks for, with evidence.

    ``min_years`` is None when the posting states no number (a placeholder such as
    "[x] years" is unknown, never 0). ``groups`` are the requirements met by any one of their
    skills; ``certifications`` names the certifications asked for (required or preferred) and
    ``certifications_detail`` gives each with its importance and evidence.

    Examples
    --------
    >>> p = Posting(
    ...     title="Data Engineer",
    ...     skills=(
    ...         SkillMention("Python", "hard", "required", "Python is required."),
    ...         SkillMention("Airflow", "hard", "preferred", "Airflow is a plus."),
    ...     ),
    ...     degree=None,
    ...     min_years=3.0,
    ...     preferred_years=None,
    ...     certifications=(),
    ... )
    >>> [s.name for s in p.skills_by_importance("preferred")]
    ['Airflow']
    >>> p.to_dict()["min_years"], p.to_dict()["degree"]
    (3, None)
    """

    title: str | None
    skills: tuple[SkillMention, ...]
    degree: DegreeRequirement | None
    min_years: float | None
    preferred_years: float | None
    certifications: tuple[str, ...]
    sections: tuple[Section, ...] = ()
    languages: tuple[str, ...] = ()
    text: str = ""
    groups: tuple[SkillGroup, ...] = ()
    certifications_detail: tuple[Certification, ...] = ()

    def skills_by_importance(self, importance: Importance) -> tuple[SkillMention, ...]:
        """Return the skills of one importance (``required``, ``preferred``, ``mentioned``)."""
        return tuple(s for s in self.skills if s.importance == importance)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract form (DESIGN.md section 5)."""
        return {
            "title": self.title,
            "skills": [s.to_dict() for s in self.skills],
            "degree": self.degree.to_dict() if self.degree else None,
            "min_years": json_number(self.min_years),
            "preferred_years": json_number(self.preferred_years),
            "certifications": list(self.certifications),
            "certifications_detail": [c.to_dict() for c in self.certifications_detail],
            "languages": list(self.languages),
            "sections": [s.to_dict() for s in self.sections],
            "groups": [g.to_dict() for g in self.groups],
        }
