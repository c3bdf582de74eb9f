"""EmptyState: what a list shows when it has nothing to list — what is empty, and what to do.

Two ways to draw one, the same to the eye:

- `empty_state_text(what, hint)`: the text, for a widget that draws its own lines (a line-API
  list renders it in place of its rows when it has none);
- `EmptyState`: a widget holding that text, to show in place of a list (hide the list, show it).
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from briefing_tui.printable import printable
from briefing_tui.widgets.text_styles import MUTED


def empty_state_text(what: str, hint: str = "") -> Content:
    """What is empty (a short sentence), then on the next line what to do about it, receding.

    Both are one line each, made printable: they may name things from a brief.
    """
    lines = [Content(printable(what, one_line=True))]
    if hint:
        lines.append(Content.styled(printable(hint, one_line=True), MUTED))
    return Content("\n").join(lines)


class EmptyState(Static):
    """Says what is empty and what to do, in place of a list that has nothing to show."""

    DEFAULT_CSS = """
    EmptyState {
        width: 1fr;
        height: auto;
        padding: 1 2;
    }
    """

    def __init__(
        self, what: str = "", hint: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        """An empty state saying `what` is empty and, below, `hint`: what to do."""
        super().__init__(empty_state_text(what, hint), id=id, classes=classes)

    def say(self, what: str, hint: str = "") -> None:
        """Say another thing: `what` is empty and `hint`."""
        self.update(empty_state_text(what, hint))
