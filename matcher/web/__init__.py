"""``matcher serve``: the recruiter's web app, a thin layer over the library.

A posting becomes a job whose requirements the recruiter can correct (kept with a version);
resumes are stored by content hash and parsed in the background by the library's workers (with
its resume cache); the ranking, the candidate pages, the decisions and the exports all come from
the library's records. One SQLite database under the data folder keeps everything across restarts.
Needs the ``web`` extra (Starlette, Jinja2, uvicorn, python-multipart).
"""

from __future__ import annotations

from matcher.web._app import create_app, default_data_dir, running, serve
from matcher.web._store import DECISIONS, Candidate, JobRow, Store
from matcher.web._uploads import UploadLimits
from matcher.web._workspace import NotFoundError, RankState, Workspace

__all__ = [
    "DECISIONS",
    "Candidate",
    "JobRow",
    "NotFoundError",
    "RankState",
    "Store",
    "UploadLimits",
    "Workspace",
    "create_app",
    "default_data_dir",
    "running",
    "serve",
]
