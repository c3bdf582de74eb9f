"""SearchPreview: the row under the results' cursor shown in full, its matches marked.

An item is shown as its pane's detail shows it; the overview's row as the brief's title and
summary. It follows the cursor, so the reader sees a hit before choosing it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from briefing_tui.model import Item, Lookup
from briefing_tui.printable import printable
from briefing_tui.widgets.detail_pane import DetailPane
from briefing_tui.widgets.item_links import MATCH_STYLE
from briefing_tui.widgets.text_scroll import TextScroll
from briefing_tui.widgets.text_styles import LABEL

Spans = Sequence[tuple[int, int]]


def _marked(text: str, spans: Spans, style: str = "") -> Content:
    """`text` (literal, printable), styled, its `spans` marked as matches."""
    content = Content.styled(printable(text), style) if style else Content(printable(text))
    for start, end in spans:
        content = content.stylize(MATCH_STYLE, start, end)
    return content


def overview_preview(title: str, summary: str, highlights: Mapping[str, Spans]) -> Content:
    """The brief's title and summary with the matches in `highlights` ({"title": spans,
    "summary": spans}) marked."""
    lines = [_marked(title, highlights.get("title", ()), "bold")]
    if summary.strip():
        lines += [Content(""), Content.styled("Summary", LABEL)]
        lines.append(_marked(summary, highlights.get("summary", ())))
    return Content("\n").join(lines)


class SearchPreview(Vertical):
    """An item's detail, or the brief's own title and summary; one of them on show."""

    DEFAULT_CSS = """
    SearchPreview {
        & > #preview-overview {
            padding: 0 1; display: none;
            border: round $foreground 20%; border-title-color: $text-muted;
        }
        & > #preview-overview > Static { width: 1fr; }
    }
    """

    def __init__(self, lookup: Lookup, *, id: str | None = None) -> None:
        """An empty preview for the brief behind `lookup`."""
        super().__init__(id=id)
        self._lookup = lookup

    def compose(self) -> ComposeResult:
        yield DetailPane(self._lookup, id="preview-item")
        with TextScroll(id="preview-overview"):
            yield Static(id="preview-overview-text")

    @property
    def detail(self) -> DetailPane:
        """Where an item is shown."""
        return self.query_one(DetailPane)

    def set_title(self, title: str) -> None:
        """Title the preview (app text: what is shown, which hit)."""
        self.detail.border_title = title
        self.query_one("#preview-overview").border_title = title

    def show_item(self, item: Item | None, highlights: Mapping[str, Spans] | None = None) -> None:
        """Show `item` (None: nothing) with `highlights` marked."""
        self.query_one("#preview-overview").display = False
        self.detail.display = True
        self.detail.show(item, highlights=highlights)
        if highlights:
            self.call_after_refresh(self._reveal_match)

    def _reveal_match(self) -> None:
        """Scroll the item so that its first marked match shows, if it is below the fold."""
        detail = self.detail
        body = detail.query_one("#detail-body", Static)
        content = body.render()
        if not isinstance(content, Content):
            return
        first = min((s.start for s in content.spans if s.style == MATCH_STYLE), default=None)
        width = body.content_region.width
        if first is None or width <= 0:
            return
        line = len(content[:first].wrap(width)) - 1
        if line >= detail.scrollable_content_region.height - 1:
            detail.scroll_to(y=max(0, line - 2), animate=False)

    def show_overview(self, highlights: Mapping[str, Spans]) -> None:
        """Show the brief's title and summary with `highlights` marked."""
        brief = self._lookup.brief
        text = self.query_one("#preview-overview-text", Static)
        text.update(overview_preview(brief.title, brief.summary, highlights))
        self.detail.display = False
        self.query_one("#preview-overview").display = True
