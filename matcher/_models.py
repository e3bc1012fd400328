"""Where the built artefacts (models/) are: beside the package in a checkout, inside it in a wheel."""

from __future__ import annotations

from pathlib import Path

__all__ = ["model_dir"]


def model_dir() -> Path:
    """The folder of built artefacts: ``models/`` beside the package in a source checkout (and
    an editable install), or ``matcher/models`` inside an installed wheel."""
    package = Path(__file__).resolve().parent
    checkout = package.parent / "models"
    if (checkout / "skills.jsonl").exists():
        return checkout
    return package / "models"
