"""SearchResults: every hit of a search, grouped by section, drawn with the line API.

A search may match 10,000 items: rows are worked out (headline, matches, snippet) only when drawn.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing_tui.model import SECTION_TITLES, SECTIONS, Lookup, Section, headline
from briefing_tui.printable import printable
from briefing_tui.search_state import context_match, headline_spans

if TYPE_CHECKING:
    from briefing_tui.search import SearchResult


class SearchResults(ScrollView, can_focus=True):
    """The hits of a result: a heading row per section with hits, then one row per hit.

    A hit's row is its headline, matches marked, then a line of context around a match
    elsewhere in the item (its summary, a detail, a tag...).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Previous hit", show=False),
        Binding("down,j", "cursor_down", "Next hit", show=False),
        Binding("home,g", "cursor_first", "First hit", show=False),
        Binding("end,G", "cursor_last", "Last hit", show=False),
        Binding("pageup", "cursor_page(-1)", "Page up", show=False),
        Binding("pagedown", "cursor_page(1)", "Page down", show=False),
        Binding("enter", "choose", "Open hit", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k | Move to the previous hit. |
    | down, j | Move to the next hit. |
    | home, g | Move to the first hit. |
    | end, G | Move to the last hit. |
    | pageup, pagedown | Move one page up or down. |
    | enter | Open the hit in its pane. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "search-results--cursor",
        "search-results--heading",
        "search-results--match",
        "search-results--context",
    }
    """
    | Class | Description |
    | :- | :- |
    | `search-results--cursor` | The hit under the cursor. |
    | `search-results--heading` | A section's heading row. |
    | `search-results--match` | Matching words. |
    | `search-results--context` | The line of context after a headline. |
    """

    DEFAULT_CSS = """
    SearchResults {
        background: $surface;
        & > .search-results--cursor { background: $block-cursor-blurred-background; }
        &:focus > .search-results--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .search-results--heading { color: $text-accent; text-style: bold; }
        & > .search-results--match { background: $warning 40%; text-style: bold; }
        & > .search-results--context { color: $text-muted; }
    }
    """

    cursor: reactive[int] = reactive(0, init=False)
    """The position, in the result's hits, of the hit under the cursor."""

    class Chosen(Message):
        """Enter or a click on a hit."""

        def __init__(self, results: SearchResults, position: int) -> None:
            super().__init__()
            self.results = results
            self.position = position
            """The hit's position in the result's hits."""

        @property
        def control(self) -> SearchResults:
            return self.results

    def __init__(self, lookup: Lookup, *, id: str | None = None) -> None:
        """An empty list of results for the brief `lookup` resolves."""
        super().__init__(id=id)
        self._lookup = lookup
        self._result: SearchResult | None = None
        self._starts: list[int] = []  # the heading row of each section shown
        self._sections: list[Section] = []
        self._offsets: list[int] = []  # each shown section's first position in the hits
        self._strips: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(256)

    @property
    def result(self) -> SearchResult | None:
        """The result shown."""
        return self._result

    @property
    def hit_count(self) -> int:
        """How many hits are listed."""
        return len(self._result.hits) if self._result is not None else 0

    def show(self, result: SearchResult | None) -> None:
        """List the hits of `result` (None: nothing), the cursor on the first."""
        self._result = result
        self._starts, self._sections, self._offsets = [], [], []
        row = offset = 0
        for section in SECTIONS:
            count = result.counts[section] if result is not None else 0
            if count:
                self._starts.append(row)
                self._sections.append(section)
                self._offsets.append(offset)
                row += count + 1
                offset += count
        self._strips.clear()
        self.virtual_size = Size(0, row)
        self.set_reactive(SearchResults.cursor, 0)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def row_of(self, position: int) -> int:
        """The row showing the hit at `position`."""
        group = bisect_right(self._offsets, position) - 1
        return self._starts[group] + 1 + position - self._offsets[group]

    def _at_row(self, row: int) -> tuple[Section, int | None]:
        """The section of a row, and the hit's position (None for a heading)."""
        group = bisect_right(self._starts, row) - 1
        inside = row - self._starts[group]
        position = self._offsets[group] + inside - 1 if inside else None
        return self._sections[group], position

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self.hit_count - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        if not self.hit_count:
            return
        self.refresh_line(self.row_of(old) - round(self.scroll_y))
        row = self.row_of(new)
        self.refresh_line(row - round(self.scroll_y))
        # the first hit of a section brings its heading into view too
        self.scroll_to_region_rows(row - 1 if row - 1 in self._starts else row, row)

    def scroll_to_region_rows(self, top: int, bottom: int) -> None:
        """Scroll just enough for rows top to bottom to show."""
        height = self.scrollable_content_region.height
        if not height:
            return
        scroll = round(self.scroll_y)
        if top < scroll:
            self.scroll_to(y=top, animate=False)
        elif bottom >= scroll + height:
            self.scroll_to(y=bottom - height + 1, animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self._strips.clear()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = round(self.scroll_y) + y
        if self._result is None or row >= self.virtual_size.height or width <= 0:
            return Strip.blank(width, self.get_visual_style().rich_style)
        section, position = self._at_row(row)
        on_cursor = position is not None and position == self.cursor
        key = (row, width, on_cursor, on_cursor and self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(section, position, width, on_cursor)
            self._strips[key] = strip
        return strip

    def _render_row(
        self, section: Section, position: int | None, width: int, cursor: bool
    ) -> Strip:
        assert self._result is not None
        if position is None:
            count = self._result.counts[section]
            style = self.get_visual_style("search-results--heading")
            content = Content(f" {SECTION_TITLES[section]} {count}")
        else:
            style = (
                self.get_visual_style("search-results--cursor")
                if cursor
                else self.get_visual_style()
            )
            content = self._hit_line(position, width)
        content = content.truncate(width, ellipsis=True, pad=True)
        return Strip(content.render_segments(style), width)

    def _hit_line(self, position: int, width: int) -> Content:
        """A hit's row: its headline with matches marked, then a match elsewhere in context."""
        assert self._result is not None
        hit = self._result.hits[position]
        item = self._lookup.item(hit.ref)
        matches = hit.matches
        marked = self.get_visual_style("search-results--match", partial=True)
        line = Content(printable(headline(item, self._lookup), one_line=True))
        for start, end in headline_spans(item, self._lookup, matches):
            line = line.stylize(marked, start, end)
        context = context_match(item, self._lookup, matches)
        if context is None:
            return Content("   ").append(line)
        from briefing_tui.snippet import snippet

        title_width = max(16, (width - 3) * 2 // 5)
        line = line.truncate(title_width, ellipsis=True)
        label = f"  {context.field}: "
        room = width - 3 - line.cell_length - len(label)
        text, spans = snippet(context, max(room, 0))
        muted = self.get_visual_style("search-results--context", partial=True)
        context_line = Content(printable(text, one_line=True)).stylize(muted)
        for start, end in spans:
            context_line = context_line.stylize(marked, start, end)
        return Content.assemble("   ", line, Content(label).stylize(muted), context_line)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self._result is None:
            return
        row = round(self.scroll_y) + offset.y
        if row < self.virtual_size.height:
            _, position = self._at_row(row)
            if position is not None:
                self.cursor = position
                self.post_message(self.Chosen(self, position))

    def action_cursor_up(self) -> None:
        """Move to the previous hit."""
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        """Move to the next hit."""
        self.cursor += 1

    def action_cursor_first(self) -> None:
        """Move to the first hit."""
        self.cursor = 0

    def action_cursor_last(self) -> None:
        """Move to the last hit."""
        self.cursor = self.hit_count - 1

    def action_cursor_page(self, direction: int) -> None:
        """Move a screenful up (-1) or down (1)."""
        self.cursor += direction * max(1, self.scrollable_content_region.height - 2)

    def action_choose(self) -> None:
        """Open the hit under the cursor."""
        if self.hit_count:
            self.post_message(self.Chosen(self, self.cursor))
