"""Text laid out as a reader expects: bullets with hanging indents, quotations with marks.

`TextBlocks` is Content (plain text, spans, selection: all as usual) whose lines may hang: a
bulleted line wraps under its text, not under its bullet. Build one with `text_blocks` from
lines and `Hanging` lines; `bullet` and `quotation` make the usual ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from textual.content import Content, Span
from textual.strip import Strip

from briefing_tui.widgets.text_styles import MUTED

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.style import Style
    from textual.visual import RenderOptions

BULLET = "• "
"""The marker of a point in a list."""
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"
"""Quotation marks: said words are marked so, not only in italics (which not every terminal
can show)."""
_NARROWEST = 8
"""Below this many cells for the text, a line does not hang: its marker wraps with it."""


@dataclass(frozen=True)
class Hanging:
    """One line led by a marker; wrapped, its next lines start under its text."""

    marker: Content
    text: Content


def bullet(text: Content | str, marker: str = BULLET) -> Hanging:
    """A point of a list: a muted bullet, then `text` (literal if a str), hanging under it."""
    body = text if isinstance(text, Content) else Content(text)
    return Hanging(Content.styled(marker, MUTED), body)


def bullets(points: Iterable[Content | str]) -> list[Hanging]:
    """A bulleted list of `points`."""
    return [bullet(point) for point in points]


def quoted(text: Content | str) -> Content:
    """`text` between quotation marks, on a line (spans in `text` keep their place in it)."""
    return Content.assemble(OPEN_QUOTE, text, CLOSE_QUOTE)


def quotation(text: Content | str) -> Hanging:
    """`text` between quotation marks as a block: its lines start under its first letter, the
    opening mark hanging in the margin before them."""
    return Hanging(Content(OPEN_QUOTE), Content.assemble(text, CLOSE_QUOTE))


Block = Content | Hanging
"""A line (which may hold line breaks: each is a line of its own), or a hanging line."""


def text_blocks(blocks: Iterable[Block | Sequence[Block]]) -> TextBlocks:
    """The blocks one per line (a sequence of blocks: its lines in turn), as one text."""
    lines: list[Content] = []
    hangs: dict[int, int] = {}
    for block in blocks:
        for part in [block] if isinstance(block, (Content, Hanging)) else block:
            if isinstance(part, Hanging):
                # A line break in the text starts a line under the text, not under the marker.
                marker = part.marker
                for line in part.text.split("\n", allow_blank=True):
                    hangs[len(lines)] = len(marker.plain)
                    lines.append(Content.assemble(marker, line))
                    marker = Content(" " * marker.cell_length)
            else:
                lines.extend(part.split("\n", allow_blank=True) if part.plain else [part])
    joined = Content("\n").join(lines)
    return TextBlocks(joined.plain, list(joined.spans), hangs)


class TextBlocks(Content):
    """Content whose hanging lines wrap under their text; `hangs` maps a line to the length of
    its marker (in characters)."""

    __slots__ = ["_hangs", "_heights"]

    def __init__(self, text: str, spans: list[Span], hangs: Mapping[int, int]) -> None:
        super().__init__(text, spans, strip_control_codes=False)
        self._hangs = dict(hangs)
        self._heights: tuple[int, int] = (-1, 0)  # (width, height) last measured

    @property
    def hangs(self) -> Mapping[int, int]:
        """The hanging lines, each with its marker's length."""
        return self._hangs

    def _pieces(self, line: Content, index: int, width: int) -> list[tuple[Content, int]]:
        """The lines `line` wraps to at `width` cells, each with its offset in `line`; after the
        first, a hanging line's pieces are indented (their offset is then the text's)."""
        hang = self._hangs.get(index, 0)
        indent = line[:hang].cell_length if hang else 0
        if not hang or width - indent < _NARROWEST:
            hang = indent = 0
        body = line[hang:]
        pieces: list[tuple[Content, int]] = []
        position = 0
        for number, piece in enumerate(body.wrap(width - indent) if body.plain else [body]):
            position = body.plain.find(piece.plain, position) if piece.plain else position
            if hang and number == 0:
                pieces.append((Content.assemble(line[:hang], piece), 0))
            elif hang:
                pieces.append((Content.assemble(" " * indent, piece), hang + position - indent))
            else:
                pieces.append((piece, position))
            position += len(piece.plain)
        return pieces

    def get_height(self, rules: RulesMap, width: int) -> int:
        if not self._hangs:
            return super().get_height(rules, width)
        if self._heights[0] != width:
            lines = self.split("\n", allow_blank=True)
            height = sum(len(self._pieces(line, y, width)) for y, line in enumerate(lines))
            self._heights = (width, height)
        return self._heights[1]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if not self._hangs or not width:
            return super().render_strips(width, height, style, options)
        selection, selection_style = options.selection, options.selection_style
        plain_options = replace(options, selection=None)
        strips: list[Strip] = []
        for y, line in enumerate(self.split("\n", allow_blank=True)):
            span = selection.get_span(y) if selection is not None else None
            if span is not None and selection_style is not None:
                start, end = span
                line = line.stylize(selection_style, start, len(line) if end == -1 else end)
            for piece, offset in self._pieces(line, y, width):
                [strip] = piece.render_strips(width, 1, style, plain_options) or [Strip([])]
                # Offsets tell a selection where it is in the text: the text's, past the indent.
                strips.append(strip.apply_offsets(offset, y))
            if height is not None and len(strips) >= height:
                return strips[:height]
        return strips
