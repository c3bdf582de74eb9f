"""BriefHeader: one line with the brief's title, date and location (and file, in a library)."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from briefing_tui.model import Brief
from briefing_tui.printable import printable
from briefing_tui.widgets.text_styles import MUTED


class BriefHeader(Widget):
    """The top line: the title in bold, cut with an ellipsis so the date and location stay; the
    file name after them where there is room."""

    DEFAULT_CSS = """
    BriefHeader {
        dock: top;
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $panel;
        color: $foreground;
    }
    """

    file_name: reactive[str] = reactive("")
    """The brief's file name, shown after the location when the brief is one of a library."""

    def __init__(self, brief: Brief, *, id: str | None = None) -> None:
        """A header for `brief`."""
        super().__init__(id=id)
        self.title_text = printable(brief.title, one_line=True)
        where = f" · {brief.location}" if brief.location else ""
        self.when_text = printable(brief.date.isoformat() + where, one_line=True)

    def validate_file_name(self, name: str) -> str:
        return printable(name, one_line=True)

    def render(self) -> Content:
        width = self.content_region.width
        when = Content.styled(" · " + self.when_text, MUTED)
        if self.file_name:  # only where it leaves the title half the line, or all it needs
            named = when + Content.styled(f" · {self.file_name}", MUTED)
            if width - named.cell_length >= min(len(self.title_text), width // 2):
                when = named
        title_width = max(width - when.cell_length, min(width, 12))
        title = Content.styled(self.title_text, "bold").truncate(title_width, ellipsis=True)
        return Content.assemble(title, when).truncate(width, ellipsis=True)
