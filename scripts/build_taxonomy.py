"""Build models/skills.jsonl from the filtered sources in data/taxonomy/.

    python scripts/build_taxonomy.py [--check]

Deterministic: the same inputs give a byte-identical file. ``--check`` rebuilds in memory and
exits 1 when the committed artefact differs (the test suite does the same).

Sources, in order of precedence (an alias claimed by an earlier source is never given to a
later one):
1. data/taxonomy/curated.txt: the project's own list; its names, aliases, kinds, groups,
   related skills and case/context flags are final.
2. Linguist programming and markup languages, when another source corroborates the name.
3. O*NET Technology Skills product names, vendor prefixes (data/taxonomy/vendors.txt) folded
   ("Microsoft Excel" -> Excel).
4. simple-icons brand titles and Microsoft skill names, only when another source corroborates.
5. ESCO concepts (filtered by filter_sources.py), alternative labels only when they are a true
   variant of the name (same content words, or an acronym of it): ESCO lists "TensorFlow" as an
   alternative label of "computer vision", which must not become an alias.

Precision rules for every non-curated form: stoplist.txt forms are dropped; forms of one or two
characters are dropped; a single word that is also ordinary English (english_words.txt) must
match in its written case and in a technical context; short all-caps acronyms that are English
words match only in capitals.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matcher.language import make_doc  # noqa: E402
from matcher.text import token_key  # noqa: E402

SRC = ROOT / "data" / "taxonomy"
MIN_WRITTEN = 3  # canonical_names: a short form written this often in real postings names the skill
OUT = ROOT / "models" / "skills.jsonl"

VENDORS = tuple(
    line.strip()
    for line in (SRC / "vendors.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.lstrip().startswith("#")
)
GENERIC = frozenset(
    {
        "software",
        "framework",
        "frameworks",
        "language",
        "languages",
        "programming",
        "tool",
        "tools",
        "system",
        "systems",
        "platform",
        "library",
        "libraries",
        "technology",
        "package",
        "computer",
        "application",
        "applications",
        "suite",
        "the",
        "of",
        "and",
        "for",
        "in",
    }
)


@dataclass
class Entry:
    name: str
    kind: str
    group: str
    sources: list[str]
    aliases: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    broader: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    curated: bool = False
    id_name: str = ""  # the name the id is made from, when the entry was renamed
    acronym: str = ""  # the acronym O*NET writes after the name ("Disk operating system DOS")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def _read_tsv(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:] if line]


def _read_list(path: Path) -> set[str]:
    if not path.exists():
        return set()
    return {
        _norm(line.split("#", 1)[0])
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.split("#", 1)[0].strip()
    }


class Builder:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}  # by normalized name
        self.owner: dict[str, Entry] = {}  # normalized surface form -> entry
        self.alias_flags: dict[str, set[str]] = {}  # curated "design {context}" -> {"context"}
        self.stop = _read_list(SRC / "stoplist.txt")
        self.english = _read_list(SRC / "english_words.txt")

    # -- adding -------------------------------------------------------------------------
    def claim(self, entry: Entry, surface: str) -> bool:
        key = _norm(surface)
        if not key:
            return False
        if not entry.curated and (key in self.stop or len(key) <= 2):
            return False
        holder = self.owner.get(key)
        if holder is not None and holder is not entry:
            return False
        self.owner[key] = entry
        if key != _norm(entry.name) and surface not in entry.aliases:
            entry.aliases.append(surface)
        return True

    def add(self, name: str, kind: str, group: str, source: str, aliases: list[str]) -> Entry | None:
        """Add a source entry, or merge it into the entry that already owns its name."""
        key = _norm(name)
        existing = self.owner.get(key)
        if existing is not None:
            if source not in existing.sources:
                existing.sources.append(source)
            for alias in aliases:
                if not existing.curated:
                    self.claim(existing, alias)
            return existing
        if key in self.stop or len(key) <= 2:
            return None
        entry = Entry(name=name, kind=kind, group=group, sources=[source])
        self.entries[key] = entry
        self.claim(entry, name)
        for alias in aliases:
            self.claim(entry, alias)
        return entry

    # -- sources ------------------------------------------------------------------------
    def curated(self) -> None:
        path = SRC / "curated.txt"
        if not path.exists():
            raise SystemExit(f"{path} is missing: it is the project's own skill list")
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 6:
                raise SystemExit(f"{path}:{number}: expected 6 fields, got {len(parts)}")
            name, kind, group, aliases, related, flags = parts
            if kind not in ("hard", "soft", "language", "certification"):
                raise SystemExit(f"{path}:{number}: bad kind {kind!r}")
            entry = Entry(name=name, kind=kind, group=group, sources=["curated"], curated=True)
            entry.flags = {f.strip() for f in flags.split(",") if f.strip()}
            aliases, alias_flags = _alias_flags(aliases)
            self.alias_flags.update({_norm(a): f for a, f in alias_flags.items()})
            entry.related = [r.strip() for r in related.split(",") if r.strip()]
            key = _norm(name)
            if key in self.entries:
                raise SystemExit(f"{path}:{number}: duplicate name {name!r}")
            self.entries[key] = entry
            self.claim(entry, name)
            for alias in (a.strip() for a in aliases.split(",")):
                if alias:
                    self.claim(entry, alias)

    def split_narrower(self) -> None:
        """Give a curated hard skill's alias its own entry when a source names the alias as a thing
        of its own and no source says the two are one thing.

        An alias such as "oscilloscope" (of "electronic test equipment"), "bank reconciliation" (of
        "account reconciliation") or "Dynamics AX" (of "Microsoft Dynamics 365") names a narrower
        or a different skill: folded into the broader name, a resume that lists it is read as the
        broader skill and a posting that asks for it specifically matches every sibling. The rule
        reads the sources, never the labels: the alias is an O*NET product or software name, a
        Linguist language, a simple-icons title or the preferred label of an ESCO concept that the
        entry's name is not a label of; and it is no variant of the name (spelling, inflection,
        version, acronym, vendor prefix, a qualifier around the name, or a pair one source lists as
        one thing). The new entry keeps the alias's flags and the entry's kind and group, and the
        two are related both ways, so a posting asking for one credits the other (related credit);
        the new entry also names the one it was split from as ``broader``, so a posting asking for
        the broader skill credits the narrower one in full (inventory control shows inventory
        management; the other way round stays related credit).
        """
        named = _named_things()
        self._split_where(
            lambda entry, alias: _norm(alias) in named.things and not _is_variant(entry.name, alias, named),
            named,
        )

    def split_members(self) -> None:
        """Give a curated hard skill's alias its own entry when it names a member of the class the
        entry names: the entry's name is a class of things (a common-noun phrase, no brand in
        capitals and no activity in -ing, such as "electronic test equipment" or "cash register
        operation"), and the alias shares none of its words and is no variant or acronym of it
        ("oscilloscope", "multimeter", "cashier"). Split as :meth:`split_narrower` does, with
        ``broader``. Reads the taxonomy's own names, never the labels."""
        named = _named_things()
        self._split_where(lambda entry, alias: _names_member(entry.name, alias, named), named)

    def _split_where(self, splits: Callable[[Entry, str], bool], named: _Named) -> None:
        """Split off each alias of a curated hard skill, still its own, for which ``splits(entry,
        alias)`` holds."""
        for entry in [e for e in self.entries.values() if e.curated and e.kind == "hard"]:
            for alias in list(entry.aliases):
                key = _norm(alias)
                if key in self.entries or self.owner.get(key) is not entry:
                    continue
                if splits(entry, alias):
                    self._split_off(entry, alias, named)

    def _split_off(self, entry: Entry, alias: str, named: _Named) -> None:
        """Make ``alias`` an entry of its own, narrower than ``entry``; the entry's other aliases
        that are variants of the alias and not of the entry's name go with it ("PPC" with
        "pay-per-click", "digital multimeter" with "multimeter")."""
        key = _norm(alias)
        child = Entry(alias, entry.kind, entry.group, sources=["curated"], curated=True)
        child.flags = set(entry.flags)
        child.related = [entry.name]
        child.broader = [entry.name]
        self.entries[key] = child
        self.owner[key] = child
        entry.aliases.remove(alias)
        entry.related.append(alias)
        for other in list(entry.aliases):
            okey = _norm(other)
            if okey in self.entries or self.owner.get(okey) is not entry:
                continue
            if _is_variant(alias, other, named) and not _is_variant(entry.name, other, named):
                entry.aliases.remove(other)
                child.aliases.append(other)
                self.owner[okey] = child

    def sources(self) -> None:
        onet = _read_tsv(SRC / "onet_technology.tsv")
        ling = _read_tsv(SRC / "linguist.tsv")
        icons = _read_tsv(SRC / "simple_icons.tsv")
        ms = sorted(_read_list(SRC / "microsoft_skills.txt"))
        ms_names = {
            _norm(line): line.strip()
            for line in (SRC / "microsoft_skills.txt").read_text(encoding="utf-8").splitlines()
            if line.strip()
        }
        esco = _read_tsv(SRC / "esco.tsv")
        name_sets = {
            "onet": {_norm(_fold_vendor(r["name"])) for r in onet} | {_norm(r["name"]) for r in onet},
            "simple-icons": {_norm(r["title"]) for r in icons},
            "microsoft-skills": set(ms),
            "esco": {_norm(r["name"]) for r in esco},
            "linguist": {_norm(r["name"]) for r in ling},
        }

        def corroborated(name: str, source: str) -> bool:
            key = _norm(name)
            return key in self.owner or any(
                key in names for other, names in name_sets.items() if other != source
            )

        for r in ling:
            if corroborated(r["name"], "linguist"):
                aliases = [a.strip() for a in r["aliases"].split(";") if a.strip()]
                aliases = [a for a in aliases if len(a) >= 3 and " " not in a]
                self.add(r["name"], "hard", f"{r['type']} language", "linguist", aliases)
        for r in onet:
            full, acronym = _split_acronym(r["name"])
            short = _fold_vendor(full)
            owner = self.owner.get(_norm(full))
            if owner is not None or _norm(short) in self.english:
                short = full  # "Microsoft Project" stays whole: "Project" is ordinary English
            aliases = [full] if short != full else []
            if acronym:
                aliases.append(acronym)
            generic = full.endswith(" software")
            brand = len(short.split()) == 1 and len(short) >= 3 and _norm(short) not in self.english
            if (
                owner is not None
                or r["hot"] == "Y"
                or brand
                or corroborated(short, "onet")
                or (len(short.split()) >= 2 and not generic)
            ):
                added = self.add(short, "hard", r["commodity"].lower(), "onet", aliases)
                if added is not None and acronym and not added.curated and _norm(added.name) == _norm(short):
                    added.acronym = acronym
        for r in icons:
            if corroborated(r["title"], "simple-icons"):
                aliases = [a.strip() for a in r["aliases"].split(";") if a.strip()]
                self.add(r["title"], "hard", "technology", "simple-icons", aliases)
        for key in ms:
            if corroborated(key, "microsoft-skills"):
                self.add(ms_names[key], "hard", "technology", "microsoft-skills", [])
        for r in esco:
            name = r["name"]
            alts = [a.strip() for a in r["alt_labels"].split(";") if a.strip()]
            alts = [a for a in alts if _true_variant(name, a)]
            kind = "soft" if r["source"] == "transversal" else "hard"
            group = "ict" if r["source"] == "digital" else "knowledge"
            self.add(name, kind, group, "esco", alts)
        for lang in sorted(_read_list(SRC / "esco_languages.txt")):
            self.add(lang.title(), "language", "spoken language", "esco", [])

    def canonical_names(self) -> None:
        """Name a hard skill by the short form of its name that real postings write most: an
        acronym of the name ("IoT" for Internet of Things) or some of its words ("Oracle" for
        Oracle Database), written at least MIN_WRITTEN times and at least twice as often as the
        name (``data/taxonomy/form_counts.tsv``, counted by filter_sources.py over the SkillSpan,
        Green 2022 and Microsoft postings outside the dev set; a form inside a longer form of the
        same skill is not counted there). The id stays the one the old name gave; the old name
        becomes an alias. A form that is ordinary English and needs context is never the name.
        An O*NET product O*NET writes with its acronym in capitals is named by the acronym ("DOS",
        "SMTP", "CICS"): the form the product is known by."""
        counts = _form_counts()
        for entry in self.entries.values():
            if entry.kind != "hard":
                continue
            acronym = entry.acronym
            if (
                acronym
                and self.owner.get(_norm(acronym)) is entry
                and re.fullmatch(r"[A-Z][A-Z0-9+&/.-]+", acronym)
            ):
                self.rename(entry, acronym)  # O*NET's "Disk operating system DOS": DOS
                continue
            forms = [
                f for f in dict.fromkeys([entry.name, *entry.aliases]) if self.owner.get(_norm(f)) is entry
            ]
            if len(forms) < 2:
                continue
            phrases = {f: f" {' '.join(_content_words(f) or [_norm(f)])} " for f in forms}
            own = {
                f: counts.get(f, 0)
                - sum(
                    counts.get(g, 0)
                    for g in forms
                    if g != f and phrases[f] in phrases[g] and phrases[g] != phrases[f]
                )
                for f in forms
            }
            short = [
                f
                for f in forms[1:]
                if _short_form(f, entry.name) and "context" not in self.alias_flags.get(_norm(f), entry.flags)
            ]
            if not short:
                continue
            best = max(short, key=lambda f: (own[f], -forms.index(f)))
            if own[best] >= MIN_WRITTEN and own[best] >= 2 * max(own[entry.name], 0):
                self.rename(entry, best)

    def rename(self, entry: Entry, name: str) -> None:
        """Show ``entry`` as ``name``, one of its aliases; its id stays the old name's."""
        entry.id_name = entry.id_name or entry.name
        entry.aliases.remove(name)
        entry.aliases.append(entry.name)
        entry.name = name

    # -- output -------------------------------------------------------------------------
    def records(self) -> list[dict[str, object]]:
        ids: dict[str, Entry] = {}
        by_entry: dict[int, str] = {}
        for entry in sorted(self.entries.values(), key=lambda e: (_norm(_id_name(e)), _id_name(e))):
            base = _slug(_id_name(entry))
            sid, n = base, 2
            while sid in ids:
                sid, n = f"{base}-{n}", n + 1
            ids[sid] = entry
            by_entry[id(entry)] = sid
        out = []
        for sid, entry in sorted(ids.items()):
            related = self.ids(entry, entry.related, by_entry)
            broader = self.ids(entry, entry.broader, by_entry)
            patterns = self.patterns(entry)
            if not patterns:
                continue
            out.append(
                {
                    **({"broader": broader} if broader else {}),
                    "id": sid,
                    "name": entry.name,
                    "kind": entry.kind,
                    "group": entry.group,
                    "aliases": sorted(set(entry.aliases)),
                    "related": sorted(set(related)),
                    "sources": entry.sources,
                    "patterns": patterns,
                }
            )
        return out

    def ids(self, entry: Entry, names: list[str], by_entry: dict[int, str]) -> list[str]:
        """The ids of the other entries ``names`` name, sorted."""
        found = set()
        for name in names:
            target = self.owner.get(_norm(name))
            if target is not None and target is not entry:
                found.add(by_entry[id(target)])
        return sorted(found)

    def patterns(self, entry: Entry) -> list[list[object]]:
        """Token-key patterns of every form the entry owns: [keys, exact tokens or None, context].

        A case-insensitive form makes the case-sensitive ones with the same keys redundant;
        several case-sensitive forms with the same keys ("Excel", "EXCEL") are all kept. A name or
        alias in camel case also matches as its two words in its case ("Quick Books"), unless
        another skill owns those words ("Korn shell"); when both are ordinary English only a
        curated skill's form does, in a technical context ("Top Producer of the Month" is no
        TopProducer, a product only outside sources know)."""
        free: dict[tuple[str, ...], bool] = {}
        cased: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = {}
        for surface in [entry.name, *entry.aliases]:
            if self.owner.get(_norm(surface)) is not entry:
                continue
            if (
                not entry.curated
                and not _is_concept(entry)
                and surface.islower()
                and " " not in surface
                and _norm(surface) in self.english
            ):
                continue  # a lower-case English word as a product name ("progress") is no name
            tokens = tuple(t.text for t in make_doc(surface) if not t.is_space and t.text not in "-\u2013")
            if not tokens:
                continue
            keys = tuple(token_key(t) for t in tokens)
            case, context = self.case_rules(entry, surface, list(tokens))
            parts = _compound_parts(surface)
            ordinary = parts is not None and all(self._ordinary(p) for p in parts)
            if (
                parts
                and (entry.curated or not ordinary)
                and self.owner.get(_norm(" ".join(parts)), entry) is entry  # "Korn shell" is taken
            ):  # "Quick Books", "Quick-Books"
                split = (tuple(token_key(p) for p in parts), parts)
                cased[split] = cased.get(split, True) and (context or ordinary)
            if case:
                cased[(keys, tokens)] = cased.get((keys, tokens), True) and context
                continue
            free[keys] = free.get(keys, True) and context
            if len(keys) > 1:
                joined = "".join(k for k in keys if k not in "/&")
                if len(joined) >= 5 and joined.isalnum():
                    free.setdefault((token_key(joined),), context)
        rules: list[list[object]] = [[list(k), None, c] for k, c in free.items()]
        rules += [[list(k), list(t), c] for (k, t), c in cased.items() if k not in free]
        return sorted(rules, key=lambda r: json.dumps(r))

    def case_rules(self, entry: Entry, surface: str, tokens: list[str]) -> tuple[bool, bool]:
        """(case-sensitive, needs context) for a form; curated flags are final, but an entry's case
        flag (with its context flag) leaves free its forms of several words with a word of their
        own. Elsewhere an acronym, or a form in capitals of short English words ("IS-IS"), matches
        only in capitals, and a one-word form that is ordinary English needs its written case and
        a technical context."""
        if entry.curated:
            own = self.alias_flags.get(_norm(surface))
            flags = entry.flags if own is None else own
            # the entry's case and context guard its forms of ordinary English ("Word", "Spark");
            # a form of several words, one of them no ordinary English ("Microsoft word", "apache
            # spark"), is the name in any case and any sentence (an alias's own flags stay final)
            distinctive = (
                own is None
                and "case" in flags
                and len(tokens) > 1
                and any(t.isalpha() and not self._ordinary(t) for t in tokens)
            )
            return "case" in flags and not distinctive, "context" in flags and not distinctive
        acronym = len(tokens) == 1 and surface.isupper() and surface.isalpha()
        # a form in capitals of short English words ("IS-IS"): in lower case those words are
        # prose ("Th is is a senior role", a font's broken spacing); longer ones ("ASPEN PLUS")
        # are a product's name that people write in any case
        words = [t for t in tokens if t.isalpha()]
        acronym = acronym or (
            len(words) > 1
            and surface.isupper()
            and all(len(w) <= 3 and w.lower() in self.english for w in words)
        )
        english = len(tokens) == 1 and self._ordinary(surface)
        return english or acronym, english

    def _ordinary(self, word: str) -> bool:
        """An ordinary English word, or its plural."""
        low = word.lower()
        return low in self.english or low.rstrip("s") in self.english


# a first word that reads as prose before a capitalised one ("Bachelor of Arts In Design",
# "No SQL experience required", "Next Gen firewalls"): no name is split after it
_SPLIT_LEADS = frozenset("in on no my or at to of by an as up is it be we one next new".split())


def _compound_parts(surface: str) -> tuple[str, str] | None:
    """The two words of a one-word name written in camel case ("QuickBooks": Quick, Books;
    "SoapUI": Soap, UI), a capitalised word and a capitalised word or an acronym, each of two
    letters or more; None for any other name, for one that starts with an acronym ("SQLite",
    "KPIs", "RESTful": the acronym's end is not a word's start) and for one whose first word
    reads as prose (``_SPLIT_LEADS``: "InDesign", "NoSQL")."""
    parts = re.findall(r"[A-Z][a-z]+|[A-Z]{2,}$", surface)  # "SoapUI": Soap, UI
    if len(parts) != 2 or "".join(parts) != surface or min(map(len, parts)) < 2:
        return None
    if parts[0].lower() in _SPLIT_LEADS:
        return None
    return parts[0], parts[1]


@dataclass
class _Named:
    """What the sources name: every form that is a thing of its own, and which forms one source
    holds as one thing (an O*NET name with its acronym, a Linguist language or simple-icons title
    with its aliases, an ESCO concept's preferred label with each other label: two other labels of
    one concept need not be one thing, ESCO's "robotic components" lists hydraulics and pneumatics)."""

    things: set[str]
    same: dict[str, set[int]]


@lru_cache(maxsize=1)
def _named_things() -> _Named:
    things: set[str] = set()
    same: dict[str, set[int]] = {}
    groups: list[list[str]] = []
    for r in _read_tsv(SRC / "onet_technology.tsv"):
        full, acronym = _split_acronym(r["name"])
        full = re.sub(r"\s+software$", "", full, flags=re.IGNORECASE)  # "Event Management Software"
        forms = [full, _fold_vendor(full), *([acronym] if acronym else [])]
        things.update(_norm(f) for f in forms[:2])
        groups.append(forms)
    for r in _read_tsv(SRC / "linguist.tsv"):
        things.add(_norm(r["name"]))
        groups.append([r["name"], *r["aliases"].split(";")])
    for r in _read_tsv(SRC / "simple_icons.tsv"):
        things.add(_norm(r["title"]))
        groups.append([r["title"], *r["aliases"].split(";")])
    concepts = SRC / "esco_concepts.tsv"
    if concepts.exists():
        for r in _read_tsv(concepts):
            things.add(_norm(r["name"]))
            groups += [[r["name"], form] for form in r["curated_forms"].split(";")]
    for number, forms in enumerate(groups):
        for form in forms:
            if form.strip():
                same.setdefault(_norm(form), set()).add(number)
    return _Named(things, same)


_BRITISH = ((re.compile(r"our\b"), "or"), (re.compile(r"ll(?=ing|ed)"), "l"), (re.compile(r"ae"), "e"),
            (re.compile(r"(?<=[bt])re\b"), "er"), (re.compile(r"is(?=e|ing|ation)"), "iz"))  # fmt: skip


def _letters(text: str) -> str:
    text = text.lower()
    for pattern, repl in _BRITISH:
        text = pattern.sub(repl, text)
    return re.sub(r"[^a-z0-9+#]", "", text)


def _stems(text: str) -> set[str]:
    words = [w for w in re.findall(r"[a-z0-9+#]+", _letters_words(text)) if w not in GENERIC]
    return {re.sub(r"(?:ing|ed|es|s|er|ion|ions|al)$", "", w) or w for w in words}


def _letters_words(text: str) -> str:
    text = text.lower()
    for pattern, repl in _BRITISH:
        text = pattern.sub(repl, text)
    return text


def _is_variant(name: str, alias: str, named: _Named) -> bool:
    """The alias is another way to write the name, not another thing."""
    if _true_variant(name, alias) or named.same.get(_norm(name), set()) & named.same.get(_norm(alias), set()):
        return True
    a, b = _letters(name), _letters(alias)
    if a == b or a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a):
        return True  # spelling, spacing, version, a product's short name ("Vue" for "Vue.js")
    short, long_ = sorted((a, b), key=len)
    if len(short) <= 10 and short[:1] == long_[:1] and _subsequence(short, long_):
        return True  # an abbreviation: "OCaml", "Java EE", "PCB design", "GD&T"
    sa, sb = _stems(_fold_vendor(name)), _stems(_fold_vendor(alias))
    if not (sa and sb):
        return False
    small, big = sorted((sa, sb), key=len)  # inflection, a qualifier, a vendor, "RESTful API"
    # a word's start stands for it ("e-discovery", "RESTful" for REST), from three letters or one
    return all(any(w == v or ((len(w) == 1 or len(w) >= 3) and v.startswith(w)) for v in big) for w in small)


def _shares_word(a: str, b: str) -> bool:
    """The two forms share a content word, or a word's start of four letters or more ("cluster
    analysis" / "clustering algorithms", "standard recipes" / "recipe standardization")."""
    wa, wb = _content_words(a), _content_words(b)
    for x in wa:
        for y in wb:
            short, long_ = sorted((x, y), key=len)
            if short == long_ or (len(short) >= 4 and long_.startswith(short)):
                return True
            if len(short) >= 6 and short[:6] == long_[:6]:  # "epidemiology" / "epidemiological"
                return True
    return False


def _initials(text: str, skip: frozenset[str] = frozenset({"of", "and", "for", "the", "a"})) -> str:
    words = [w for w in re.findall(r"[A-Za-z0-9]+", text) if w.lower() not in skip]
    return "".join(w[0] for w in words).upper()


def _acronym_of(short: str, long_: str) -> bool:
    """A word of ``short`` in capitals is the initials of ``long_`` (its small words left out or
    not), begins or ends with them, or they begin with it: "ML models" / "machine learning",
    "GBM" / "gradient boosting", "ASR" / "speech recognition", "IoT" / "Internet of Things"."""
    for initials in {_initials(long_), _initials(long_, frozenset())}:
        for word in re.findall(r"[A-Za-z0-9/&]+", short):
            letters = re.sub(r"[^A-Za-z0-9]", "", word).upper()
            capitals = len(letters) >= 2 and sum(c.isupper() for c in word) >= 2 and len(initials) >= 2
            if capitals and (
                letters.startswith(initials) or initials.startswith(letters) or letters.endswith(initials)
            ):
                return True
    return False


def _is_activity(text: str) -> bool:
    return any(w.endswith("ing") and len(w) > 5 for w in re.findall(r"[a-z]+", text.lower()))


def _names_member(name: str, alias: str, named: _Named) -> bool:
    """The alias names a member of the class the name names (see :meth:`Builder.split_members`)."""
    if name != name.lower() or _is_activity(name) or _is_activity(alias) or len(_norm(alias)) < 3:
        return False
    if _shares_word(name, alias) or _acronym_of(alias, name) or _acronym_of(name, alias):
        return False
    return not _is_variant(name, alias, named)


def _id_name(e: Entry) -> str:
    return e.id_name or e.name


def _short_form(form: str, name: str) -> bool:
    """``form`` is a shorter way to write ``name``: its acronym ("IoT", "SaaS") or fewer of its
    words ("Oracle" of "Oracle Database", "KPIs" of "KPI tracking"), not just its plural."""
    if not re.search(r"[A-Za-z]", form) or re.search(r"[()]", form) or _letters(form) == _letters(name):
        return False
    if _acronym_of(form, name) and len(form.split()) == 1:
        return True
    mine, theirs = _content_words(form), _content_words(name)
    if not mine or len(mine) >= len(theirs):
        return False
    return all(
        any(w == v or (len(w) >= 3 and v.startswith(w)) or (len(v) >= 3 and w.startswith(v)) for v in theirs)
        for w in mine
    )


@lru_cache(maxsize=1)
def _form_counts() -> dict[str, int]:
    path = SRC / "form_counts.tsv"
    return {r["form"]: int(r["count"]) for r in _read_tsv(path)} if path.exists() else {}


def _subsequence(short: str, long_: str) -> bool:
    rest = iter(long_)
    return all(c in rest for c in short)


def _is_concept(entry: Entry) -> bool:
    """An ESCO knowledge concept (a field such as "bookkeeping"), not a product or brand name."""
    return not entry.curated and entry.sources[:1] == ["esco"]


def _fold_vendor(name: str) -> str:
    text = re.sub(r"\s+software$", "", name.strip())
    for vendor in VENDORS:
        if text.startswith(vendor + " ") and len(text) > len(vendor) + 2:
            return text[len(vendor) + 1 :].strip()
    return text


def _alias_flags(aliases: str) -> tuple[str, dict[str, set[str]]]:
    """Strip per-alias flags written in braces ("design {context}") from a curated alias list."""
    plain, flags = [], {}
    for alias in re.split(r",(?![^{]*\})", aliases):  # a comma inside braces separates flags
        m = re.match(r"^(.*?)\s*\{([a-z ,]+)\}\s*$", alias.strip())
        if m:
            plain.append(m.group(1))
            flags[m.group(1)] = {f.strip() for f in m.group(2).replace(",", " ").split()}
        else:
            plain.append(alias.strip())
    return ", ".join(plain), flags


def _split_acronym(name: str) -> tuple[str, str | None]:
    """O*NET writes some names with their acronym at the end: "Platform as a service PaaS",
    "Oracle Java Message Service JMS". Return (name, acronym) when the last word is the
    initials of words before it."""
    words = name.split()
    if len(words) < 3:
        return name, None
    last = words[-1]
    letters = "".join(w[0] for w in words[:-1] if w[0].isalnum()).upper()
    compact = re.sub(r"[^A-Za-z]", "", last)
    if 2 <= len(compact) <= 6 and sum(c.isupper() for c in compact) >= 2:
        initials = [c for c in compact.upper()]
        pos = 0
        for c in letters:
            if pos < len(initials) and c == initials[pos]:
                pos += 1
        if pos == len(initials):
            return " ".join(words[:-1]), last
    return name, None


def _content_words(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9+#.]+", text.lower())
    return [token_key(w) for w in words if w not in GENERIC]


def _true_variant(name: str, alt: str) -> bool:
    """An alternative label is kept when it names the same thing: same content words, or one is
    the acronym of the other ("LINQ" / "Language Integrated Query")."""
    a, b = _content_words(name), _content_words(alt)
    if a and a == b:
        return True
    for short, long_ in ((name, alt), (alt, name)):
        words = [w for w in re.findall(r"[A-Za-z]+", long_) if w.lower() not in {"of", "and", "for", "the"}]
        if len(words) >= 2 and short.replace(".", "").upper() == "".join(w[0] for w in words).upper():
            return True
    return False


def _slug(name: str) -> str:
    text = name.lower().replace("c++", "cpp").replace("c#", "csharp").replace("f#", "fsharp")
    text = text.replace(".net", "dotnet").replace("+", "plus").replace("#", "sharp")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "skill"


def build() -> str:
    builder = Builder()
    builder.curated()
    builder.split_narrower()
    builder.split_members()
    builder.sources()
    builder.canonical_names()
    records = builder.records()
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)


def main() -> int:
    ap = argparse.ArgumentParser(description="Build models/skills.jsonl from data/taxonomy/.")
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed file is stale")
    args = ap.parse_args()
    text = build()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is stale: run python scripts/build_taxonomy.py", file=sys.stderr)
            return 1
        print(f"{OUT} is current ({text.count(chr(10))} skills)")
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10))} skills, {len(text) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
