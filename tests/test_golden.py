"""The CLI contract, held by golden files: ``posting``, ``resume`` and ``rank`` with ``--json`` on
tiny inputs in tests/data/golden give exactly tests/data/golden/expected/*.json.

A deliberate change to the contract regenerates them with ``python scripts/make_golden.py`` and
commits the diff with the change.
"""

from __future__ import annotations

import json
import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import make_golden


@pytest.mark.parametrize("name", sorted(make_golden.COMMANDS))
def test_command_prints_its_golden_json(name: str) -> None:
    expected = json.loads((ROOT / make_golden.EXPECTED / name).read_text(encoding="utf-8"))
    printed = json.loads(make_golden.render(make_golden.COMMANDS[name]))
    assert printed == expected, f"{name} changed; if on purpose, run python scripts/make_golden.py"


def test_golden_outputs_hold_what_the_inputs_say() -> None:
    """The golden files are not whatever the code printed: they agree with the inputs' plain facts."""
    expected = ROOT / make_golden.EXPECTED
    posting = json.loads((expected / "posting.json").read_text(encoding="utf-8"))
    importance = {s["name"]: s["importance"] for s in posting["skills"]}
    assert posting["title"] == "Data Engineer" and posting["min_years"] == 3
    assert {importance[k] for k in ("Python", "SQL")} == {"required"}
    assert {importance[k] for k in ("Docker", "Kubernetes")} == {"preferred"}
    assert posting["degree"]["min_level"] == "bachelor"
    resume = json.loads((expected / "resume.json").read_text(encoding="utf-8"))
    assert resume["name"] == "Jordan Lee" and resume["highest_degree"] == "bachelor"
    assert [(job["title"], job["employer"]) for job in resume["experience"]] == [
        ("Data Engineer", "Northwind Traders"),
        ("Junior Developer", "Contoso Ltd"),
    ]
    ranking = json.loads((expected / "rank.json").read_text(encoding="utf-8"))
    order = [entry["path"].rsplit("/", 1)[-1] for entry in ranking]
    assert order == ["jordan-lee.txt", "riley-chen.txt", "sam-ortiz.txt"]
