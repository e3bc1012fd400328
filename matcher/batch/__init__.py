"""``rank`` over many files: finding them, worker processes under caps, the cache, a Dask cluster."""

from __future__ import annotations

from matcher.batch._cache import (
    PARSER_VERSION,
    ResumeCache,
    content_key,
    default_cache_path,
    file_key,
    models_digest,
    open_cache,
    path_key,
)
from matcher.batch._cache_admin import CacheInfo, cache_info, clear_cache
from matcher.batch._cache_lru import DEFAULT_CACHE_MAX_MB
from matcher.batch._listing import RESUME_SUFFIXES, Survey, find_resumes, survey
from matcher.batch._parsing import ParseResult, parse_file
from matcher.batch._postings import analyze_posting_file_cached
from matcher.batch._rank import rank
from matcher.batch._ranking import RankEntry, Ranking, ShownEntry
from matcher.batch._spill import ShownResume
from matcher.batch._workers import parse_in_workers

__all__ = [
    "DEFAULT_CACHE_MAX_MB",
    "PARSER_VERSION",
    "RESUME_SUFFIXES",
    "CacheInfo",
    "ParseResult",
    "RankEntry",
    "Ranking",
    "ResumeCache",
    "ShownEntry",
    "ShownResume",
    "Survey",
    "analyze_posting_file_cached",
    "cache_info",
    "clear_cache",
    "content_key",
    "default_cache_path",
    "file_key",
    "find_resumes",
    "models_digest",
    "open_cache",
    "parse_file",
    "parse_in_workers",
    "path_key",
    "rank",
    "survey",
]
