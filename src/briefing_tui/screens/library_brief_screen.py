"""LibraryBriefScreen: the reader of one brief of a library, pushed over the library.

It is the reader as it is, but for three things: the header names the brief's file; back at the
start of the history (and escape, when there is no search to clear) returns to the library,
which reopens the brief there next time; and
opened from a search across the library, n and N walk that search's hits across briefs,
handing a hit in another brief to the library to open.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType

from briefing_tui.history import Location
from briefing_tui.library import LibraryResult
from briefing_tui.model import SECTIONS, ItemRef, Lookup
from briefing_tui.printable import printable_path
from briefing_tui.screens.brief_screen import BriefScreen
from briefing_tui.widgets.brief_header import BriefHeader


class LibraryBriefScreen(BriefScreen):
    """A brief of the library in the reader; back or escape returns to the library."""

    COMMAND_BINDINGS: ClassVar[list[BindingType]] = [
        *BriefScreen.COMMAND_BINDINGS,
        Binding("escape", "leave", "Library"),  # offered when there is no search to clear
    ]
    """The commands of the reader, and the way back to the library."""
    BINDINGS: ClassVar[list[BindingType]] = [*BriefScreen.PANE_BINDINGS, *COMMAND_BINDINGS]
    """
    | Key(s) | Description |
    | :- | :- |
    | backspace, alt+left | Go back; at the start, return to the library. |
    | escape | Clear the search, or return to the library. |
    | n, N | Opened from a search of the library: the next or previous hit, across briefs. |
    """

    def __init__(
        self,
        lookup: Lookup,
        *,
        brief_path: Path,
        number: int,
        found: LibraryResult | None = None,
        open_hit: Callable[[int], None] | None = None,
        split: int | None = None,
        start: Location | None = None,
    ) -> None:
        """The reader of entry `number` of a library (its brief behind `lookup`, read from
        `brief_path`); `found` is the library search it was opened from, and `open_hit` opens
        a hit of it (a position) in another brief."""
        super().__init__(lookup, brief_path=brief_path, split=split, start=start)
        self.number = number
        self.file_name = printable_path(brief_path.name)
        """The brief's file name, which the header shows."""
        self.found = found
        self._open_hit = open_hit

    def on_mount(self) -> None:
        self.query_one(BriefHeader).file_name = self.file_name
        for name in ("search_result", "filtering"):  # escape: Clear, or else Library
            self.watch(self, name, lambda _: self.refresh_bindings(), init=False)
        if self.found is not None and len(self.found):
            from briefing_tui.search import SearchIndex

            self.search_result = SearchIndex(self.lookup.brief).search(self.found.query)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        searching = (view := self._search_view()) is not None and view.is_open
        if action == "back":  # at the start of the history, back is the way to the library
            return not searching
        if action == "leave":
            return not searching and self.search_result is None and not self.filtering
        return super().check_action(action, parameters)

    def action_back(self) -> None:
        """Return to the location before the last followed link, or to the library."""
        if self.history.can_go_back:
            super().action_back()
        else:
            self.action_leave()

    def action_leave(self) -> None:
        """Return to the library; the brief reopens where it was left."""
        from briefing_tui.places import brief_key, place_of, save_place

        if self.brief_path is not None:
            with suppress(OSError):  # a place not kept is no reason to stay
                save_place(brief_key(self.brief_path), place_of(self.panes.location(), self.lookup))
        self.dismiss()

    def _walks_library(self) -> bool:
        """Whether n and N walk the library's search: the reader has no search of its own."""
        found, result = self.found, self.search_result
        if found is None or not len(found):
            return False
        return result is None or result.query.text == found.query.text

    def action_step_hit(self, delta: int) -> None:
        """The next (1) or previous (-1) hit of the library's search, in this brief or the
        next one (which the library opens); the reader's own search, if it has one."""
        found = self.found
        if found is None or not self._walks_library():
            super().action_step_hit(delta)
            return
        location = self.panes.location()
        section = next((s for s in SECTIONS if s == location.pane), None)
        if section is not None and location.index is not None:
            ref = ItemRef(section, location.index)
            step = found.next_after if delta > 0 else found.previous_before
            position = step(self.number, ref) or 0
        else:
            before = found.hits_before(self.number, ItemRef(section or SECTIONS[0], 0))
            position = (before if delta > 0 else before - 1) % len(found)
        hit = found.hit(position)
        if hit.number != self.number and self._open_hit is not None:
            self.dismiss()
            self._open_hit(position)
            return
        self.jump(Location(hit.ref.section, hit.ref.index))
        self.app.clear_notifications()
        self.notify(f"hit {position + 1} of {len(found)}", timeout=2, markup=False)
