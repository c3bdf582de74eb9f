"""RelatedList: an item's links under their headings, each followable with Enter or a click.

The links of an item are the person it is by, its tags, the items and people it relates to, and
the items that refer to it, grouped by kind: the detail pane lists them all in one list, so Tab
reaches every one and the cursor walks them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import ClassVar, NamedTuple, cast

from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from briefing_tui.model import ItemRef
from briefing_tui.widgets.cursor_list import CursorList, cursor_bindings
from briefing_tui.widgets.row_text import RowText, row_height, row_lines
from briefing_tui.widgets.text_styles import MUTED


class TagLink(NamedTuple):
    """A link to the items with one tag."""

    tag: str


Target = ItemRef | str | TagLink
"""Where a link leads: an item, a person by id, or a tag."""


class Link(NamedTuple):
    """One followable entry: where it leads and what it says (its lead and tail dimmed)."""

    target: Target
    label: RowText


class Heading(NamedTuple):
    """A heading over the links after it; a `minor` one names a part of a group."""

    text: str
    minor: bool = False


Line = Link | Heading


class RelatedList(CursorList):
    """Links under headings, each on one line or two (then cut); Enter (or a click) on
    one posts `RelatedList.Followed`. Drawn with the line API: a new item's links cost a repaint
    of their lines, not new widgets."""

    BINDINGS: ClassVar[list[BindingType]] = cursor_bindings("link", "Follow")
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k / down, j | Highlight the previous or next link. |
    | home, g / end, G | Highlight the first or last link. |
    | pageup, b / pagedown, space | A page up or down. |
    | ctrl+u / ctrl+d | Half a page up or down. |
    | enter | Follow the highlighted link. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "related-list--option",
        "related-list--cursor",
        "related-list--heading",
        "related-list--minor",
    }
    """
    | Class | Description |
    | :- | :- |
    | `related-list--option` | A link (its padding is the link's). |
    | `related-list--cursor` | The highlighted link. |
    | `related-list--heading` | A group's heading ("Related", "Referenced by 13"). |
    | `related-list--minor` | A heading within a group ("Quotes 3"). |
    """

    DEFAULT_CSS = """
    RelatedList {
        height: auto;
        max-height: 75%;  /* of the detail's height: its body keeps a place when it is focused */
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        color: $foreground;
        background: $surface;
        & > .related-list--option { padding: 0 1; }
        & > .related-list--heading { color: $text-accent; text-style: bold; }
        & > .related-list--minor { color: $text-muted; text-style: bold; padding: 0 1; }
        & > .related-list--cursor {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        /* No border on focus: the layout must not shift; the cursor colour shows it. */
        &:focus {
            background-tint: $foreground 5%;
            & > .related-list--cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    CURSOR_CLASS = "related-list--cursor"

    class Followed(Message):
        """A link was chosen."""

        def __init__(self, related_list: RelatedList, target: Target) -> None:
            super().__init__()
            self.related_list = related_list
            self.target = target
            """The item (ItemRef), person id or tag chosen."""

        @property
        def control(self) -> RelatedList:
            return self.related_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        """An empty list; `show_links` fills it."""
        super().__init__(id=id, classes=classes)
        self._entries: tuple[Line, ...] = ()
        self._links: list[int] = []  # the line entry of each row (a link)
        self._starts: list[int] = [0]  # each entry's first screen line, then the end
        self._width = 0  # the width the entries were wrapped to

    @property
    def targets(self) -> list[Target]:
        """Where each link leads, in order."""
        return [cast(Link, self._entries[entry]).target for entry in self._links]

    def show_links(self, lines: Sequence[Line]) -> None:
        """Replace the entries with these headings and links, highlighting the first link (the
        same entries as shown already keep their lines: only the highlight goes back up)."""
        if tuple(lines) == self._entries:
            self.move_cursor(0)
            return
        self._entries = tuple(lines)
        self._links = [n for n, line in enumerate(self._entries) if isinstance(line, Link)]
        self._wrap(self.scrollable_content_region.width)
        self.reset(0)
        self.refresh(layout=True)  # its height follows its entries
        self.scroll_to(y=0, animate=False)

    def _heights(self, width: int) -> list[int]:
        """How many lines each entry takes at `width` cells: a heading one (and a blank line
        before it, but the first), a link as many as it wraps to, padding included."""
        padding = self.get_component_styles("related-list--option").padding.width
        heights = []
        for number, line in enumerate(self._entries):
            if isinstance(line, Heading):
                heights.append(1 if line.minor or number == 0 else 2)
            elif width <= padding:  # not laid out yet: a line each until the width is known
                heights.append(1)
            else:
                heights.append(row_height(line.label.whole.cell_length, width - padding))
        return heights

    def _wrap(self, width: int) -> None:
        """Work out where each entry starts when wrapped to `width` cells."""
        self._width = width
        starts = [0]
        for height in self._heights(width):
            starts.append(starts[-1] + height)
        self._starts = starts

    @property
    def row_count(self) -> int:
        return len(self._links)

    @property
    def line_count(self) -> int:
        return self._starts[-1]

    def row_lines(self, row: int) -> tuple[int, int]:
        entry = self._links[row]
        return self._starts[entry], self._starts[entry + 1] - self._starts[entry]

    def line_row(self, line: int) -> int | None:
        entry = bisect_right(self._starts, line) - 1
        if not 0 <= entry < len(self._entries) or isinstance(self._entries[entry], Heading):
            return None
        return bisect_right(self._links, entry) - 1

    def reveal_lines(self, row: int) -> tuple[int, int]:
        """A link and, for the first of a group, the headings above it."""
        first, count = self.row_lines(row)
        entry = self._links[row]
        while entry > 0 and isinstance(self._entries[entry - 1], Heading):
            entry -= 1
        return self._starts[entry], first + count - 1

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return sum(self._heights(width))

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.scrollable_content_region.width
        if width != self._width:  # laid out anew (or first shown): wrap to the width drawn
            self._wrap(width)
            self.clear_line_cache()
            self.virtual_size = Size(0, self.line_count)
        return super().render_lines(crop)

    def render_row_line(self, line: int, row: int | None, width: int, on_cursor: bool) -> Strip:
        """A line of a link (on two lines at most, as list rows are), or of a heading."""
        entry = bisect_right(self._starts, line) - 1
        item = self._entries[entry] if 0 <= entry < len(self._entries) else None
        if isinstance(item, Heading):
            return self._heading_line(item, entry > 0 and line == self._starts[entry], width)
        if row is None or item is None:
            return Strip.blank(width, self.get_visual_style("related-list--option").rich_style)
        classes = ("related-list--option", *(("related-list--cursor",) if on_cursor else ()))
        style = self.get_visual_style(*classes)
        padding = self.get_component_styles("related-list--option").padding
        label = item.label
        if dimmed := label.dimmed():
            whole = label.whole
            for start, end in dimmed:  # against the row's background: the cursor's on its row
                whole = whole.stylize(MUTED, start, end)
            label = label.restyled(whole)
        lines = row_lines(label, width - padding.width)
        offset = line - self._starts[entry]
        part = lines[offset] if offset < len(lines) else Content("")
        text = Content(" " * padding.left).append(part).truncate(width, ellipsis=True, pad=True)
        return Strip(text.render_segments(style), width)

    def _heading_line(self, heading: Heading, gap: bool, width: int) -> Strip:
        """A line of a heading: the blank line before it (`gap`), or its text."""
        base = self.get_visual_style()
        if gap and not heading.minor:
            return Strip.blank(width, base.rich_style)
        name = "related-list--minor" if heading.minor else "related-list--heading"
        style = self.get_visual_style(name)  # its colour against the list's background
        padding = self.get_component_styles(name).padding
        text = Content(" " * padding.left + heading.text).truncate(width, ellipsis=True, pad=True)
        return Strip(text.render_segments(style), width)

    def row_chosen(self, row: int) -> None:
        self.post_message(self.Followed(self, self.targets[row]))

    def click_chooses(self, chain: int) -> bool:
        return True  # a click follows, as enter does
