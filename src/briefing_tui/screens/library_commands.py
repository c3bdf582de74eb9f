"""The command palette's commands on the library screen: search the library, people across
briefs, export, and every brief of the library by its title."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from briefing_tui.printable import printable


class LibraryCommands(Provider):
    """Commands of the library screen, and its briefs by title."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        """(name, callback, help) for the library screen's commands and briefs."""
        from briefing_tui.screens.library_screen import LibraryScreen

        screen = self.screen
        if not isinstance(screen, LibraryScreen):
            return
        yield ("Search the library", partial(screen.run_action, "search"), "Every brief (key /)")
        yield (
            "People across briefs",
            partial(screen.run_action, "people"),
            "Everyone, with what they said or wrote in every brief (key p)",
        )
        yield (
            "Export to Markdown",
            partial(screen.run_action, "export"),
            "The brief under the cursor, or the search's hits (key e)",
        )
        for number, entry in enumerate(screen.library.entries):
            if entry.valid and entry.title is not None:
                name = printable(f"Open {entry.title}", one_line=True)
                when = entry.date.isoformat() if entry.date else ""
                yield (name, partial(screen.open_entry, number), f"{when} {entry.path.name}")

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=printable(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)
