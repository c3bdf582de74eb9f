"""SectionPane: one section read master-detail, the item list left and the item in full right."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content

from briefing_tui.model import SECTION_TITLES, Lookup, Section, headline
from briefing_tui.widgets.detail_pane import DetailPane, Highlights
from briefing_tui.widgets.item_list import ItemList


class SectionPane(Horizontal):
    """The items of one section; the detail follows the list's cursor."""

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

    def compose(self) -> ComposeResult:
        items, lookup = self._items, self._lookup
        yield ItemList(len(items), lambda index: headline(items[index], lookup))
        yield DetailPane(lookup)

    def on_mount(self) -> None:
        self._update_title()
        self.query_one(DetailPane).border_title = "Detail"
        self._show_detail(self.item_list.index)

    @property
    def item_list(self) -> ItemList:
        """The list of this section's items."""
        return self.query_one(ItemList)

    @property
    def detail(self) -> DetailPane:
        """The pane showing the selected item."""
        return self.query_one(DetailPane)

    @property
    def index(self) -> int | None:
        """The item index under the cursor (None for an empty section or filter)."""
        return self.item_list.index

    def select(self, index: int) -> None:
        """Put the cursor (and the detail) on item `index`."""
        self.item_list.select_index(index)
        self._show_detail(self.item_list.index)

    def set_filter(self, indices: Sequence[int] | None, label: str = "") -> None:
        """Narrow the list to `indices` (None: all), naming the filter `label` in the title."""
        self._filter_label = label if indices is not None else ""
        self.item_list.set_rows(indices)
        self._update_title()
        self._show_detail(self.item_list.index)

    def show_detail(self, highlights: Highlights | None = None) -> None:
        """Re-render the selected item, marking `highlights` (search matches by field)."""
        index = self.item_list.index
        self.detail.show(None if index is None else self._items[index], highlights=highlights)

    def _show_detail(self, index: int | None) -> None:
        if index is None:
            self.detail.show(None)
        elif self.detail.item is not self._items[index]:
            self.detail.show(self._items[index])

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
        self._show_detail(event.index)

    def on_item_list_selected(self, event: ItemList.Selected) -> None:
        event.stop()
        self._show_detail(event.index)
        related = self.detail.query_one("#related")
        if self.detail.item is not None and self.detail.item.related:
            related.focus()
        else:
            self.detail.focus()
