"""RelatedList: the items and people an item relates to, each followable with Enter."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import ClassVar, cast

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.visual import Padding, Visual

from briefing_tui.model import ItemRef, Lookup, headline, section_kind
from briefing_tui.printable import printable
from briefing_tui.widgets.cursor_list import CursorList
from briefing_tui.widgets.text_styles import MUTED

Target = ItemRef | str
"""Where a related entry leads: an item, or a person by id."""


def describe_target(target: Target, lookup: Lookup) -> Content:
    """One literal line naming a target: its section (or "Person") and its headline."""
    if isinstance(target, ItemRef):
        text = headline(lookup.item(target), lookup)
        label = section_kind(target.section).label
    else:
        person = lookup.people.get(target)
        text = person.name if person else target
        if person and person.role:
            text = f"{text} — {person.role}"
        label = "Person"
    return Content.assemble((f"{label}: ", MUTED), printable(text, one_line=True))


class RelatedList(CursorList):
    """Lists targets, each wrapped onto as many lines as it needs; Enter (or a click) on one
    posts `RelatedList.Followed`. Drawn with the line API: a new item's targets cost a repaint
    of their lines, not new widgets."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Previous", show=False),
        Binding("down,j", "cursor_down", "Next", show=False),
        Binding("home,g", "cursor_first", "First", show=False),
        Binding("end,G", "cursor_last", "Last", show=False),
        Binding("enter", "select", "Follow", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k / down, j | Move the highlight. |
    | home, g / end, G | Highlight the first or last entry. |
    | enter | Follow the highlighted entry. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"related-list--option", "related-list--cursor"}
    """
    | Class | Description |
    | :- | :- |
    | `related-list--option` | An entry (its padding is the entry's). |
    | `related-list--cursor` | The highlighted entry. |
    """

    DEFAULT_CSS = """
    RelatedList {
        height: auto;
        max-height: 12;
        overflow-x: hidden;
        color: $foreground;
        background: $surface;
        & > .related-list--option { padding: 0 1; }
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
        """A related item or person was chosen."""

        def __init__(self, related_list: RelatedList, target: Target) -> None:
            super().__init__()
            self.related_list = related_list
            self.target = target
            """The item (ItemRef) or person id chosen."""

        @property
        def control(self) -> RelatedList:
            return self.related_list

    def __init__(
        self, lookup: Lookup, *, id: str | None = None, classes: str | None = None
    ) -> None:
        """An empty list; `show_targets` fills it."""
        super().__init__(id=id, classes=classes)
        self._lookup = lookup
        self.targets: list[Target] = []
        self._labels: list[Content] = []
        self._starts: list[int] = [0]  # each entry's first line, then the end
        self._width = 0  # the width the entries were wrapped to

    def show_targets(self, targets: Iterable[Target]) -> None:
        """Replace the entries with these targets, highlighting the first (the same targets as
        shown already keep their lines: only the highlight goes back to the first)."""
        targets = list(targets)
        if targets == self.targets:
            self.move_cursor(0)
            return
        self.targets = targets
        self._labels = [describe_target(target, self._lookup) for target in targets]
        self._wrap(self.scrollable_content_region.width)
        self.reset(0)
        self.refresh(layout=True)  # its height follows its entries
        self.scroll_to(y=0, animate=False)

    def _heights(self, width: int) -> list[int]:
        """How many lines each entry takes at `width` cells, padding included."""
        padding = self.get_component_styles("related-list--option").padding.width
        if width <= padding:  # not laid out yet: a line each until the width is known
            return [1] * len(self._labels)
        rules = cast(RulesMap, self.styles)
        return [label.get_height(rules, width - padding) for label in self._labels]

    def _wrap(self, width: int) -> None:
        """Work out where each entry starts when wrapped to `width` cells."""
        self._width = width
        starts = [0]
        for height in self._heights(width):
            starts.append(starts[-1] + height)
        self._starts = starts

    @property
    def row_count(self) -> int:
        return len(self.targets)

    @property
    def line_count(self) -> int:
        return self._starts[-1]

    def row_lines(self, row: int) -> tuple[int, int]:
        return self._starts[row], self._starts[row + 1] - self._starts[row]

    def line_row(self, line: int) -> int | None:
        return bisect_right(self._starts, line) - 1

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
        """A line of an entry, wrapped and padded as an option list draws its options."""
        if row is None:
            return Strip.blank(width, self.get_visual_style("related-list--option").rich_style)
        classes = ("related-list--option", *(("related-list--cursor",) if on_cursor else ()))
        style = self.get_visual_style(*classes)
        padding = self.get_component_styles("related-list--option").padding
        visual = Padding(self._labels[row], padding)
        strips = Visual.to_strips(self, visual, width, None, style)
        index = line - self._starts[row]
        if not 0 <= index < len(strips):  # narrower than the padding: wrap and draw disagree
            return Strip.blank(width, style.rich_style)
        return strips[index].extend_cell_length(width, style.rich_style)

    def row_chosen(self, row: int) -> None:
        self.post_message(self.Followed(self, self.targets[row]))

    def click_chooses(self, chain: int) -> bool:
        return True  # a click follows, as enter does
