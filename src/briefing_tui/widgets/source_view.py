"""SourceView: the brief's source article, every quoted passage lit, a cursor over the passages."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing_tui.printable import printable_path

if TYPE_CHECKING:
    from briefing_tui.source_passages import SourceDocument

_MARGIN = 1
_REPLACEMENT = "\ufffd"
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Terminal control codes and bidirectional overrides, never sent to the terminal."""
_LINE_IN_PARAGRAPH = re.compile(r"(?<=[^\n])\n(?=[^\n])")


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """The text's screen lines at `width` cells, as (start, end) character offsets: each line of
    the text broken at its last space that fits (mid-word only for a word wider than the line)."""
    width = max(1, width)
    spans = []
    start = 0
    for line in text.split("\n"):
        end_of_line = start + len(line)
        at = start
        while end_of_line - at > width:
            cut = text.rfind(" ", at, at + width + 1)
            cut = at + width if cut <= at else cut
            spans.append((at, cut))
            at = cut + 1 if text[cut : cut + 1] == " " else cut
        spans.append((at, end_of_line))
        start = end_of_line + 1
    return spans


class SourceView(ScrollView, can_focus=True):
    """The article a line at a time (only the lines on screen are drawn), its paragraphs wrapped
    to the width; quoted passages lit, misquotes' nearest lines marked apart, the passage under
    the cursor in the cursor's colours."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Line down", show=False),
        Binding("up,k", "scroll_up", "Line up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup,b", "page_up", "Page up", show=False),
        Binding("home,g", "scroll_home", "Top", show=False),
        Binding("end,G", "scroll_end", "Bottom", show=False),
        Binding("right_square_bracket", "step_passage(1)", "Source: next quote", show=False),
        Binding("left_square_bracket", "step_passage(-1)", "Previous; red: misquoted", show=False),
        Binding("enter", "choose", "Go to quote"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | down, j / up, k | Scroll the source a line down or up. |
    | pagedown, space / pageup, b | Scroll a page down or up. |
    | home, g / end, G | Go to the top or the bottom of the source. |
    | ], [ | Move to the next or previous quoted passage. |
    | enter | Go to the quote of the passage under the cursor. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "source-view--passage",
        "source-view--misquote",
        "source-view--cursor",
    }
    """
    | Class | Description |
    | :- | :- |
    | `source-view--passage` | A passage that a quote quotes word for word. |
    | `source-view--misquote` | The line where a misquote first departs from the source. |
    | `source-view--cursor` | The passage under the cursor. |
    """

    DEFAULT_CSS = """
    SourceView {
        background: $surface;
        border: round $border-blurred;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        &:focus { border: round $border; }
        & > .source-view--passage { background: $primary 40%; }
        & > .source-view--misquote { background: $error 30%; text-style: underline; }
        & > .source-view--cursor { background: $block-cursor-blurred-background; }
        &:focus > .source-view--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
    }
    """

    cursor: reactive[int] = reactive(0, init=False, repaint=False)
    """The passage under the cursor (an index into the document's passages)."""

    class QuoteChosen(Message):
        """Enter on a passage: go to quote `quote` (its index in the brief's quotes)."""

        def __init__(self, quote: int) -> None:
            super().__init__()
            self.quote = quote

    def __init__(self, document: SourceDocument, *, id: str | None = None) -> None:
        """A view of `document`, the cursor on its first passage."""
        super().__init__(id=id)
        self.document = document
        # One character for one, so that the passages' offsets hold: control codes are shown as
        # a replacement mark, and a paragraph's lines are joined to be wrapped to the width.
        self._text = _LINE_IN_PARAGRAPH.sub(" ", _CONTROLS.sub(_REPLACEMENT, document.text))
        self._spans: list[tuple[int, int]] = []
        self._starts = [p.start for p in document.passages]
        self._width = 0
        found = len(document.passages) - document.misquotes
        misquoted = f" · {document.misquotes} misquoted, in red" if document.misquotes else ""
        self.border_title = f"Source · {printable_path(document.path)}"
        self.border_subtitle = f"{found} quoted passages{misquoted}"

    @property
    def passage_count(self) -> int:
        """How many passages the cursor can stand on."""
        return len(self.document.passages)

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self.passage_count - 1))

    def watch_cursor(self) -> None:
        self.refresh()
        self.scroll_to_passage()

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out()
        self.call_after_refresh(self.scroll_to_passage)

    def _lay_out(self) -> None:
        # The scrollbar's room is kept whether or not it shows: the wrap does not depend on it.
        width = self.content_region.width - self.styles.scrollbar_size_vertical - 2 * _MARGIN
        if width != self._width and width > 0:
            self._width = width
            self._spans = wrap_spans(self._text, width)
            self.virtual_size = Size(self.scrollable_content_region.width, len(self._spans))
            self.refresh()

    def line_of(self, offset: int) -> int:
        """The screen line (from the top of the text) where character `offset` stands."""
        starts = [start for start, _ in self._spans]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def scroll_to_passage(self) -> None:
        """Bring the passage under the cursor into view, a few lines below the top."""
        if not self.passage_count or not self._spans:
            return
        passage = self.document.passages[self.cursor]
        top, bottom = self.line_of(passage.start), self.line_of(max(0, passage.end - 1))
        height = self.scrollable_content_region.height
        if not (self.scroll_offset.y <= top and bottom < self.scroll_offset.y + height):
            # Forced: the scrollbar may not be laid out yet, the first time the pane shows.
            self.scroll_to(y=max(0, top - 2), animate=False, force=True)

    def show_quote(self, quote: int) -> bool:
        """Put the cursor on quote `quote`'s passage and show it; False if it has none."""
        passage = self.document.passage_of(quote)
        if passage is None:
            return False
        self.cursor = passage
        self.scroll_to_passage()
        return True

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        base = self.get_visual_style()
        if line >= len(self._spans) or width <= 0:
            return Strip.blank(width, base.rich_style)
        start, end = self._spans[line]
        content = Content(self._text[start:end])
        passages = self.document.passages
        # Passages are few (a brief's quotes): those starting before the line's end are looked at.
        for index in range(bisect.bisect_left(self._starts, end)):
            passage = passages[index]
            if passage.end <= start:
                continue
            if index == self.cursor:  # opaque: a partial style would drop its background
                style = self.get_visual_style("source-view--cursor")
            else:
                name = "passage" if passage.exact else "misquote"
                style = self.get_visual_style(f"source-view--{name}", partial=True)
            content = content.stylize(style, max(0, passage.start - start), passage.end - start)
        content = Content(" " * _MARGIN).append(content).truncate(width, pad=True)
        return Strip(content.render_segments(base), width)

    def action_step_passage(self, delta: int) -> None:
        """Move the cursor to the next (1) or previous (-1) passage."""
        if self.passage_count:
            self.cursor = (self.cursor + delta) % self.passage_count

    def action_choose(self) -> None:
        """Go to the quote of the passage under the cursor."""
        if self.passage_count:
            self.post_message(self.QuoteChosen(self.document.passages[self.cursor].quote))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not (0 <= self.scroll_offset.y + offset.y < len(self._spans)):
            return
        start, _ = self._spans[self.scroll_offset.y + offset.y]
        at = start + max(0, offset.x - _MARGIN)
        for index, passage in enumerate(self.document.passages):
            if passage.start <= at < passage.end:
                self.cursor = index
                if event.chain >= 2:
                    self.action_choose()
                return
