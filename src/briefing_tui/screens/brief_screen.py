"""BriefScreen: the five panes of one brief, and the history of followed links."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Input

from briefing_tui.history import History, Location
from briefing_tui.model import KINDS, SECTIONS, ItemRef, Lookup, Section
from briefing_tui.widgets.brief_header import BriefHeader
from briefing_tui.widgets.overview_pane import OverviewPane
from briefing_tui.widgets.pane_tabs import PaneTabs
from briefing_tui.widgets.related_list import RelatedList, Target
from briefing_tui.widgets.section_pane import SectionPane

OVERVIEW = "overview"
PANE_TITLES: dict[str, str] = {OVERVIEW: "Overview"} | {kind.section: kind.title for kind in KINDS}
"""The panes by id, in tab order (the Overview, then a pane per section); keys 1, 2... pick them."""
PANES: tuple[str, ...] = tuple(PANE_TITLES)


def pane_label(pane: str, lookup: Lookup) -> str:
    """A tab's label: its key, its name and, for sections, how many items it holds."""
    number = PANES.index(pane) + 1
    if pane == OVERVIEW:
        return f"{number} Overview"
    section: Section = SECTIONS[number - 2]
    return f"{number} {PANE_TITLES[pane]} {len(lookup.brief.section(section))}"


class BriefScreen(Screen[None]):
    """The five panes as tabs; Enter follows a related item, backspace returns."""

    AUTO_FOCUS = "#people"  # focused as the screen is composed, not in a later refresh

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(number), f"show_pane('{pane}')", title, show=False, priority=True)
            for number, (pane, title) in enumerate(PANE_TITLES.items(), start=1)
        ),
        Binding("tab", "app.focus_next", "Next area", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous area", show=False),
        Binding("backspace,alt+left", "back", "Back"),
        Binding("alt+right", "forward", "Forward", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | 1-5 | Show the Overview, Agreements, Quotes, Analysis or Questions pane. |
    | tab, shift+tab | Move the focus to the next or previous area. |
    | backspace, alt+left | Go back to where a followed link was taken. |
    | alt+right | Go forward again. |
    """

    def __init__(self, lookup: Lookup) -> None:
        """The screen for the brief behind `lookup`."""
        super().__init__()
        self.lookup = lookup
        self.history = History(Location(OVERVIEW, 0 if lookup.brief.people else None))

    def compose(self) -> ComposeResult:
        yield BriefHeader(self.lookup.brief)
        labels = [(pane, pane_label(pane, self.lookup)) for pane in PANES]
        yield PaneTabs(labels, active=OVERVIEW, id="pane-tabs")
        with ContentSwitcher(initial=f"{OVERVIEW}-pane", id="panes"):
            yield OverviewPane(self.lookup, id=f"{OVERVIEW}-pane")
            for section in SECTIONS:
                yield SectionPane(section, self.lookup, id=f"{section}-pane")
        yield Footer()

    @property
    def active_pane(self) -> str:
        """The id of the pane on show."""
        return self.query_one(PaneTabs).active

    def section_pane(self, section: Section) -> SectionPane:
        """The pane of one section."""
        return self.query_one(f"#{section}-pane", SectionPane)

    @property
    def overview(self) -> OverviewPane:
        """The overview pane."""
        return self.query_one(OverviewPane)

    def location(self) -> Location:
        """Where the reader is: the active pane and its selected item (or person)."""
        pane = self.active_pane
        if pane == OVERVIEW:
            return Location(OVERVIEW, self.overview.person_index)
        return Location(pane, self.section_pane(SECTIONS[PANES.index(pane) - 1]).index)

    def open_pane(self, pane: str, index: int | None = None) -> SectionPane | None:
        """Show `pane`, built if needed, with item `index` selected; its SectionPane or None."""
        section_pane = None
        if pane in SECTIONS:
            section_pane = self.section_pane(SECTIONS[PANES.index(pane) - 1])
            if index is not None:
                section_pane.select(index)
            else:
                section_pane.build()
        self.query_one(ContentSwitcher).current = f"{pane}-pane"
        self.query_one(PaneTabs).active = pane
        return section_pane

    def go_to(self, location: Location) -> None:
        """Show `location`: its pane, its item selected and the focus on it (no history)."""
        pane = self.open_pane(location.pane, location.index)
        if pane is None:
            if location.index is not None:
                self.overview.select_person(location.index, list_items=True)
            else:
                self.set_focus(self.overview.people_list)
            return
        self.set_focus(pane.item_list)

    def follow(self, target: Target) -> None:
        """Go to an item (ItemRef) or a person (by id), recording it in the history."""
        if isinstance(target, ItemRef):
            destination = Location(target.section, target.index)
        else:
            people = [person.id for person in self.lookup.brief.people]
            if target not in people:
                self.notify(f"Nobody with the id {target!r} in this brief.", severity="warning")
                return
            destination = Location(OVERVIEW, people.index(target))
        self.history.visit(self.location(), destination)
        self.go_to(destination)
        self.refresh_bindings()

    def on_related_list_followed(self, event: RelatedList.Followed) -> None:
        event.stop()
        self.follow(event.target)

    def on_overview_pane_followed(self, event: OverviewPane.Followed) -> None:
        event.stop()
        self.follow(event.target)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_pane":
            # 1-5 are priority bindings (run before the next key is read, so "3G" lands in the
            # Quotes list), except in a text box, where they are text.
            return not isinstance(self.focused, Input)
        if action == "back":
            return self.history.can_go_back or None
        if action == "forward":
            return self.history.can_go_forward or None
        return True

    def action_show_pane(self, pane: str) -> None:
        """Show one of the five panes, the focus on its list unless it is in the pane already."""
        if pane not in PANES:
            return
        from briefing_tui.widgets.search_view import SearchView

        for search in self.query(SearchView):  # a pane asked for while results show: leave them
            search.close(restore_focus=False)
        section_pane = self.open_pane(pane)
        shown = self.query_one(f"#{pane}-pane")
        if self.focused is not None and shown in self.focused.ancestors_with_self:
            return
        if section_pane is None:
            self.set_focus(self.overview.people_list)
        else:
            self.set_focus(section_pane.item_list)  # now: the next key is the list's

    def action_back(self) -> None:
        """Return to the location before the last followed link."""
        location = self.history.back(self.location())
        if location is not None:
            self.go_to(location)
        self.refresh_bindings()

    def action_forward(self) -> None:
        """Go to the location left by the last back."""
        location = self.history.forward(self.location())
        if location is not None:
            self.go_to(location)
        self.refresh_bindings()
