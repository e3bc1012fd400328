"""matcher: match candidates to a job posting, with every number explained.

Read a posting and say what it requires, and parse resumes (``parse_resume``)::

    >>> from matcher import analyze_posting
    >>> posting = analyze_posting("Requirements: 5+ years of Python. Kubernetes is a plus.")
    >>> [(s.name, s.importance) for s in posting.skills]
    [('Python', 'required'), ('Kubernetes', 'preferred')]

spaCy and the skill taxonomy load lazily, on first use, so ``import matcher`` is fast.
"""

from __future__ import annotations

from matcher.batch import RankEntry, Ranking, rank
from matcher.errors import (
    DamagedFileError,
    EmptyDocumentError,
    EncryptedFileError,
    FileTooLargeError,
    InputError,
    MatcherError,
    ModelError,
    NoTextLayerError,
    ReadTimeoutError,
    TooManyPagesError,
    TooMuchMemoryError,
    UnsupportedFileError,
)
from matcher.posting import analyze_posting, analyze_posting_file
from matcher.records import (
    Check,
    DegreeRequirement,
    Education,
    Failure,
    Job,
    Posting,
    Resume,
    ResumeSkill,
    Score,
    Section,
    SkillMatch,
    SkillMention,
)
from matcher.resume import parse_resume, parse_resume_text
from matcher.scoring import Weights, score

__all__ = [
    "Check",
    "DamagedFileError",
    "DegreeRequirement",
    "Education",
    "EmptyDocumentError",
    "EncryptedFileError",
    "Failure",
    "FileTooLargeError",
    "InputError",
    "Job",
    "MatcherError",
    "ModelError",
    "NoTextLayerError",
    "Posting",
    "RankEntry",
    "Ranking",
    "ReadTimeoutError",
    "Resume",
    "ResumeSkill",
    "Score",
    "Section",
    "SkillMatch",
    "SkillMention",
    "TooManyPagesError",
    "TooMuchMemoryError",
    "UnsupportedFileError",
    "Weights",
    "__version__",
    "analyze_posting",
    "analyze_posting_file",
    "parse_resume",
    "parse_resume_text",
    "rank",
    "score",
]

__version__ = "0.1.0"
