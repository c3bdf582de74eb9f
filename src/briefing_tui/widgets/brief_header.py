"""BriefHeader: one line with the brief's title, date and location."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from briefing_tui.model import Brief
from briefing_tui.widgets.printable import printable


class BriefHeader(Static):
    """The top line: the title in bold, then the date and location; cut with an ellipsis."""

    DEFAULT_CSS = """
    BriefHeader {
        dock: top;
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, brief: Brief, *, id: str | None = None) -> None:
        """A header for `brief`."""
        when = brief.date.isoformat() + (f" · {brief.location}" if brief.location else "")
        when = printable(when, one_line=True)
        super().__init__(
            Content.assemble(
                (printable(brief.title, one_line=True), "bold"), ("  " + when, "$text-muted")
            ),
            id=id,
        )
