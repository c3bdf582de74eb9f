"""Watches one brief file and says when what it holds has changed: for the reader's live reload.

``FileWatcher(path)`` is a blocking iterator of ``WatchEvent``s, meant for a thread worker::

    @work(thread=True, exclusive=True, group="watch")
    def watch_brief(self) -> None:
        for event in self.watcher:  # ends once watcher.stop() is called
            self.post_message(self.BriefChanged(event))

and ``watcher.stop()`` (from any thread) ends it within about 50 ms. The watcher uses watchfiles
(inotify on Linux, FSEvents on macOS; no polling) on the file's *folder*, filtered to the file's
name, so the saves of vim, VS Code and JetBrains (a new file renamed over the old one) are seen.
A burst of writes is one event; a write that leaves the content as it was (``touch``, a reader
opening it) is none. When the folder itself goes away, the nearest folder above it is watched
until it is back. On a network file system, or when notifications cannot be had, it polls
every half second and says so in a notice. Pure standard library and watchfiles, no Textual.
"""

from __future__ import annotations

import concurrent.futures.thread  # noqa: F401  (its exit hook must be registered before ours)
import contextlib
import os
import threading
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import watchfiles

from briefing_tui.filestate import FileState
from briefing_tui.mounts import polling_reason
from briefing_tui.printable import printable, printable_path

__all__ = ["CHANGED", "GONE", "NOTICE", "FileWatcher", "WatchEvent"]

CHANGED: Literal["changed"] = "changed"
GONE: Literal["gone"] = "gone"
NOTICE: Literal["notice"] = "notice"

QUIET_MS = 50  # a burst ends after this long without a write; also how soon stop() is seen
BURST_MS = 400  # a burst that goes on longer is reported anyway, and again after it ends
SAFETY_MS = 1000  # how often a cheap stat double-checks the file between notifications
GONE_GRACE_S = 0.1  # an editor may delete the file before writing its new version
POLL_MS = 500
FALLBACK_S = 2.0


@dataclass(frozen=True, slots=True)
class WatchEvent:
    """What happened to the watched file.

    ``changed``: it holds something else now (new content, or it became unreadable or readable
    again): load it. ``gone``: no file at the path any more (deleted, renamed away, its folder
    removed); it is still watched, and ``changed`` follows when it is back. ``notice``: how it
    is watched has changed (polling, or no watching at all); ``message`` says so, printable.
    """

    kind: Literal["changed", "gone", "notice"]
    message: str = ""


# A thread worker runs in an executor whose threads Python joins at exit: a watcher left
# running would keep the program alive. Each live watcher is stopped first (hooks run last
# registered first, so this one runs before the executor's, imported just above it).
_LIVE: weakref.WeakSet[FileWatcher] = weakref.WeakSet()
_exiting = threading.Event()


def _stop_all() -> None:
    _exiting.set()
    for watcher in list(_LIVE):
        watcher.stop()


_register_at_exit = getattr(threading, "_register_atexit", None)
if _register_at_exit is not None:
    _register_at_exit(_stop_all)


@dataclass(frozen=True, slots=True)
class _Plan:
    """Which folders to watch for the file, and which changed paths there concern it."""

    targets: frozenset[str]  # the path, and where it leads when it is a symbolic link
    roots: tuple[str, ...]  # each target's folder, or the nearest one above it that exists
    identities: tuple[tuple[int, int], ...]  # a root replaced by another folder needs a new watch

    @classmethod
    def of(cls, path: str) -> _Plan:
        targets = frozenset({path, os.path.realpath(path)})
        roots = tuple(sorted({_nearest_folder(os.path.dirname(target)) for target in targets}))
        return cls(targets, roots, tuple(_identity(root) for root in roots))

    def concerns(self, _change: watchfiles.Change, changed: str) -> bool:
        """Whether a change at `changed` may touch a target: a target, or a folder on the way."""
        prefix = changed.rstrip(os.sep) + os.sep
        return changed in self.targets or any(t.startswith(prefix) for t in self.targets)


def _nearest_folder(folder: str) -> str:
    while not os.path.isdir(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    return folder


def _identity(folder: str) -> tuple[int, int]:
    try:
        info = os.stat(folder)
    except OSError:
        return (0, 0)
    return (info.st_dev, info.st_ino)


class FileWatcher:
    """Iterate to wait for changes to one file; ``stop()`` from any thread ends the iteration."""

    def __init__(self, path: str | os.PathLike[str], *, baseline: FileState | None = None) -> None:
        """Watch the file at `path`, reporting any change from `baseline`.

        `baseline` is the state the caller has shown: take ``FileState.of(path)`` *before*
        loading the file, and a change made while it loads is reported. Without it, the state
        now is the baseline.
        """
        self.path = os.path.abspath(os.fspath(path))
        self._state = baseline if baseline is not None else FileState.of(self.path)
        self._stop = threading.Event()
        self._polling: str | None = None  # why notifications are not used, once we know
        self._noticed = ""
        self._watching = False  # the current watch has delivered at least once
        _LIVE.add(self)
        if _exiting.is_set():  # made as the program ends
            self.stop()

    @property
    def state(self) -> FileState:
        """The state last reported (or the baseline)."""
        return self._state

    def stop(self) -> None:
        """End the iteration (promptly, from any thread); a stopped watcher stays stopped."""
        self._stop.set()

    def __iter__(self) -> Iterator[WatchEvent]:
        failures = 0
        while not self._stop.is_set():
            plan = _Plan.of(self.path)
            if self._polling is None:
                self._polling = next(filter(None, map(polling_reason, plan.roots)), None)
            yield from self._notice(plan)
            yield from self._check()
            self._watching = False
            try:
                yield from self._follow(plan)
            except FileNotFoundError:  # a folder went away as the watch started: plan again
                self._stop.wait(QUIET_MS / 1000)
            except (OSError, RuntimeError) as exc:  # no notifications here, or a broken watch
                failures = 0 if self._watching else failures + 1
                if failures < 2:  # e.g. the kernel's event queue overflowed: watch again
                    self._stop.wait(QUIET_MS / 1000)
                elif self._polling is None:
                    self._polling = f"notifications failed: {printable(str(exc), one_line=True)}"
                else:
                    yield from self._fall_back(plan, exc)
                    return

    def _follow(self, plan: _Plan) -> Iterator[WatchEvent]:
        """Events until the plan no longer holds (a folder on the way came or went)."""
        batches = watchfiles.watch(
            *plan.roots,
            watch_filter=plan.concerns,
            debounce=BURST_MS,
            step=QUIET_MS,
            stop_event=self._stop,
            # watchfiles' polling compares mtimes in whole seconds: a second save within the
            # same second would go unseen but for the stat check at each timeout.
            rust_timeout=POLL_MS if self._polling else SAFETY_MS,
            yield_on_timeout=True,
            raise_interrupt=False,
            force_polling=True if self._polling else None,
            poll_delay_ms=POLL_MS,
            recursive=False,
        )
        with contextlib.closing(batches):
            for batch in batches:
                if _Plan.of(self.path) != plan:
                    return
                # The first look after the watch starts also covers the moment before it.
                yield from self._check(full=bool(batch) or not self._watching)
                self._watching = True

    def _check(self, *, full: bool = True) -> Iterator[WatchEvent]:
        """A ``changed`` or ``gone`` event if the file's state differs from the last reported."""
        state = FileState.of(self.path, previous=None if full else self._state)
        if not state.exists and self._state.exists:
            if self._stop.wait(GONE_GRACE_S):
                return
            state = FileState.of(self.path)
        changed = state != self._state
        self._state = state
        if changed:
            yield WatchEvent(CHANGED if state.exists else GONE)

    def _notice(self, plan: _Plan) -> Iterator[WatchEvent]:
        if self._polling is None:
            return
        folders = ", ".join(printable_path(root) for root in plan.roots)
        message = f"watching {folders} by polling every {POLL_MS / 1000:g} s: {self._polling}"
        if message != self._noticed:
            self._noticed = message
            yield WatchEvent(NOTICE, message)

    def _fall_back(self, plan: _Plan, exc: BaseException) -> Iterator[WatchEvent]:
        """Neither notifications nor watchfiles' polling: look at the file every few seconds."""
        folders = ", ".join(printable_path(root) for root in plan.roots)
        reason = printable(str(exc), one_line=True)
        yield WatchEvent(
            NOTICE, f"cannot watch {folders} ({reason}): checking every {FALLBACK_S:g} s"
        )
        while not self._stop.wait(FALLBACK_S):
            yield from self._check(full=False)
