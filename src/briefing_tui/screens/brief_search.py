"""BriefSearch: the brief screen's search — the bar and results in place of the panes, n and N,
filter mode, and the status line that says which hit is on show.

A base of BriefScreen, which owns the panes and the history; this holds what the search adds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from briefing_tui.history import Location
from briefing_tui.model import SECTIONS, ItemRef, Lookup, Section
from briefing_tui.printable import printable
from briefing_tui.widgets.brief_panes import OVERVIEW, BriefPanes, pane_label
from briefing_tui.widgets.pane_tabs import PaneTabs
from briefing_tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from briefing_tui.search import SearchResult
    from briefing_tui.search_state import SearchSession
    from briefing_tui.widgets.search_view import SearchView


class BriefSearch(Screen[None]):
    """The search of a brief screen: its state (the result, filter mode) and its actions."""

    search_result: reactive[SearchResult | None] = reactive(None, init=False)
    """The current search, updated as the reader types; None when no search is active."""
    filtering: reactive[bool] = reactive(False, init=False)
    """Whether the panes show only the items the search matches."""

    lookup: Lookup
    _search: SearchSession | None = None  # made on the first /
    _return_focus: Widget | None = None  # focused before the search bar opened
    _return_to: Location | None = None  # where the reader was when the bar opened

    @property
    def panes(self) -> BriefPanes:
        """The panes."""
        return self.query_one(BriefPanes)

    @property
    def status_line(self) -> StatusLine:
        """The line above the footer that says which hit is on show."""
        return self.query_one(StatusLine)

    def go_to(self, location: Location) -> None:
        """Show `location` without recording it in the history (the screen's)."""
        raise NotImplementedError

    def jump(self, destination: Location) -> None:
        """Go to `destination`, recording the jump in the history (the screen's)."""
        raise NotImplementedError

    async def action_search(self) -> None:
        """Open the search bar and its results in place of the panes, the focus in the bar."""
        from briefing_tui.search_state import SearchSession
        from briefing_tui.widgets.search_view import SearchView

        views = self.query(SearchView)
        if views:
            view = views.first()
        else:
            view = SearchView(self.lookup, id="search")
            await self.mount(view, after="#panes")
            self._search = SearchSession(self.lookup.brief)
            if self.search_result is not None:  # a followed tag's
                view.bar.set_query(self.search_result.query.text)
            view.show_result(self.search_result)
            view.show_filtering(self.filtering)
        if not view.is_open:
            self._return_focus = self.focused
            self._return_to = self.panes.location()
            self.query_one("#panes").display = False
            self.query_one(PaneTabs).active = ""  # the results are no pane: no tab is lit
        self.status_line.clear()
        view.open()
        self.set_focus(view.query_input)  # now, not after the queued keys: they are the query
        if self._search is not None:
            self.run_worker(self._search.prepare, thread=True, exclusive=True, group="search")

    def _search_view(self) -> SearchView | None:
        views = self.query("#search")
        if not views:
            return None  # no search yet: its module need not be imported to say so (start-up)
        from briefing_tui.widgets.search_view import SearchView

        view = views.first()
        return view if isinstance(view, SearchView) else None

    def _close_search(self, *, restore: bool = True) -> None:
        """Hide the search, show the panes again with the matches marked; unless `restore` is
        False, the reader is back where the bar opened: pane, item, scroll and focus."""
        view = self._search_view()
        if view is None or not view.is_open:
            return
        view.close()
        self.query_one("#panes").display = True
        self.query_one(PaneTabs).active = self.panes.active
        self._sync_panes()
        focus, self._return_focus = self._return_focus, None
        place, self._return_to = self._return_to, None
        if not restore:
            return
        if place is not None:
            self.go_to(place)
        if focus is not None and focus.is_attached and focus.focusable:
            focus.focus()  # queued after go_to's own focus, so it wins

    def on_search_view_query_changed(self, event: SearchView.QueryChanged) -> None:
        event.stop()
        if self.search_result is not None and event.text == self.search_result.query.text:
            return  # the bar shows the search already made (a followed tag's)
        if self._search is not None:
            self.search_result = self._search.search(event.text)

    def show_tag(self, tag: str) -> None:
        """Search for the items with exactly `tag` and show the first (a jump)."""
        from briefing_tui.tag_search import tag_result

        self.search_result = tag_result(self.lookup, tag)
        if (view := self._search_view()) is not None:
            view.bar.set_query(self.search_result.query.text)
        self._show_stop(self._first_hit(), "tag " + printable(tag, one_line=True))

    def _first_hit(self) -> int:
        """The stop of the first hit in a section (after the overview's, if it matches)."""
        result = self.search_result
        return 1 if result is not None and result.overview is not None else 0

    def on_search_view_hit_chosen(self, event: SearchView.HitChosen) -> None:
        event.stop()
        self._close_search(restore=False)
        self._show_stop(event.place)

    def on_search_view_closed(self, event: SearchView.Closed) -> None:
        event.stop()
        self._close_search()

    def watch_search_result(self, result: SearchResult | None) -> None:
        if (view := self._search_view()) is not None:
            view.show_result(result)
        if result is None:
            self.status_line.clear()
        self._sync_panes()

    def watch_filtering(self, filtering: bool) -> None:
        if (view := self._search_view()) is not None:
            view.show_filtering(filtering)
        self._sync_panes()

    def action_step_hit(self, delta: int) -> None:
        """Show the next (1) or previous (-1) match after the reader's place, in brief order,
        across all panes (the overview first, if it matches); past the last (or first), wrap
        round and say so. The status line says which it is."""
        from briefing_tui.search_state import step_stop

        result = self.search_result
        if result is None or not result.found:
            if result is None:
                self.status_line.say("No search", "/ starts one", warning=True)
            else:
                query = result.query.text.strip()
                self.status_line.say(f"Nothing found for “{query}”", "/ edits it", warning=True)
            return
        location = self.panes.location()
        section = next((s for s in SECTIONS if s == location.pane), None)
        at: ItemRef | Section | None = section  # the Overview: the top of the brief
        if section is not None and location.index is not None:
            at = ItemRef(section, location.index)
        position, wrapped = step_stop(result, delta, at)
        stop = self._first_hit() + position if position is not None else 0
        self._sync_panes()
        self._show_stop(stop, ("from the top" if delta > 0 else "from the bottom") * wrapped)

    def action_toggle_filter(self) -> None:
        """Narrow every pane to the items that match, or show them all again."""
        if not self.filtering and self.search_result is None:
            self.status_line.say("No search to filter by", "/ starts one", warning=True)
            return
        self.filtering = not self.filtering

    def action_clear_search(self) -> None:
        """Clear the search highlights and filter."""
        self.filtering = False
        self.search_result = None
        view = self._search_view()
        if view is not None:
            view.clear_query()

    def _show_stop(self, stop: int, note: str = "") -> None:
        """Show the match at `stop` (the overview's first, if it matches, then the hits) in its
        pane, the focus on it, and say on the status line which it is (and `note`)."""
        result = self.search_result
        if result is None or not 0 <= stop < result.stop_count:
            return
        position = stop - self._first_hit()
        if position < 0:
            self.jump(Location(OVERVIEW, self.panes.overview.person_index))
        else:
            ref = result.hits[position].ref
            self.jump(Location(ref.section, ref.index))
        where = "Overview" if position < 0 else ""
        notes = [part for part in (where, note, printable(result.query.text.strip())) if part]
        self.status_line.say(f"hit {stop + 1} of {result.stop_count}", " · ".join(notes))

    def _sync_panes(self) -> None:
        """Mark (and in filter mode, narrow) every pane to the current search; not while the
        search bar is open in their place (they catch up when it closes)."""
        view = self._search_view()
        if view is None or not view.is_open:
            self.panes.mark(self.search_result, self.filtering)
        self._label_tabs()

    def _label_tabs(self) -> None:
        """Count in the tabs what the panes list: in filter mode, "3 Quotes 4/12"."""
        result = self.search_result
        labels: dict[str, str] = {}
        for section in SECTIONS:
            label = pane_label(section, self.lookup)
            if self.filtering and result is not None:
                head, total = label.rsplit(" ", 1)
                label = f"{head} {result.counts[section]}/{total}"
            labels[section] = label
        self.query_one(PaneTabs).relabel(labels)
