"""`briefing DIR` and `briefing PATH PATH...`: load a library and run the reader on it.

The briefs are loaded (by worker processes, where that pays, while the app is imported) before
the terminal is taken over, with a progress bar on standard error
once that takes over half a second (load_progress.py). Ctrl-C while they load stops every worker
and exits with status 130, no traceback; an unreadable or invalid file never stops the others:
it is listed with its first error.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Sequence

from briefing_tui.printable import printable_path
from briefing_tui.reader import EXIT_INTERRUPTED, EXIT_INVALID, print_errors


def open_library_reader(paths: Sequence[str]) -> int:
    """Open the briefs in `paths` (folders and files) as a library in the reader; the exit
    status (1 when nothing there is a brief, 130 on Ctrl-C while loading)."""
    from briefing_tui.library import LibraryLoading, LoadCancelled
    from briefing_tui.load_progress import LoadProgress

    terminal = (sys.stdin.isatty() and sys.stdout.isatty()) or "TEXTUAL_DRIVER" in os.environ
    if not terminal:
        print_errors(["briefing: error: the reader needs a terminal (briefing validate PATH...)"])
        return EXIT_INVALID
    cancel = threading.Event()
    signal.signal(signal.SIGINT, lambda signum, frame: cancel.set())
    progress = LoadProgress()
    loading = LibraryLoading(paths)  # workers parse while the app is imported
    try:
        from briefing_tui.app import BriefingApp

        library = loading.finish(progress=progress, cancel=cancel)
    except LoadCancelled:
        return EXIT_INTERRUPTED
    finally:
        loading.stop()
        progress.clear()
    if cancel.is_set():
        return EXIT_INTERRUPTED
    if not len(library):
        named = ", ".join(printable_path(path) for path in paths)
        print_errors([f"briefing: error: no briefs (*.yaml, *.yml) in {named}"])
        return EXIT_INVALID
    # From here Ctrl-C is a key of the app; a SIGINT sent from outside ends it the usual way.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    app = BriefingApp(None, library=library)
    try:
        app.run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return app.return_code or 0
