"""PathLine: one line saying what happens to a file, the saying first, the path after it."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from briefing_tui.export_target import shorten_middle
from briefing_tui.printable import printable, printable_path


class PathLine(Widget):
    """ "Replaces an existing file: /home/…/reports/summit.md": what is said is never cut; a
    path too long for the line loses its middle, so its start and its file name stay.

    A `tone` of "warning" or "error" colours the line (the classes -warning, -error).
    """

    DEFAULT_CSS = """
    PathLine {
        height: 1;
        width: 1fr;
        color: $text-muted;
        &.-warning { color: $text-warning; }
        &.-error { color: $text-error; }
    }
    """

    message: reactive[str] = reactive("", layout=False)
    """The whole line, path unshortened (what the line says when there is room)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        """An empty line; `say` fills it."""
        super().__init__(id=id, classes=classes)
        self._says = ""
        self._path = ""
        self._joiner = ""
        self._file_name = ""

    def say(
        self, says: str, path: Path | None = None, *, tone: str = "", joiner: str = ": "
    ) -> None:
        """Say `says`, then `joiner` and `path` (if any), in `tone` ("", "warning", "error")."""
        self._says = printable(says, one_line=True)
        self._path = printable_path(path) if path is not None else ""
        self._file_name = printable_path(path.name) if path is not None else ""
        self.set_class(tone == "warning", "-warning")
        self.set_class(tone == "error", "-error")
        self._joiner = joiner if self._path else ""
        self.message = self._says + self._joiner + self._path

    def render(self) -> Content:
        width = self.content_region.width
        lead = self._says + self._joiner
        room = width - cell_len(lead)
        if self._path and room >= 12:
            return Content(lead + shorten_middle(self._path, room, keep_end="/" + self._file_name))
        return Content(self.message).truncate(width, ellipsis=True)
