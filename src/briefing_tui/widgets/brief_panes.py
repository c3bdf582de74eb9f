"""BriefPanes: the overview and a pane per section, one on show at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar
from urllib.parse import urlsplit

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import ContentSwitcher

from briefing_tui.history import Location
from briefing_tui.model import (
    KINDS,
    SECTIONS,
    Brief,
    ItemRef,
    Lookup,
    Section,
    headline,
    section_kind,
)
from briefing_tui.printable import printable
from briefing_tui.widgets.overview_pane import OverviewPane
from briefing_tui.widgets.section_pane import SectionPane

if TYPE_CHECKING:
    from briefing_tui.search import SearchResult
    from briefing_tui.source_passages import SourceDocument

OVERVIEW = "overview"
WEB_SCHEMES = ("http", "https")
"""The kinds of address `o` opens: a web page, nothing the browser might run or fetch else."""
SPLIT_STEP = 5
"""How much `<` and `>` change the list's share of the width, in percent."""
SPLIT_RANGE = (15, 85)
"""The narrowest and widest the list can be made, in percent."""

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


def source_url(brief: Brief) -> str | None:
    """The brief's source address, if it is a web page (http or https) with a host."""
    url = brief.source.url if brief.source is not None else None
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in WEB_SCHEMES and parts.netloc else None


class BriefPanes(ContentSwitcher):
    """Switches between the panes; says where the reader is and marks search matches in them;
    in the section panes, sizes the list against the detail, or shows the detail alone.

    A pane's id is "overview" or its section's name; its widget's id adds "-pane".
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # The split keys are in the help (the footer has no room for them at 80 columns).
        Binding("less_than_sign", "resize_list(-1)", "Narrower list", show=False),
        Binding("greater_than_sign", "resize_list(1)", "Wider list", show=False),
        Binding("z", "detail_alone(True)", "Zoom"),
        Binding("z", "detail_alone(False)", "Unzoom"),
        Binding("y", "copy_item", "Copy"),
        Binding("o", "open_source", "Open source", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | <, > | Make the list narrower or wider (the detail takes the rest; remembered). |
    | z | Zoom: show the detail alone; unzoom: the list and the detail again. |
    | y | Copy the item on show, as the Markdown its export would be. |
    | o | Open the brief's source in the web browser. |
    """

    split: reactive[int | None] = reactive(None, init=False)
    """The list's share of a section pane's width, in percent; None for the styles' own."""
    detail_alone: reactive[bool] = reactive(False, init=False)
    """Whether the section panes show the detail alone, without the list."""

    class SplitChanged(Message):
        """The reader changed the list's share of the width (`split`, in percent)."""

        def __init__(self, split: int) -> None:
            super().__init__()
            self.split = split

    def __init__(
        self,
        lookup: Lookup,
        *,
        split: int | None = None,
        source: SourceDocument | None = None,
        id: str | None = None,
    ) -> None:
        """The panes of the brief behind `lookup`, the overview on show; the list takes `split`
        percent of a section pane's width (None: as the styles say); with `source`, a Source
        pane shows the brief's source article."""
        super().__init__(initial=f"{OVERVIEW}-pane", id=id)
        self._lookup = lookup
        self._source = source
        self._marked: tuple[SearchResult | None, bool] = (None, False)
        self.set_reactive(BriefPanes.split, split)

    def watch_split(self) -> None:
        self._lay_out()

    def watch_detail_alone(self) -> None:
        self._lay_out()
        self.refresh_bindings()

    def _lay_out(self) -> None:
        for section in SECTIONS:
            self.section_pane(section).set_layout(self.split, self.detail_alone)

    def on_mount(self) -> None:
        self._lay_out()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resize_list":  # no list on the Overview, nor when the detail is alone
            return self.active in SECTIONS and not self.detail_alone
        if action == "detail_alone":
            return self.active in SECTIONS and parameters[0] != self.detail_alone
        if action == "copy_item":
            return self.active in SECTIONS and self.location().index is not None
        if action == "open_source":
            return source_url(self._lookup.brief) is not None
        return True

    def action_resize_list(self, direction: int) -> None:
        """Make the list a step narrower (-1) or wider (1), the detail taking the rest."""
        section = next(s for s in SECTIONS if s == self.active)
        share = self.split or self.section_pane(section).list_share or 40
        low, high = SPLIT_RANGE
        share = max(low, min(high, round(share / SPLIT_STEP) * SPLIT_STEP + direction * SPLIT_STEP))
        if share != self.split:
            self.split = share
            self.post_message(self.SplitChanged(share))

    def action_copy_item(self) -> None:
        """Copy the item on show to the clipboard, as the Markdown its export would be, and
        say what was copied."""
        from briefing_tui.export import to_markdown  # not a cost of starting up

        location = self.location()
        section = next((s for s in SECTIONS if s == location.pane), None)
        if section is None or location.index is None:
            return
        ref = ItemRef(section, location.index)
        text = to_markdown(self._lookup.brief, refs=[ref])
        self.app.copy_to_clipboard(text)
        name = headline(self._lookup.item(ref), self._lookup)
        lines = text.count("\n")
        self.notify(
            printable(f"Copied as Markdown ({lines} lines): {name}", one_line=True),
            title=f"{section_kind(section).label} {ref.index + 1}",
            markup=False,
        )

    def action_open_source(self) -> None:
        """Open the brief's source (an http or https address) in the web browser."""
        url = source_url(self._lookup.brief)
        if url is not None:
            self.app.open_url(url)
            self.notify(printable(f"Opening {url}", one_line=True), markup=False)

    def action_detail_alone(self, alone: bool) -> None:
        """Show the detail alone (True), or the list and the detail again (False)."""
        self.detail_alone = alone

    def compose(self) -> ComposeResult:
        yield OverviewPane(self._lookup, id=f"{OVERVIEW}-pane")
        for section in SECTIONS:
            yield SectionPane(section, self._lookup, id=f"{section}-pane")
        if self._source is not None:
            from briefing_tui.widgets.source_view import SourceView

            yield SourceView(self._source, id="source-pane")

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

    def show(self, pane: str, index: int | None = None, *, scroll: int = 0) -> SectionPane | None:
        """Show `pane`, built if needed, with item `index` selected and its detail scrolled
        `scroll` lines down; its SectionPane or None."""
        section_pane = None
        section = next((s for s in SECTIONS if s == pane), None)
        if section is not None:
            section_pane = self.section_pane(section)
            if index is not None:
                section_pane.select(index, scroll=scroll)
            else:
                section_pane.build()
        self.current = f"{pane}-pane"
        self.refresh_bindings()
        return section_pane

    def location(self) -> Location:
        """Where the reader is: the pane on show, its selected item (or person) and how far the
        item's detail is scrolled."""
        pane = self.active
        if pane == OVERVIEW:
            return Location(OVERVIEW, self.overview.person_index)
        if pane not in SECTIONS:  # the Source pane: its passage under the cursor
            from briefing_tui.widgets.source_view import SourceView

            return Location(pane, self.query_one(f"#{pane}-pane", SourceView).cursor)
        section_pane = self.section_pane(next(s for s in SECTIONS if s == pane))
        return Location(pane, section_pane.index, section_pane.detail_scroll)

    def mark(self, result: SearchResult | None, filtering: bool) -> None:
        """Mark the matches of `result` (None: none) in every pane; with `filtering`, narrow
        each pane to its matching items."""
        from briefing_tui.search_state import RowHighlights, detail_marker, overview_highlights

        if self._marked == (result, filtering):
            return
        was_filtering = self._marked[1]
        self._marked = (result, filtering)
        self.overview.mark(overview_highlights(result))
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
