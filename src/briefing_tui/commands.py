"""The command palette's commands for a brief: go to a pane, jump to any item, search, export.

Textual's own commands are offered beside them (BriefingApp.get_system_commands): its theme
picker is the one way to pick a theme, which the app remembers."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from briefing_tui.model import SECTIONS, ItemRef, headline, section_kind
from briefing_tui.printable import printable

_HEADLINE_CHARS = 120  # long quotes are matched and shown by their first words only
_ITEMS_PER_TURN = 256  # hand the event loop back this often: typing stays live at 10,000 items


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

    _item_lines: list[tuple[str, ItemRef]] | None = None

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

    def _items(self) -> list[tuple[str, ItemRef]]:
        """(headline, reference) of every item of the brief, in brief order; worked out once per
        palette opening, not again at every keystroke."""
        if self._item_lines is None:
            from briefing_tui.screens.brief_screen import BriefScreen

            screen = self.screen
            lines: list[tuple[str, ItemRef]] = []
            if isinstance(screen, BriefScreen):
                lookup = screen.lookup
                for section in SECTIONS:
                    for index, item in enumerate(lookup.brief.section(section)):
                        text = headline(item, lookup)[:_HEADLINE_CHARS].replace("\n", " ")
                        lines.append((text, ItemRef(section, index)))
            self._item_lines = lines
        return self._item_lines

    async def startup(self) -> None:
        self._items()  # while the palette opens, before the first key

    async def discover(self) -> Hits:
        for name, callback, help_text in self._screen_commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._screen_commands():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, _highlight(matcher, name), callback, text=name, help=help_text)
        from briefing_tui.screens.brief_screen import BriefScreen

        screen = self.screen
        if not isinstance(screen, BriefScreen):
            return
        for count, (text, ref) in enumerate(self._items(), start=1):
            if count % _ITEMS_PER_TURN == 0:
                await asyncio.sleep(0)  # a newer query cancels this search here
            if (score := matcher.match(text)) > 0:
                yield Hit(
                    score * 0.9,
                    _highlight(matcher, text),
                    partial(screen.follow, ref),
                    text=text,
                    help=f"Jump to this {section_kind(ref.section).label.lower()}",
                )
