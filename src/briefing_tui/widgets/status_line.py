"""StatusLine: one line above the footer saying where the reader is in a search ("hit 3 of 12").

Like the bottom line of vim, less or lnav: it is written over, never stacked, so n held down
leaves one line that keeps up, not a pile of notifications over the text.
"""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from briefing_tui.printable import printable


class StatusLine(Widget):
    """A line of text from the app (and queries the reader typed), hidden while it is empty."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"status-line--note"}
    """
    | Class | Description |
    | :- | :- |
    | `status-line--note` | What follows the main words: a wrap round, the query. |
    """

    DEFAULT_CSS = """
    StatusLine {
        display: none;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text;
        &.-shown { display: block; }
        &.-warning { color: $text-warning; }
        & > .status-line--note { color: $text-muted; }
    }
    """

    text: reactive[str] = reactive("", layout=False)
    """What the line says (the main words); empty hides the line."""
    note: reactive[str] = reactive("")
    """What follows, receding: where the walk wrapped, the query walked."""
    warning: reactive[bool] = reactive(False)
    """Whether the main words are a warning (nothing found)."""

    def say(self, text: str, note: str = "", *, warning: bool = False) -> None:
        """Say `text`, then `note` receding; `warning` colours it as one. Both are made one-line
        printable text (a note may hold what the reader typed)."""
        self.text = printable(text, one_line=True)
        self.note = printable(note, one_line=True)
        self.warning = warning

    def clear(self) -> None:
        """Say nothing: the line is hidden."""
        self.say("")

    def watch_text(self, text: str) -> None:
        self.set_class(bool(text), "-shown")

    def watch_warning(self, warning: bool) -> None:
        self.set_class(warning, "-warning")

    def render(self) -> Content:
        line = Content(self.text)
        if self.note:
            muted = self.get_visual_style("status-line--note", partial=True)
            line = Content.assemble(line, Content(f" · {self.note}").stylize(muted))
        return line.truncate(self.content_region.width, ellipsis=True)
