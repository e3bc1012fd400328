"""The public API: exported names, docstrings with examples that run, lazy imports."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys

import pytest

import matcher


def test_all_lists_every_public_name() -> None:
    public = {
        n for n in dir(matcher) if not n.startswith("_") and not isinstance(getattr(matcher, n), type(sys))
    }
    assert public - {"annotations"} <= set(matcher.__all__)
    for name in matcher.__all__:
        assert hasattr(matcher, name)


def test_public_names_have_docstrings() -> None:
    for name in matcher.__all__:
        obj = getattr(matcher, name)
        if callable(obj):
            assert obj.__doc__, name
    for name in ("analyze_posting", "analyze_posting_file"):
        assert "Examples" in getattr(matcher, name).__doc__


def test_errors_inherit_the_matching_builtin() -> None:
    assert issubclass(matcher.InputError, ValueError)
    assert issubclass(matcher.EmptyDocumentError, matcher.MatcherError)
    assert issubclass(matcher.ModelError, RuntimeError)


MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(matcher.__path__, "matcher.")
    if m.name not in ("matcher.models", "matcher.__main__")
)


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_import_does_not_load_spacy() -> None:
    code = "import sys, matcher; print('spacy' in sys.modules, 'sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from .conftest import ROOT

    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False)
    assert result.attempted >= 4 and result.failed == 0
