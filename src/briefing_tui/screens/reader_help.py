"""The reader's help: every key of the app, its screen and its widgets, then the query syntax."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding, BindingType

from briefing_tui.query import QUERY_SYNTAX
from briefing_tui.screens.help_screen import (
    QUERY_HELP_TITLE,
    BindingGroup,
    HelpScreen,
    widget_key_groups,
)


def reader_help(
    anywhere: Sequence[BindingType],
    panes: Sequence[BindingType],
    *,
    palette_key: str,
    at_queries: bool = False,
) -> HelpScreen:
    """The help screen: the keys that work `anywhere`, those of the `panes`, the palette's
    (`palette_key`) and the widgets'; `at_queries` opens it at the query syntax (for F1 in the
    search bar)."""
    from briefing_tui.widgets.brief_panes import BriefPanes
    from briefing_tui.widgets.source_view import SourceView

    palette = Binding(palette_key, "command_palette", "Commands")
    groups: list[BindingGroup] = [
        ("Anywhere", _once([*anywhere, palette])),
        # In the Source pane: its own keys (the rest are any text's).
        ("Panes", [*panes, *BriefPanes.BINDINGS, *list(SourceView.BINDINGS)[-3:]]),
        *widget_key_groups(),
    ]
    from briefing_tui.widgets.search_view import SEARCH_HELP

    start = QUERY_HELP_TITLE if at_queries else None
    notes = [(QUERY_HELP_TITLE, QUERY_SYNTAX), ("What search shows", SEARCH_HELP)]
    return HelpScreen(groups, notes, start_at=start)


def _once(bindings: Sequence[BindingType]) -> list[Binding]:
    """The bindings, each key with a description listed once (a key bound twice, to show it in
    the footer in some places only, is one row of the help)."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for binding in Binding.make_bindings(bindings):
        if (binding.key, binding.description) not in seen:
            seen.add((binding.key, binding.description))
            kept.append(binding)
    return kept
