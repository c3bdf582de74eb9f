"""ItemList: a row per item, of up to two lines, drawn with the line API: 10,000 items cost what
a screenful does (and, once, the width of every label)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from itertools import accumulate
from typing import ClassVar

from textual.binding import BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.style import Style

from briefing_tui.printable import printable
from briefing_tui.widgets.cursor_list import CursorList, cursor_bindings
from briefing_tui.widgets.row_text import RowText, row_height, row_lines
from briefing_tui.widgets.text_styles import MUTED

Spans = Sequence[tuple[int, int]]
Label = str | Content | RowText
"""A row's label: text shown literally, content shown as it is, or a text and its tail."""
_MARGIN = 1  # a cell before each line of a row


class ItemList(CursorList):
    """A cursor over the rows of one section; renders only the visible lines.

    Each row is an item index, on one line, or two when its label is longer (then cut with an
    ellipsis); `set_rows` narrows the list to a subset (filter mode) and `set_highlights` marks
    spans of a row's label (search matches).
    """

    BINDINGS: ClassVar[list[BindingType]] = cursor_bindings("item", "Open")
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k | Move the cursor to the previous item. |
    | down, j | Move the cursor to the next item. |
    | home, g | Move the cursor to the first item. |
    | end, G | Move the cursor to the last item. |
    | pageup, b | Move the cursor up one page. |
    | pagedown, space | Move the cursor down one page. |
    | ctrl+u, ctrl+d | Move the cursor up or down half a page. |
    | enter | Open the item under the cursor: its links, or what a person said. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "item-list--cursor",
        "item-list--match",
    }
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

    CURSOR_CLASS = "item-list--cursor"

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
        label: Callable[[int], Label],
        *,
        measure: Callable[[int], int] | None = None,
        cursor: int = 0,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """A list of `count` items whose row text is `label(index)`, computed only when shown.

        A `str` label is shown literally on one line; a `Content` label is shown as it is
        (styled, and already literal); a `RowText` is a text and a tail kept after it.
        `measure(index)`, if given, is the cells the label takes on one line, worked out faster
        than the label itself. The cursor starts on row `cursor`; a Highlighted message
        announces it once mounted.
        """
        super().__init__(cursor=max(0, min(cursor, count - 1)), name=name, id=id, classes=classes)
        self._count = count
        self._label = label
        self._measure = measure
        self._rows: Sequence[int] | None = None
        self._highlights: Mapping[int, Spans] = {}
        self._cells: list[int] | None = None  # each item's label width, worked out once
        self._width = 0  # the width the rows were laid out for (0: one line each)
        self._starts: list[int] = []  # each row's first line, then the end
        self._wrapped: LRUCache[tuple[int, int, bool, bool], list[Content]] = LRUCache(256)
        self._lay_out(0)

    def on_mount(self) -> None:
        if self.row_count:
            self.post_message(self.Highlighted(self, self.item_at(self.cursor)))

    @property
    def row_count(self) -> int:
        """How many rows are shown (all items, or the subset)."""
        return self._count if self._rows is None else len(self._rows)

    @property
    def line_count(self) -> int:
        return self._starts[-1]

    def row_lines(self, row: int) -> tuple[int, int]:
        return self._starts[row], self._starts[row + 1] - self._starts[row]

    def line_row(self, line: int) -> int | None:
        return bisect_right(self._starts, line) - 1

    def _lay_out(self, width: int) -> None:
        """Work out each row's lines for `width` cells (0: a line each, until it is known)."""
        self._width = width
        rows = range(self._count) if self._rows is None else self._rows
        if width <= _MARGIN:
            self._starts = list(range(len(rows) + 1))
        else:
            if self._cells is None:
                measure = self._measure or (lambda index: self.row_text(index).whole.cell_length)
                self._cells = list(map(measure, range(self._count)))
            cells, room = self._cells, width - _MARGIN
            self._starts = [0, *accumulate(row_height(cells[index], room) for index in rows)]
        self._wrapped.clear()
        self.virtual_size = Size(0, self.line_count)

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.scrollable_content_region.width
        if width != self._width:  # laid out anew (or first shown): rows fit the width drawn
            self._lay_out(width)
            self.clear_line_cache()
            self.call_after_refresh(self.scroll_to_cursor)
        return super().render_lines(crop)

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
        """Show only these item indices, in this order (None shows every item); the cursor stays
        on its item if it is still shown (announced by a Highlighted message either way)."""
        current = self.index
        self._rows = rows
        row = 0
        if current is not None and rows is not None and current in rows:
            row = list(rows).index(current)
        elif current is not None and rows is None:
            row = current
        self._lay_out(self._width)
        self.reset(self.cursor)
        self.move_cursor(row, announce=True)

    def set_items(self, count: int, label: Callable[[int], Label]) -> None:
        """Replace every item with `count` new ones labelled by `label`; the cursor goes to the
        first (announced by a Highlighted message) and the subset and highlights are dropped."""
        self._count = count
        self._label = label
        self._measure = None
        self._rows = None
        self._highlights = {}
        self._cells = None
        self._lay_out(self._width)
        self.reset(self.cursor)
        self.scroll_to(y=0, animate=False)
        self.move_cursor(0, announce=True)

    def set_highlights(self, spans: Mapping[int, Spans]) -> None:
        """Mark spans (start, end offsets into the label) of given item indices; {} clears."""
        self._highlights = spans
        self._wrapped.clear()
        self.reset(self.cursor)

    def select_index(self, index: int) -> None:
        """Put the cursor on an item index, centred if off screen (no move when it is not shown)."""
        if self._rows is None:
            if 0 <= index < self._count:
                self.move_cursor(index, center=True)
        elif index in self._rows:
            self.move_cursor(list(self._rows).index(index), center=True)

    def clear_line_cache(self) -> None:
        super().clear_line_cache()
        self._wrapped.clear()  # styled with colours that a theme switch changes

    def row_text(self, index: int) -> RowText:
        """The label of item `index`: literal text, and its tail."""
        label = self._label(index)
        if isinstance(label, RowText):
            return label
        return RowText(
            label if isinstance(label, Content) else Content(printable(label, one_line=True))
        )

    def row_label(self, index: int) -> Content:
        """The label of item `index`, as literal text on one line."""
        return self.row_text(index).whole

    def _row_content(self, index: int, width: int, on_cursor: bool) -> list[Content]:
        """The lines of item `index`'s row in `width` cells, its lead and tail dimmed (on the
        cursor's background, on its row) and search matches marked."""
        key = (index, width, on_cursor, on_cursor and self.has_focus)
        lines = self._wrapped.get(key)
        if lines is None:
            text = self.row_text(index)
            marks: list[tuple[str | Style, tuple[int, int]]]
            marks = [(MUTED, span) for span in text.dimmed()]  # against the row's background
            match = self.get_visual_style("item-list--match", partial=True)
            marks += [(match, span) for span in self._highlights.get(index, ())]
            if marks:
                whole = text.whole
                for style, (start, end) in marks:
                    whole = whole.stylize(style, start, end)
                text = text.restyled(whole)
            lines = self._wrapped[key] = row_lines(text, width - _MARGIN)
        return lines

    def render_row_line(self, line: int, row: int | None, width: int, on_cursor: bool) -> Strip:
        """A line of a row: its part of the label, after a margin, in the cursor's style on the
        cursor's row."""
        if row is None:
            return Strip.blank(width, self.get_visual_style().rich_style)
        style = self.get_visual_style(self.CURSOR_CLASS) if on_cursor else self.get_visual_style()
        lines = self._row_content(self.item_at(row), width, on_cursor)
        offset = line - self._starts[row]
        part = lines[offset] if offset < len(lines) else Content("")
        content = Content(" " * _MARGIN).append(part).truncate(width, ellipsis=True, pad=True)
        return Strip(content.render_segments(style), width)

    def cursor_moved(self, row: int) -> None:
        self.post_message(self.Highlighted(self, self.item_at(row)))

    def row_chosen(self, row: int) -> None:
        self.post_message(self.Selected(self, self.item_at(row)))
