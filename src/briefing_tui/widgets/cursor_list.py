"""CursorList: the base of the line-API lists with a cursor (items, people, search results).

It owns what every such list does: the cursor and its keys, scrolling the cursor into view,
paging, clicks, and a cache of rendered lines cleared whenever styles change (a theme switch
repaints with the new colours). Moving the cursor repaints the lines of two rows, nothing else.

Lines are virtual (counted from the top of the list, not the screen) and belong to rows, the
places the cursor can stand: a subclass maps one to the other (`row_lines`, `line_row`), so a row
may span several lines and a line may belong to no row (a heading). By default each row is one
line.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style


def cursor_bindings(noun: str, select: str) -> list[BindingType]:
    """The keys of a cursor list whose rows are called `noun`; enter is described by `select`."""
    return [
        Binding("up,k", "cursor_up", f"Previous {noun}", show=False),
        Binding("down,j", "cursor_down", f"Next {noun}", show=False),
        Binding("home,g", "cursor_first", f"First {noun}", show=False),
        Binding("end,G", "cursor_last", f"Last {noun}", show=False),
        Binding("pageup,b", "cursor_page_up", "Page up", show=False),
        Binding("pagedown,space", "cursor_page_down", "Page down", show=False),
        Binding("ctrl+u", "cursor_half_page(-1)", "Half a page up", show=False),
        Binding("ctrl+d", "cursor_half_page(1)", "Half a page down", show=False),
        Binding("enter", "select", select),
    ]


class CursorList(ScrollView, can_focus=True):
    """Rows under a cursor, drawn a line at a time; only the lines on screen are rendered.

    A subclass names its keys with `cursor_bindings` (its rows are items, hits...) and its
    cursor's component class in CURSOR_CLASS.
    """

    CURSOR_CLASS: ClassVar[str] = ""
    """The component class that styles the row under the cursor (set by each subclass)."""

    cursor: reactive[int] = reactive(0, init=False, repaint=False)
    """The row under the cursor."""

    def __init__(
        self,
        *,
        cursor: int = 0,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """A list whose cursor starts on row `cursor` (centred on screen when it is not 0)."""
        super().__init__(name=name, id=id, classes=classes)
        self._lines: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(1024)
        self._center_cursor = cursor > 0  # a jump (not a step) centres its row once laid out
        self._laid_out_rows: Size | None = None  # the virtual size at the last layout
        self._empty: list[Content] = []  # what the list says when it has no rows
        self.set_reactive(CursorList.cursor, cursor)

    # --- what a subclass says ---------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows the cursor can stand on."""
        return 0

    @property
    def line_count(self) -> int:
        """How many lines the list has."""
        return self.row_count

    def row_lines(self, row: int) -> tuple[int, int]:
        """The first line of `row`, and how many lines it has."""
        return row, 1

    def line_row(self, line: int) -> int | None:
        """The row that `line` belongs to, or None for a line of no row."""
        return line

    def reveal_lines(self, row: int) -> tuple[int, int]:
        """The first and last lines to bring into view with `row` (its own, by default)."""
        first, count = self.row_lines(row)
        return first, first + count - 1

    def render_content(self, line: int, row: int | None, width: int) -> tuple[Content, Style]:
        """What `line` (of `row`, if any) shows in `width` cells, and its base style."""
        return Content(""), self.get_visual_style()

    def cursor_moved(self, row: int) -> None:
        """Called when the cursor lands on `row` (not for an empty list)."""

    def row_chosen(self, row: int) -> None:
        """Called on enter over `row`, or a click that chooses it (see `click_chooses`)."""

    def click_chooses(self, chain: int) -> bool:
        """Whether a click (`chain` 2 for a double click) chooses the row as well as moving."""
        return chain >= 2

    # --- the cursor ---------------------------------------------------------------------------

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self.row_count - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_rows(old, new)
        self.scroll_to_cursor()
        if self.row_count:
            self.cursor_moved(new)

    def move_cursor(self, row: int, *, center: bool = False, announce: bool = False) -> None:
        """Put the cursor on `row` (clamped); `center` it if it is off screen; with `announce`,
        call `cursor_moved` even when the cursor stays where it is."""
        self._center_cursor = center
        old = self.cursor
        self.cursor = row
        if announce and self.cursor == old and self.row_count:
            self.scroll_to_cursor()
            self.cursor_moved(self.cursor)

    def reset(self, cursor: int = 0) -> None:
        """The rows changed: drop every rendered line, size the list anew, put the cursor on
        `cursor` without announcing it, and repaint."""
        self.clear_line_cache()
        self.virtual_size = Size(0, self.line_count)
        self.set_reactive(CursorList.cursor, self.validate_cursor(cursor))
        self.refresh()

    def clear_line_cache(self) -> None:
        """Forget every rendered line (the rows will be drawn anew when next shown)."""
        self._lines.clear()

    def refresh_rows(self, *rows: int) -> None:
        """Repaint the lines of these rows (those on screen), and only those."""
        for row in rows:
            if 0 <= row < self.row_count:
                self.refresh_lines(*self.row_lines(row))

    def scroll_to_cursor(self) -> None:
        """Scroll just enough for the cursor's lines to show; centre it after a jump."""
        height = self.scrollable_content_region.height
        if not height or not self.row_count:
            return  # not laid out yet (or squeezed to nothing): on_resize scrolls later
        top, bottom = self.reveal_lines(self.cursor)
        scroll = self.scroll_offset.y
        center, self._center_cursor = self._center_cursor, False
        if center and not (scroll <= top and bottom < scroll + height):
            self.scroll_to(y=max(0, top - height // 2), animate=False)
        elif top < scroll:
            self.scroll_to(y=top, animate=False)
        elif bottom >= scroll + height:
            self.scroll_to(y=bottom - height + 1, animate=False)

    # --- drawing -----------------------------------------------------------------------------

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # A layout passes a line-API widget its own size as its virtual size, which a ScrollView
        # ignores but takes for a change: its scrollbar would repaint after every layout of the
        # screen (a frame of its own). Only a change of size, room or rows is one.
        if self.virtual_size != self._laid_out_rows:
            self._laid_out_rows = self.virtual_size
            return super()._size_updated(size, virtual_size, container_size, layout)
        return super()._size_updated(size, self.virtual_size, container_size, layout)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.clear_line_cache()  # rendered with the old styles (a theme switch, a focus change)

    def on_resize(self, event: events.Resize) -> None:
        self.clear_line_cache()
        self.call_after_refresh(self.scroll_to_cursor)

    def on_focus(self) -> None:
        self.refresh_rows(self.cursor)

    def on_blur(self) -> None:
        self.refresh_rows(self.cursor)

    def set_empty(self, what: str, hint: str = "") -> None:
        """Say `what` is empty and `hint`, what to do, in place of the rows when there are none."""
        from briefing_tui.widgets.empty_state import empty_state_text

        self._empty = empty_state_text(what, hint).split("\n")
        self.refresh()

    def render_line(self, y: int) -> Strip:
        if not self.row_count and self._empty:
            return self._render_empty(y)
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        if line >= self.line_count or width <= 0:
            return Strip.blank(width, self.get_visual_style().rich_style)
        row = self.line_row(line)
        on_cursor = row is not None and row == self.cursor
        key = (line, width, on_cursor, on_cursor and self.has_focus)
        strip = self._lines.get(key)
        if strip is None:
            strip = self._lines[key] = self.render_row_line(line, row, width, on_cursor)
        return strip

    def _render_empty(self, y: int) -> Strip:
        """Line `y` of what the list says when it has no rows (see `set_empty`)."""
        width = self.scrollable_content_region.width
        lines = [line for said in self._empty for line in said.wrap(max(1, width - 2))]
        said = lines[y - 1] if 0 < y <= len(lines) else Content("")
        content = Content("  ").append(said).truncate(width, ellipsis=True, pad=True)
        return Strip(content.render_segments(self.get_visual_style()), width)

    def render_row_line(self, line: int, row: int | None, width: int, on_cursor: bool) -> Strip:
        """Draw `line` (of `row`, if any): by default, what `render_content` gives, cut to one
        line, in the cursor's style on the cursor's row."""
        content, style = self.render_content(line, row, width)
        if on_cursor:
            style = self.get_visual_style(self.CURSOR_CLASS)
        content = content.truncate(width, ellipsis=True, pad=True)
        return Strip(content.render_segments(style), width)

    # --- input -------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = self.scroll_offset.y + offset.y
        row = self.line_row(line) if line < self.line_count else None
        if row is not None:
            self.move_cursor(row)
            if self.click_chooses(event.chain):
                self.row_chosen(row)

    def action_cursor_up(self) -> None:
        """Move to the previous row."""
        self.move_cursor(self.cursor - 1)

    def action_cursor_down(self) -> None:
        """Move to the next row."""
        self.move_cursor(self.cursor + 1)

    def action_cursor_first(self) -> None:
        """Move to the first row."""
        self.move_cursor(0)

    def action_cursor_last(self) -> None:
        """Move to the last row."""
        self.move_cursor(self.row_count - 1)

    def action_cursor_page_up(self) -> None:
        """Move up one screenful."""
        self.move_cursor(self.cursor - self._page())

    def action_cursor_page_down(self) -> None:
        """Move down one screenful."""
        self.move_cursor(self.cursor + self._page())

    def action_cursor_half_page(self, direction: int) -> None:
        """Move half a screenful down (1) or up (-1)."""
        self.move_cursor(self.cursor + direction * max(1, self._page() // 2))

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_select(self) -> None:
        """Choose the row under the cursor."""
        if self.row_count:
            self.row_chosen(self.cursor)
