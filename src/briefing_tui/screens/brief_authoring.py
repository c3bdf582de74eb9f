"""BriefAuthoring: what the brief screen does for the brief's author, as the base of BriefScreen.

The brief's file is watched while the screen is mounted: a valid new version takes the place of
the one on show, keeping the pane, the item (by id, else by position), the detail's scroll, the
history and the search; an invalid one leaves the last good version on show under a banner
that gives the first error, until the file is fixed. `r` reloads by hand, `E` opens the editor
at the item on show, and the Source pane (`6`) shows the article that the quotes quote.
"""

from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Input

from briefing_tui.history import History, Location
from briefing_tui.model import Lookup
from briefing_tui.printable import printable
from briefing_tui.widgets.brief_header import BriefHeader
from briefing_tui.widgets.brief_panes import PANES, BriefPanes, pane_label
from briefing_tui.widgets.pane_tabs import PaneTabs
from briefing_tui.widgets.reload_banner import ReloadBanner
from briefing_tui.widgets.source_view import SourceView

if TYPE_CHECKING:
    from textual.reactive import reactive

    from briefing_tui.filestate import FileState
    from briefing_tui.screens.live_reload import LiveReload
    from briefing_tui.search import SearchResult
    from briefing_tui.search_state import SearchSession
    from briefing_tui.source_passages import SourceDocument

SOURCE = "source"
"""The Source pane's id."""
_ACTIONS = frozenset({"reload", "edit_brief", "show_source", "show_in_source"})
"""Actions of printable keys: in a text box (the search bar) those keys are text."""


AUTHORING_BINDINGS: list[BindingType] = [
    Binding("6", "show_source", "Source", show=False, priority=True),
    Binding("r", "reload", "Reload", show=False),
    Binding("E", "edit_brief", "Edit"),
    Binding("s", "show_in_source", "In source"),
]
"""BriefScreen's last bindings: at 80 columns the footer has no room for them (the help has).

| Key(s) | Description |
| :- | :- |
| 6 | Show the Source pane: the article, every quoted passage lit (when the brief has one). |
| r | Reload the brief from its file (it reloads by itself when the file changes). |
| E | Edit the brief in $VISUAL or $EDITOR, at the item on show; reload on return. |
| s | On a quote: show its passage in the Source pane. |
"""


class BriefAuthoring(Screen[None]):
    """Live reload, the editor and the Source pane; BriefScreen is the rest of the reader."""

    if TYPE_CHECKING:  # BriefScreen's
        lookup: Lookup
        brief_path: Path | None
        history: History
        baseline: FileState | None
        search_result: reactive[SearchResult | None]
        _search: SearchSession | None
        _return_to: Location | None

        @property
        def panes(self) -> BriefPanes: ...
        @property
        def active_pane(self) -> str: ...
        def go_to(self, location: Location) -> None: ...
        def jump(self, destination: Location) -> None: ...
        def _close_search(self, *, restore: bool = True) -> None: ...
        async def action_search(self) -> None: ...

    _live: LiveReload | None = None
    _pending: LiveReload.Loaded | None = None  # the version to show next, while one is put in place
    versions_shown = 0
    """How many new versions of the brief have taken the place of the one on show."""
    source: SourceDocument | None = None
    """The brief's source article and its quoted passages; None without a readable one."""

    def read_source(self) -> SourceDocument | None:
        """The brief's source document, read now (None: no source file, or unreadable)."""
        source = self.lookup.brief.source
        if self.brief_path is None or source is None or source.file is None:
            return None  # most briefs: start-up need not import the quote matcher
        from briefing_tui.source_passages import source_document

        self.source = source_document(self.lookup.brief, self.brief_path)
        return self.source

    def pane_tabs(self) -> list[tuple[str, str]]:
        """The tabs: the five panes, and the Source pane when there is a source."""
        tabs = [(pane, pane_label(pane, self.lookup)) for pane in PANES]
        if self.source is not None:
            tabs.append((SOURCE, f"{len(PANES) + 1} Source {len(self.source.passages)}"))
        return tabs

    def on_mount(self) -> None:
        if self.brief_path is None:
            return
        if self.baseline is None:  # a change from now on is seen, though watched a little later
            from briefing_tui.filestate import FileState

            self.baseline = FileState.of(self.brief_path)
        self.call_after_refresh(self._watch)  # after the first paint: the loader is imported

    def _watch(self) -> None:
        """Watch the brief's file (from `baseline`: a change since it was read is not missed)."""
        from briefing_tui.screens.live_reload import LiveReload

        if self.brief_path is not None and self.is_attached and self._live is None:
            self._live = LiveReload(self, self.brief_path, baseline=self.baseline)
            self._live.start()

    def on_unmount(self) -> None:
        if self._live is not None:
            self._live.stop()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _ACTIONS and (not self.is_active or isinstance(self.focused, Input)):
            return False  # under a dialog, or typing
        if action in ("reload", "edit_brief"):
            return self.brief_path is not None and not (action == "edit_brief" and self.app.is_web)
        if action == "show_source":
            return self.source is not None
        if action == "show_in_source":
            return self.source is not None and self.active_pane == "quotes"
        return True

    # --- live reload -------------------------------------------------------------------------

    async def on_live_reload_loaded(self, event: LiveReload.Loaded) -> None:
        event.stop()
        busy, self._pending = self._pending is not None, event
        while not busy and self._pending is not None:  # a version that came meanwhile is next
            shown = self._pending
            same = shown.lookup.brief == self.lookup.brief and shown.source == self.source
            try:
                if not same:  # r on an unchanged file, a save that changed nothing shown
                    await self.show_brief(shown.lookup, shown.source)
            except NoMatches:  # the screen was taken down meanwhile (the reader quit)
                return
            if self._pending is shown:
                self._pending = None
        self.query_one(ReloadBanner).message = ""
        if event.manual:
            self.notify("Reloaded", timeout=2)

    def on_live_reload_failed(self, event: LiveReload.Failed) -> None:
        event.stop()
        self.query_one(ReloadBanner).message = event.banner
        if event.manual:
            self.notify(printable(event.banner, one_line=True), severity="error", markup=False)

    def on_live_reload_notice(self, event: LiveReload.Notice) -> None:
        event.stop()
        self.notify(printable(event.text, one_line=True), severity="warning", markup=False)

    async def show_brief(self, lookup: Lookup, source: SourceDocument | None) -> None:
        """Show the brief behind `lookup` (a new version of the one on show, with its `source`
        article) where the reader was in the old."""
        brief = lookup.brief
        from briefing_tui.reload import Relocation

        relocation = Relocation(self.lookup.brief, brief)

        def moved(location: Location) -> Location:
            if location.pane == SOURCE:
                return location
            index = relocation.index(location.pane, location.index)
            return Location(location.pane, index, location.scroll if index is not None else 0)

        here = moved(self.panes.location())
        self.history.relocate(moved)
        if self._return_to is not None:  # where escape returns from the search's results
            self._return_to = moved(self._return_to)
        old = self.panes
        self.lookup = lookup
        self.source = source
        await self._replace(BriefHeader(brief), PaneTabs(self.pane_tabs(), active=here.pane))
        panes = BriefPanes(self.lookup, split=old.split, source=self.source, id="panes")
        panes.set_reactive(BriefPanes.detail_alone, old.detail_alone)
        panes.display = old.display
        await old.remove()
        await self.mount(panes, after=self.query_one(ReloadBanner))
        if here.pane == SOURCE and self.source is None:
            here = Location("overview")
        self.go_to(here)
        await self._search_again()  # after go_to: a search bar open takes the focus back
        self.versions_shown += 1

    async def _replace(self, header: BriefHeader, tabs: PaneTabs) -> None:
        await self.query_one(BriefHeader).remove()
        await self.mount(header, before=self.query_one(PaneTabs))
        tabs.id = "pane-tabs"
        await self.query_one(PaneTabs).remove()
        await self.mount(tabs, after=header)

    async def _search_again(self) -> None:
        """Run the search on show again on the new version (its bar, if open, is rebuilt)."""
        from briefing_tui.search_state import SearchSession
        from briefing_tui.widgets.search_view import SearchView

        query = self.search_result.query.text if self.search_result is not None else ""
        views = self.query(SearchView)
        was_open = bool(views) and views.first().is_open
        await views.remove()
        self._search = SearchSession(self.lookup.brief) if views else None
        self.search_result = SearchSession(self.lookup.brief).search(query) if query else None
        if was_open:
            await self.action_search()
            field = self.query_one(SearchView).query_input
            # After its focus selects the query (a key would replace it): the reader is typing.
            field.call_later(field.action_end)

    def action_reload(self) -> None:
        """Reload the brief from its file now."""
        self._watch()  # typed before the watch began
        if self._live is not None:
            self._live.reload_now()

    # --- the editor --------------------------------------------------------------------------

    def action_edit_brief(self) -> None:
        """Open the brief in the user's editor at the item on show; reload on return."""
        from briefing_tui.editor import NoEditor, editor_command, item_position

        self._watch()  # typed before the watch began
        if self.brief_path is None or self._live is None:
            return
        location = self.panes.location()
        line, column = item_position(self.brief_path, location.pane, location.index) or (None, None)
        try:
            command = editor_command(self.brief_path, line, column)
        except NoEditor as error:
            self.notify(printable(str(error), one_line=True), severity="warning", markup=False)
            return
        try:
            with contextlib.ExitStack() as stack:
                # Headless, there is no terminal to hand over (and E is not offered on the web).
                with contextlib.suppress(SuspendNotSupported):
                    stack.enter_context(self.app.suspend())
                failed = subprocess.run(command, check=False).returncode
        except OSError as error:  # the editor would not start
            failed = 1
            reason = printable(str(error), one_line=True)
            self.notify(f"The editor did not run: {reason}", severity="error", markup=False)
        self.refresh()
        if failed == 0:
            self._live.reload_now()

    # --- the Source pane ---------------------------------------------------------------------

    def action_show_source(self, quote: int | None = None) -> None:
        """Show the Source pane, the focus in it; at quote `quote`'s passage if given."""
        if self.source is None:
            return
        self._close_search(restore=False)
        passage = self.source.passage_of(quote) if quote is not None else None
        self.go_to(Location(SOURCE, passage))

    def show_source_pane(self, passage: int | None) -> None:
        """Show the Source pane with the cursor on `passage` (None: where it was)."""
        view = self.query_one(SourceView)
        self.panes.current = f"{SOURCE}-pane"
        self.query_one(PaneTabs).active = SOURCE
        if passage is not None:
            view.cursor = passage
        self.set_focus(view)

    def action_show_in_source(self) -> None:
        """Jump from the quote on show to its passage in the Source pane."""
        location = self.panes.location()
        if self.source is None or location.index is None:
            return
        passage = self.source.passage_of(location.index)
        if passage is None:
            self.notify("This quote is not found in the source.", severity="warning", timeout=3)
            return
        if not self.source.passages[passage].exact:
            self.notify("Misquoted: marked where it departs from the source.", timeout=3)
        self.jump(Location(SOURCE, passage))

    def on_source_view_quote_chosen(self, event: SourceView.QuoteChosen) -> None:
        event.stop()
        self.jump(Location("quotes", event.quote))
