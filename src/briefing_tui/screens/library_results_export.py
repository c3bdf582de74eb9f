"""LibraryResultsExport: the export dialog for the hits of a search across a library.

The reader's dialog as it is (a path said as it is typed, never a file replaced without asking)
with one choice: the hits, every brief's, in one Markdown file (library/export.py).
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.content import Content
from textual.widgets import Input

from briefing_tui.files import WriteError
from briefing_tui.library import Library, LibraryResult
from briefing_tui.loader import BriefInvalid
from briefing_tui.printable import printable
from briefing_tui.screens.export_screen import ExportScope, ExportScreen

DEFAULT_NAME = "library-search.md"


class LibraryResultsExport(ExportScreen):
    """Export the hits of `result`, a search of `library`, to one Markdown file."""

    def __init__(self, library: Library, result: LibraryResult) -> None:
        """A dialog for the hits of `result` (which has some)."""
        super().__init__(library.brief(result.hit(0).number))
        self.library = library
        self.result = result
        count, briefs = len(result), len(result.groups)
        query = printable(result.query.text, one_line=True)
        label = f"The search results for “{query}”: {count} items in {briefs} briefs"
        self.scopes = [ExportScope("search", Content(label), count)]

    def on_mount(self) -> None:
        self.query_one(Input).value = DEFAULT_NAME

    @property
    def protected(self) -> list[Path]:
        """The files never written: every brief of the library."""
        return [entry.path for entry in self.library.entries]

    @work(thread=True, exclusive=True, group="export")
    def write_file(self, path: Path, scope: ExportScope, replace: bool) -> None:
        """Render and write the export; reports back with Finished."""
        from briefing_tui.library.export import results_to_markdown

        try:
            text = results_to_markdown(self.library, self.result)
        except BriefInvalid as invalid:
            reason = f"a brief can no longer be read: {invalid.errors[0].message}"
            self.post_message(self.Finished(path, scope.count, WriteError(path, reason)))
            return
        self.deliver(path, text, scope.count, replace)
