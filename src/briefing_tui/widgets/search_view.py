"""SearchView: the search bar and its results, in place of the panes while the bar is open.

It runs a search on every keystroke, opens hits in their panes, walks them with n/N, and marks
(or, in filter mode, narrows) the panes to what the search matched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from briefing_tui.model import SECTIONS, ItemRef, Lookup, Section
from briefing_tui.search_state import (
    RowHighlights,
    SearchSession,
    Spans,
    detail_highlights,
    summary_line,
)
from briefing_tui.widgets.search_bar import SearchBar
from briefing_tui.widgets.search_results import SearchResults

if TYPE_CHECKING:
    from briefing_tui.screens.brief_screen import BriefScreen
    from briefing_tui.search import Hit, SearchResult


class SearchView(Vertical):
    """The results (the main area) above the bar; hidden until `open`."""

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
        & > SearchResults { height: 1fr; border: round $border; border-title-color: $text-accent; }
    }
    """

    class ResultChanged(Message):
        """The current search result changed (None: no search is active)."""

        def __init__(self, result: SearchResult | None) -> None:
            super().__init__()
            self.result = result

    def __init__(self, session: SearchSession, *, id: str | None = None) -> None:
        """A view over `session`, the brief's search state."""
        super().__init__(id=id)
        self.session = session
        self._lookup: Lookup = session.lookup
        self._recalled = False  # the next Input.Changed is a recalled query, not typing
        self._return_focus: Widget | None = None
        self._applied: tuple[SearchResult | None, bool] = (None, False)

    def compose(self) -> ComposeResult:
        results = SearchResults(self._lookup, id="search-results")
        results.border_title = "Results"
        yield results
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

    def _screen(self) -> BriefScreen:
        return cast("BriefScreen", self.screen)

    def _panes(self) -> Widget:
        return self.screen.query_one("#panes")

    def open(self) -> None:
        """Show the bar and results in place of the panes, the focus in the query."""
        if not self.is_open:
            self._return_focus = self.screen.focused
            self._panes().display = False
            self.display = True
            self._show(self.session.result)
        # Now, not after the queued keys: what is typed next must reach the bar.
        self.screen.set_focus(self.bar.input)

    def close(self, *, restore_focus: bool = True) -> None:
        """Hide the bar and results; the panes show again, matches marked.

        The focus goes back where it was before the bar opened, unless `restore_focus` is False
        (the caller is about to put it somewhere else).
        """
        if not self.is_open:
            return
        self.session.history.add(self.bar.input.value)
        self.display = False
        self._panes().display = True
        self._sync_panes()
        focus, self._return_focus = self._return_focus, None
        if not restore_focus:
            return
        if focus is not None and focus.is_attached and focus.focusable:
            focus.focus()
        else:
            self.screen.focus_next()

    def clear(self) -> None:
        """Forget the search: highlights and filter go, and app.search_result becomes None."""
        self.session.clear()
        self._recalled = True
        self.bar.set_query("")
        self._show(None)
        self._sync_panes()

    @property
    def has_search(self) -> bool:
        """Whether a search is active (highlights or a filter to clear)."""
        return self.session.result is not None or self.session.filtering

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if not self._recalled:
            self.session.history.reset()
        self._recalled = False
        self._show(self.session.search(event.value))

    def _show(self, result: SearchResult | None) -> None:
        """Put `result` in the results and its summary in the bar; tell the app."""
        self.results.show(result)
        self.results.border_title = "Results" + (" · filter on" if self.session.filtering else "")
        self.bar.set_status(
            summary_line(result), nothing=result is not None and (not result.hits or result.fuzzy)
        )
        self.post_message(self.ResultChanged(result))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.results.row_count:
            self.open_hit(self.results.cursor)
        else:
            self.close()

    def on_search_results_chosen(self, event: SearchResults.Chosen) -> None:
        event.stop()
        self.open_hit(event.position)

    def on_search_bar_closed(self, event: SearchBar.Closed) -> None:
        event.stop()
        self.close()

    def on_search_bar_recall(self, event: SearchBar.Recall) -> None:
        event.stop()
        history = self.session.history
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
        self.close()

    def action_to_bar(self) -> None:
        """Move the focus back to the query."""
        self.bar.input.focus()

    def open_hit(self, position: int) -> None:
        """Close the bar and show the hit at `position` in its pane, matches marked."""
        hit = self.session.hit(position)
        if hit is not None:
            self.close()
            self._go_to(hit)

    def step(self, delta: int) -> None:
        """Show the next (1) or previous (-1) hit after the reader's place, in brief order,
        across all panes; past the last (or first) hit, wrap round and say so."""
        location = self._screen().location()
        section = next((s for s in SECTIONS if s == location.pane), None)
        at: ItemRef | Section | None = section  # the Overview: the top of the brief
        if section is not None and location.index is not None:
            at = ItemRef(section, location.index)
        stepped = self.session.step(delta, at)
        if stepped is None:
            result = self.session.result
            text = "Nothing matches the search." if result else "No search: / starts one."
            self.notify(text, severity="warning", timeout=3)
            return
        hit, wrapped = stepped
        self._sync_panes()
        self._go_to(hit, ("from the top" if delta > 0 else "from the bottom") if wrapped else "")

    def toggle_filter(self) -> None:
        """Narrow every pane to the items that match, or show them all again."""
        session = self.session
        if not session.filtering and session.result is None:
            self.notify("No search to filter by: / starts one.", severity="warning", timeout=3)
            return
        session.filtering = not session.filtering
        self.results.border_title = "Results" + (" · filter on" if session.filtering else "")
        if not self.is_open:
            self._sync_panes()

    def _go_to(self, hit: Hit, note: str = "") -> None:
        """Show a hit in its pane, the focus on the list, and say which hit it is (and `note`)."""
        screen = self._screen()
        pane = screen.open_pane(hit.ref.section, hit.ref.index)
        if pane is not None:
            pane.item_list.focus()
        result = self.session.result
        if result is not None and self.session.position is not None:
            self.app.clear_notifications()
            said = f"hit {self.session.position + 1} of {len(result.hits)}"
            self.notify(f"{said} · {note}" if note else said, timeout=2)

    def _sync_panes(self) -> None:
        """Mark (and in filter mode, narrow) every pane to the current result."""
        result, filtering = self.session.result, self.session.filtering
        if self._applied == (result, filtering):
            return
        was_filtering = self._applied[1]
        self._applied = (result, filtering)
        screen, lookup = self._screen(), self._lookup
        label = result.query.text.strip() if result is not None else ""
        for section in SECTIONS:
            pane = screen.section_pane(section)
            if result is None:
                pane.set_highlights({}, None)
            else:
                pane.set_highlights(
                    RowHighlights(result, section, lookup), _detail_marker(result, section, lookup)
                )
            if filtering and result is not None:
                pane.set_filter(result.indices(section), label)
            elif was_filtering and pane.is_built:
                pane.set_filter(None)


def _detail_marker(
    result: SearchResult, section: Section, lookup: Lookup
) -> Callable[[int], dict[str, Spans] | None]:
    """A function giving an item's highlights by index in `section`, None if not a hit."""

    def marker(index: int) -> dict[str, Spans] | None:
        position = result.position(ItemRef(section, index))
        if position is None:
            return None
        hit = result.hits[position]
        return detail_highlights(lookup.item(hit.ref), lookup, hit.matches)

    return marker
