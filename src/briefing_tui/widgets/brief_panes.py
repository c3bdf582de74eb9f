"""BriefPanes: the overview and a pane per section, one on show at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import ContentSwitcher

from briefing_tui.history import Location
from briefing_tui.model import SECTIONS, Lookup, Section
from briefing_tui.widgets.overview_pane import OverviewPane
from briefing_tui.widgets.section_pane import SectionPane

if TYPE_CHECKING:
    from briefing_tui.search import SearchResult

OVERVIEW = "overview"


class BriefPanes(ContentSwitcher):
    """Switches between the panes; says where the reader is and marks search matches in them.

    A pane's id is "overview" or its section's name; its widget's id adds "-pane".
    """

    def __init__(self, lookup: Lookup, *, id: str | None = None) -> None:
        """The panes of the brief behind `lookup`, the overview on show."""
        super().__init__(initial=f"{OVERVIEW}-pane", id=id)
        self._lookup = lookup
        self._marked: tuple[SearchResult | None, bool] = (None, False)

    def compose(self) -> ComposeResult:
        yield OverviewPane(self._lookup, id=f"{OVERVIEW}-pane")
        for section in SECTIONS:
            yield SectionPane(section, self._lookup, id=f"{section}-pane")

    @property
    def active(self) -> str:
        """The id of the pane on show."""
        return (self.current or f"{OVERVIEW}-pane").removesuffix("-pane")

    @property
    def overview(self) -> OverviewPane:
        """The overview pane."""
        return self.query_one(OverviewPane)

    def section_pane(self, section: Section) -> SectionPane:
        """The pane of one section."""
        return self.query_one(f"#{section}-pane", SectionPane)

    def show(self, pane: str, index: int | None = None) -> SectionPane | None:
        """Show `pane`, built if needed, with item `index` selected; its SectionPane or None."""
        section_pane = None
        section = next((s for s in SECTIONS if s == pane), None)
        if section is not None:
            section_pane = self.section_pane(section)
            if index is not None:
                section_pane.select(index)
            else:
                section_pane.build()
        self.current = f"{pane}-pane"
        return section_pane

    def location(self) -> Location:
        """Where the reader is: the pane on show and its selected item (or person)."""
        pane = self.active
        if pane == OVERVIEW:
            return Location(OVERVIEW, self.overview.person_index)
        section = next(s for s in SECTIONS if s == pane)
        return Location(pane, self.section_pane(section).index)

    def mark(self, result: SearchResult | None, filtering: bool) -> None:
        """Mark the matches of `result` (None: none) in every pane; with `filtering`, narrow
        each pane to its matching items."""
        from briefing_tui.search_state import RowHighlights, detail_marker

        if self._marked == (result, filtering):
            return
        was_filtering = self._marked[1]
        self._marked = (result, filtering)
        label = result.query.text.strip() if result is not None else ""
        for section in SECTIONS:
            pane = self.section_pane(section)
            if result is None:
                pane.set_highlights({}, None)
            else:
                rows = RowHighlights(result, section, self._lookup)
                pane.set_highlights(rows, detail_marker(result, section, self._lookup))
            if filtering and result is not None:
                pane.set_filter(result.indices(section), label)
            elif was_filtering and pane.is_built:
                pane.set_filter(None)
