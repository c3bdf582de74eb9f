"""Export from the library: the brief under the cursor (the reader's export dialog), or the hits
of a search across the library as one Markdown file (LibraryExportScreen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_tui.loader import BriefInvalid
from briefing_tui.widgets.library_list import LibraryList
from briefing_tui.widgets.library_results import LibraryResults

if TYPE_CHECKING:
    from briefing_tui.screens.library_screen import LibraryScreen


def export_from_library(screen: LibraryScreen) -> None:
    """Open the export dialog for what `screen` shows: its search's hits, or its current brief."""
    from briefing_tui.screens.export_screen import ExportScreen

    results = screen.query_one(LibraryResults)
    found = results.result
    if results.display and found is not None:
        if not len(found) or found.fuzzy:
            screen.notify("No hits to export.", severity="warning", timeout=3)
            return
        from briefing_tui.screens.library_results_export import LibraryResultsExport

        screen.app.push_screen(LibraryResultsExport(screen.library, found))
        return
    briefs = screen.query_one(LibraryList)
    if not briefs.row_count:
        return
    number = briefs.cursor
    entry = screen.library.entries[number]
    try:
        brief = screen.library.brief(number)
    except BriefInvalid:
        screen.notify("Not a valid brief: nothing to export.", severity="warning", timeout=3)
        return
    screen.app.push_screen(ExportScreen(brief, brief_path=entry.path))
