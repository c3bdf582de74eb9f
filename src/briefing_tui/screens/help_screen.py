"""HelpScreen: every key, generated from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

BindingGroup = tuple[str, Sequence[BindingType]]
"""A heading and the bindings listed under it."""
NoteGroup = tuple[str, Sequence[tuple[str, str]]]
"""A heading and (term, meaning) rows listed under it, after the keys (the search syntax)."""


class HelpScreen(ModalScreen[None]):
    """Lists the keys of each binding group with their descriptions; escape closes."""

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
        & > VerticalScroll {
            width: auto; max-width: 90%; height: auto; max-height: 90%;
            border: round $border; background: $surface; padding: 0 2;
        }
        & Static { width: auto; }
    }
    """

    def __init__(self, groups: Sequence[BindingGroup], notes: Sequence[NoteGroup] = ()) -> None:
        """A help screen for these binding groups, then these notes."""
        super().__init__()
        self.groups = groups
        self.notes = notes

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "escape closes"
            yield Static(self.help_text(), id="help-text")

    def key_rows(self, bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
        """(keys, description) per action, keys joined in declaration order."""
        rows: dict[tuple[str, str], list[str]] = {}
        for binding in Binding.make_bindings(bindings):
            description = binding.description or binding.action
            keys = rows.setdefault((binding.action, description), [])
            display = self.app.get_key_display(binding)
            if display not in keys:
                keys.append(display)
        return [(", ".join(keys), description) for (_, description), keys in rows.items()]

    def help_text(self) -> Content:
        """The whole table, one group after another."""
        lines: list[Content] = []
        groups = [(title, self.key_rows(bindings)) for title, bindings in self.groups]
        for title, rows in [*groups, *self.notes]:
            if not rows:
                continue
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(title, "bold $text-accent"))
            width = max(len(keys) for keys, _ in rows)
            lines += [
                Content.assemble((keys.ljust(width + 2), "bold"), description)
                for keys, description in rows
            ]
        return Content("\n").join(lines)


def widget_key_groups() -> list[BindingGroup]:
    """The keys of the reader's lists, related items and search, by where they apply."""
    from briefing_tui.widgets.item_list import ItemList
    from briefing_tui.widgets.related_list import RelatedList
    from briefing_tui.widgets.search_bar import SearchBar
    from briefing_tui.widgets.search_results import SearchResults
    from briefing_tui.widgets.search_view import SearchView

    return [
        ("Lists of items, people and what each said", list(ItemList.BINDINGS)),
        ("Related items and people", list(RelatedList.BINDINGS)),
        ("Search bar", [Binding("enter", "submit", "Open the hit"), *SearchBar.BINDINGS]),
        ("Search results", [*SearchResults.BINDINGS, *SearchView.BINDINGS]),
    ]
