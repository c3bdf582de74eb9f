"""SearchView: the search bar, its results where the list was and the hit under the cursor
previewed where the detail was, shown in place of the panes while searching.

It knows nothing of the panes: it tells its screen what the reader does (the query changed, a hit
was chosen, the search was closed) and shows the result the screen hands it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from briefing_tui.model import Lookup, kind_of
from briefing_tui.printable import printable
from briefing_tui.search_history import HistoryStore, QueryHistory
from briefing_tui.search_state import detail_highlights, is_miss, overview_highlights, summary_line
from briefing_tui.widgets.search_bar import SearchBar
from briefing_tui.widgets.search_preview import SearchPreview
from briefing_tui.widgets.search_results import SearchResults

if TYPE_CHECKING:
    from briefing_tui.search import SearchResult


SEARCH_HELP: tuple[tuple[str, str], ...] = (
    ("results", "Replace the list and the detail; the hit under the cursor is previewed."),
    ("the bar", "Counts per section; a mistake in the query, explained; closest matches."),
    ("enter", "Opens the hit; on a query that finds nothing, the bar stays to edit it."),
    ("escape", "Back to the pane, item and scroll you left; again, clears the search."),
    ("n, N", "The next or previous hit; the status line says which (hit 3 of 12)."),
    ("ctrl+f", "Filter: panes, tabs and titles count what they show (2 of 4, 12 in all)."),
)
"""What the search shows and says, as the help screen lists it."""


class SearchView(Vertical):
    """The results and the preview of the hit under the cursor, above the bar; hidden until
    `open`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", show=False),
        Binding("tab,shift+tab", "to_bar", "Back to the query", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close the search (the highlights stay). |
    | tab, shift+tab | From the results back to the query. |
    """

    DEFAULT_CSS = """
    SearchView {
        display: none;
        height: 1fr;
        & > #search-main { height: 1fr; }
        & SearchResults {
            width: 2fr; min-width: 16;
            border: round $border; border-title-color: $text-accent;
        }
        & SearchPreview { width: 3fr; max-width: 86; }
    }
    """

    class QueryChanged(Message):
        """The query was typed, edited or recalled: `text` is what the bar holds now."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class HitChosen(Message):
        """Enter in the bar or the results, or a click on a row: open the result's stop `place` (the
        overview, if it matched, then the hits in order)."""

        def __init__(self, place: int) -> None:
            super().__init__()
            self.place = place
            """The stop chosen: 0 for the overview when it matched, then the hits in order."""

    class Closed(Message):
        """The reader left the search (escape, or enter on an empty query)."""

    def __init__(self, lookup: Lookup, *, id: str | None = None) -> None:
        """A view for searching the brief behind `lookup`."""
        super().__init__(id=id)
        self._lookup = lookup
        self.history = QueryHistory(store=HistoryStore())
        """The queries searched before (in this run and earlier ones), for up and down."""
        self._recalled = False  # the next Input.Changed is a recalled query, not typing
        self._filtering = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="search-main"):
            results = SearchResults(self._lookup, id="search-results")
            results.border_title = "Results"
            yield results
            yield SearchPreview(self._lookup, id="search-preview")
        yield SearchBar(id="search-bar")

    @property
    def bar(self) -> SearchBar:
        """The query bar."""
        return self.query_one(SearchBar)

    @property
    def results(self) -> SearchResults:
        """The list of hits."""
        return self.query_one(SearchResults)

    @property
    def is_open(self) -> bool:
        """Whether the bar (and the results) are on show."""
        return self.display

    @property
    def query_input(self) -> Input:
        """Where the query is typed."""
        return self.bar.input

    def open(self) -> None:
        """Show the bar and results (the screen puts the focus in `query_input`)."""
        self.display = True

    def close(self) -> None:
        """Hide the bar and results; the query joins the history (saved in a worker)."""
        if self.history.add(self.bar.input.value):
            self.run_worker(
                self.history.save, thread=True, group="search-history", exit_on_error=False
            )
        self.display = False

    @property
    def preview(self) -> SearchPreview:
        """The row under the results' cursor, in full."""
        return self.query_one(SearchPreview)

    def show_result(self, result: SearchResult | None) -> None:
        """List `result` (None: no search) and say what it found in the bar."""
        self.results.show(result)
        self.bar.set_status(summary_line(result), nothing=is_miss(result))
        if result is None:
            self.results.set_empty("Type to search every section.", "Escape goes back.")
        elif not result.query.empty:
            query = result.query.text.strip()
            hint = "Edit the query; escape goes back."
            self.results.set_empty(f"Nothing matches “{query}”.", hint)
        else:
            self.results.set_empty("Nothing to search for.", "The bar below says why.")
        if not self.results.row_count:
            self.preview.show_item(None)
            self.preview.set_title("Nothing to preview")

    def on_search_results_highlighted(self, event: SearchResults.Highlighted) -> None:
        event.stop()
        result = self.results.result
        if result is None or event.row >= result.stop_count:
            return  # about a result typed over since: the new one's message follows
        first = int(result.overview is not None)
        if event.row < first:
            self.preview.show_overview(overview_highlights(result))
            self.preview.set_title("Overview · hit 1")
            return
        hit = result.hits[event.row - first]
        item = self._lookup.item(hit.ref)
        self.preview.show_item(item, detail_highlights(item, self._lookup, hit.matches))
        kind = kind_of(item).label
        self.preview.set_title(f"{kind} {hit.ref.index + 1} · hit {event.row + 1}")

    def show_filtering(self, filtering: bool) -> None:
        """Say in the results' title whether the panes show only the items that match."""
        self._filtering = filtering
        self.results.border_title = "Results" + (" · filter on" if filtering else "")

    def clear_query(self) -> None:
        """Empty the bar, as if nothing had been typed (the history stays)."""
        self._recalled = True
        self.bar.set_query("")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "search-history" and event.state == WorkerState.ERROR:
            reason = printable(str(event.worker.error), one_line=True)
            self.notify(f"Could not save the search history: {reason}", severity="warning")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if not self._recalled:
            self.history.reset()
        self._recalled = False
        self.post_message(self.QueryChanged(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.results.row_count:
            self.post_message(self.HitChosen(self.results.cursor))
        elif not event.value.strip():
            self.post_message(self.Closed())
        else:  # as vim's "Pattern not found": the bar stays, to edit the query
            query = printable(event.value.strip(), one_line=True)
            self.bar.set_status(f"Not found: {query} — edit the query, or escape", nothing=True)

    def on_search_results_chosen(self, event: SearchResults.Chosen) -> None:
        event.stop()
        self.post_message(self.HitChosen(event.row))

    def on_search_bar_closed(self, event: SearchBar.Closed) -> None:
        event.stop()
        self.post_message(self.Closed())

    def on_search_bar_recall(self, event: SearchBar.Recall) -> None:
        event.stop()
        history = self.history
        text = history.previous(self.bar.input.value) if event.step < 0 else history.next()
        if text is not None and text != self.bar.input.value:
            self._recalled = True
            self.bar.set_query(text)

    def on_search_bar_to_results(self, event: SearchBar.ToResults) -> None:
        event.stop()
        if self.results.row_count:
            self.results.focus()

    def action_close(self) -> None:
        """Close the search (the highlights stay)."""
        self.post_message(self.Closed())

    def action_to_bar(self) -> None:
        """Move the focus back to the query."""
        self.bar.input.focus()
