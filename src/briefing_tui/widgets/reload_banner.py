"""ReloadBanner: one line over the panes saying why the brief on show is not the file's latest."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from briefing_tui.printable import printable


class ReloadBanner(Widget):
    """The first error of the file's new version (and how many more), or that the file is gone;
    hidden while the brief on show is the file's latest. The text is data: never markup."""

    DEFAULT_CSS = """
    ReloadBanner {
        height: 1;
        width: 1fr;
        display: none;
        background: $error 25%;
        color: $text;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ReloadBanner.-shown {
        display: block;
    }
    """

    message: reactive[str] = reactive("", layout=False)
    """What the banner says (one line, printable); empty: hidden."""

    def watch_message(self, message: str) -> None:
        self.set_class(bool(message), "-shown")
        self.tooltip = message or None

    def render(self) -> Content:
        shown = printable(self.message, one_line=True)
        return Content.assemble(("Not reloaded ", "bold"), ("· ", "dim"), shown)
