"""The house: one package per pipeline stage, private implementation modules, public names
re-exported, no import cycles, no module too long to read."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import matcher

from .conftest import ROOT

STAGES = (
    "records",
    "text",
    "extract",
    "language",
    "facts",
    "posting",
    "resume",
    "scoring",
    "batch",
    "outputs",
    "web",
    "integrity",
    "audit",
    "lint",
)


def _public(module: ModuleType) -> set[str]:
    return {
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and name != "annotations" and not isinstance(value, ModuleType)
    }


@pytest.mark.parametrize("name", ["matcher", *(f"matcher.{stage}" for stage in STAGES)])
def test_all_is_exactly_the_public_names(name: str) -> None:
    module = importlib.import_module(name)
    assert sorted(set(module.__all__) - {"__version__"}) == sorted(_public(module))


@pytest.mark.parametrize("stage", STAGES)
def test_implementation_modules_are_private(stage: str) -> None:
    package = importlib.import_module(f"matcher.{stage}")
    names = [m.name for m in pkgutil.iter_modules(package.__path__)]
    assert names and all(n.startswith("_") for n in names), names


def test_no_module_is_over_400_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "matcher").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}  # fmt: skip
    assert long == {}


def test_no_module_imports_itself_through_others() -> None:
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph("matcher")
    cycles = [
        (module, imported)
        for module in sorted(graph.modules)
        for imported in graph.find_modules_directly_imported_by(module)
        if graph.chain_exists(importer=imported, imported=module)
    ]
    assert cycles == []


def test_the_layered_import_contract_holds() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.skip("import-linter is in the test extra")
    run = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_python_dash_m_matcher_runs_the_command_line() -> None:
    run = subprocess.run([sys.executable, "-m", "matcher", "--help"], capture_output=True, text=True)
    assert run.returncode == 0 and "rank" in run.stdout and "posting" in run.stdout


def test_matcher_public_names_are_the_documented_api() -> None:
    for name in ("analyze_posting", "parse_resume", "score", "rank", "Weights", "Failure", "MatcherError"):
        assert name in matcher.__all__
