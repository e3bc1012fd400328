"""How matcher starts processes of its own (workers, the pdfium child) without touching the host's
multiprocessing settings."""

from __future__ import annotations

from typing import Any

from matcher.errors import InputError

__all__ = ["address_space", "cap_memory", "run_capped", "start_context"]


def start_context(start_method: str | None = None) -> Any:
    """The multiprocessing context for ``start_method``; None means the one the host program set
    with ``multiprocessing.set_start_method``, else the platform's default (``fork`` on Linux up to
    Python 3.13, ``forkserver`` from 3.14, ``spawn`` on macOS and Windows). The host's default
    context is never set or changed.

    Examples
    --------
    >>> start_context("spawn").get_start_method()
    'spawn'
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if start_method is not None and start_method not in methods:
        raise InputError(f"unknown start method {start_method!r}; use one of {', '.join(methods)}")
    # get_context(None) would fix the host's default for good; a named context leaves it unset
    chosen = start_method or multiprocessing.get_start_method(allow_none=True) or methods[0]
    return multiprocessing.get_context(chosen)


def run_capped(task: Any, *args: Any, max_seconds: float, max_memory: int, what: str) -> Any:
    """``task(*args)`` in a forked child under a time and a memory cap, as the batch's workers run
    each file, so a single-file command or call never stalls (issue 17); where ``fork`` is not
    there, in this process, without the caps. A MatcherError in the child is raised here; past the
    time cap :class:`~matcher.errors.ReadTimeoutError`, past the memory cap
    :class:`~matcher.errors.TooMuchMemoryError`. ``what`` names the input in those messages.

    Examples
    --------
    >>> run_capped(sum, [1, 2], max_seconds=10, max_memory=1 << 30, what="numbers")
    3
    """
    import multiprocessing
    import os

    from matcher.errors import MatcherError, ReadTimeoutError, TooMuchMemoryError

    if "fork" not in multiprocessing.get_all_start_methods():
        return task(*args)
    receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(
        target=_capped_child, args=(sender, receiver, os.getpid(), max_memory, task, args), daemon=True
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(max_seconds):
            raise ReadTimeoutError(f"{what}: reading took longer than {max_seconds:g} s")
        try:
            ok, value = receiver.recv()
        except EOFError:  # the child died: the memory cap hit outside Python, or a kill
            raise TooMuchMemoryError(
                f"{what}: reading stopped (needed more than {max_memory >> 20} MiB?)"
            ) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if ok:
        return value
    if isinstance(value, MatcherError):
        raise value
    if value == "memory":
        raise TooMuchMemoryError(f"{what}: reading needed more than {max_memory >> 20} MiB")
    raise RuntimeError(value)


def address_space() -> int:
    """This process's current virtual memory size in bytes (Linux), 0 when unknown."""
    import os

    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def cap_memory(max_memory: int) -> None:
    """Cap this process's address space at what it holds now plus ``max_memory`` bytes, never
    above the hard limit: a forked child starts with all of its parent's memory, so the cap is on
    top of that, not an absolute size that a big parent would already exceed."""
    import resource

    limit = address_space() + max_memory
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _capped_child(sender: Any, receiver: Any, parent: int, max_memory: int, task: Any, args: Any) -> None:
    import os
    import signal

    from matcher.errors import MatcherError

    receiver.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the caller answers Ctrl-C
    if os.getppid() != parent:
        os._exit(0)
    if max_memory and address_space():  # Linux; elsewhere no memory cap
        cap_memory(max_memory)
    try:
        sender.send((True, task(*args)))
    except MatcherError as exc:
        sender.send((False, exc))
    except MemoryError:
        sender.send((False, "memory"))
    except Exception as exc:  # the caller's failure_of names it as an internal error
        sender.send((False, f"{type(exc).__name__}: {exc}"))
    sender.close()
    os._exit(0)
