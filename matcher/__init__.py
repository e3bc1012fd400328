"""matcher: match candidates to a job posting, with every number explained.

Read a posting and say what it requires::

    >>> from matcher import analyze_posting
    >>> posting = analyze_posting("Requirements: 5+ years of Python. Kubernetes is a plus.")
    >>> [(s.name, s.importance) for s in posting.skills]
    [('Python', 'required'), ('Kubernetes', 'preferred')]

spaCy and the skill taxonomy load lazily, on first use, so ``import matcher`` is fast.
"""

from __future__ import annotations

from matcher.errors import (
    DamagedFileError,
    EmptyDocumentError,
    EncryptedFileError,
    FileTooLargeError,
    InputError,
    MatcherError,
    ModelError,
    NoTextLayerError,
    TooManyPagesError,
    UnsupportedFileError,
)
from matcher.posting import analyze_posting, analyze_posting_file
from matcher.records import DegreeRequirement, Posting, Section, SkillMention

__all__ = [
    "DamagedFileError",
    "DegreeRequirement",
    "EmptyDocumentError",
    "EncryptedFileError",
    "FileTooLargeError",
    "InputError",
    "MatcherError",
    "ModelError",
    "NoTextLayerError",
    "Posting",
    "Section",
    "SkillMention",
    "TooManyPagesError",
    "UnsupportedFileError",
    "__version__",
    "analyze_posting",
    "analyze_posting_file",
]

__version__ = "0.1.0"
