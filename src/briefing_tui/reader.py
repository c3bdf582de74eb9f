"""`briefing [PATH]`: load a brief and run the reader on it, or print why it cannot be opened.

Both ways in, the fast one in launch.py and click's `open` command in cli.py, call `open_brief`,
so they cannot disagree. The brief is loaded (in a forked child where that pays, see preload.py)
while Textual is imported, and checked before the terminal is taken over: a brief with mistakes
prints them and exits 1 with the screen untouched.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path

EXIT_INVALID = 1
"""An invalid brief or a refused action."""
EXIT_INTERRUPTED = 130
"""Ctrl-C, as shells report SIGINT (128 + 2)."""


def open_brief(path: str | None) -> int:
    """Open the brief at `path` (the bundled summit brief if None; a folder: the library of its
    briefs) in the reader; the exit status.

    A brief with mistakes prints them, one line each, and gives 1 before the terminal is taken over.
    """
    if path is not None and os.path.isdir(path):  # a folder of briefs: a library
        from briefing_tui.library_reader import open_library_reader

        return open_library_reader([path])
    from briefing_tui.collector import pause_for_start
    from briefing_tui.preload import Preload
    from briefing_tui.resources import SUMMIT_BRIEF, bundled

    pause_for_start()  # the app resumes the collector after its first paint
    brief_path = path if path is not None else str(bundled("briefs") / SUMMIT_BRIEF)
    from briefing_tui.filestate import FileState

    baseline = FileState.of(brief_path)  # before loading: a save while it loads is reloaded
    # A terminal, or a web page: `briefing serve` runs the reader under Textual's web driver.
    terminal = (sys.stdin.isatty() and sys.stdout.isatty()) or "TEXTUAL_DRIVER" in os.environ
    started = time.monotonic()
    with Preload(brief_path) as preload:  # loads while Textual is imported below
        if terminal:
            from briefing_tui.app import BriefingApp
            from briefing_tui.load_progress import result_showing_progress
        try:
            if terminal:  # a bar, if it takes over half a second
                brief = result_showing_progress(preload, brief_path, since=started)
            else:
                brief = preload.result()
        except Exception as error:
            from briefing_tui.loader import BriefInvalid

            if not isinstance(error, BriefInvalid):
                raise
            print_errors([str(line) for line in error.errors])
            return EXIT_INVALID
    if not terminal:
        print_errors(
            [
                "briefing: error: the reader needs a terminal "
                "(use `briefing export` to get the brief as text)"
            ]
        )
        return EXIT_INVALID
    # From here Ctrl-C is a key of the app; a SIGINT sent from outside ends it the usual way.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    app = BriefingApp(brief, brief_path=Path(brief_path), baseline=baseline)
    try:
        app.run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return app.return_code or 0  # 1 after an unexpected error, which the app has reported


def print_errors(lines: Sequence[str]) -> None:
    """Print lines on standard error."""
    for line in lines:
        print(line, file=sys.stderr)
