"""BriefScreen: the panes of one brief, the history of followed links, and the brief's search."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input

from briefing_tui.history import History, Location
from briefing_tui.model import ItemRef, Lookup
from briefing_tui.screens.brief_authoring import AUTHORING_BINDINGS, SOURCE, BriefAuthoring
from briefing_tui.screens.brief_search import BriefSearch
from briefing_tui.widgets.brief_header import BriefHeader
from briefing_tui.widgets.brief_panes import OVERVIEW, PANE_TITLES, PANES, BriefPanes
from briefing_tui.widgets.overview_pane import OverviewPane
from briefing_tui.widgets.pane_tabs import PaneTabs
from briefing_tui.widgets.related_list import RelatedList, TagLink, Target
from briefing_tui.widgets.reload_banner import ReloadBanner
from briefing_tui.widgets.section_pane import SectionPane
from briefing_tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from briefing_tui.filestate import FileState

_COMMANDS = frozenset({"help", "search", "step_hit", "export", "quit_app", "show_pane"})
"""Actions of printable keys: in a text box (the search bar) those keys are text."""


class BriefScreen(BriefSearch, BriefAuthoring):
    """The panes as tabs; Enter follows a related item, backspace returns; / searches."""

    AUTO_FOCUS = "#people"  # focused as the screen is composed, not in a later refresh

    PANE_BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(number), f"show_pane('{pane}')", title, show=False, priority=True)
            for number, (pane, title) in enumerate(PANE_TITLES.items(), start=1)
        ),
        Binding("tab", "app.focus_next", "Next area", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous area", show=False),
        Binding("backspace,alt+left", "back", "Back"),
        Binding("alt+right", "forward", "Forward", show=False),
    ]
    """Moving between panes and places."""
    COMMAND_BINDINGS: ClassVar[list[BindingType]] = [
        # Priority bindings run before the next key is read: what is typed straight after `/`
        # lands in the search bar, and "3G" reaches the Quotes list.
        Binding("question_mark", "help", "Help", priority=True),
        Binding("slash", "search", "Search", priority=True),
        Binding("escape", "clear_search", "Clear"),  # offered while there is a search
        Binding("q", "quit_app", "Quit", priority=True),
        Binding("e", "export", "Export", priority=True),  # last: at 80 columns it may not fit
        Binding("n", "step_hit(1)", "Next hit", show=False, priority=True),
        Binding("N", "step_hit(-1)", "Previous hit", show=False, priority=True),
        Binding("ctrl+f", "toggle_filter", "Filter", show=False),
    ]
    """The commands of the reader."""
    BINDINGS: ClassVar[list[BindingType]] = [*PANE_BINDINGS, *COMMAND_BINDINGS, *AUTHORING_BINDINGS]
    """
    | Key(s) | Description |
    | :- | :- |
    | 1-5 | Show the Overview, Agreements, Quotes, Analysis or Questions pane. |
    | tab, shift+tab | Move the focus to the next or previous area. |
    | backspace, alt+left | Go back to where a followed link was taken. |
    | alt+right | Go forward again. |
    | ? | Show every key (f1 too, from anywhere). |
    | / | Search the brief. |
    | n, N | Show the next or previous hit of the search, across all panes. |
    | ctrl+f | Show only the items that match the search, or all again (filter mode). |
    | escape | Clear the search highlights and filter. |
    | q | Quit. |
    | e | Export the brief to Markdown. |
    | 6, r, E, s | The Source pane, reload, edit, a quote in the source (see BriefAuthoring). |
    """

    def __init__(
        self,
        lookup: Lookup,
        *,
        brief_path: Path | None = None,
        split: int | None = None,
        start: Location | None = None,
        baseline: FileState | None = None,
    ) -> None:
        """The screen for the brief behind `lookup` (read from `brief_path`, if from a file,
        whose state was `baseline` before it was read); the lists take `split` percent of the
        width (None: as the styles say); it opens at `start` (None: the Overview)."""
        super().__init__()
        self.lookup = lookup
        self.brief_path = brief_path
        self.baseline = baseline
        self._split = split
        self._start = start
        self.history = History(start or Location(OVERVIEW, 0 if lookup.brief.people else None))

    def compose(self) -> ComposeResult:
        yield BriefHeader(self.lookup.brief)
        source = self.read_source()
        yield PaneTabs(self.pane_tabs(), active=OVERVIEW, id="pane-tabs")
        yield ReloadBanner()
        yield BriefPanes(self.lookup, split=self._split, source=source, id="panes")
        yield StatusLine(id="status-line")
        yield Footer()

    def on_mount(self) -> None:
        start = self._start
        if start is None or (start.pane == OVERVIEW and not start.index):
            return  # the Overview, as composed
        if start.pane == OVERVIEW and start.index is not None:
            self.panes.overview.select_person(start.index)
        else:
            self.go_to(start)

    @property
    def active_pane(self) -> str:
        """The id of the pane on show."""
        return self.panes.active  # the tabs light none while the search results show

    def open_pane(self, pane: str, index: int | None = None, scroll: int = 0) -> SectionPane | None:
        """Show `pane` and its tab, with item `index` selected (its detail scrolled `scroll`
        lines down); its SectionPane or None."""
        section_pane = self.panes.show(pane, index, scroll=scroll)
        self.query_one(PaneTabs).active = pane
        return section_pane

    def go_to(self, location: Location) -> None:
        """Show `location`: its pane, its item selected and the focus on it (no history)."""
        if location.pane == SOURCE:
            return self.show_source_pane(location.index)
        pane = self.open_pane(location.pane, location.index, location.scroll)
        overview = self.panes.overview
        if pane is not None:
            pane.focus_main()
        elif location.index is not None:
            overview.select_person(location.index, list_items=True)
        else:
            self.set_focus(overview.people_list)

    def jump(self, destination: Location) -> None:
        """Go to `destination`, recording the jump in the history (back returns here)."""
        self.history.visit(self.panes.location(), destination)
        self.go_to(destination)
        self.refresh_bindings()

    def follow(self, target: Target) -> None:
        """Jump to an item (ItemRef), a person (by id): what they said and wrote, or the first
        item with a tag (TagLink), searching for that tag so that n and N walk its items."""
        if isinstance(target, ItemRef):
            self.jump(Location(target.section, target.index))
            return
        if isinstance(target, TagLink):
            self.show_tag(target.tag)
            return
        people = [person.id for person in self.lookup.brief.people]
        if target not in people:
            self.notify(f"Nobody with the id {target!r} in this brief.", severity="warning")
            return
        self.jump(Location(OVERVIEW, people.index(target)))

    def on_related_list_followed(self, event: RelatedList.Followed) -> None:
        event.stop()
        self.follow(event.target)

    def on_overview_pane_followed(self, event: OverviewPane.Followed) -> None:
        event.stop()
        self.follow(event.target)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _COMMANDS:  # not under a dialog, and not while typing
            return self.is_active and not isinstance(self.focused, Input)
        searching = (view := self._search_view()) is not None and view.is_open
        if action == "back":  # never offered where it would do nothing
            return self.history.can_go_back and not searching
        if action == "forward":
            return self.history.can_go_forward and not searching
        if action == "clear_search":  # escape is free for others when there is nothing to clear
            return self.search_result is not None or self.filtering
        return super().check_action(action, parameters)

    def action_show_pane(self, pane: str) -> None:
        """Show one of the panes, the focus on its list unless it is in the pane already."""
        if pane not in PANES:
            return self.action_show_source() if pane == SOURCE else None
        self._close_search(restore=False)  # a pane asked for while results show
        section_pane = self.open_pane(pane)
        shown = self.query_one(f"#{pane}-pane")
        if self.focused is not None and shown in self.focused.ancestors_with_self:
            return
        if section_pane is None:
            self.set_focus(self.panes.overview.people_list)
        else:
            section_pane.focus_main()  # now: the next key is the list's

    def action_back(self) -> None:
        """Return to the location before the last followed link."""
        location = self.history.back(self.panes.location())
        if location is not None:
            self.go_to(location)
        self.refresh_bindings()

    def action_forward(self) -> None:
        """Go to the location left by the last back."""
        location = self.history.forward(self.panes.location())
        if location is not None:
            self.go_to(location)
        self.refresh_bindings()

    def action_help(self) -> None:
        """Show every key (the help screen)."""
        self.app.push_screen(self.help_screen())

    def help_screen(self) -> Screen[None]:
        """The help: every key, then the query syntax; opened at the query syntax when the
        reader is typing a search."""
        from briefing_tui.screens.reader_help import reader_help

        typing = self.is_active and isinstance(self.focused, Input)
        return reader_help(
            [*self.COMMAND_BINDINGS, *AUTHORING_BINDINGS[1:], *self.app.BINDINGS],
            [*self.PANE_BINDINGS[:5], *AUTHORING_BINDINGS[:1], *self.PANE_BINDINGS[5:]],
            palette_key=self.app.COMMAND_PALETTE_BINDING,
            at_queries=typing,
        )

    def action_export(self) -> None:
        """Open the export dialog: the whole brief, the pane on show or the search results."""
        from briefing_tui.screens.export_screen import ExportScreen  # startup never pays for it

        self.app.push_screen(
            ExportScreen(
                self.lookup.brief,
                brief_path=self.brief_path,
                pane=self.active_pane,
                search=self.search_result,
                filtering=self.filtering,
            )
        )

    async def action_quit_app(self) -> None:
        """Quit (q; ctrl+c quits from anywhere, text boxes and dialogs included)."""
        await self.app.action_quit()
