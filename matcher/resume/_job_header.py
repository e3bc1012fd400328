"""Title and employer from the lines of a job's header: the date line, the lines above it and, in
layouts that write the dates first, the lines below it.

Parts of a line are read by their head word (a job title's word, or a word O*NET's titles end in)
and by the employer words of data/wordlists/resume_history.txt; places ("City , State") are no part.
"""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.facts import find_date_ranges, is_field_word
from matcher.text import alternation, wordlist

__all__ = ["header_below", "is_place_line", "title_employer", "title_words"]

_SPLIT = re.compile(
    r"\s{2,}|\s*[|•·–—]\s*|\s*(?:ï¼\x8d?|－)\s*|\s+-\s+|\t|,\s+(?=[A-Z])|\s+at\s+(?=[A-Z])|\s*\(\s*|\s*\)\s*"
)

_LOCATION = re.compile(
    r"^(?:city|state|city,?\s*state|remote|[A-Z][a-zA-Z.]+(?:\s[A-Z][a-zA-Z.]+)*,\s*[A-Z]{2}|"
    r"[A-Z]{2}|usa|united states|uk|ï¼|,)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _employer() -> re.Pattern[str]:
    """Employer words ("Inc", "University"): data/wordlists/resume_history.txt."""
    return re.compile(rf"\b(?:{alternation(wordlist('resume_history', 'employers'))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def title_words() -> re.Pattern[str]:
    """Job title words ("engineer", "nurses"): data/wordlists/resume_history.txt."""
    return re.compile(rf"\b(?:{alternation(wordlist('resume_history', 'job_titles'))})s?\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _role_heads() -> frozenset[str]:
    """The words job titles end in ("Underwriter", "Examiner", "Baker"): the last word of each
    O*NET title in models/titles.json (scripts/build_titles.py) written head last (no "of",
    "for", "and"), when five or more titles end in it and it names no field of study and no
    employer ("Operations", "School" stay out)."""
    import msgspec

    from matcher._models import model_dir

    try:
        titles = msgspec.json.decode((model_dir() / "titles.json").read_bytes())["titles"]
    except (OSError, msgspec.DecodeError, KeyError, TypeError):
        return frozenset()  # no title index: the short list of title words alone
    counts: dict[str, int] = {}
    for key in titles:
        if not _NOT_HEAD_LAST.search(key):
            head = key.rpartition(" ")[2]
            counts[head] = counts.get(head, 0) + 1
    return frozenset(
        w
        for w, n in counts.items()
        if n >= 5 and len(w) >= 4 and not is_field_word(w) and not _employer().fullmatch(w)
    )


_NOT_HEAD_LAST = re.compile(r" (?:of|for|and|in|to|the) ")


def _titled(part: str) -> bool:
    """True when ``part`` names a job: a title's word in it, or a short part whose head is a word
    known job titles end in ("Mortgage Underwriter")."""
    return bool(title_words().search(part)) or (
        len(part.split()) <= 6 and _head(part).lower() in _role_heads()
    )


def _parts(line: str) -> list[str]:
    """The fields of a job header line, without locations and dates."""
    parts = (p.strip(" ,:;()-–—\n\t") for p in _SPLIT.split(_without_place(line)))
    return [p for p in parts if p and not _LOCATION.match(p) and len(p) <= 80 and not find_date_ranges(p)]


_PLACE_COLUMN = (
    re.compile(r"\s+[A-Z][a-z]+,\s*[A-Z]{2}(?=\s*$|\s{2,})"),
    re.compile(r"\s+[A-Z][a-z]+\s[A-Z][a-z]+,\s*[A-Z]{2}(?=\s*$|\s{2,})"),
)


def _without_place(line: str) -> str:
    """ "Georgia Institute of Technology Atlanta, GA": the employer without its place column (a
    city and a state code after a name that ends in an employer word, or in "Institute of X")."""
    for pattern in _PLACE_COLUMN:
        m = pattern.search(line)
        if m is None:
            continue
        name = line[: m.start()].split("  ")[-1]
        words = name.split()
        ends_as_employer = bool(words) and bool(_employer().fullmatch(words[-1].lower()))
        if ends_as_employer or (re.search(r"\b\w+ of [A-Z]\w+$", name) and _employer().search(name)):
            return line[: m.start()] + "  " + line[m.end() :]
    return line


# what may end a title after the word naming the role: "Engineer I / II", "Analyst III"
_GRADE = re.compile(r"(?:\s+(?:[IVX]{1,4}(?:/[IVX]{1,4})*|\d|Sr\.?|Jr\.?|/|-|&))+\s*$")  # "Analyst I/II"
# where a title's head ends: "Director | of Nursing Services", "Office | of the Secretary"
_HEAD_END = re.compile(r"\s+(?:of|for|at|with|in|ofthe)\s", re.IGNORECASE)  # pdfium: "ofthe"


def _head(part: str) -> str:
    """The head word of a part, as English noun phrases put it: the last word before "of",
    "for" or "at" ("Director of Nursing Services" -> "Director"), else the last ("Business
    Systems Analyst II" -> "Analyst"); "" for none."""
    words = _GRADE.sub("", _HEAD_END.split(part, maxsplit=1)[0]).split()
    return words[-1] if words else ""


def _role_named(part: str) -> bool:
    """True when ``part`` names a role by its head: a job title's word ("Business Systems
    Analyst", "Device Support Center Manager", "Director of Nursing Services") or a word O*NET's
    titles end in; "Smith & Associates" and "Office of the Secretary" name employers."""
    head = _head(part)
    return (
        bool(head)
        and bool(title_words().fullmatch(head) or head.lower() in _role_heads())
        and not (_employer().fullmatch(head))
    )


def _employer_part(part: str) -> bool:
    """True when ``part`` reads as an employer: an employer's word in it, and not a role's name
    that holds one ("Health Systems Analyst", "Group Sales Associate")."""
    return bool(_employer().search(part)) and not _role_named(part)


_NAME_JOINS = frozenset({"of", "for", "and", "the", "de"})  # "University of Bremen", "Bank of America"


def _split_run(part: str) -> list[str]:
    """A title run into its employer's name, as pdfium writes one line ("Executive Chef Company
    Name", "Software Engineer Google LLC", "Teller Bank of America"): split after the last word
    naming a role that has only capitalised words after it (and "of", "for", "and" between them),
    an employer's word among them; else the part whole."""
    words = part.split()
    if len(words) < 3 or not _employer().search(part):
        return [part]
    for k in range(len(words) - 1, 0, -1):
        after = words[k:]
        if any(re.match(r"[a-z]", w) and w not in _NAME_JOINS for w in after):
            return [part]  # "Manager of Operations Acme Inc" stays whole; "Bank of America" is a name
        if re.match(r"[a-z]", after[0]) or after[0].lower() in ("of", "for", "and"):
            continue  # "Head Of English Department": no name starts with "Of"
        head, title, employer = words[k - 1], " ".join(words[:k]), " ".join(after)
        if not (title_words().fullmatch(head) or head.lower() in _role_heads()) or not _employer().search(
            employer
        ):
            continue
        if _role_named(employer) or (k == 1 and not title_words().fullmatch(head)):
            return [part]  # "Lead Systems Engineer", "Turner Elementary School" are one name
        if not _employer().search(title) or _role_named(title):
            grade = re.match(r"(?:[IVX]{1,4}|\d)\s+", employer)  # "Teller I Company Name"
            if grade:
                return [f"{title} {grade.group(0).strip()}", employer[grade.end() :]]
            return [title, employer]
    return [part]


def header_below(lines: list[str]) -> list[str]:
    """The short lines under a date line that opens an entry, up to three, before its duties: a
    line of 90 characters or more, a sentence, a bullet or another date ends them."""
    out: list[str] = []
    for line in (n.strip() for n in lines):
        if not line:
            continue
        if len(line) >= 90 or line.endswith(".") or not line[:1].isalnum() or find_date_ranges(line):
            break
        out.append(line)
        if len(out) == 3:
            break
    return out


def title_employer(
    rest: str, previous: list[str], following: list[str], below: list[str] | None = None
) -> tuple[str | None, str | None]:
    """Title and employer from the date line, and from the line above it ("Senior Engineer, Acme"
    above "Madrid | 2021 - Present"; "Google LLC  Mountain View, CA" above "Software Engineer
    Oct 2016 - Present"), or below it in a layout that writes the dates first (the title may come
    after the employer's and the place's lines: "Company Name  City  ," / "State  Accountant");
    with no employer yet, the employer's part of the line above the one above (place lines are
    skipped: "Branch Manager" / "Acme Bank" / "City , State" / dates) or of the first line
    ``below`` a title and dates ("IT Consultant  Oct 11 - Oct 12" / "Accenture Tech. Solutions")."""
    parts = [q for p in _parts(rest) for q in _split_run(p)]
    near = [q for p in _parts(following[0]) for q in _split_run(p)] if following else []
    if near and (len(near) == 1 or not any(_titled(p) for p in near)):
        # the title's or the employer's line further down, written as a name is (not a duty)
        near += [p for line in following[1:] for p in _parts(line) if _name_cased(p)]
    if not near and previous:
        near = [p for p in _parts(previous[-1]) if not _SENTENCE.search(p)]  # not a duty above
    if not any(_titled(p) for p in parts):
        if not parts or any(_titled(p) for p in near):
            parts = near + [p for p in parts if p not in near]
    elif near and not any(_titled(p) for p in near) and not any(_employer_part(p) for p in parts):
        parts = parts + near[:1]  # the employer on the line above (or below) the title's
    title = next((p for p in parts if _titled(p) and not _employer_part(p)), None)
    *run, written = _written(_title_run(title, parts), [rest, *following, *previous]) if title else [None]
    # an employer's word in a duty's sentence names no employer ("Designed electrical systems ...")
    employer = next((p for p in parts if _employer().search(p) and p not in run and _name_like(p)), None)
    title = written
    if title is None:
        title = next((p for p in parts if p != employer), None)
    if employer is None:  # any other part, but not a duty's sentence ("Maintained work areas.")
        employer = next((p for p in parts if p != title and p not in run and _name_like(p)), None)
    if not following and (title is None or employer is None):
        above = _header_above(previous)
        if title is None:
            title = next((p for p in above if _titled(p) and not _employer_part(p) and p != employer), None)
        if employer is None:
            employer = next((p for p in above if _employer_part(p) and p != title), None)
    if (
        employer is None and not following and below
    ):  # "IT Consultant  Oct 11 - Oct 12" / "Accenture Tech. Solutions"
        employer = next(
            (p for p in _parts(below[0]) if _employer_part(p) and _name_cased(p) and p != title), None
        )
    return title, employer


def _title_run(title: str | None, parts: list[str]) -> list[str]:
    """The title's part and the parts right after it that name a job too ("Athletic Director",
    "Coach", "PE Teacher"): the titles of one job, listed together."""
    if title is None:
        return []
    k = parts.index(title)
    run = [title]
    for part in parts[k + 1 :]:
        if not _titled(part) or _employer_part(part) or not _name_like(part) or part in run:
            break
        run.append(part)
    return run


def _written(run: list[str], lines: list[str]) -> list[str]:
    """The longest start of ``run`` that a line writes as one field, its parts apart by a comma,
    a dash or a slash and no column gap ("Fitness Director - Certified Personal Trainer"; not
    "Accountant  Senior Manager"), and that text; the title's part alone else."""
    for n in range(len(run), 1, -1):
        pattern = re.compile(r" ?[,;/|•·–—-] ?".join(re.escape(p) for p in run[:n]))
        found = next((m.group(0) for line in lines if (m := pattern.search(line))), None)
        if found:
            return [*run[:n], found]
    return run[:1] + run[:1]


def _header_above(previous: list[str]) -> list[str]:
    """The parts of the lines above a date line that may be its job's header, nearest last: the
    line above, and the one above that when the line between is written as a name is too
    ("Branch Manager" / "Acme Bank" / "City , State" / dates; place lines are not kept as lines
    above); no line with a date (another job's) and no duty."""
    out: list[str] = []
    for line in reversed(previous[-2:]):
        parts = [] if find_date_ranges(line) else _parts(line)
        if not parts or not all(_name_cased(p) for p in parts):
            break
        out = parts + out
    return out


def is_place_line(line: str) -> bool:
    """True when a line holds only a place, or its pieces ("City  ,", "State", "Boston, MA"): no
    part of a job's header, so the lines above it still count as the header's."""
    stripped = line.strip()
    return bool(stripped) and len(stripped) <= 40 and not _parts(stripped) and not find_date_ranges(stripped)


def _name_cased(part: str) -> bool:
    """True when ``part`` is written as a name or a title is: up to eight words, no digit, every
    word of four letters or more capitalised ("Freight Planning Contact", "Acme Hauling Inc",
    "Food Service Cook /Temp": the punctuation before a word is no part of it)."""
    words = [w.lstrip("/(&-") for w in part.split()]
    return (
        0 < len(words) <= 8
        and not re.search(r"\d", part)
        and all(w[:1].isupper() for w in words if len(w) >= 4)
    )


_CONTINUATION = frozenset({"and", "or", "of", "to", "with", "the", "for", "in", "by", "as", "while"})
_SENTENCE = re.compile(r"\b[a-z]+\.$")  # "Reported directly to the President of the company."


def _name_like(part: str) -> bool:
    """True when ``part`` may be a name: no sentence (its last word in lower case before a full
    stop: "at all times."; "Acme Inc." is a name), no run of three words or more in lower case at
    its start ("evolution of material properties"; "eBay" is a name) and at most eight words."""
    words = part.split()
    return (
        not re.search(r"\b[a-z]+\.$", part)
        and not (words and words[0] in _CONTINUATION)  # "and identification of code flaws": a duty's tail
        and not all(w[:1].islower() for w in words[:3])
        and len(words) <= 8
    )
