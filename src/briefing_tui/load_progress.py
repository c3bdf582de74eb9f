"""A progress bar on the terminal while a library loads, once loading takes over half a second.

It is plain terminal output, written before the app takes the screen over: one line on standard
error, redrawn in place (a carriage return and erase-to-end-of-line), with a bar, how many files
are done of how many, and the name of the last one loaded. Nothing is written when standard
error is not a terminal, nor for a load that ends within ``DELAY`` seconds.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

from briefing_tui.printable import printable

DELAY = 0.5
"""Seconds of loading before the bar shows."""
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

    def __call__(self, done: int, total: int, name: str) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.start < self.delay:
            return
        if self.shown and now - self._drawn_at < _REDRAW and done < total:
            return
        self._drawn_at = now
        self.shown = True
        self.stream.write("\r\x1b[K" + progress_line(done, total, name, _width()))
        self.stream.flush()

    def clear(self) -> None:
        """Erase the bar, if it showed."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def _width() -> int:
    return shutil.get_terminal_size((80, 24)).columns


def progress_line(done: int, total: int, name: str, width: int) -> str:
    """One line, at most `width - 1` cells: "Loading [#####.....] 12/500 name.yaml"."""
    filled = _BAR * done // total if total else _BAR
    bar = "#" * filled + "." * (_BAR - filled)
    head = f"Loading [{bar}] {done}/{total} "
    room = max(0, width - 1 - len(head))
    shown = printable(name, one_line=True)
    if len(shown) > room:
        shown = "…" + shown[len(shown) - room + 1 :] if room > 1 else ""
    return head + shown
