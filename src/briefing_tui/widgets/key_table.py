"""KeyTable: groups of (keys, meaning) rows, laid out in as many columns as the width holds.

The groups keep their order, down the first column and on into the next; within a column the
keys are one column, so every meaning starts at the same place; a long meaning wraps under
itself. The layout is worked out for the width the widget gets, and again when it changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from briefing_tui.widgets.text_styles import KEY, LABEL

Rows = Sequence[tuple[str, str]]
"""(keys, meaning) rows."""
Groups = Sequence[tuple[str, Rows]]
"""Groups of rows, each (title, rows)."""

GAP = 4
"""Cells between two columns."""
KEY_GAP = 2
"""Cells between a key and its meaning."""
WIDEST = 64
"""The widest a column grows: wider, a meaning is hard to follow back to its key."""
NARROWEST = 32
"""The narrowest a column is made to fit beside others."""
MOST_COLUMNS = 3
"""More columns than this are more to scan than a scroll saves."""


@dataclass(frozen=True)
class Layout:
    """Groups in columns: the lines of the whole table, and the line each group starts on."""

    lines: list[Content]
    starts: dict[str, int]
    width: int


def _natural_width(groups: Groups) -> int:
    """The width a column of `groups` needs to show every row on one line (at most WIDEST)."""
    key_width = max((len(keys) for _, rows in groups for keys, _ in rows), default=0)
    widest = max((len(meaning) for _, rows in groups for _, meaning in rows), default=0)
    titles = max((len(title) for title, _ in groups), default=0)
    return min(max(titles, key_width + KEY_GAP + widest), WIDEST)


def _column_lines(groups: Groups, width: int) -> tuple[list[Content], list[int]]:
    """One column's lines at `width` cells, and the line each group's title is on. The keys
    take the width of the longest (cut only if a meaning would get fewer than 12 cells); a
    meaning wraps under itself."""
    key_width = max((len(keys) for _, rows in groups for keys, _ in rows), default=0)
    key_width = max(1, min(key_width, width - KEY_GAP - 12))
    meaning_width = max(width - key_width - KEY_GAP, 8)
    indent = Content(" " * (key_width + KEY_GAP))
    lines: list[Content] = []
    starts = []
    for title, rows in groups:
        if lines:
            lines.append(Content(""))
        starts.append(len(lines))
        lines.append(Content.styled(title, LABEL).truncate(width, ellipsis=True))
        for keys, meaning in rows:
            keys_cut = Content.styled(keys, KEY).truncate(key_width, ellipsis=True)
            wrapped = Content(meaning).wrap(meaning_width) or [Content("")]
            lines.append(
                keys_cut.pad_right(key_width - keys_cut.cell_length + KEY_GAP) + wrapped[0]
            )
            # A wrapped line starts with the space it was broken at: under the meaning, not one on.
            lines.extend(
                indent + rest[len(rest.plain) - len(rest.plain.lstrip()) :] for rest in wrapped[1:]
            )
    return lines, starts


def _split(heights: Sequence[int], columns: int) -> list[int]:
    """Where each column after the first starts, in groups: the groups in order, the tallest
    column as short as it can be (a height counts the blank line before its group)."""
    target = max(-(-sum(heights) // columns), max(heights, default=0))
    while True:
        cuts, height = [], 0
        for index, group in enumerate(heights):
            if height and height + group > target:
                cuts.append(index)
                height = 0
            height += group
        if len(cuts) < columns:
            return cuts
        target += 1


def _fit(widths: Sequence[int], room: int) -> list[int] | None:
    """Column `widths` narrowed, the widest first (no narrower than NARROWEST), to fit in
    `room` cells with the gaps between them; None if they cannot."""
    fitted = list(widths)
    excess = sum(fitted) + GAP * (len(fitted) - 1) - room
    while excess > 0:
        widest = max(range(len(fitted)), key=fitted.__getitem__)
        if fitted[widest] <= NARROWEST:
            return None
        fitted[widest] -= 1
        excess -= 1
    return fitted


def _columns(groups: Groups, width: int) -> list[tuple[Groups, int]]:
    """The groups split into the most columns (up to MOST_COLUMNS) that fit in `width` cells,
    each with its width: the width its rows need, narrowed to fit if need be."""
    heights = [len(_column_lines([group], _natural_width([group]))[0]) + 1 for group in groups]
    for count in range(min(MOST_COLUMNS, len(groups)), 1, -1):
        cuts = [0, *_split(heights, count), len(groups)]
        columns = [groups[a:b] for a, b in pairwise(cuts) if b > a]
        widths = _fit([_natural_width(column) for column in columns], width)
        if widths is not None:
            return list(zip(columns, widths, strict=True))
    return [(groups, max(1, min(_natural_width(groups), width)))]


def lay_out(groups: Groups, width: int) -> Layout:
    """The table at `width` cells: in as many columns as fit, each as wide as its rows need or
    narrower, a meaning too long for its column wrapped under itself."""
    groups = [(title, rows) for title, rows in groups if rows]
    columns = _columns(groups, width)
    stacks = [_column_lines(column, column_width) for column, column_width in columns]
    starts = {
        title: start
        for (column, _), (_, column_starts) in zip(columns, stacks, strict=True)
        for (title, _), start in zip(column, column_starts, strict=True)
    }
    widths = [column_width for _, column_width in columns]
    gap = Content(" " * GAP)
    rows = []
    for y in range(max((len(lines) for lines, _ in stacks), default=0)):
        cells = [lines[y] if y < len(lines) else Content("") for lines, _ in stacks]
        padded = [
            cell.pad_right(column_width - cell.cell_length)
            for cell, column_width in zip(cells[:-1], widths, strict=False)
        ]
        rows.append(gap.join([*padded, cells[-1]]))
    return Layout(rows, starts, sum(widths) + GAP * (len(widths) - 1))


class KeyTable(Widget):
    """Groups of keys and what they do, in columns where there is room."""

    DEFAULT_CSS = """
    KeyTable {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, groups: Groups, *, id: str | None = None) -> None:
        """A table of `groups`: (title, rows) each, in order."""
        super().__init__(id=id)
        self.groups = list(groups)
        self.room: int | None = None
        """The widest the table may grow (None: its container's width); a box sized to its
        content (width: auto) cannot tell the table how wide it may be, its owner can."""
        self._layouts: dict[int, Layout] = {}  # by the width they were laid out for

    def layout_for(self, width: int) -> Layout:
        """The table laid out for `width` cells."""
        if (layout := self._layouts.get(width)) is None:
            layout = self._layouts[width] = lay_out(self.groups, width)
        return layout

    def group_line(self, title: str) -> int | None:
        """The line a group's title is on, as the table is laid out now (None: no such group)."""
        return self.layout_for(self.content_region.width).starts.get(title)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        room = self.room if self.room is not None else container.width or viewport.width
        return self.layout_for(room).width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.layout_for(width).lines)

    def render(self) -> Content:
        return Content("\n").join(self.layout_for(self.content_region.width).lines)
