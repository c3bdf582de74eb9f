"""KeyTable: groups of (keys, meaning) rows, laid out in as many columns as the width holds.

A group's title is a label, its keys bold, what they do plain: title, key, meaning.

The groups keep their order, down the first column and on into the next; within a column the
keys are one column, so every meaning starts at the same place; a long meaning wraps under
itself. The layout is worked out for the width the widget gets, and again when it changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from briefing_tui.widgets.text_styles import LABEL, STRONG

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
            keys_cut = Content.styled(keys, STRONG).truncate(key_width, ellipsis=True)
            wrapped = Content(meaning).wrap(meaning_width) or [Content("")]
            lines.append(
                keys_cut.pad_right(key_width - keys_cut.cell_length + KEY_GAP) + wrapped[0]
            )
            # A wrapped line starts with the space it was broken at: under the meaning, not one on.
            lines.extend(
                indent + rest[len(rest.plain) - len(rest.plain.lstrip()) :] for rest in wrapped[1:]
            )
    return lines, starts


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
    """The groups, in order, split into the columns (up to MOST_COLUMNS) that make the table
    shortest in `width` cells, each with its width: what its rows need, or narrowed to fit."""
    heights: dict[tuple[int, int, int], int] = {}

    def height(start: int, end: int, column_width: int) -> int:
        key = (start, end, column_width)
        if key not in heights:
            heights[key] = len(_column_lines(groups[start:end], column_width)[0])
        return heights[key]

    best = [(0, len(groups))], [max(1, min(_natural_width(groups), width))]
    shortest = height(0, len(groups), best[1][0])
    for count in range(2, min(MOST_COLUMNS, len(groups)) + 1):
        for cuts in combinations(range(1, len(groups)), count - 1):
            spans = list(pairwise([0, *cuts, len(groups)]))
            widths = _fit([_natural_width(groups[a:b]) for a, b in spans], width)
            if widths is None:
                continue
            tallest = max(height(a, b, w) for (a, b), w in zip(spans, widths, strict=True))
            if tallest < shortest:
                best, shortest = (spans, widths), tallest
    return [(groups[a:b], w) for (a, b), w in zip(*best, strict=True)]


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
