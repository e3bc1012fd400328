"""The skill taxonomy: canonical names, aliases, kinds, groups and related skills.

Loaded once from ``models/skills.jsonl`` (built by ``scripts/build_taxonomy.py``). Each line is
one skill with its match patterns already tokenized, so loading is a JSON read and a dict build.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from matcher._models import model_dir
from matcher.errors import ModelError
from matcher.records import SkillKind
from matcher.text import token_key

__all__ = [
    "TAXONOMY_FILE",
    "Pattern",
    "Skill",
    "Taxonomy",
    "load_taxonomy",
    "read_taxonomy",
    "skill_word_keys",
]

TAXONOMY_FILE = "skills.jsonl"


class Skill(NamedTuple):
    """One skill: a stable id, its canonical name and what it is. ``broader`` names the skill a
    narrower one was split from (inventory control of inventory management), whose place it may
    take in scoring.

    Examples
    --------
    >>> skill = load_taxonomy().find("k8s")
    >>> skill.id, skill.name, skill.kind, skill.group
    ('kubernetes', 'Kubernetes', 'hard', 'devops')
    >>> "k8s" in skill.aliases, "docker" in skill.related
    (True, True)
    >>> load_taxonomy().find("inventory control").broader
    ('inventory-management',)
    """

    id: str
    name: str
    kind: SkillKind
    group: str
    aliases: tuple[str, ...]
    related: tuple[str, ...]
    sources: tuple[str, ...]
    broader: tuple[str, ...] = ()


class Pattern(NamedTuple):
    """One surface form of a skill, as token keys (see ``matcher.text.token_key``).

    ``case`` holds the exact token texts required when the form is case-sensitive ("Go"), and
    ``context`` says the form is also ordinary English and needs a technical context.

    Examples
    --------
    >>> taxonomy = load_taxonomy()
    >>> taxonomy.by_first[token_key("k8s")]
    [Pattern(skill_id='kubernetes', keys=('k8s',), case=None, context=False)]
    >>> [p for p in taxonomy.by_first["go"] if p.keys == ("go",)]  # "Go", capitalised, near tech words
    [Pattern(skill_id='go', keys=('go',), case=('Go',), context=True)]
    """

    skill_id: str
    keys: tuple[str, ...]
    case: tuple[str, ...] | None
    context: bool


class Taxonomy:
    """The loaded taxonomy: skills by id and patterns by their first token key.

    Examples
    --------
    >>> from matcher.language._taxonomy import load_taxonomy
    >>> tax = load_taxonomy()
    >>> tax.find("k8s").name
    'Kubernetes'
    """

    def __init__(
        self, skills: dict[str, Skill], patterns: list[Pattern] | Callable[[], list[Pattern]]
    ) -> None:
        """``patterns``, or a function that makes them: then they are made when first needed (a
        re-rank from the cache scores with the skills alone and never reads text for them)."""
        self.skills = skills
        self._patterns = patterns
        self._sized: dict[str, list[tuple[int, dict[tuple[str, ...], list[Pattern]]]]] = {}
        self._by_name = {s.name.lower(): s for s in skills.values()}
        for skill in skills.values():
            for alias in skill.aliases:
                self._by_name.setdefault(alias.lower(), skill)

    @cached_property
    def by_first(self) -> dict[str, list[Pattern]]:
        """The patterns by their first word, longest first."""
        patterns = self._patterns() if callable(self._patterns) else self._patterns
        by_first: dict[str, list[Pattern]] = {}
        for pattern in patterns:
            by_first.setdefault(pattern.keys[0], []).append(pattern)
        for bucket in by_first.values():
            bucket.sort(key=lambda p: -len(p.keys))
        self._patterns = []  # held in by_first now
        return by_first

    @cached_property
    def max_len(self) -> int:
        """The most words a pattern has."""
        return max((len(bucket[0].keys) for bucket in self.by_first.values()), default=1)

    def sized(self, first: str) -> list[tuple[int, dict[tuple[str, ...], list[Pattern]]]]:
        """``by_first[first]`` grouped by length, longest first: (length, patterns by their keys,
        in ``by_first``'s order), so a match looks up its words once a length.

        Examples
        --------
        >>> [(size, sorted(group)[:1]) for size, group in load_taxonomy().sized("k8s")]
        [(1, [('k8s',)])]
        """
        groups = self._sized.get(first)
        if groups is None:
            sizes: dict[int, dict[tuple[str, ...], list[Pattern]]] = {}
            for pattern in self.by_first.get(first, ()):
                sizes.setdefault(len(pattern.keys), {}).setdefault(pattern.keys, []).append(pattern)
            groups = self._sized[first] = sorted(sizes.items(), key=lambda item: -item[0])
        return groups

    @property
    def names(self) -> frozenset[str]:
        """Every canonical name and alias, lower-cased."""
        return frozenset(self._by_name)

    def __len__(self) -> int:
        return len(self.skills)

    def find(self, name: str) -> Skill | None:
        """Return the skill whose canonical name or alias is ``name`` (any case), or None."""
        return self._by_name.get(name.strip().lower())

    def related(self, skill_id: str) -> tuple[Skill, ...]:
        """Return the skills the taxonomy links to ``skill_id`` as close substitutes."""
        skill = self.skills.get(skill_id)
        if skill is None:
            return ()
        return tuple(self.skills[r] for r in skill.related if r in self.skills)

    @cached_property
    def _narrower(self) -> dict[str, tuple[str, ...]]:
        below: dict[str, list[str]] = {}
        for skill in self.skills.values():
            for parent in skill.broader:
                below.setdefault(parent, []).append(skill.id)
        return {parent: tuple(sorted(ids)) for parent, ids in below.items()}

    def narrower(self, skill_id: str) -> tuple[Skill, ...]:
        """Return the skills split from ``skill_id`` as narrower ones, whose ``broader`` names it.

        Examples
        --------
        >>> [s.name for s in load_taxonomy().narrower("inventory-management")]
        ['inventory control', 'inventory tracking', 'stock control']
        """
        return tuple(self.skills[s] for s in self._narrower.get(skill_id, ()) if s in self.skills)


def _model_path() -> Path:
    return model_dir() / TAXONOMY_FILE


_new_pattern = tuple.__new__  # builds a Pattern without its Python-level __new__ (30,000 of them)


_KINDS: dict[str, SkillKind] = {
    "hard": "hard",
    "soft": "soft",
    "language": "language",
    "certification": "certification",
}


def _kind(value: str) -> SkillKind:
    try:
        return _KINDS[value]
    except KeyError:
        raise ValueError(f"unknown skill kind {value!r}") from None


def read_taxonomy(path: Path) -> Taxonomy:
    """Read a taxonomy artefact from ``path``; raise ModelError when it is missing or broken.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "skills.jsonl"
    >>> row = {"id": "rust", "name": "Rust", "kind": "hard", "aliases": ["rustlang"],
    ...        "patterns": [[["rust"], None, False], [["rustlang"], None, False]]}
    >>> _ = path.write_text(json.dumps(row) + "\\n")
    >>> taxonomy = read_taxonomy(path)
    >>> len(taxonomy), taxonomy.find("RustLang").name
    (1, 'Rust')
    >>> _ = path.write_text("{not json")
    >>> try:
    ...     read_taxonomy(path)
    ... except ModelError as exc:
    ...     print(exc.kind)
    model
    """
    skills: dict[str, Skill] = {}
    try:
        rows = json.loads("[" + ",".join(path.read_text(encoding="utf-8").splitlines()) + "]")
        for row in rows:
            sid = row["id"]
            skills[sid] = Skill(
                sid,
                row["name"],
                _kind(row["kind"]),
                row.get("group", ""),
                tuple(row.get("aliases", ())),
                tuple(row.get("related", ())),
                tuple(row.get("sources", ())),
                tuple(row.get("broader", ())),
            )
            if not isinstance(row["patterns"], list):
                raise TypeError(f"{sid}: patterns is no list")
        raw = [(row["id"], row["patterns"]) for row in rows]  # the rest of each row is read
    except FileNotFoundError as exc:
        raise ModelError(
            f"skill taxonomy not found at {path}; rebuild it with scripts/build_taxonomy.py"
        ) from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"skill taxonomy at {path} is unreadable: {exc}") from exc

    def patterns() -> list[Pattern]:  # 30,000 of them, made when text is first searched
        made: list[Pattern] = []
        try:
            for sid, rules in raw:
                made += [
                    _new_pattern(Pattern, (sid, tuple(keys), tuple(case) if case else None, context))
                    for keys, case, context in rules
                ]
        except (ValueError, TypeError) as exc:
            raise ModelError(f"skill taxonomy at {path} is unreadable: {exc}") from exc
        return made

    return Taxonomy(skills, patterns)


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """Return the bundled taxonomy, loaded once per process.

    Examples
    --------
    >>> taxonomy = load_taxonomy()
    >>> taxonomy.find("postgres").name, load_taxonomy() is taxonomy
    ('PostgreSQL', True)
    >>> len(taxonomy) > 10_000
    True
    """
    return read_taxonomy(_model_path())


@lru_cache(maxsize=1)
def skill_word_keys() -> frozenset[str]:
    """Every word of a skill's name or alias in the bundled taxonomy, as a lookup key
    ("terraform", "circleci", "argo"): the words :func:`matcher.text.unglue` keeps whole. Not the
    run-together spellings the taxonomy adds for several words ("servicemesh"), better split.

    Examples
    --------
    >>> {"terraform", "argo"} <= skill_word_keys()
    True
    """
    words: set[str] = set()
    for skill in load_taxonomy().skills.values():
        for name in (skill.name, *skill.aliases):
            words.update(token_key(word) for word in re.findall(r"[A-Za-z]+", name))
    return frozenset(words)
