"""What a resume cache holds, and emptying it: ``matcher cache info | clear``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matcher.batch._cache import ResumeCache
from matcher.errors import InputError

__all__ = ["CacheInfo", "cache_info", "clear_cache"]


@dataclass(frozen=True, slots=True)
class CacheInfo:
    """What a resume cache holds: its path, entries, the bytes they hold, the size of the file(s)
    on disk, and when the least and most recently used entries were last used (epoch seconds).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from matcher.batch import ResumeCache, cache_info
    >>> from matcher.resume import parse_resume_text
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "c.sqlite"
    >>> cache_info(path).to_dict() | {"path": "..."}
    {'path': '...', 'entries': 0, 'data_bytes': 0, 'file_bytes': 0, 'oldest_use': None, 'newest_use': None}
    >>> cache = ResumeCache(path)
    >>> cache.put("k", parse_resume_text("Ann Lee\\nann@x.org"))
    >>> cache.close()
    >>> info = cache_info(path)
    >>> info.entries, info.file_bytes >= info.data_bytes > 0, info.oldest_use == info.newest_use
    (1, True, True)
    """

    path: Path
    entries: int
    data_bytes: int
    file_bytes: int
    oldest_use: float | None
    newest_use: float | None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``matcher cache info --json``)."""
        return {
            "path": str(self.path),
            "entries": self.entries,
            "data_bytes": self.data_bytes,
            "file_bytes": self.file_bytes,
            "oldest_use": self.oldest_use,
            "newest_use": self.newest_use,
        }


def _file_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.is_file())


def cache_info(path: str | Path) -> CacheInfo:
    """What the resume cache at ``path`` holds (an absent cache holds nothing; it is not made).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from matcher.batch import ResumeCache
    >>> from matcher.resume import parse_resume_text
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "c.sqlite"
    >>> cache_info(path).entries
    0
    >>> cache = ResumeCache(path)
    >>> cache.put("k", parse_resume_text("Ann Lee\\nann@x.org"))
    >>> cache.close()
    >>> info = cache_info(path)
    >>> info.entries, info.data_bytes > 0
    (1, True)
    """
    path = Path(path)
    if not path.exists():
        return CacheInfo(path, 0, 0, 0, None, None)
    cache = ResumeCache(path)
    try:
        count, data, oldest, newest = cache.usage_summary()
    finally:
        cache.close()
    return CacheInfo(path, count, data, _file_bytes(path), oldest, newest)


def clear_cache(path: str | Path) -> int:
    """Remove every entry of the resume cache at ``path`` and give its space back; return how many
    there were (0 for an absent cache, which is not made).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from matcher.batch import ResumeCache
    >>> from matcher.resume import parse_resume_text
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "c.sqlite"
    >>> cache = ResumeCache(path)
    >>> cache.put("k", parse_resume_text("Ann Lee\\nann@x.org"))
    >>> cache.close()
    >>> clear_cache(path), cache_info(path).entries
    (1, 0)
    """
    path = Path(path)
    if not path.exists():
        return 0
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a resume cache")
    cache = ResumeCache(path)
    try:
        return cache.clear()
    finally:
        cache.close()
