"""HelpScreen: every key, generated from the bindings themselves, in columns where there is room."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from briefing_tui.widgets.key_table import KeyTable, Rows
from briefing_tui.widgets.text_scroll import TextScroll

BindingGroup = tuple[str, Sequence[BindingType]]
"""A heading and the bindings listed under it."""
NoteGroup = tuple[str, Sequence[tuple[str, str]]]
"""A heading and (term, meaning) rows listed under it, after the keys (the search syntax)."""

QUERY_HELP_TITLE = "Search queries"
"""The title of the group that explains the search's query language."""

_WIDTH = 96
"""The widest the box grows, in percent of the screen."""
_CHROME = 7
"""Cells of the box that are not text: its frame (2), padding (4) and scrollbar (1)."""


class HelpScreen(ModalScreen[None]):
    """Lists the keys of each binding group with their descriptions over the dimmed app; escape
    closes. The text scrolls with the keys of TextScroll (j, k, space, b, g, G...)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q, ?, f1 | Close the help. |
    """

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > TextScroll {
            width: auto; height: auto; max-height: 90%;
            border: round $border; background: $surface; padding: 0 2;
            border-title-color: $text-accent; border-title-style: bold;
            border-subtitle-color: $text-muted;
        }
    }
    """

    def __init__(
        self,
        groups: Sequence[BindingGroup],
        notes: Sequence[NoteGroup] = (),
        *,
        start_at: str | None = None,
    ) -> None:
        """A help screen for these binding groups, then these notes, scrolled to the group
        titled `start_at` (None: the top)."""
        super().__init__()
        self.groups = groups
        self.notes = notes
        self.start_at = start_at

    def compose(self) -> ComposeResult:
        with TextScroll() as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "escape closes"
            rows = [(title, self.key_rows(bindings)) for title, bindings in self.groups]
            yield KeyTable([*rows, *self.notes], id="help-text")

    def on_mount(self) -> None:
        self.fit_to(self.app.size.width)
        self.query_one(TextScroll).focus()
        if self.start_at is not None:
            self.call_after_refresh(self.scroll_to_group, self.start_at)

    def on_resize(self, event: events.Resize) -> None:
        self.fit_to(event.size.width)

    def fit_to(self, width: int) -> None:
        """Lay the keys out in as many columns as a screen `width` cells wide holds."""
        scroll, table = self.query_one(TextScroll), self.query_one(KeyTable)
        scroll.styles.max_width = width * _WIDTH // 100
        table.room = max(20, width * _WIDTH // 100 - _CHROME)
        table.refresh(layout=True)

    def scroll_to_group(self, title: str) -> None:
        """Scroll so that the group titled `title` is at the top (or as near as it goes)."""
        line = self.query_one(KeyTable).group_line(title)
        if line is not None:
            self.query_one(TextScroll).scroll_to(y=line, animate=False)

    def key_rows(self, bindings: Iterable[BindingType]) -> Rows:
        """(keys, description) per action, keys joined in declaration order."""
        rows: dict[tuple[str, str], list[str]] = {}
        for binding in Binding.make_bindings(bindings):
            description = binding.description or binding.action
            keys = rows.setdefault((binding.action, description), [])
            display = self.app.get_key_display(binding)
            if display not in keys:
                keys.append(display)
        return [(", ".join(keys), description) for (_, description), keys in rows.items()]

    async def action_dismiss(self, result: None = None) -> None:
        """Close, if it is on top: a key queued for it after it closed (f1 then escape in one
        burst) must not close it a second time."""
        if self.is_active:
            await super().action_dismiss(result)


def widget_key_groups() -> list[BindingGroup]:
    """The keys of the reader's lists, texts, an item's links and search, by where they apply."""
    from briefing_tui.widgets.item_list import ItemList
    from briefing_tui.widgets.related_list import RelatedList
    from briefing_tui.widgets.search_bar import SearchBar
    from briefing_tui.widgets.search_results import SearchResults
    from briefing_tui.widgets.search_view import SearchView

    return [
        ("Lists of items and people", list(ItemList.BINDINGS)),
        ("Scrolling text", list(TextScroll.BINDINGS)),
        ("An item's links", list(RelatedList.BINDINGS)),
        ("Search bar", list(SearchBar.BINDINGS)),
        ("Search results", [*SearchResults.BINDINGS, *SearchView.BINDINGS]),
    ]
