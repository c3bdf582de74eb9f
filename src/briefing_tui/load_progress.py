"""A progress bar on the terminal while briefs load, once loading takes over half a second.

It is plain terminal output, written before the app takes the screen over: one line on standard
error, redrawn in place (a carriage return and erase-to-end-of-line), with a bar, how many files
are done of how many, and the name of the last one loaded. One brief from the command line shows
such a bar too, whose fraction is estimated from the file's size (wait_for_one). Nothing is
written when standard error is not a terminal, nor for a load that ends within ``DELAY`` seconds.
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from briefing_tui.printable import printable

if TYPE_CHECKING:
    from briefing_tui.model import Brief
    from briefing_tui.preload import Preload

DELAY = 0.5
"""Seconds of loading before the bar shows."""
LOAD_BYTES_PER_SECOND = 7_000_000
"""How fast one brief loads, about (an 7.4 MB brief of 20,000 items: 1.05 s, on a busy core)."""
_BAR = 20
_REDRAW = 0.05  # seconds between two redraws at most: a terminal is slower than a loader


class LoadProgress:
    """Called as ``progress(done, total, name)`` after each file (library.Progress)."""

    def __init__(self, stream: TextIO | None = None, *, delay: float = DELAY) -> None:
        """Progress on `stream` (standard error) from `delay` seconds after it is made."""
        self.stream = stream if stream is not None else sys.stderr
        self.start = time.monotonic()
        self.delay = delay
        self.shown = False
        self._drawn_at = 0.0
        self.enabled = self.stream.isatty()

    def __call__(self, done: int, total: int, name: str, *, counted: bool = True) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.start < self.delay:
            return
        if self.shown and now - self._drawn_at < _REDRAW and done < total:
            return
        self._drawn_at = now
        self.shown = True
        self.stream.write("\r\x1b[K" + progress_line(done, total, name, _width(), counted=counted))
        self.stream.flush()
        global _shown_on
        _shown_on = self.stream

    def clear(self) -> None:
        """Erase the bar, if it showed."""
        if self.shown:
            clear_shown()
            self.shown = False


_shown_on: TextIO | None = None  # where a bar shows now, for clear_shown


def clear_shown() -> None:
    """Erase the bar on show, if any (Ctrl-C's handler calls this before the program exits)."""
    global _shown_on
    stream, _shown_on = _shown_on, None
    if stream is not None:
        stream.write("\r\x1b[K")
        stream.flush()


def wait_for_one(
    wait: Callable[[float], bool], path: str, *, since: float, delay: float = DELAY
) -> None:
    """Wait until `wait(timeout)` says the brief at `path` is loaded; from `delay` seconds after
    `since` (a time.monotonic()), show its name, size and a bar of how far it should have got at
    the loader's usual speed (one file's parse reports nothing as it goes: the bar is an
    estimate, held short of the end)."""
    if wait(max(0.0, since + delay - time.monotonic())):
        return
    progress = LoadProgress(delay=0)
    size = _size(path)
    estimate = max(size / LOAD_BYTES_PER_SECOND, 0.1)
    name = f"{os.path.basename(path)} ({size / 1e6:.1f} MB)"
    try:
        while not wait(_REDRAW * 2):
            done = min(int(100 * (time.monotonic() - since) / estimate), 95)
            progress(done, 100, name, counted=False)
    finally:
        progress.clear()


def result_showing_progress(preload: Preload, path: str, *, since: float) -> Brief:
    """The brief `preload` loads from `path` (raising what its ``result`` raises), with a bar
    while it takes over half a second from `since`: the child's, or a thread's load if no
    child was forked (the main thread draws meanwhile)."""
    if preload.forked:
        wait_for_one(preload.wait, path, since=since)
        return preload.result()
    outcome: list[Brief | BaseException] = []

    def load() -> None:
        try:
            outcome.append(preload.result())
        except BaseException as error:  # handed to the main thread, which raises it
            outcome.append(error)

    worker = threading.Thread(target=load, name="load-brief", daemon=True)
    worker.start()

    def loaded(timeout: float) -> bool:
        worker.join(timeout)
        return not worker.is_alive()

    wait_for_one(loaded, path, since=since)
    worker.join()
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0


def _width() -> int:
    return shutil.get_terminal_size((80, 24)).columns


def progress_line(done: int, total: int, name: str, width: int, *, counted: bool = True) -> str:
    """One line, at most `width - 1` cells: "Loading [#####.....] 12/500 name.yaml" (without
    "12/500" unless `counted`)."""
    filled = _BAR * done // total if total else _BAR
    bar = "#" * filled + "." * (_BAR - filled)
    head = f"Loading [{bar}] {done}/{total} " if counted else f"Loading [{bar}] "
    room = max(0, width - 1 - len(head))
    shown = printable(name, one_line=True)
    if len(shown) > room:
        shown = "…" + shown[len(shown) - room + 1 :] if room > 1 else ""
    return head + shown
