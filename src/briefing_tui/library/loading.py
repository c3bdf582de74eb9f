"""Loading many briefs: one after the other for a few, in worker processes for many.

Each brief goes through ``load_brief``, which already refuses what would block or exhaust memory
(a FIFO, a device, a file over 32 MiB), so one bad file costs one line, never the others. What
comes back for each file is a ``Loaded``: the brief, or its first error and how many there are.

Parsing is CPU-bound and PyYAML holds the GIL, so threads do not help; worker processes do, once
there is enough to load to pay for starting them (bench/bench_library.py measures all three). The
workers are forked (from a fork server when this process runs threads: a program that loads a
library from a thread must guard its main module with ``if __name__ == "__main__"``), ignore
Ctrl-C (the terminal sends it to them too) and hand each brief back as msgpack, which decodes in a
fraction of a parse. Loading reports progress after each file and can be cancelled between
files; on cancellation or Ctrl-C every worker is stopped and waited for before it returns.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import stat
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Literal, Protocol

import msgspec

from briefing_tui.loader import BriefError, BriefInvalid, load_brief
from briefing_tui.model import Brief

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

__all__ = [
    "PARALLEL_MIN_BYTES",
    "PARALLEL_MIN_FILES",
    "Cancel",
    "LoadCancelled",
    "Loaded",
    "Progress",
    "Strategy",
    "load_all",
    "load_one",
]

Progress = Callable[[int, int, str], None]
"""Called after each file: (files done, files in all, the name of the file just loaded)."""
Strategy = Literal["auto", "sequential", "processes"]

# Measured (bench/bench_library.py, two cores): workers win from a few dozen small briefs on;
# below these, starting them costs more than they save.
PARALLEL_MIN_FILES = 24
PARALLEL_MIN_BYTES = 512 * 1024
_POLL_SECONDS = 0.05


class Cancel(Protocol):
    """Anything that says whether to stop (a ``threading.Event``)."""

    def is_set(self) -> bool:
        """True once loading should stop."""
        ...


class LoadCancelled(Exception):
    """Loading was cancelled before every brief was loaded; no worker is left running."""


class Loaded(msgspec.Struct, frozen=True):
    """One file loaded: the brief, or the first of its errors and how many there are in all."""

    path: str
    size: int
    brief: Brief | None = None
    error: BriefError | None = None
    error_count: int = 0


def load_one(path: str) -> Loaded:
    """Load one file; never raises for a bad brief (its first error is in the result)."""
    try:
        info = os.stat(path)
        size = info.st_size if stat.S_ISREG(info.st_mode) else 0
    except (OSError, ValueError):
        size = 0
    try:
        return Loaded(path, size, brief=load_brief(path))
    except BriefInvalid as invalid:
        errors = invalid.errors or [BriefError(path, None, None, None, "the brief is not valid")]
        return Loaded(path, size, error=errors[0], error_count=len(errors))


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0


def choose(paths: Sequence[str], strategy: Strategy = "auto") -> Strategy:
    """The strategy ``load_all`` uses for ``paths``: "auto" picks by count, size and cores."""
    if strategy != "auto":
        return strategy
    if _cores() < 2 or len(paths) < PARALLEL_MIN_FILES:
        return "sequential"
    total = sum(map(_size, paths))
    return "processes" if total >= PARALLEL_MIN_BYTES else "sequential"


def load_all(
    paths: Sequence[str],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    strategy: Strategy = "auto",
) -> list[Loaded]:
    """Load every file of ``paths``; the results in the same order.

    Raises LoadCancelled when ``cancel`` is set before the end; a KeyboardInterrupt goes through
    as it is, once the workers are gone.
    """
    if choose(paths, strategy) == "sequential":
        results = _sequential(paths, cancel)
    else:
        results = _parallel(paths, cancel)
    loaded: dict[str, Loaded] = {}
    for done, result in enumerate(results, 1):
        loaded[result.path] = result
        if progress is not None:
            progress(done, len(paths), os.path.basename(result.path))
    return [loaded[path] for path in paths]


def _sequential(paths: Sequence[str], cancel: Cancel | None) -> Iterator[Loaded]:
    for path in paths:
        if cancel is not None and cancel.is_set():
            raise LoadCancelled
        yield load_one(path)


def _parallel(paths: Sequence[str], cancel: Cancel | None) -> Iterator[Loaded]:
    pool = _pool(min(len(paths), _cores()))
    try:
        # Largest first, so no worker is left with one big brief at the end.
        ordered = sorted(paths, key=_size, reverse=True)
        pending = pool.imap_unordered(_load_packed, ordered, chunksize=1)
        for _ in ordered:
            while True:
                if cancel is not None and cancel.is_set():
                    raise LoadCancelled
                try:
                    packed = pending.next(_POLL_SECONDS)
                except multiprocessing.TimeoutError:
                    continue
                break
            yield msgspec.msgpack.decode(packed, type=Loaded)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _cores() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, cores or 1)


def _pool(workers: int) -> Pool:
    """Worker processes: forked straight from this one while it runs no other thread (the
    quickest), else from a fork server (forking a process with threads can deadlock the child)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        method = "fork"
    else:
        method = "forkserver" if "forkserver" in methods else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["briefing_tui.library.loading"])
    return context.Pool(workers, initializer=_ignore_interrupts)


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is for the parent, which stops the workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _load_packed(path: str) -> bytes:
    """In a worker: one file loaded, as msgpack (quicker to send and decode than a pickle)."""
    return msgspec.msgpack.encode(load_one(path))
