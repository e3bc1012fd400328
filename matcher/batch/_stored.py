"""How the cache stores a parsed Resume (JSON of every field, read back into the records), and a
failure that a file's bytes always give."""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any

from matcher.records import Education, Failure, IntegrityFinding, Job, Resume, ResumeSkill

__all__ = ["STORED_FAILURES", "failure_to_json", "outcome_from_json", "resume_from_json", "resume_to_json"]

#: Failures decided by a file's bytes (with the engine and the caps, which the key holds), stored
#: like a parse. A time or memory cap, a killed worker, a file-system error or a bug of ours
#: depends on the run, and is never stored: that file is read again next time.
STORED_FAILURES = frozenset(
    {"unsupported", "empty", "damaged", "encrypted", "no_text", "too_large", "too_many_pages", "not_a_resume"}
)


def resume_to_json(resume: Resume) -> str:
    """``resume`` as the JSON text the cache stores (every field, by name)."""
    return json.dumps(dataclasses.asdict(resume), ensure_ascii=False, sort_keys=True)


def _skill(data: dict[str, Any]) -> ResumeSkill:
    """One stored skill, its repeated strings held once (as a ranking keeps them: see _compact)."""
    intern = sys.intern
    data["jobs"] = tuple(data["jobs"])
    for name in ("name", "kind", "skill_id"):
        data[name] = intern(data[name])
    if data["last_used"] is not None:
        data["last_used"] = intern(data["last_used"])
    return ResumeSkill(**data)


def resume_from_json(text: str) -> Resume:
    """The Resume :func:`resume_to_json` stored (fields added since default when absent)."""
    return _resume(json.loads(text))


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


def outcome_from_json(text: str, name: str) -> Resume | Failure:
    """What the cache stored: a Resume (:func:`resume_to_json`) or the failure of a file, named
    ``name`` now (:func:`failure_to_json`). Raises ValueError, KeyError or TypeError on a row no
    writer of ours made."""
    data: dict[str, Any] = json.loads(text)
    failure = data.get("failure")
    if failure is None:
        return _resume(data)
    message = f"{name}: {failure['message']}" if failure["named"] else failure["message"]
    return Failure(str(failure["kind"]), str(message))


def _resume(data: dict[str, Any]) -> Resume:
    return Resume(
        source=data["source"],
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        links=tuple(data["links"]),
        sections=tuple(data["sections"]),
        skills=tuple(map(_skill, data["skills"])),
        education=tuple(Education(**e) for e in data["education"]),
        experience=tuple(Job(**j) for j in data["experience"]),
        total_years=data["total_years"],
        warnings=tuple(data["warnings"]),
        text=data["text"],
        integrity=tuple(IntegrityFinding(**f) for f in data.get("integrity", ())),
        hidden_text=tuple(data.get("hidden_text", ())),
    )
