"""SectionPane: one section read master-detail, the item list left and the item in full right."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from textual.containers import Horizontal
from textual.content import Content

from briefing_tui.model import SECTION_TITLES, Lookup, Section, section_kind
from briefing_tui.widgets.item_rows import RowSpans, item_row, item_row_cells

if TYPE_CHECKING:
    from briefing_tui.widgets.detail_pane import DetailPane, Highlights
    from briefing_tui.widgets.item_list import ItemList


class SectionPane(Horizontal):
    """The items of one section; the detail follows the list's cursor.

    Empty until `build()`: hidden panes cost nothing before the first paint.
    """

    DEFAULT_CSS = """
    SectionPane {
        & > ItemList { width: 2fr; min-width: 16; max-width: 60; border: round $border-blurred; }
        & > ItemList:focus { border: round $border; }
        & > DetailPane { width: 3fr; border: round $border-blurred; }
        & > DetailPane:focus-within { border: round $border; }
    }
    """

    def __init__(self, section: Section, lookup: Lookup, *, id: str | None = None) -> None:
        """A pane for `section` of the brief behind `lookup`."""
        super().__init__(id=id)
        self.section = section
        self._lookup = lookup
        self._items = lookup.brief.section(section)
        self._filter_label = ""
        # search matches: spans in list rows, and each item's spans in the detail
        self._row_highlights: Mapping[int, Sequence[tuple[int, int]]] = {}
        self._detail_highlights: Callable[[int], Highlights | None] | None = None
        self._list: ItemList | None = None  # nothing is built before the pane is first shown
        self._detail_pending = False  # the detail follows the cursor after the next frame
        self._detail: DetailPane | None = None
        self._split: int | None = None  # the list's share of the width, in percent
        self._alone = False  # the detail alone, the list hidden

    @property
    def is_built(self) -> bool:
        """Whether the list and the detail exist (they are built when first shown)."""
        return self._list is not None

    def build(self, index: int | None = None) -> None:
        """Create and mount the list and the detail, once, the cursor on item `index`."""
        if self._list is not None:
            return
        # Imported here: the first screen (the overview) needs neither.
        from briefing_tui.widgets.detail_pane import DetailPane
        from briefing_tui.widgets.item_list import ItemList

        items, lookup = self._items, self._lookup
        self._list = ItemList(
            len(items),
            lambda index: item_row(items[index], lookup),
            measure=lambda index: item_row_cells(items[index], lookup),
            cursor=index or 0,
        )
        self._detail = DetailPane(lookup)
        self._say_empty()
        self._detail.display = bool(items)  # nothing to detail: the list says why
        self._list.set_highlights(RowSpans(self._row_highlights, items, lookup))
        self._update_title()
        self._apply_layout()
        self.mount(self._list, self._detail)

    def set_layout(self, split: int | None, alone: bool) -> None:
        """Give the list `split` percent of the width (None: as the styles say), or hide it to
        show the detail `alone`; the focus stays in the pane."""
        self._split, self._alone = split, alone
        if self._list is None:
            return
        had_focus = self._list.has_focus
        self._apply_layout()
        if alone and had_focus:
            self.detail.focus()
        elif not alone and self.detail.has_focus_within:
            self._list.focus()

    def _apply_layout(self) -> None:
        styles = self.item_list.styles
        if self._split is None:
            styles.clear_rule("width")
            styles.clear_rule("max_width")
        else:
            styles.width = f"{self._split}%"
            styles.max_width = "100%"
        self.item_list.display = not self._alone

    @property
    def list_share(self) -> int:
        """The list's width as a percentage of the pane's (0 when hidden or not laid out)."""
        if self._list is None or not self._list.display or not self.size.width:
            return 0
        return round(self._list.outer_size.width * 100 / self.size.width)

    def focus_main(self) -> None:
        """Focus the list, or the detail when it is shown alone."""
        if self._alone:
            self.detail.focus()
        else:
            self.item_list.focus()

    @property
    def item_list(self) -> ItemList:
        """The list of this section's items (builds the pane if needed)."""
        self.build()
        assert self._list is not None
        return self._list

    @property
    def detail(self) -> DetailPane:
        """The pane showing the selected item (builds the pane if needed)."""
        self.build()
        assert self._detail is not None
        return self._detail

    @property
    def index(self) -> int | None:
        """The item index under the cursor (None for an empty section or filter)."""
        return self._list.index if self._list is not None else None

    @property
    def detail_scroll(self) -> int:
        """How many lines the detail is scrolled down (0 before the pane is built)."""
        return round(self._detail.scroll_y) if self._detail is not None else 0

    def select(self, index: int, *, scroll: int = 0) -> None:
        """Put the cursor (and the detail) on item `index`, the detail scrolled `scroll` lines
        down (once laid out)."""
        if self._list is None:
            self.build(index)
        else:
            self._list.select_index(index)
            self._show_detail(self._list.index)
        if scroll:
            detail = self.detail
            detail.call_after_refresh(detail.scroll_to, y=scroll, animate=False)

    def set_filter(self, indices: Sequence[int] | None, label: str = "") -> None:
        """Narrow the list to `indices` (None: all), naming the filter `label` in the title."""
        self._filter_label = label if indices is not None else ""
        self._say_empty()
        self.item_list.set_rows(indices)
        self._update_title()
        self._show_detail(self.item_list.index, again=True)  # its title counts anew

    def _say_empty(self) -> None:
        """What the list says when it shows nothing: that the section is empty, or that the
        filter leaves nothing of it; and what to do."""
        if self._filter_label and self._items:
            kind = section_kind(self.section).label.lower()
            what = f"No {kind} matches “{self._filter_label}”."
            self.item_list.set_empty(what, "ctrl+f shows every item; escape clears the search.")
        else:
            title = SECTION_TITLES[self.section].lower()
            what = f"This brief has no {title}."
            self.item_list.set_empty(what, "Press 1 for the overview, / to search.")

    def set_highlights(
        self,
        rows: Mapping[int, Sequence[tuple[int, int]]],
        detail: Callable[[int], Highlights | None] | None = None,
    ) -> None:
        """Mark search matches: `rows` gives spans in list rows by item index, `detail` an item's
        highlights by index (for whichever item the detail shows); ({}, None) clears them."""
        self._row_highlights, self._detail_highlights = rows, detail
        if self._list is not None:
            self._list.set_highlights(RowSpans(rows, self._items, self._lookup))
            self._show_detail(self._list.index, again=True)

    def _show_detail(self, index: int | None, *, again: bool = False) -> None:
        """Show item `index` in the detail (unless it is there already and not `again`)."""
        if index is None:
            self.detail.show(None)
            self.detail.border_title = "Nothing selected"
        elif again or self.detail.item is not self._items[index]:
            highlights = None
            if self._detail_highlights is not None:
                highlights = self._detail_highlights(index)
            self.detail.show(self._items[index], highlights=highlights)
            kind = section_kind(self.section).label
            total, shown = len(self._items), self.item_list.row_count
            if self._filter_label:  # the place within the filter, then the whole
                row = self.item_list.cursor + 1
                self.detail.border_title = f"{kind} {row} of {shown} ({total} in all)"
            else:
                self.detail.border_title = f"{kind} {index + 1} of {total}"

    def _update_title(self) -> None:
        title = SECTION_TITLES[self.section]
        shown, total = self.item_list.row_count, len(self._items)
        text = (
            f"{title} {shown}/{total}"
            if shown != total or self._filter_label
            else f"{title} {total}"
        )
        if self._filter_label:
            text += f" · filter: {self._filter_label}"
        self.item_list.border_title = Content(text)

    def on_item_list_highlighted(self, event: ItemList.Highlighted) -> None:
        event.stop()
        if self.detail.item is None:
            self._show_detail(event.index)  # the pane's first item: in its first frame
        elif not self._detail_pending:
            # The list row moves in this frame, the detail in the next; keys that come in
            # between (j held down) move the cursor only: the detail shows where it stops.
            self._detail_pending = True
            self.call_after_refresh(self._follow_cursor)

    def _follow_cursor(self) -> None:
        self._detail_pending = False
        self._show_detail(self.item_list.index)

    def on_item_list_selected(self, event: ItemList.Selected) -> None:
        event.stop()
        self._show_detail(event.index)
        links = self.detail.links
        if links.row_count:
            links.focus()
        else:
            self.detail.focus()
