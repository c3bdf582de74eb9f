"""Load a brief in a forked process while this one imports Textual.

Opening a brief costs two things that do not depend on each other: importing Textual and the app
(most of the time to first paint), and importing the loader, reading, parsing and checking the
brief. Where the system can fork and a CPU is free, a child process does the second while the
parent does the first, and hands the brief back as msgpack, which decodes in a fraction of the
time a parse takes. Otherwise, or when anything about the child goes wrong, the parent simply
loads the brief itself: the result is the same brief, or the same errors, either way.

Whether forking pays was measured by brief size (bench/bench_preload.py): it does not depend on
the size. Even the smallest brief gains, since the child also takes the import of the loader
(about 35 ms) off the parent; but on a machine whose CPUs are all busy, the child slows the
parent's import of Textual by more than it saves. So the child is started only when the load
average leaves a CPU free.

A Preload is a context manager: leaving it (normally, on an error, on Ctrl-C) kills the child if
it still runs and always reaps it, so no zombie is left.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import stat
from types import TracebackType
from typing import TYPE_CHECKING

import msgspec

from briefing_tui.model import Brief

if TYPE_CHECKING:
    from briefing_tui.loader import BriefError

_BRIEF = b"B"
_ERRORS = b"E"
_children: set[int] = set()  # children loading a brief, not yet reaped


def stop_children() -> None:
    """Kill and reap every child still loading a brief (for a program about to exit)."""
    for pid in list(_children):
        _stop(pid)


class Preload:
    """A brief being loaded from `path`; `result()` waits for it."""

    def __init__(self, path: str, *, fork: bool | None = None) -> None:
        """Start loading `path` in a child process when `fork` (None: when a CPU is free)."""
        self.path = path
        self._pid: int | None = None
        self._pipe: int | None = None
        if fork is None:
            fork = _worth_forking(path)
        if fork and hasattr(os, "fork"):
            self._fork()

    def __enter__(self) -> Preload:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.cancel()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # at interpreter exit, os may be gone already
            self.cancel()

    @property
    def forked(self) -> bool:
        """Whether a child is loading the brief (or has, and was not yet reaped)."""
        return self._pid is not None

    def _fork(self) -> None:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: load, send, and leave without running any of the parent's cleanup
            os.close(read_end)
            status = 1
            try:
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(_payload(self.path))
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        _children.add(pid)
        self._pid, self._pipe = pid, read_end

    def wait(self, timeout: float) -> bool:
        """Whether the child has sent the brief (or there is no child), waiting at most
        `timeout` seconds for it."""
        if self._pipe is None:
            return True
        ready, _, _ = select.select([self._pipe], [], [], timeout)
        return bool(ready)

    def result(self) -> Brief:
        """The loaded brief; raises the loader's BriefInvalid when it has mistakes."""
        payload = self._collect()
        if payload[:1] == _BRIEF:
            try:
                return msgspec.msgpack.decode(payload[1:], type=Brief)
            except msgspec.DecodeError:
                pass  # not what a child of ours sends: load it here
        from briefing_tui.loader import BriefError, BriefInvalid, load_brief

        if payload[:1] == _ERRORS:
            try:
                errors = msgspec.msgpack.decode(payload[1:], type=list[BriefError])
            except msgspec.DecodeError:
                return load_brief(self.path)
            raise BriefInvalid(errors)
        return load_brief(self.path)

    def _collect(self) -> bytes:
        """What the child sent, or b"" when there is no child or it did not finish its work."""
        if self._pipe is None or self._pid is None:
            return b""
        try:
            with os.fdopen(self._pipe, "rb") as pipe:
                self._pipe = None
                payload = pipe.read()
            _, status = os.waitpid(self._pid, 0)
        except BaseException:
            self.cancel()
            raise
        _children.discard(self._pid)
        self._pid = None
        return payload if os.waitstatus_to_exitcode(status) == 0 else b""

    def cancel(self) -> None:
        """Stop the child if it still runs, and reap it."""
        if self._pipe is not None:
            pipe, self._pipe = self._pipe, None
            with contextlib.suppress(OSError):
                os.close(pipe)
        if self._pid is not None:
            pid, self._pid = self._pid, None
            _stop(pid)


def _stop(pid: int) -> None:
    """Kill the child `pid` and reap it."""
    _children.discard(pid)
    with contextlib.suppress(OSError):  # it may have exited: it is reaped all the same
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _worth_forking(path: str) -> bool:
    """Whether a child would load `path` sooner: it is a file, and a CPU is free for the child."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # the loader will say what is wrong with it
    except (OSError, ValueError):
        return False
    return cpu_free()


def cpu_free() -> bool:
    """Whether, by the last minute's load average, a CPU this process may use is idle."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return cpus > 1
    return cpus > 1 and load < cpus - 1


def _payload(path: str) -> bytes:
    """The brief at `path` as msgpack behind a marker byte, or its errors."""
    from briefing_tui.loader import BriefInvalid, load_brief

    try:
        brief = load_brief(path)
    except BriefInvalid as invalid:
        errors: list[BriefError] = invalid.errors
        return _ERRORS + msgspec.msgpack.encode(errors)
    return _BRIEF + msgspec.msgpack.encode(brief)
