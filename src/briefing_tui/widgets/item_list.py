"""ItemList: one line per item, drawn with the line API: 10,000 items cost what a screenful does."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing_tui.printable import printable

Spans = Sequence[tuple[int, int]]


class ItemList(ScrollView, can_focus=True):
    """A cursor over the rows of one section; renders only the visible lines.

    Each row is an item index; `set_rows` narrows the list to a subset (filter mode) and
    `set_highlights` marks spans of a row's label (search matches).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Previous item", show=False),
        Binding("down,j", "cursor_down", "Next item", show=False),
        Binding("home,g", "cursor_first", "First item", show=False),
        Binding("end,G", "cursor_last", "Last item", show=False),
        Binding("pageup", "cursor_page_up", "Page up", show=False),
        Binding("pagedown", "cursor_page_down", "Page down", show=False),
        Binding("enter", "select", "Open item", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k | Move the cursor to the previous item. |
    | down, j | Move the cursor to the next item. |
    | home, g | Move the cursor to the first item. |
    | end, G | Move the cursor to the last item. |
    | pageup | Move the cursor up one page. |
    | pagedown | Move the cursor down one page. |
    | enter | Open the item under the cursor. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"item-list--cursor", "item-list--match"}
    """
    | Class | Description |
    | :- | :- |
    | `item-list--cursor` | The row under the cursor. |
    | `item-list--match` | Highlighted spans (search matches) in a row. |
    """

    DEFAULT_CSS = """
    ItemList {
        background: $surface;
        & > .item-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .item-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .item-list--match { background: $warning 40%; text-style: bold; }
    }
    """

    cursor: reactive[int] = reactive(0, init=False)
    """The row under the cursor (a position in the visible rows, not an item index)."""

    class _ItemMessage(Message):
        """Something happened to one item of the list."""

        def __init__(self, item_list: ItemList, index: int) -> None:
            super().__init__()
            self.item_list = item_list
            self.index = index
            """The item index (in the section)."""

        @property
        def control(self) -> ItemList:
            return self.item_list

    class Highlighted(_ItemMessage):
        """The cursor moved onto another item (`index` is the item under it)."""

    class Selected(_ItemMessage):
        """Enter (or a double click) on an item (`index` is the item chosen)."""

    def __init__(
        self,
        count: int,
        label: Callable[[int], str | Content],
        *,
        cursor: int = 0,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """A list of `count` items whose row text is `label(index)`, computed only when shown.

        A `str` label is shown literally on one line; a `Content` label is shown as it is
        (styled, and already literal). The cursor starts on row `cursor`; a Highlighted
        message announces it once mounted.
        """
        super().__init__(name=name, id=id, classes=classes)
        self._count = count
        self._label = label
        self._rows: Sequence[int] | None = None
        self._highlights: Mapping[int, Spans] = {}
        # a jump (not a step) centres its row once laid out
        self._strips: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(1024)
        self.virtual_size = Size(0, count)
        self.set_reactive(ItemList.cursor, self.validate_cursor(cursor))
        self._center_cursor = cursor > 0

    def on_mount(self) -> None:
        if self.row_count:
            self.post_message(self.Highlighted(self, self.item_at(self.cursor)))

    @property
    def row_count(self) -> int:
        """How many rows are shown (all items, or the subset)."""
        return self._count if self._rows is None else len(self._rows)

    @property
    def index(self) -> int | None:
        """The item index under the cursor, or None when the list is empty."""
        if not self.row_count:
            return None
        return self.item_at(self.cursor)

    def item_at(self, row: int) -> int:
        """The item index shown at `row`."""
        return row if self._rows is None else self._rows[row]

    def set_rows(self, rows: Sequence[int] | None) -> None:
        """Show only these item indices, in this order (None shows every item)."""
        current = self.index
        self._rows = rows
        self._strips.clear()
        self.virtual_size = Size(0, self.row_count)
        row = 0
        if current is not None and rows is not None and current in rows:
            row = list(rows).index(current)
        elif current is not None and rows is None:
            row = current
        self._move(row, force=True)
        self.refresh()

    def set_items(self, count: int, label: Callable[[int], str | Content]) -> None:
        """Replace every item with `count` new ones labelled by `label`; the cursor goes to the
        first (announced by a Highlighted message) and the subset and highlights are dropped."""
        self._count = count
        self._label = label
        self._rows = None
        self._highlights = {}
        self._strips.clear()
        self.virtual_size = Size(0, count)
        self.scroll_to(y=0, animate=False)
        self._move(0, force=True)
        self.refresh()

    def row_label(self, index: int) -> Content:
        """The label of item `index`, as literal text on one line."""
        label = self._label(index)
        return label if isinstance(label, Content) else Content(printable(label, one_line=True))

    def set_highlights(self, spans: Mapping[int, Spans]) -> None:
        """Mark spans (start, end offsets into the label) of given item indices; {} clears."""
        self._highlights = spans
        self._strips.clear()
        self.refresh()

    def select_index(self, index: int) -> None:
        """Put the cursor on an item index, centred if off screen (no move when it is not shown)."""
        self._center_cursor = True
        if self._rows is None:
            if 0 <= index < self._count:
                self._move(index)
        elif index in self._rows:
            self._move(list(self._rows).index(index))

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self.row_count - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self._scroll_to_cursor()
        if self.row_count:
            self.post_message(self.Highlighted(self, self.item_at(new)))

    def _move(self, row: int, *, force: bool = False) -> None:
        old = self.cursor
        self.cursor = row
        if force and self.cursor == old and self.row_count:
            self.post_message(self.Highlighted(self, self.item_at(self.cursor)))
            self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        if not height:
            return  # not laid out yet (or squeezed to nothing): on_resize scrolls later
        top = round(self.scroll_y)
        center, self._center_cursor = self._center_cursor, False
        if center and not top <= self.cursor < top + height:
            self.scroll_to(y=max(0, self.cursor - height // 2), animate=False)
        elif self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self._strips.clear()
        self.call_after_refresh(self._scroll_to_cursor)

    def on_focus(self) -> None:
        self.refresh_line(self.cursor)

    def on_blur(self) -> None:
        self.refresh_line(self.cursor)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = round(self.scroll_y) + y
        if row >= self.row_count or width <= 0:
            return Strip.blank(width, self.get_visual_style().rich_style)
        index = self.item_at(row)
        on_cursor = row == self.cursor
        key = (index, width, on_cursor, on_cursor and self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(index, width, on_cursor)
            self._strips[key] = strip
        return strip

    def _render_row(self, index: int, width: int, on_cursor: bool) -> Strip:
        """One row: the label, literal text, cut with an ellipsis to fit and padded by a space."""
        style = self.get_visual_style("item-list--cursor") if on_cursor else self.get_visual_style()
        label = self.row_label(index)
        spans = self._highlights.get(index)
        if spans:
            match_style = self.get_visual_style("item-list--match", partial=True)
            for start, end in spans:
                label = label.stylize(match_style, start, end)
        content = Content(" ").append(label).truncate(width, ellipsis=True, pad=True)
        return Strip(content.render_segments(style), width)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = round(self.scroll_y) + offset.y
        if row < self.row_count:
            self._move(row)
            if event.chain >= 2:
                self.action_select()

    def action_cursor_up(self) -> None:
        """Move to the previous item."""
        self._move(self.cursor - 1)

    def action_cursor_down(self) -> None:
        """Move to the next item."""
        self._move(self.cursor + 1)

    def action_cursor_first(self) -> None:
        """Move to the first item."""
        self._move(0)

    def action_cursor_last(self) -> None:
        """Move to the last item."""
        self._move(self.row_count - 1)

    def action_cursor_page_up(self) -> None:
        """Move up one screenful."""
        self._move(self.cursor - max(1, self.scrollable_content_region.height - 1))

    def action_cursor_page_down(self) -> None:
        """Move down one screenful."""
        self._move(self.cursor + max(1, self.scrollable_content_region.height - 1))

    def action_select(self) -> None:
        """Tell the pane the item under the cursor was chosen."""
        if self.row_count:
            self.post_message(self.Selected(self, self.item_at(self.cursor)))
