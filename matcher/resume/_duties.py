"""Skills written as duties in experience bullets: "reconciled bank accounts", "negotiated
contracts", "scheduled production".

A bullet names a skill as a verb and its object where the taxonomy names it as a noun phrase
("account reconciliation", "contract negotiation", "production scheduling"). For every past-tense
verb followed by a noun (with at most one word between, "negotiated vendor contracts"), the
object and the verb's nominal forms (-ing, -ion, -ation, -ment, -sis) are looked up as a phrase;
only a phrase the taxonomy knows, with its skill's kind "hard", counts. Nothing is guessed: the
mechanism only reorders what the resume says into the taxonomy's words.

:func:`reordered_skills` does the same for any two or three adjacent words of an experience
section whose stems are a skill's name's ("Established production schedules", "tracking
budgets", "administered injections"), in another order only as a verb and its object.

:func:`title_skills` reads a dated job's title as the work its holder does: the agent noun
("Personal Trainer", "Claims Examiner", "Group Fitness Instructor") as the activity the taxonomy
names ("personal training", "claims examination", "group fitness instruction").
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from matcher.records import Section
from matcher.text import token_key

if TYPE_CHECKING:
    from matcher.language import Skill, Taxonomy

__all__ = ["duty_skills", "reordered_skills", "title_skills"]

_BULLET_VERB = re.compile(r"\b([a-z]{3,}ed)\s+(?:(?:the|all|new|daily|weekly|monthly|and)\s+)?"
                          r"([a-z]+)(?:\s+([a-z]+))?", re.IGNORECASE)  # fmt: skip
_KINDS = frozenset({"experience", "body", "summary", "additional"})


def _nominals(verb: str) -> list[str]:
    """The noun forms a past-tense verb may take ("negotiated" -> "negotiation")."""
    v = verb.lower()
    stem, stem_e = v[:-2], v[:-1]  # "reconcil", "reconcile"
    forms = [stem + "ing", stem_e + "ment", stem + "ion", stem + "ation", stem + "iation", stem + "ment"]
    if stem.endswith("z") or stem.endswith("s"):
        forms.append(stem[:-1] + "sis")  # "analyzed" -> "analysis"
    if len(stem) > 2 and stem[-1] == stem[-2]:
        forms.append(stem[:-1] + "ing")  # "planned" -> "planing" is no word, but "mapped" -> "mapping"
        forms.append(stem + "ing")
    return forms


def _singular(noun: str) -> list[str]:
    n = noun.lower()
    out = [n]
    if n.endswith("ies"):
        out.append(n[:-3] + "y")
    elif n.endswith("s") and not n.endswith("ss"):
        out.append(n[:-1])
    return out


def duty_skills(text: str, sections: list[Section], taxonomy: Taxonomy) -> list[tuple[Skill, str, int]]:
    """The hard skills the experience text states as duties, each with its line and offset.

    Examples
    --------
    >>> from matcher.language import load_taxonomy
    >>> from matcher.records import Section
    >>> text = "Reconciled bank accounts and negotiated vendor contracts."
    >>> sections = [Section("experience", "Experience", 0, len(text))]
    >>> [s.name for s, _, _ in duty_skills(text, sections, load_taxonomy())]
    ['account reconciliation', 'contract negotiation']
    """
    found: list[tuple[Skill, str, int]] = []
    seen: set[str] = set()
    for section in sections:
        if section.kind not in _KINDS:
            continue
        body = text[section.start : section.end]
        for m in _BULLET_VERB.finditer(body):
            objects = [m.group(2)] + ([m.group(3)] if m.group(3) else [])
            skill = _lookup(m.group(1), objects, taxonomy)
            if skill is None or skill.id in seen:
                continue
            seen.add(skill.id)
            start = section.start + m.start()
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            found.append((skill, text[line_start : line_end if line_end >= 0 else len(text)].strip(), start))
    return found


_HEADS: dict[int, frozenset[str]] = {}


def _heads(taxonomy: Taxonomy) -> frozenset[str]:
    """The last words of the taxonomy's two-word names ("negotiation" of "contract negotiation")."""
    heads = _HEADS.get(id(taxonomy))
    if heads is None:
        heads = frozenset(name.rsplit(" ", 1)[1] for name in taxonomy.names if name.count(" ") == 1)
        _HEADS.clear()
        _HEADS[id(taxonomy)] = heads
    return heads


def _lookup(verb: str, objects: list[str], taxonomy: Taxonomy) -> Skill | None:
    """The skill "<object> <nominal>" names, trying the word right after the verb, then the
    next one ("negotiated vendor contracts" -> "contract negotiation")."""
    heads = _heads(taxonomy)
    nominals = [n for n in _nominals(verb) if n in heads]
    if not nominals:
        return None
    for obj in reversed(objects):
        for noun in _singular(obj):
            for nominal in nominals:
                skill = taxonomy.find(f"{noun} {nominal}")
                if skill is not None and skill.kind == "hard":
                    return skill
    return None


_SUFFIX = re.compile(r"(?:ing|ed|e)$")
_GLUE = frozenset({"and", "of", "the", "a", "an", "for", "to", "in", "on", "with", "all", "new"})
_PHRASE_BREAK = re.compile(r"[.,;:()\[\]/|!?\u2022\u00b7]+|\s[-\u2013\u2014]\s")
_Bag = tuple[tuple[str, ...], str, tuple[str, ...]]  # the name's stems in order, the skill, its keys
_BAGS: dict[int, dict[frozenset[str], _Bag]] = {}


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A word's key (plural folded, see ``matcher.text.token_key``) without a verb's -ing, -ed or
    -e: "schedules", "scheduled" and "scheduling" meet, "production" and "product" do not."""
    key = token_key(word)
    short = _SUFFIX.sub("", key)
    return short if len(short) >= 4 else key


def _bags(taxonomy: Taxonomy) -> dict[frozenset[str], _Bag]:
    """The stems of every hard skill's names of two or three content words, as a set: the key
    that finds "budget planning" from "planning budgets"; the first skill to name a set keeps it.
    Names written in capitals (products, "Network Monitor") are left out."""
    bags = _BAGS.get(id(taxonomy))
    if bags is None:
        bags = {}
        for skill in taxonomy.skills.values():
            if skill.kind != "hard":
                continue
            for form in (skill.name, *skill.aliases):
                words = re.findall(r"[A-Za-z]+", form)
                if form[:1].isupper() and all(w[:1].isupper() for w in words):
                    continue  # a product's name ("Network Monitor") is not reworded
                if 2 <= len(words) <= 3 and not any(w.lower() in _GLUE or len(w) < 3 for w in words):
                    stems = tuple(_stem(w) for w in words)
                    keys = tuple(token_key(w) for w in words)
                    bags.setdefault(frozenset(stems), (stems, skill.id, keys))
        _BAGS.clear()
        _BAGS[id(taxonomy)] = bags
    return bags


def _verb_first(word: str, opens_line: bool) -> bool:
    """The words are in another order than the skill's name only as a verb and its object: an
    -ed or -ing form ("tracking budgets", "trained staff"), or any word opening a bullet line
    ("Monitor cardiac rhythms"); two nouns the other way round name another thing."""
    return opens_line or bool(re.search(r"(?:ed|ing)$", word.lower()))


def _broken(words: list[str], i: int, n: int) -> bool:
    """A window that is no phrase of its own: a capital after a small word ("projections Managed",
    a full stop the text lost), or part of a longer name in capitals ("Human Resource Management
    Division", "Enterprise Resource Planning")."""
    window = words[i : i + n]
    caps = [w[0].isupper() for w in window]
    if any(not a and b for a, b in pairwise(caps)):
        return True
    if all(caps):
        before = words[i - 1] if i > 0 else ""
        after = words[i + n] if i + n < len(words) else ""
        return before[:1].isupper() or after[:1].isupper()
    return False


def reordered_skills(text: str, sections: list[Section], taxonomy: Taxonomy) -> list[tuple[Skill, str, int]]:
    """The hard skills an experience section names in another order or form of their words:
    two or three adjacent words, inside one phrase (no punctuation between) and none of them a
    function word, whose stems are the stems of a skill's name ("tracking budgets" -> budget
    tracking, "trained sales staff" -> sales training, "marketing events" -> event marketing). In
    another order than the name's only as a verb and its object (see ``_verb_first``).

    Examples
    --------
    >>> from matcher.language import load_taxonomy
    >>> from matcher.records import Section
    >>> text = "Wrote copy for the spring catalogue; tracked budgets and marketing events."
    >>> sections = [Section("experience", "Experience", 0, len(text))]
    >>> sorted(s.name for s, _, _ in reordered_skills(text, sections, load_taxonomy()))
    ['budget analysis', 'event marketing']
    """
    bags = _bags(taxonomy)
    found: list[tuple[Skill, str, int]] = []
    seen: set[str] = set()
    for section in sections:
        if section.kind != "experience":
            continue
        for m in re.finditer(r"[^\n]+", text[section.start : section.end]):
            line_start = section.start + m.start()
            for number, piece in enumerate(_PHRASE_BREAK.split(m.group())):
                words = re.findall(r"[A-Za-z]+", piece)
                word_stems = [_stem(w) if len(w) >= 3 and w.lower() not in _GLUE else "" for w in words]
                for i in range(len(words)):
                    for n in (3, 2):
                        stems = tuple(word_stems[i : i + n])
                        if len(stems) < n or "" in stems:
                            continue
                        hit = bags.get(frozenset(stems))
                        if hit is None or hit[1] in seen or _broken(words, i, n):
                            continue
                        window = words[i : i + n]
                        if stems != hit[0] and not _verb_first(window[0], number == 0 and i == 0):
                            continue  # "systems design" is not "design systems"
                        keys = tuple(token_key(w) for w in window)
                        if keys == hit[2]:
                            continue  # the name's own words: the taxonomy's matcher and guards judged them
                        if any(k.endswith("er") and k + "ing" in hit[2] for k in keys):
                            continue  # "mechanical engineers" are people, not mechanical engineering
                        seen.add(hit[1])
                        found.append((taxonomy.skills[hit[1]], m.group().strip(), line_start))
    return found


_AGENT = re.compile(r"(?:er|or|ist|ant)$")
_TITLE_PARTS = re.compile(r"[/,&;|()]|\band\b|\s[-\u2013]\s", re.IGNORECASE)


def _activities(word: str) -> list[str]:
    """The activity nouns an agent noun may stand for: "trainer" -> training, "instructor" ->
    instruction, "preparer" -> preparation, "designer" -> design, "engineer" -> engineering,
    "therapist" -> therapy, "accountant" -> accounting."""
    w = word.lower()
    if len(w) < 5 or not _AGENT.search(w):
        return []
    if w.endswith(("er", "or")):
        stem = w[:-2]
        forms = [stem + "ing", stem + "ion", stem + "ation", stem + "ment", stem + "y", w + "ing"]
        forms += [w[:-1] + "ment", stem] if w.endswith("er") else []  # "manager" -> management
        return forms
    if w.endswith("ist"):
        return [w[:-3] + "y", w[:-3] + "ing", w[:-3] + "s"]  # therapy, typing, physics
    return [w[:-3] + "ing"]  # "accountant" -> accounting


def title_skills(titles: list[tuple[str, int]], taxonomy: Taxonomy) -> list[tuple[Skill, str, int]]:
    """The hard skills dated jobs' titles name as the work done, each with the title and the job's
    offset (``titles``: each job's title and where its block starts).

    The last word of a title part that is an agent noun (-er, -or, -ist, -ant), with up to two
    words before it, is looked up as an activity, the longest phrase first: "Personal Trainer" is
    personal training, "QA/Mobile Software Tester" software testing. An activity of one word counts
    only as a skill's own name, never through an alias ("designer" is no "design", an alias of
    software design); a title, not prose, since a resume's prose names people worked with
    ("coordinated plans with mechanical engineers").

    Examples
    --------
    >>> from matcher.language import load_taxonomy
    >>> titles = [("Personal Trainer/Aerobics Instructor", 0), ("Claims Examiner", 90)]
    >>> [(s.name, offset) for s, _, offset in title_skills(titles, load_taxonomy())]
    [('personal training', 0), ('claims adjudication', 90)]
    """
    found: list[tuple[Skill, str, int]] = []
    seen: set[str] = set()
    for title, offset in titles:
        for part in _TITLE_PARTS.split(title):
            words = re.findall(r"[A-Za-z]+", part)
            if not words:
                continue
            skill = _activity_skill(words, taxonomy)
            if skill is not None and skill.id not in seen:
                seen.add(skill.id)
                found.append((skill, title, offset))
    return found


def _activity_skill(words: list[str], taxonomy: Taxonomy) -> Skill | None:
    """The skill the title part's last word, an agent noun, names as an activity."""
    before = [w.lower() for w in words[:-1]]
    for activity in _activities(words[-1]):
        for n in (2, 1, 0):
            if n > len(before):
                continue
            phrase = " ".join([*before[len(before) - n :], activity])
            skill = taxonomy.find(phrase)
            if skill is not None and skill.kind == "hard" and (n or skill.name.lower() == activity):
                return skill
    return None
