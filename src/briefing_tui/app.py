"""BriefingApp: the terminal reader of one brief, already loaded and validated."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input

from briefing_tui.collector import resume_after_start
from briefing_tui.model import Brief, Lookup
from briefing_tui.resources import bundled
from briefing_tui.screens.brief_screen import BriefScreen
from briefing_tui.settings import Settings, load_settings, save_settings

if TYPE_CHECKING:
    from textual.command import Provider

    from briefing_tui.search import SearchResult
    from briefing_tui.widgets.search_view import SearchView


_COMMAND_KEY_ACTIONS = frozenset({"help", "search", "step_hit", "export", "quit_app"})
"""Actions of printable command keys: off while a dialog is up or the focus is in a text box."""


def _resume_collection() -> None:
    """After the first paint: turn the garbage collector back on if start-up turned it off."""
    resume_after_start()


def _brief_commands() -> type[Provider]:
    """The palette's brief commands, imported when the palette first opens."""
    from briefing_tui.commands import BriefCommands

    return BriefCommands


class BriefingApp(App[None]):
    """Shows one brief in five panes; remembers the theme between runs."""

    CSS_PATH = bundled("styles") / "app.tcss"
    COMMANDS = App.COMMANDS | {_brief_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        # Command keys are priority bindings: the app runs them before it reads the next key, so
        # what is typed straight after `/` lands in the search bar, not in the list behind it.
        Binding("question_mark,f1", "help", "Help", priority=True),
        Binding("slash", "search", "Search", priority=True),
        Binding("n", "step_hit(1)", "Next hit", show=False, priority=True),
        Binding("N", "step_hit(-1)", "Previous hit", show=False, priority=True),
        Binding("ctrl+f", "toggle_filter", "Filter", show=False),
        Binding("escape", "clear_search", "Clear search", show=False),
        Binding("e", "export", "Export", priority=True),
        Binding("q", "quit_app", "Quit", priority=True),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ?, f1 | Show every key. |
    | / | Search the brief. |
    | n, N | Show the next or previous hit of the search, across all panes. |
    | ctrl+f | Show only the items that match the search, or all again (filter mode). |
    | escape | Clear the search highlights and filter. |
    | e | Export the brief to Markdown. |
    | q, ctrl+c | Quit. |
    | ctrl+p | The command palette: panes, items, themes. |
    """

    def __init__(self, brief: Brief, *, brief_path: Path | None = None) -> None:
        """An app for `brief` (loaded from `brief_path`, if it came from a file)."""
        super().__init__()
        self.brief = brief
        self.brief_path = brief_path
        self.lookup = Lookup(brief)
        self.search_result: SearchResult | None = None
        """The current search, updated as the user types; None when no search is active."""
        self.title = brief.title
        self.settings = load_settings()
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    def get_default_screen(self) -> Screen[None]:
        return BriefScreen(self.lookup)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.call_after_refresh(_resume_collection)

    def _remember_theme(self, theme: Theme) -> None:
        """Save the theme now in use to the settings file."""
        if theme.name == self.settings.theme:
            return
        self.settings = Settings(theme=theme.name)
        try:
            save_settings(self.settings)
        except OSError as error:
            self.notify(f"Could not save the theme: {error}", severity="warning")

    def help_groups(self) -> list[tuple[str, list[BindingType]]]:
        """The bindings the help screen lists, by where they apply."""
        from briefing_tui.widgets.item_list import ItemList
        from briefing_tui.widgets.related_list import RelatedList
        from briefing_tui.widgets.search_bar import SearchBar
        from briefing_tui.widgets.search_results import SearchResults
        from briefing_tui.widgets.search_view import SearchView

        return [
            (
                "Anywhere",
                [
                    *self.BINDINGS,
                    Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Commands"),
                ],
            ),
            ("Panes", list(BriefScreen.BINDINGS)),
            ("Lists of items, people and what each said", list(ItemList.BINDINGS)),
            (
                "Related items and people",
                [*RelatedList.BINDINGS, Binding("enter", "select", "Follow")],
            ),
            ("Search bar", [Binding("enter", "submit", "Open the hit"), *SearchBar.BINDINGS]),
            ("Search results", [*SearchResults.BINDINGS, *SearchView.BINDINGS]),
        ]

    async def action_quit_app(self) -> None:
        """Quit (q; ctrl+c quits from anywhere, text boxes and dialogs included)."""
        await self.action_quit()

    def action_help(self) -> None:
        """Show every key (the help screen)."""
        from briefing_tui.screens.help_screen import HelpScreen
        from briefing_tui.search_state import QUERY_SYNTAX

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_groups(), [("Search queries", QUERY_SYNTAX)]))

    async def _search_view(self, create: bool) -> SearchView | None:
        """The brief screen's search view, mounted on first use (None elsewhere or not yet)."""
        from briefing_tui.search_state import SearchSession
        from briefing_tui.widgets.search_view import SearchView

        screen = self.screen
        if not isinstance(screen, BriefScreen):
            return None
        views = screen.query(SearchView)
        if views:
            return views.first()
        if not create:
            return None
        view = SearchView(SearchSession(self.brief, self.lookup), id="search")
        await screen.mount(view, after="#panes")
        return view

    async def action_search(self) -> None:
        """Open the search bar."""
        view = await self._search_view(create=True)
        if view is not None:
            view.open()
            self.run_worker(view.session.prepare, thread=True, exclusive=True, group="search")

    async def action_step_hit(self, delta: int) -> None:
        """Show the next (1) or previous (-1) hit."""
        view = await self._search_view(create=False)
        if view is None:
            self.notify("No search: / starts one.", severity="warning", timeout=3)
        else:
            view.step(delta)

    async def action_toggle_filter(self) -> None:
        """Narrow the panes to the items that match, or show them all again."""
        view = await self._search_view(create=False)
        if view is None:
            self.notify("No search to filter by: / starts one.", severity="warning", timeout=3)
        else:
            view.toggle_filter()

    async def action_clear_search(self) -> None:
        """Clear the search highlights and filter."""
        view = await self._search_view(create=False)
        if view is not None:
            view.clear()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _COMMAND_KEY_ACTIONS:
            # On a dialog, or typing in a text box, these keys are the dialog's or text.
            return isinstance(self.screen, BriefScreen) and not isinstance(self.focused, Input)
        if action == "clear_search":  # escape is free for others when there is nothing to clear
            return self.search_result is not None or self._filtering()
        return True

    def _filtering(self) -> bool:
        from briefing_tui.widgets.search_view import SearchView

        views = self.screen.query(SearchView) if isinstance(self.screen, BriefScreen) else ()
        return any(view.session.filtering for view in views)

    def on_search_view_result_changed(self, event: SearchView.ResultChanged) -> None:
        self.search_result = event.result

    def action_export(self) -> None:
        """Open the export dialog: the whole brief, the pane on show or the search results."""
        from briefing_tui.screens.export_screen import ExportScreen  # startup never pays for it

        screen = self.screen
        if not isinstance(screen, BriefScreen):  # a dialog or the help is open
            return
        self.push_screen(
            ExportScreen(
                self.brief,
                brief_path=self.brief_path,
                pane=screen.active_pane,
                search=self.search_result,
            )
        )
