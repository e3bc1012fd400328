"""The public API: exported names, docstrings with examples that run, lazy imports."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
import typing

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


PACKAGES = [
    "matcher",
    *sorted(
        m.name
        for m in pkgutil.iter_modules(matcher.__path__, "matcher.")
        if not m.name.rpartition(".")[2].startswith("_")
    ),
]

# a numpydoc Examples heading, then a doctest line somewhere below it
_EXAMPLES = re.compile(r"^\s*Examples\n\s*-{8,}\n(?:.*\n)*?\s*>>> ", re.MULTILINE)


def _needs_example(obj: object) -> bool:
    """A class or a callable (cached functions too); not a module, constant or type alias."""
    if isinstance(obj, type(sys)) or typing.get_origin(obj) is not None or type(obj).__module__ == "typing":
        return False
    return inspect.isclass(obj) or callable(obj)


def _public_objects() -> dict[str, object]:
    found = {}
    for package in PACKAGES:
        module = importlib.import_module(package)
        for name in module.__all__:
            obj = getattr(module, name)
            if _needs_example(obj):
                found[f"{package}.{name}"] = obj
    return found


def test_every_public_name_has_an_example() -> None:
    public = _public_objects()
    assert len(public) > 100 and "matcher.scoring.load_vectorizer" in public  # cached functions count
    assert "matcher.records.CheckName" not in public and "matcher.__version__" not in public
    offenders = [name for name, obj in public.items() if not _EXAMPLES.search(obj.__doc__ or "")]
    assert not offenders, f"{len(offenders)} public names have no Examples with >>>: {', '.join(offenders)}"


MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(matcher.__path__, "matcher.")
    if m.name not in ("matcher.models", "matcher.__main__")
)


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples_run(module: str) -> None:
    mod = importlib.import_module(module)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    # testmod skips callable instances (the click command ``main``): run their examples too
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for name in getattr(mod, "__all__", ()):
        obj = getattr(mod, name)
        if _needs_example(obj) and not inspect.isclass(obj) and not inspect.isroutine(inspect.unwrap(obj)):
            for test in doctest.DocTestFinder().find(obj, f"{module}.{name}", module=mod, globs=vars(mod)):
                runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_import_does_not_load_spacy() -> None:
    code = "import sys, matcher; print('spacy' in sys.modules, 'sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from .conftest import ROOT

    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False)
    assert result.attempted >= 4 and result.failed == 0


def test_collecting_the_tests_loads_no_spacy() -> None:
    """Test modules analyse their postings on first use (the ``analyzed`` fixture), never while
    pytest collects them: collecting stays fast and a broken model fails the tests, not collection."""
    code = (
        "import importlib, pkgutil, sys, tests\n"
        "for m in pkgutil.iter_modules(tests.__path__):\n"
        "    if m.name.startswith('test_'):\n"
        "        importlib.import_module('tests.' + m.name)\n"
        "        assert 'spacy' not in sys.modules, m.name\n"
    )
    from .conftest import ROOT

    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
