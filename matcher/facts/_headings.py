"""One heading scanner for postings and resumes: a vocabulary (heading phrase -> kind) and the
styles a heading is written in.

Styles (each document picks the ones it accepts, and its own gates around them):

- alone on its line, optionally with a colon or other trailing marks ("Qualifications:",
  "EXPERIENCE", "Work Experience -");
- leading its content ("Preferred: Kafka", "Skills - Python");
- run into the next word with no space ("EDUCATIONMaster of Science"), all-caps only.

Headings split over two lines ("Preferred" / "Qualifications:") and the merge rules that go with
them belong to the document that has them (``matcher.posting``). :func:`heading_lines` and
:func:`cut_sections` are the one line loop and the one way marks become ``Section`` records.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from matcher.records import Section

__all__ = ["HeadingMatch", "HeadingScanner", "cut_sections", "heading_lines"]


@dataclass(frozen=True, slots=True)
class HeadingMatch:
    """A heading found at the start of a line: its ``kind``, the ``heading`` as written, and
    ``end``, where the heading (with its punctuation) ends in the stripped line.

    Examples
    --------
    >>> line = "Skills: Python, SQL"
    >>> match = HeadingScanner({"skills": "skills"}).leading(line)
    >>> match.kind, match.heading, line[match.end :]
    ('skills', 'Skills', 'Python, SQL')
    """

    kind: str
    heading: str
    end: int


class HeadingScanner:
    """Find the headings of one vocabulary (heading phrase -> kind) in the styles asked for.

    Phrases are matched case-insensitively, longest first.

    Examples
    --------
    >>> scanner = HeadingScanner({"skills": "skills", "work experience": "experience"})
    >>> scanner.alone("Work Experience:")
    HeadingMatch(kind='experience', heading='Work Experience', end=16)
    """

    def __init__(self, vocabulary: Mapping[str, str]) -> None:
        self._kinds = {phrase.lower(): kind for phrase, kind in vocabulary.items()}
        self._alternation = "|".join(sorted((re.escape(h) for h in vocabulary), key=len, reverse=True))
        self._compiled: dict[tuple[str, str], re.Pattern[str]] = {}

    def _pattern(self, head: str, tail: str) -> re.Pattern[str]:
        key = (head, tail)
        if key not in self._compiled:
            self._compiled[key] = re.compile(rf"{head}(?P<h>{self._alternation}){tail}", re.IGNORECASE)
        return self._compiled[key]

    def _found(self, m: re.Match[str] | None) -> HeadingMatch | None:
        if m is None:
            return None
        return HeadingMatch(self._kinds[m.group("h").lower()], m.group("h"), m.end())

    def alone(
        self, line: str, *, lead: str = r"\W", tail: str = r"\s*:?\s*", capitalised: bool = False
    ) -> HeadingMatch | None:
        """Return the heading when the stripped ``line`` is nothing but one.

        Parameters
        ----------
        line : str
            A line with no surrounding white space.
        lead : str
            A regex character class allowed up to three times before the heading (bullets, marks).
        tail : str
            A regex for what may follow the heading up to the end of the line.
        capitalised : bool
            Accept only a line whose first letter is a capital, and that ends with a period only
            when it is all in capitals ("projects." ending a wrapped bullet line is no heading).

        Examples
        --------
        >>> scanner = HeadingScanner({"projects": "projects"})
        >>> scanner.alone("Projects:").kind, scanner.alone("projects.", capitalised=True)
        ('projects', None)
        """
        m = self._pattern(rf"^{lead}{{0,3}}", rf"{tail}$").match(line)
        if m is not None and capitalised:
            letters = re.sub(r"[^A-Za-z]", "", line)
            if not letters[:1].isupper() or (line.endswith(".") and not letters.isupper()):
                return None
        return self._found(m)

    def leading(self, line: str) -> HeadingMatch | None:
        """Return the heading when the stripped ``line`` starts with one and a colon or dash,
        followed by its content ("Preferred: Kafka"); one word may sit between ("Skills
        required: ...").

        Examples
        --------
        >>> HeadingScanner({"preferred": "preferred"}).leading("Preferred: Kafka")
        HeadingMatch(kind='preferred', heading='Preferred', end=11)
        """
        return self._found(self._pattern(r"^\W{0,3}", r"(?:\s+\w+)?\s*(?::|-|–)\s*(?=\S)").match(line))

    def glued(self, line: str, *, min_length: int = 5) -> HeadingMatch | None:
        """Return the heading when the stripped ``line`` starts with one in capitals run into the
        next, capitalised word ("EDUCATIONMaster of Science"); shorter headings do not count.

        Examples
        --------
        >>> scanner = HeadingScanner({"education": "education"})
        >>> scanner.glued("EDUCATIONMaster of Science"), scanner.glued("EducationMaster")
        (HeadingMatch(kind='education', heading='EDUCATION', end=9), None)
        """
        m = self._pattern("^", "(?=[A-Z][a-z])").match(line)
        if m is None or not m.group("h").isupper() or len(m.group("h")) < min_length:
            return None
        return self._found(m)


def heading_lines(text: str) -> Iterator[tuple[int, str]]:
    """Yield each line of ``text`` (with its line end) and the offset where it starts.

    Examples
    --------
    >>> list(heading_lines("Skills\\nPython"))
    [(0, 'Skills\\n'), (7, 'Python')]
    """
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, line
        pos += len(line)


def cut_sections(marks: Sequence[tuple[int, str, str]], end: int) -> list[Section]:
    """Turn section marks (start, kind, heading), in text order, into sections that run to the
    next mark (the last one to ``end``); empty stretches are dropped.

    Examples
    --------
    >>> [(s.kind, s.start, s.end) for s in cut_sections([(0, "header", ""), (0, "skills", "Skills")], 9)]
    [('skills', 0, 9)]
    """
    ends = [*(m[0] for m in marks[1:]), end]
    return [
        Section(kind, heading, start, stop)
        for (start, kind, heading), stop in zip(marks, ends, strict=True)
        if stop > start
    ]
