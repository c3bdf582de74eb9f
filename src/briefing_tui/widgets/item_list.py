"""ItemList: one line per item, drawn with the line API: 10,000 items cost what a screenful does."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.style import Style

from briefing_tui.printable import printable
from briefing_tui.widgets.cursor_list import CursorList, cursor_bindings

Spans = Sequence[tuple[int, int]]


class ItemList(CursorList):
    """A cursor over the rows of one section; renders only the visible lines.

    Each row is an item index; `set_rows` narrows the list to a subset (filter mode) and
    `set_highlights` marks spans of a row's label (search matches).
    """

    BINDINGS: ClassVar[list[BindingType]] = cursor_bindings("item", "Open item")
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
        super().__init__(cursor=max(0, min(cursor, count - 1)), name=name, id=id, classes=classes)
        self._count = count
        self._label = label
        self._rows: Sequence[int] | None = None
        self._highlights: Mapping[int, Spans] = {}
        self.virtual_size = Size(0, count)

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
        """Show only these item indices, in this order (None shows every item); the cursor stays
        on its item if it is still shown (announced by a Highlighted message either way)."""
        current = self.index
        self._rows = rows
        row = 0
        if current is not None and rows is not None and current in rows:
            row = list(rows).index(current)
        elif current is not None and rows is None:
            row = current
        self.reset(self.cursor)
        self.move_cursor(row, announce=True)

    def set_items(self, count: int, label: Callable[[int], str | Content]) -> None:
        """Replace every item with `count` new ones labelled by `label`; the cursor goes to the
        first (announced by a Highlighted message) and the subset and highlights are dropped."""
        self._count = count
        self._label = label
        self._rows = None
        self._highlights = {}
        self.reset(self.cursor)
        self.scroll_to(y=0, animate=False)
        self.move_cursor(0, announce=True)

    def set_highlights(self, spans: Mapping[int, Spans]) -> None:
        """Mark spans (start, end offsets into the label) of given item indices; {} clears."""
        self._highlights = spans
        self.reset(self.cursor)

    def select_index(self, index: int) -> None:
        """Put the cursor on an item index, centred if off screen (no move when it is not shown)."""
        if self._rows is None:
            if 0 <= index < self._count:
                self.move_cursor(index, center=True)
        elif index in self._rows:
            self.move_cursor(list(self._rows).index(index), center=True)

    def row_label(self, index: int) -> Content:
        """The label of item `index`, as literal text on one line."""
        label = self._label(index)
        return label if isinstance(label, Content) else Content(printable(label, one_line=True))

    def render_content(self, line: int, row: int | None, width: int) -> tuple[Content, Style]:
        """One row: the label, literal text, search matches marked, after a space."""
        index = self.item_at(line)  # a row is a line
        label = self.row_label(index)
        spans = self._highlights.get(index)
        if spans:
            match_style = self.get_visual_style("item-list--match", partial=True)
            for start, end in spans:
                label = label.stylize(match_style, start, end)
        return Content(" ").append(label), self.get_visual_style()

    def cursor_moved(self, row: int) -> None:
        self.post_message(self.Highlighted(self, self.item_at(row)))

    def row_chosen(self, row: int) -> None:
        self.post_message(self.Selected(self, self.item_at(row)))
