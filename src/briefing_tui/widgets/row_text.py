"""RowText: what a list row says, laid out on at most two lines.

A row is its text, with an optional lead before it and tail after it (the kind of an item, a
quote's speaker), which the list dims. When the row does not fit on two lines, the text is cut
with an ellipsis and the tail still ends the second line.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.content import Content

MAX_LINES = 2
"""The most lines a row takes before it is cut."""
INDENT = 2
"""Cells the second line of a row is indented by."""
_MIN_TEXT = 12  # cells of text a cut second line keeps before its tail; below that, no tail
_EMPTY = Content("")


class RowText(NamedTuple):
    """A row's text, and what leads and follows it (empty for most rows)."""

    text: Content
    tail: Content = _EMPTY
    lead: Content = _EMPTY

    @property
    def whole(self) -> Content:
        """Lead, text and tail, as one line of content."""
        return Content("").join((self.lead, self.text, self.tail))

    def dimmed(self) -> tuple[tuple[int, int], ...]:
        """The spans of `whole` the list dims: the lead and the tail."""
        lead, text = len(self.lead.plain), len(self.text.plain)
        spans = ((0, lead), (lead + text, lead + text + len(self.tail.plain)))
        return tuple((start, end) for start, end in spans if end > start)

    def restyled(self, whole: Content) -> RowText:
        """The same row with its parts taken from `whole`, a styled copy of `self.whole`."""
        lead, text = len(self.lead.plain), len(self.text.plain)
        return RowText(whole[lead : lead + text], whole[lead + text :], whole[:lead])


def row_height(cells: int, width: int) -> int:
    """How many lines a row of `cells` cells takes in `width` cells."""
    return 1 if cells <= width or width <= 0 else MAX_LINES


def row_lines(row: RowText, width: int) -> list[Content]:
    """The row laid out in `width` cells: one line if it fits; else two, the second indented
    (so a row's end is seen), wrapped at a word, the text cut with an ellipsis when it is longer
    and the tail kept whole at the end when there is room for it."""
    whole = row.whole
    if width <= 0 or whole.cell_length <= width:
        return [whole]
    body, tail = row.lead + row.text, row.tail
    first = body.wrap(width)[0]
    rest = body[len(first.plain) :]
    rest = rest[len(rest.plain) - len(rest.plain.lstrip()) :]
    if not rest:  # the text fits the first line, its tail starts the second
        tail = tail[len(tail.plain) - len(tail.plain.lstrip()) :]
    room = width - INDENT
    if rest.cell_length + tail.cell_length <= room:
        second = rest + tail
    elif tail and room - tail.cell_length >= _MIN_TEXT:
        second = rest.truncate(room - tail.cell_length, ellipsis=True) + tail
    else:
        second = (rest + tail).truncate(room, ellipsis=True)
    return [first, Content(" " * INDENT) + second]
