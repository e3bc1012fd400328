"""Work history and education from resume sections: dated jobs and degrees.

Only dates in experience sections count as work (when a resume has no headings at all, dates on
lines that name a degree or a school do not count either): education and volunteer dates never
add to years of experience.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from matcher.facts import (
    DateRange,
    find_date_ranges,
    find_degrees,
    is_field_word,
    leading_start,
)
from matcher.records import Job, Section
from matcher.resume._sections import heading_of
from matcher.text import alternation, wordlist

__all__ = ["DatedJob", "find_jobs"]

WORK_KINDS = frozenset({"experience"})
# memberships, clubs, honours, volunteering and study are never work, wherever their dates stand
NEVER_WORK_KINDS = frozenset(
    {"education", "volunteer", "projects", "publications", "affiliations", "accomplishments", "interests",
     "references"}
)  # fmt: skip
NO_WORK_KINDS = frozenset(
    {"education", "volunteer", "certifications", "projects", "publications", "accomplishments", "references",
     "interests", "affiliations", "languages", "skills"}
)  # fmt: skip
# a date line outside the history that names an award or a club office is no job, nor one in a
# certifications section that names a certificate (a sidebar layout may run the history on there)
_HONOUR = re.compile(
    r"\b(?:awards?|awarded|honou?rs?|honorary|scholarships?|student union|club)\b", re.IGNORECASE
)
_CERTIFICATE = re.compile(r"\b(?:certifi\w*|licen[cs]\w*)\b", re.IGNORECASE)
# "Information Technology Student", "Nursing Student": studies listed as a job (every part of the
# title names a student; "Student Assistant" and "Scientific Employee / PhD Student" are jobs)
_STUDENT_PART = re.compile(r"^.*\bstudents?$", re.IGNORECASE)
_SPLIT = re.compile(r"\s{2,}|\s*[|•·–—]\s*|\s+-\s+|\t|,\s+(?=[A-Z])|\s+at\s+(?=[A-Z])|\s*\(\s*|\s*\)\s*")
# "2016 / 09 - University of Bremen": a start date, a dash, then words (no end date)
_START_DASH = re.compile(r"^(\s*\d{4}\s*/\s*\d{1,2}|\s*\d{1,2}\s*/\s*\d{4})\s*[-–—]\s+(?=[A-Za-z])")
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
def _title() -> re.Pattern[str]:
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
    return bool(_title().search(part)) or (len(part.split()) <= 6 and _head(part).lower() in _role_heads())


@dataclass(frozen=True, slots=True)
class DatedJob:
    """A job with its date range and where its block of text starts and ends."""

    job: Job
    dates: DateRange
    block_start: int
    block_end: int


def _regions(sections: list[Section], kinds: frozenset[str]) -> list[Section]:
    chosen = [s for s in sections if s.kind in kinds]
    if chosen:
        return chosen
    return [s for s in sections if s.kind in ("body", "header", "summary", "additional")]


def find_jobs(text: str, sections: list[Section]) -> list[DatedJob]:
    """Return the dated jobs of the experience sections, in text order."""
    explicit = any(s.kind in WORK_KINDS for s in sections)
    found: list[tuple[int, DateRange, str | None, str | None, str]] = []
    regions = _regions(sections, WORK_KINDS)
    # a job block that continues below another section (two-column pages, page breaks) still
    # counts when it reads as one: a job title next to its dates
    strays = [s for s in sections if explicit and s not in regions and s.kind not in NEVER_WORK_KINDS]
    for region in [*regions, *strays]:
        stray = region in strays
        body = text[region.start : region.end]
        lines = body.splitlines(keepends=True)
        pos = region.start
        previous: list[str] = []
        content_seen = False  # a line of content after the heading, before the first dated line
        date_first: bool | None = None  # decided at the region's first dated line
        for k, line in enumerate(lines):
            ranges = find_date_ranges(line)
            if not ranges and not stray and explicit and not any(f[0] >= region.start for f in found):
                first = leading_start(_START_DASH.sub(r"\1 ", line))  # the newest job, with its start only
                ranges = [first] if first is not None else []
            if ranges and not explicit and _is_education_line(line):
                ranges = []
            if ranges and stray and find_degrees(line):
                ranges = []
            if ranges and stray and (not _looks_like_job(line, previous) or _HONOUR.search(line)):
                ranges = []
            if ranges and region.kind == "certifications" and _CERTIFICATE.search(line):
                ranges = []
            if ranges and _never_work_label(line):
                ranges = []  # "Activities: Volunteer Teacher, Akanksha Foundation, May 2008 - Aug 2013"
            if ranges:
                r = ranges[0]
                if date_first is None:  # the dates open the entry, its title is on the line below
                    date_first = not content_seen and not _title().search(line.replace(r.text, " "))
                rest = line.replace(r.text, "  ")
                following = _header_below(lines[k + 1 : k + 6]) if date_first else []
                title, employer = _title_employer(rest, previous, following)
                if not _studies(title):
                    found.append((pos, r, title, employer, line.strip()))
            if line.strip() and not (k == 0 and _is_heading(line)):  # a heading is no job's part
                if k > 0 and not ranges and date_first is None:
                    content_seen = True
                previous = [*previous[-1:], line.strip()]
            pos += len(line)
    found.sort(key=lambda item: item[0])
    found = _without_repeats(found)
    jobs: list[DatedJob] = []
    for i, (offset, r, title, employer, evidence) in enumerate(found):
        region_end = next((s.end for s in sections if s.start <= offset < s.end), len(text))
        block_end = found[i + 1][0] if i + 1 < len(found) and found[i + 1][0] < region_end else region_end
        job = Job(title, employer, str(r.start), "present" if r.end is None else str(r.end), evidence)
        jobs.append(DatedJob(job, r, offset, block_end))
    return jobs


def _without_repeats(
    found: list[tuple[int, DateRange, str | None, str | None, str]],
) -> list[tuple[int, DateRange, str | None, str | None, str]]:
    """One job for each job listed twice (a resume pasted into itself, a sidebar repeating the
    history): the same dates and the same title, or no title on one of them."""
    kept: list[tuple[int, DateRange, str | None, str | None, str]] = []
    for item in found:
        _, r, title, _, _ = item
        if not any(
            (str(r.start), r.end and str(r.end)) == (str(k[1].start), k[1].end and str(k[1].end))
            and (title is None or k[2] is None or title.lower() == k[2].lower())
            for k in kept
        ):
            kept.append(item)
    return kept


_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z &/-]{2,40}?)\s*:")


def _never_work_label(line: str) -> bool:
    """True when the line opens with the heading of a section that is never work, as a label
    before a colon ("Activities:", "Volunteer Work:", "Memberships:")."""
    label = _LABEL.match(line)
    if label is None:
        return False
    heading = heading_of(label.group(1))
    return (
        heading is not None and heading[0] in NEVER_WORK_KINDS and heading[2] == len(label.group(1).strip())
    )


def _is_heading(line: str) -> bool:
    """True when the whole line is a section heading ("Professional Experience")."""
    heading = heading_of(line)
    return heading is not None and heading[2] >= len(line.strip().rstrip(":"))


def _studies(title: str | None) -> bool:
    """True when a job's title names studies, not work: every part of it ends in "student"."""
    parts = [p.strip() for p in re.split(r"[/&,]| and ", title or "") if p.strip()]
    return bool(parts) and all(_STUDENT_PART.match(p) for p in parts)


def _looks_like_job(line: str, previous: list[str]) -> bool:
    """A date line that reads as a job header: a job title on it or on the two lines before (a
    title wrapped over two lines: "Senior Engineer, Acme" / "Corporation")."""
    return bool(_title().search(line)) or any(_title().search(p) and len(p) < 90 for p in previous[-2:])


def _is_education_line(line: str) -> bool:
    return bool(find_degrees(line)) or bool(re.search(r"\b(?:university|college|school|gpa)\b", line, re.I))


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
_GRADE = re.compile(r"(?:\s+(?:[IVX]{1,4}|\d|Sr\.?|Jr\.?|/|-|&))+\s*$")
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
        and bool(_title().fullmatch(head) or head.lower() in _role_heads())
        and not (_employer().fullmatch(head))
    )


def _employer_part(part: str) -> bool:
    """True when ``part`` reads as an employer: an employer's word in it, and not a role's name
    that holds one ("Health Systems Analyst", "Group Sales Associate")."""
    return bool(_employer().search(part)) and not _role_named(part)


def _split_run(part: str) -> list[str]:
    """A title run into its employer's name, as pdfium writes one line ("Executive Chef Company
    Name", "Software Engineer Google LLC"): split after the last word naming a role that has
    only capitalised words after it, an employer's word among them; else the part whole."""
    words = part.split()
    if len(words) < 3 or not _employer().search(part):
        return [part]
    for k in range(len(words) - 1, 0, -1):
        after = words[k:]
        if any(re.match(r"[a-z]", w) for w in after):
            return [part]  # "Manager of Operations Acme Inc" stays whole
        head, title, employer = words[k - 1], " ".join(words[:k]), " ".join(after)
        if not (_title().fullmatch(head) or head.lower() in _role_heads()) or not _employer().search(
            employer
        ):
            continue
        if _role_named(employer) or (k == 1 and not _title().fullmatch(head)):
            return [part]  # "Lead Systems Engineer", "Turner Elementary School" are one name
        if not _employer().search(title) or _role_named(title):
            grade = re.match(r"(?:[IVX]{1,4}|\d)\s+", employer)  # "Teller I Company Name"
            if grade:
                return [f"{title} {grade.group(0).strip()}", employer[grade.end() :]]
            return [title, employer]
    return [part]


def _header_below(lines: list[str]) -> list[str]:
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


def _title_employer(rest: str, previous: list[str], following: list[str]) -> tuple[str | None, str | None]:
    """Title and employer from the date line, and from the line above it ("Senior Engineer, Acme"
    above "Madrid | 2021 - Present"; "Google LLC  Mountain View, CA" above "Software Engineer
    Oct 2016 - Present"), or below it in a layout that writes the dates first (the title may come
    after the employer's and the place's lines: "Company Name  City  ," / "State  Accountant")."""
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
    employer = next((p for p in parts if _employer().search(p) and p != title), None)
    if title is None:
        title = next((p for p in parts if p != employer), None)
    if employer is None:  # any other part, but not a duty's sentence ("Maintained work areas.")
        employer = next((p for p in parts if p != title and _name_like(p)), None)
    return title, employer


def _name_cased(part: str) -> bool:
    """True when ``part`` is written as a name or a title is: up to eight words, no digit, every
    word of four letters or more capitalised ("Freight Planning Contact", "Acme Hauling Inc")."""
    words = part.split()
    return (
        0 < len(words) <= 8
        and not re.search(r"\d", part)
        and all(w[:1].isupper() for w in words if len(w) >= 4)
    )


_SENTENCE = re.compile(r"\b[a-z]+\.$")  # "Reported directly to the President of the company."


def _name_like(part: str) -> bool:
    """True when ``part`` may be a name: no sentence (its last word in lower case before a full
    stop: "at all times."; "Acme Inc." is a name), no run of three words or more in lower case at
    its start ("evolution of material properties"; "eBay" is a name) and at most eight words."""
    words = part.split()
    return (
        not re.search(r"\b[a-z]+\.$", part)
        and not all(w[:1].islower() for w in words[:3])
        and len(words) <= 8
    )
