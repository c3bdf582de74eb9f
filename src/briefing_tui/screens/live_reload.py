"""LiveReload: watches a brief's file for its screen and loads each new version off the loop.

The screen that owns it starts it on mount and stops it on unmount. A FileWatcher runs in a
thread of its own (notifications, no polling: see filewatch), not a Textual worker: it runs as
long as the screen, and waiting for the app's workers to complete must not wait for it. Each
change is loaded in that thread, with the source article the brief names, and posted to the
screen as ``Loaded`` (a valid Brief) or ``Failed`` (the one-line banner of its first error).
``reload_now`` loads the file at once, in a thread worker, for ``r`` and after the editor.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message
from textual.screen import Screen

from briefing_tui.filestate import FileState
from briefing_tui.filewatch import CHANGED, GONE, FileWatcher
from briefing_tui.model import Lookup
from briefing_tui.printable import printable_path

if TYPE_CHECKING:
    from briefing_tui.source_passages import SourceDocument


class LiveReload:
    """The live reload of one screen's brief file: its watcher, and loads of new versions."""

    class Loaded(Message):
        """A valid new version (its Lookup, built off the event loop: some 100 ms at 10,000
        items) and its source article read again (None: it names none, or it cannot be read);
        `manual` when asked for (r, the editor's return)."""

        def __init__(self, lookup: Lookup, source: SourceDocument | None, *, manual: bool) -> None:
            super().__init__()
            self.lookup = lookup
            self.source = source
            self.manual = manual

    class Failed(Message):
        """A new version that cannot be shown: `banner` says why, in one printable line."""

        def __init__(self, banner: str, *, manual: bool) -> None:
            super().__init__()
            self.banner = banner
            self.manual = manual

    class Notice(Message):
        """How the file is watched changed (polling, or not at all): one printable line."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, screen: Screen[None], path: Path, *, baseline: FileState | None) -> None:
        """Watch `path` for `screen`, reporting any change from `baseline` (None: from now)."""
        self._screen = screen
        self.path = path
        self._baseline = baseline
        self._watcher: FileWatcher | None = None
        self._thread: threading.Thread | None = None
        self._loading = threading.Lock()  # one load at a time: the later one is the latest

    def start(self) -> None:
        """Start watching, in a daemon thread (it never holds the program up as it ends)."""
        if self._watcher is None:
            self._watcher = FileWatcher(self.path, baseline=self._baseline)
            self._thread = threading.Thread(target=self._watch, name="live-reload", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop watching (promptly; a stopped LiveReload stays stopped)."""
        if self._watcher is not None:
            self._watcher.stop()

    def reload_now(self) -> None:
        """Load the file now, in a thread worker; the screen gets Loaded or Failed (manual)."""
        self._screen.run_worker(
            lambda: self._load(manual=True), thread=True, group="reload", exit_on_error=False
        )

    def _watch(self) -> None:
        assert self._watcher is not None
        for event in self._watcher:
            if event.kind == CHANGED:
                self._load(manual=False)
            elif event.kind == GONE:
                gone = f"{printable_path(self.path)} is gone: showing the last version read"
                self._screen.post_message(self.Failed(gone, manual=False))
            else:
                self._screen.post_message(self.Notice(event.message))

    def _load(self, *, manual: bool) -> None:
        # Imported here, in the thread: the loader is not needed before the first change.
        from briefing_tui.reload import ReloadFailure, reload_brief
        from briefing_tui.source_passages import source_document

        with self._loading:
            result = reload_brief(self.path)
            if isinstance(result, ReloadFailure):
                self._screen.post_message(self.Failed(result.banner, manual=manual))
            else:
                source = source_document(result, self.path)
                self._screen.post_message(self.Loaded(Lookup(result), source, manual=manual))
