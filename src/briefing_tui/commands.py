"""The command palette's commands for a brief: go to a pane, jump to any item, search, export.

Textual's own commands are offered beside them (BriefingApp.get_system_commands): its theme
picker is the one way to pick a theme, which the app remembers.

Items are ranked by item_finder.py and only the best are listed, one line each, with a last row
saying how many more match: the palette measures and lays out every row it is given, so a
keystroke costs the same at 40 items as at 10,000.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch

from briefing_tui.item_finder import Found, ItemFinder
from briefing_tui.model import section_kind
from briefing_tui.printable import printable

_MUTED = "dim not bold"
_ROW_MARGIN = 6  # a row's padding (2 each side) and a scroll bar: what the row's text cannot use


def shown_items(height: int) -> int:
    """How many items the palette lists in a terminal ``height`` lines high: as many as its list
    shows (70% of the height, less its two border lines), less the row counting the rest."""
    return max(3, height * 7 // 10 - 3)


def _highlight(matcher: Matcher, text: str) -> Content:
    """`text` literally (never markup), with the matched characters styled."""
    content = Content(printable(text, one_line=True))
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class BriefCommands(Provider):
    """Commands of the brief screen; items are only searched, never listed up front."""

    def _screen_commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        """(name, callback, help) for the panes, search and export."""
        from briefing_tui.screens.brief_screen import BriefScreen
        from briefing_tui.widgets.brief_panes import PANE_TITLES

        screen = self.screen
        if isinstance(screen, BriefScreen):
            for number, (pane, title) in enumerate(PANE_TITLES.items(), start=1):
                yield (
                    f"Go to {title}",
                    partial(screen.action_show_pane, pane),
                    f"Show the {title} pane (key {number})",
                )
            yield (
                "Search the brief",
                partial(screen.run_action, "search"),
                "Every section, as you type (key /)",
            )
            yield (
                "Export to Markdown",
                partial(screen.run_action, "export"),
                "The whole brief, this pane or the search results (key e)",
            )

    def _finder(self) -> ItemFinder | None:
        """The ranked headlines of the brief on the screen (None on another screen)."""
        from briefing_tui.screens.brief_screen import BriefScreen

        screen = self.screen
        return ItemFinder.of(screen.lookup) if isinstance(screen, BriefScreen) else None

    async def startup(self) -> None:
        self._finder()  # made once per brief, while the palette opens, before the first key

    async def discover(self) -> Hits:
        for name, callback, help_text in self._screen_commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._screen_commands():
            if (score := matcher.match(name)) > 0:  # one line, as the items: the help after
                line = _highlight(matcher, name) + Content.styled(f"  {help_text}", _MUTED)
                yield Hit(score, line, callback, text=name)
        finder = self._finder()
        if finder is None:
            return
        found, total = finder.find(query, shown_items(self.app.size.height))
        width = self.app.size.width - _ROW_MARGIN
        for item in found:
            yield self._item_hit(item, matcher, width)
        if total > len(found):
            more = f"… and {total - len(found):,} more: refine the query"
            yield Hit(0.0, Content.styled(more, _MUTED), _nothing, text=query)

    def _item_hit(self, item: Found, matcher: Matcher, width: int) -> Hit:
        """A palette row for an item: its headline, the query's letters marked, and its kind."""
        from briefing_tui.screens.brief_screen import BriefScreen

        screen = self.screen
        assert isinstance(screen, BriefScreen)
        kind = Content.styled(f"  {section_kind(item.ref.section).label.lower()}", _MUTED)
        text = printable(item.text, one_line=True)
        line = Content(text)
        for start, end in item.spans:
            line = line.stylize(matcher.match_style, start, end)
        line = line.truncate(max(8, width - kind.cell_length), ellipsis=True)
        offsets = [offset for start, end in item.spans for offset in range(start, end)]
        score = _FUZZY.score(text.lower(), offsets) * (1.5 if item.contiguous else 1.0)
        return Hit(score * 0.9, line + kind, partial(screen.follow, item.ref), text=text)


_FUZZY = FuzzySearch()


def _nothing() -> None:
    """The "and N more" row does nothing when chosen: the query is to be refined."""
