"""How the cache stores a parsed Resume (JSON of every field, read back into the records), and a
failure that a file's bytes always give."""

from __future__ import annotations

import dataclasses
import json
import sys
from functools import lru_cache
from typing import Any

from matcher.records import Failure, Resume

__all__ = [
    "STORED_FAILURES",
    "failure_to_json",
    "intern_skills",
    "outcome_from_json",
    "resume_from_json",
    "resume_to_json",
]

#: Failures decided by a file's bytes (with the engine and the caps, which the key holds), stored
#: like a parse. A time or memory cap, a killed worker, a file-system error or a bug of ours
#: depends on the run, and is never stored: that file is read again next time.
STORED_FAILURES = frozenset(
    {"unsupported", "empty", "damaged", "encrypted", "no_text", "too_large", "too_many_pages", "not_a_resume"}
)


def resume_to_json(resume: Resume) -> str:
    """``resume`` as the JSON text the cache stores (every field, by name)."""
    return json.dumps(dataclasses.asdict(resume), ensure_ascii=False, sort_keys=True)


def resume_from_json(text: str, source: str | None = None, *, shared: bool = True) -> Resume:
    """The Resume :func:`resume_to_json` stored (fields added since default when absent), read by
    msgspec straight into the records, with ``source`` when given (the file it is ranked as now);
    ValueError on a text that is not one. ``shared``: its skills' strings held once
    (:func:`intern_skills`), for a resume that is kept.

    Examples
    --------
    >>> from matcher.resume import parse_resume_text
    >>> resume = parse_resume_text("Ann Lee\\nann@x.org\\nSkills: Python, SQL")
    >>> resume_from_json(resume_to_json(resume)) == resume
    True
    """
    import msgspec

    try:
        resume: Resume = _decoder().decode(text)
    except msgspec.MsgspecError as exc:  # not JSON, or not a Resume: a row no writer of ours made
        raise ValueError(f"not a stored resume: {exc}") from exc
    if source is not None:  # set on the record just made, before anyone else holds it
        object.__setattr__(resume, "source", source)
    return intern_skills(resume) if shared else resume


def intern_skills(resume: Resume) -> Resume:
    """``resume`` with its skills' strings held once: thousands of resumes repeat the same skill
    names. Set in place, on records only the caller holds (just decoded or just received from a
    worker): equal strings, so nothing anyone could see changes.

    Examples
    --------
    >>> from matcher.resume import parse_resume_text
    >>> a, b = (intern_skills(parse_resume_text("Skills: " + "".join(["Pyt", "hon"]))) for _ in "ab")
    >>> a.skills[0].name is b.skills[0].name
    True
    """
    intern, put = sys.intern, object.__setattr__
    for skill in resume.skills:
        put(skill, "name", intern(skill.name))
        put(skill, "kind", intern(skill.kind))
        put(skill, "skill_id", intern(skill.skill_id))
        if skill.last_used is not None:
            put(skill, "last_used", intern(skill.last_used))
    return resume


@lru_cache(maxsize=1)
def _decoder() -> Any:
    import msgspec

    return msgspec.json.Decoder(Resume)


def failure_to_json(failure: Failure, name: str) -> str:
    """``failure`` of the file called ``name`` as the cache stores it: the message without the
    name it starts with, so that another file with the same bytes is named in its own.

    Examples
    --------
    >>> text = failure_to_json(Failure("no_text", "scan.pdf: the PDF has no text layer"), "scan.pdf")
    >>> outcome_from_json(text, "copy.pdf")
    Failure(kind='no_text', message='copy.pdf: the PDF has no text layer')
    """
    prefix = f"{name}: "
    named = failure.message.startswith(prefix)
    message = failure.message[len(prefix) :] if named else failure.message
    stored = {"kind": failure.kind, "message": message, "named": named}
    return json.dumps({"failure": stored}, ensure_ascii=False, sort_keys=True)


def outcome_from_json(
    text: str, name: str, source: str | None = None, *, shared: bool = True
) -> Resume | Failure:
    """What the cache stored: a Resume (:func:`resume_to_json`, with ``source`` when given) or the
    failure of a file, named ``name`` now (:func:`failure_to_json`). Raises ValueError, KeyError or
    TypeError on a row no writer of ours made."""
    if not text.startswith('{"failure"'):
        return resume_from_json(text, source, shared=shared)
    failure = json.loads(text)["failure"]
    message = f"{name}: {failure['message']}" if failure["named"] else failure["message"]
    return Failure(str(failure["kind"]), str(message))
