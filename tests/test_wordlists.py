"""Word lists as data and the one heading scanner: the committed artefact is current, the lists
are well formed, and both documents' headings go through the same scanner."""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

import pytest

from matcher.facts import HeadingScanner, cut_sections
from matcher.posting._sections import find_sections
from matcher.records import Section
from matcher.resume._sections import split_sections
from matcher.text import heading_vocabulary, load_wordlists, wordlist

from .conftest import ROOT


def _build_script() -> Any:
    spec = importlib.util.spec_from_file_location("build_wordlists", ROOT / "scripts" / "build_wordlists.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_wordlists"] = module
    spec.loader.exec_module(module)
    return module


def test_committed_wordlists_are_current() -> None:
    rebuilt = _build_script().build().encode("utf-8")
    committed = (ROOT / "models" / "wordlists.json").read_bytes()
    assert rebuilt == committed, "models/wordlists.json is stale: run python scripts/build_wordlists.py"


def test_wordlist_files_keep_their_order_and_reject_mistakes() -> None:
    parse = _build_script().parse
    assert parse("# note\n[b]\nzeta\nalpha\n\n[a]\nco.\n", "x.txt") == {"b": ["zeta", "alpha"], "a": ["co."]}
    for bad in ("alpha\n", "[a]\nx\nx\n", "[a]\nx\n[a]\ny\n", "[a]\n"):
        with pytest.raises(ValueError):
            parse(bad, "x.txt")
    with pytest.raises(ValueError, match="is in"):
        parse("[summary]\nprofile\n[skills]\nProfile\n", "resume_headings.txt")


def test_every_list_the_code_reads_is_there() -> None:
    lists = load_wordlists()
    assert set(lists["posting_headings"]) == {"preferred", "required", "duties", "boilerplate"}
    assert {"experience", "education", "skills"} <= set(lists["resume_headings"])
    assert "engineer" in wordlist("resume_history", "job_titles")
    assert heading_vocabulary("posting_headings")["nice to have"] == "preferred"


def test_one_scanner_styles() -> None:
    scanner = HeadingScanner({"work experience": "experience", "skills": "skills"})
    assert scanner.alone("Work Experience:") is not None
    assert scanner.alone("- SKILLS -", lead=r"[\W_]", tail=r"[\s:\-–|_.]*") is not None
    assert scanner.alone("skills", capitalised=True) is None
    assert scanner.leading("Skills: Python, SQL") is not None
    assert scanner.glued("SKILLSPython") is not None
    assert scanner.glued("SkillsPython") is None
    assert scanner.alone("Skills in Python") is None


def test_both_documents_use_the_one_section_record() -> None:
    posting = find_sections("About us\nWe build maps.\nRequirements:\nPython\n")
    resume = split_sections("Jo Park\nEXPERIENCE\nCook 2010-2012\n")
    assert all(type(s) is Section for s in [*posting, *resume])
    assert cut_sections([(0, "intro", ""), (4, "skills", "Skills")], 4) == [Section("intro", "", 0, 4)]
