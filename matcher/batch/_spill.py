"""Ranked entries past a bound go to a temporary file as they are scored and are read back one at
a time in rank order, so a ranking of 250,000 files holds only their sort keys in memory. Scoring
workers write the entries they score to files of their own (:meth:`Spill.writer`), read back the
same way, so those entries never cross a pipe nor are written twice."""

from __future__ import annotations

import os
import tempfile
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import IO, Any, TypeVar, overload

from matcher.records import IntegrityFinding, Resume, Score

__all__ = ["IN_MEMORY", "ShownResume", "Spill", "SpilledEntries", "encode_entry"]

T = TypeVar("T")

#: scored entries kept as objects before the rest go to the spill file (about 14 KB each)
IN_MEMORY = 20_000
_BUFFER = 1 << 20
_PREAD = getattr(os, "pread", None)  # POSIX; elsewhere a seek and a read


def _plain(value: Any) -> Any:
    if isinstance(value, MappingProxyType):  # a Score's components
        return dict(value)
    raise NotImplementedError(f"cannot spill a {type(value).__name__}")


@dataclass(frozen=True, slots=True)
class ShownResume:
    """What a ranked entry's JSON shows of its resume: decoded alone, the rest of a spilled resume
    (its skills, jobs and education: most of its bytes) is skipped, not built.

    Examples
    --------
    >>> shown = ShownResume("Ann Lee", "ann@example.com", None, ())
    >>> shown.name, shown.integrity
    ('Ann Lee', ())
    """

    name: str | None
    email: str | None
    phone: str | None
    links: tuple[str, ...]
    integrity: tuple[IntegrityFinding, ...] = ()


@lru_cache(maxsize=1)
def _codec() -> tuple[Any, Any]:
    import msgspec

    return msgspec.msgpack.Encoder(enc_hook=_plain), msgspec.msgpack.Decoder(tuple[Resume, Score])


@lru_cache(maxsize=1)
def _shown_decoder() -> Any:
    import msgspec

    return msgspec.msgpack.Decoder(tuple[ShownResume, Score])


def encode_entry(resume: Resume, score: Score) -> bytes:
    """A ranked entry as the spill file holds it (see :meth:`Spill.put_encoded`)."""
    data: bytes = _codec()[0].encode((resume, score))
    return data


def _close_all(files: list[IO[bytes]]) -> None:
    for file in files:
        file.close()


class Spill:
    """An append-only temporary file of (resume, score) pairs in MessagePack (msgspec: seven times
    faster to write than pickling the records, and no code in the file), and the files scoring
    workers write such entries to; all deleted when closed or collected."""

    def __init__(self) -> None:
        # written in 1 MiB pieces: an entry is about 14 KB, past the default buffer, one system
        # call each otherwise
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="matcher-ranking-", buffering=_BUFFER)  # noqa: SIM115 (closed by close())
        self._end = 0
        self._at_end = True  # the file's position is its end (no read since the last write)
        # this file, then those forked scoring workers write to (see writer); a ranking dropped
        # without close() closes (and so deletes) them when collected
        self._files: list[IO[bytes]] = [self._file]
        self._closer = weakref.finalize(self, _close_all, self._files)

    def writer(self) -> tuple[int, int]:
        """A new file for a process forked after this call (a scoring worker) to write entries
        made by :func:`encode_entry` to, with ``os.pwrite``: its number and file descriptor. An
        entry written there at ``offset`` is read at ``(number, offset, length)``."""
        file = tempfile.TemporaryFile(prefix="matcher-ranking-", buffering=0)  # noqa: SIM115 (closed by close())
        self._files.append(file)
        return len(self._files) - 1, file.fileno()

    def put(self, resume: Resume, score: Score) -> tuple[int, int]:
        """Write one entry; return where it is (offset, length)."""
        return self.put_encoded(encode_entry(resume, score))

    def put_encoded(self, data: bytes) -> tuple[int, int]:
        """Write one entry made by :func:`encode_entry`; return where it is (offset, length)."""
        if not self._at_end:  # a seek writes out the buffer: only after a read
            self._file.seek(self._end)
            self._at_end = True
        self._file.write(data)
        where = (self._end, len(data))
        self._end += len(data)
        return where

    def get(self, where: tuple[int, ...]) -> tuple[Resume, Score]:
        """The entry written at ``where``."""
        resume, score = _codec()[1].decode(self._read(where))  # our own file, written above
        return resume, score

    def get_shown(self, where: tuple[int, ...]) -> tuple[ShownResume, Score]:
        """What the JSON of the entry written at ``where`` shows of its resume, and its score."""
        shown, score = _shown_decoder().decode(self._read(where))
        return shown, score

    def _read(self, where: tuple[int, ...]) -> bytes:
        if len(where) == 3:  # in a scoring worker's file, written whole before it said where
            number, offset, length = where
            return _read_at(self._files[number], offset, length)
        offset, length = where
        self._file.flush()  # what is still in the write buffer
        if _PREAD is None:
            self._at_end = False  # the seek moves the file off its end
        return _read_at(self._file, offset, length)

    def close(self) -> None:
        """Delete the files."""
        self._closer()


def _read_at(file: IO[bytes], offset: int, length: int) -> bytes:
    if _PREAD is not None:  # no seek: the file stays where it is, and no 1 MiB read-ahead
        data: bytes = _PREAD(file.fileno(), length, offset)
        return data
    file.seek(offset)
    return file.read(length)


class SpilledEntries(Sequence[Any]):
    """The entries of a ranking (``RankEntry``), best first then failures, some of them read from a
    :class:`Spill` only when asked for: iterating streams them in rank order without holding them
    all. ``make(path, rank, score, resume)`` builds an entry."""

    def __init__(
        self,
        ranked: list[tuple[str, Any]],
        failures: Sequence[Any],
        spill: Spill,
        make: Callable[[str, int, Score, Resume], Any],
    ) -> None:
        # ranked: (path, payload) in rank order; payload is (resume, score) or a spill position
        # ((number,) offset, length)
        self._ranked = ranked
        self._failures = tuple(failures)
        self._spill = spill
        self._make = make

    def __len__(self) -> int:
        return len(self._ranked) + len(self._failures)

    @property
    def ranked_count(self) -> int:
        """How many entries were scored."""
        return len(self._ranked)

    def _entry(self, index: int) -> Any:
        if index >= len(self._ranked):
            return self._failures[index - len(self._ranked)]
        path, payload = self._ranked[index]
        resume, score = self._spill.get(payload) if isinstance(payload[0], int) else payload
        return self._make(path, index + 1, score, resume)

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Any, ...]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return tuple(self._entry(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("ranking index out of range")
        return self._entry(index)

    def __iter__(self) -> Iterator[Any]:
        for index in range(len(self)):
            yield self._entry(index)

    def shown(self, make: Callable[[str, int | None, Score | None, Any, Any], T]) -> Iterator[T]:
        """Each entry in rank order as ``make(path, rank, score, resume, failure)``, a spilled
        resume decoded only as far as its JSON shows it (:class:`ShownResume`)."""
        for index, (path, payload) in enumerate(self._ranked):
            resume, score = self._spill.get_shown(payload) if isinstance(payload[0], int) else payload
            yield make(path, index + 1, score, resume, None)
        for entry in self._failures:
            yield make(entry.path, entry.rank, entry.score, entry.resume, entry.failure)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<{len(self)} ranking entries, {len(self._ranked)} ranked>"
