"""Loading many briefs: one after the other for a few, in forked worker processes for many.

Each brief goes through ``load_brief``, which already refuses what would block or exhaust memory
(a FIFO, a device, a file over 32 MiB), so one bad file costs one line, never the others. What
comes back for each file is a ``Loaded``: the brief, or its first error and how many there are.

Parsing is CPU-bound and PyYAML holds the GIL, so threads do not help; worker processes do, once
there is enough to load to pay for starting them (bench/bench_library.py measures all three).
As ``preload.Preload`` does for one brief, the workers are forked (only while this process runs
no other thread: forking one that does can deadlock the child; it then loads one after the
other) and start at once, so a caller can fork them before starting threads and collect later.
Each worker takes a share of the files, balanced by size, and streams each result back on a pipe
as msgpack, which decodes in a fraction of a parse: a pool's machinery cost the parent four times
the CPU (measured). Workers ignore Ctrl-C (the terminal sends it to them too); on cancellation,
Ctrl-C or any error the parent kills and reaps every worker before it returns or raises. A worker
that dies early costs nothing but time: the parent loads what it did not send.
"""

from __future__ import annotations

import contextlib
import gc
import os
import selectors
import signal
import stat
import struct
import threading
from collections.abc import Callable, Sequence
from typing import Literal, Protocol

import msgspec

from briefing_tui.loader import BriefError, BriefInvalid, load_brief
from briefing_tui.model import Brief

__all__ = [
    "PARALLEL_MIN_BYTES",
    "PARALLEL_MIN_FILES",
    "Cancel",
    "LoadCancelled",
    "Loaded",
    "Loading",
    "Progress",
    "Strategy",
    "load_all",
    "load_one",
]

Progress = Callable[[int, int, str], None]
"""Called after each file: (files done, files in all, the name of the file just loaded)."""
Strategy = Literal["auto", "sequential", "processes"]

# Measured (bench/bench_library.py, two idle cores): workers lose below 16 summit-sized briefs
# (250 KB) and win from about 32 (500 KB), 0.65x at 128 and 0.55x at 500.
PARALLEL_MIN_FILES = 16
PARALLEL_MIN_BYTES = 512 * 1024
_POLL_SECONDS = 0.05
_FRAME = struct.Struct("<I")  # the length of the msgpack that follows


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
    size = _size(path)
    try:
        return Loaded(path, size, brief=load_brief(path))
    except BriefInvalid as invalid:
        errors = invalid.errors or [BriefError(path, None, None, None, "the brief is not valid")]
        return Loaded(path, size, error=errors[0], error_count=len(errors))


def _size(path: str) -> int:
    """The size of a regular file, else 0."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


def _cores() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, cores or 1)


def choose(paths: Sequence[str], strategy: Strategy = "auto") -> Strategy:
    """How ``paths`` will be loaded: "auto" picks by cores, threads, count and total size."""
    if strategy == "sequential" or not hasattr(os, "fork") or threading.active_count() > 1:
        return "sequential"
    if strategy == "processes":
        return "processes" if len(paths) > 1 and _cores() > 1 else "sequential"
    if _cores() < 2 or len(paths) < PARALLEL_MIN_FILES:
        return "sequential"
    return "processes" if sum(map(_size, paths)) >= PARALLEL_MIN_BYTES else "sequential"


class _Worker:
    """A forked process loading some of the files, and the read end of its pipe."""

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths
        read_end, write_end = os.pipe()
        # Ctrl-C is blocked across the fork, so the child ignores it before it can arrive.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.pid = os.fork()
            if self.pid == 0:
                os.close(read_end)
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
                _work(paths, write_end)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        os.close(write_end)
        os.set_blocking(read_end, False)
        self.fd: int | None = read_end
        self.buffer = bytearray()

    def read(self) -> list[bytes] | None:
        """The frames completed by what the pipe holds now; None once it has ended."""
        assert self.fd is not None
        try:
            chunk = os.read(self.fd, 1 << 20)
        except BlockingIOError:
            return []
        if not chunk:
            return None
        self.buffer += chunk
        frames = []
        while len(self.buffer) >= _FRAME.size:
            (length,) = _FRAME.unpack_from(self.buffer)
            if len(self.buffer) < _FRAME.size + length:
                break
            frames.append(bytes(self.buffer[_FRAME.size : _FRAME.size + length]))
            del self.buffer[: _FRAME.size + length]
        return frames

    def stop(self, kill: bool) -> None:
        """Close the pipe and reap the process (killed first if ``kill``)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.pid:
            if kill:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = 0


def _work(paths: list[str], fd: int) -> None:
    """In a worker: load each file and send it as a frame, then leave without any cleanup."""
    status = 1
    try:
        with os.fdopen(fd, "wb") as pipe:
            for path in paths:
                data = msgspec.msgpack.encode(load_one(path))
                pipe.write(_FRAME.pack(len(data)) + data)
        status = 0
    finally:
        os._exit(status)


def _shares(paths: Sequence[str], count: int) -> list[list[str]]:
    """``paths`` dealt to ``count`` workers, largest first to the least loaded (by bytes)."""
    shares: list[list[str]] = [[] for _ in range(count)]
    loads = [0] * count
    for size, path in sorted(((_size(path), path) for path in paths), reverse=True):
        least = loads.index(min(loads))
        shares[least].append(path)
        loads[least] += size + 1
    return shares


class Loading:
    """Files being loaded: workers start at once where it pays; ``results`` collects them."""

    def __init__(self, paths: Sequence[str], strategy: Strategy = "auto") -> None:
        self.paths = list(paths)
        self._workers: list[_Worker] = []
        if choose(self.paths, strategy) == "processes":
            try:
                for share in _shares(self.paths, min(_cores(), len(self.paths))):
                    self._workers.append(_Worker(share))
            except BaseException:
                self.stop()
                raise

    def stop(self) -> None:
        """Kill and reap every worker still running."""
        for worker in self._workers:
            worker.stop(kill=True)

    def results(
        self, *, progress: Progress | None = None, cancel: Cancel | None = None
    ) -> list[Loaded]:
        """Every file's result, in the order of ``paths``.

        Raises LoadCancelled once ``cancel`` is set; on that, Ctrl-C or any error, every worker
        is killed and reaped first.
        """
        loaded: dict[str, Loaded] = {}

        def done(result: Loaded) -> None:
            loaded[result.path] = result
            if progress is not None:
                progress(len(loaded), len(self.paths), os.path.basename(result.path))

        try:
            if self._workers:
                self._collect(done, cancel)
            for path in self.paths:  # all of them, or what a worker did not send
                if path not in loaded:
                    if cancel is not None and cancel.is_set():
                        raise LoadCancelled
                    done(load_one(path))
        finally:
            self.stop()
        return [loaded[path] for path in self.paths]

    def _collect(self, done: Callable[[Loaded], None], cancel: Cancel | None) -> None:
        """Read the workers' frames until every pipe ends."""
        gc_was_enabled = gc.isenabled()
        gc.disable()  # decoding builds many objects that cannot form cycles
        try:
            with selectors.DefaultSelector() as selector:
                for worker in self._workers:
                    assert worker.fd is not None
                    selector.register(worker.fd, selectors.EVENT_READ, worker)
                while selector.get_map():
                    if cancel is not None and cancel.is_set():
                        raise LoadCancelled
                    for key, _ in selector.select(_POLL_SECONDS):
                        frames = key.data.read()
                        if frames is None:
                            selector.unregister(key.fd)
                            key.data.stop(kill=False)
                            continue
                        for frame in frames:
                            if cancel is not None and cancel.is_set():
                                raise LoadCancelled
                            done(msgspec.msgpack.decode(frame, type=Loaded))
        finally:
            if gc_was_enabled:
                gc.enable()


def load_all(
    paths: Sequence[str],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    strategy: Strategy = "auto",
) -> list[Loaded]:
    """Load every file of ``paths``; the results in the same order (see ``Loading``)."""
    return Loading(paths, strategy).results(progress=progress, cancel=cancel)
