"""BriefingApp: the terminal reader of one brief, already loaded and validated."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from briefing_tui.model import Brief, Lookup
from briefing_tui.resources import bundled
from briefing_tui.screens.brief_screen import BriefScreen
from briefing_tui.settings import Settings, load_settings, save_settings

if TYPE_CHECKING:
    from textual.command import Provider


def _brief_commands() -> type[Provider]:
    """The palette's brief commands, imported when the palette first opens."""
    from briefing_tui.commands import BriefCommands

    return BriefCommands


class BriefingApp(App[None]):
    """Shows one brief in five panes; remembers the theme between runs."""

    CSS_PATH = bundled("styles") / "app.tcss"
    COMMANDS = App.COMMANDS | {_brief_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help"),
        Binding("slash", "search", "Search"),
        Binding("e", "export", "Export"),
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ?, f1 | Show every key. |
    | / | Search the brief. |
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
        self.title = brief.title
        self.settings = load_settings()
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    def get_default_screen(self) -> Screen[None]:
        return BriefScreen(self.lookup)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)

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

        return [
            (
                "Anywhere",
                [
                    *self.BINDINGS,
                    Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Commands"),
                ],
            ),
            ("Panes", list(BriefScreen.BINDINGS)),
            ("Item list", list(ItemList.BINDINGS)),
            (
                "Related items and people",
                [*RelatedList.BINDINGS, Binding("enter", "select", "Follow")],
            ),
        ]

    def action_help(self) -> None:
        """Show every key (the help screen)."""
        from briefing_tui.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_groups()))

    def action_search(self) -> None:
        """Search the brief (not available yet)."""
        self.notify("Search is not available yet.")

    def action_export(self) -> None:
        """Open the export dialog: the whole brief, the pane on show or the search results."""
        from briefing_tui.screens.export_screen import ExportScreen  # startup never pays for it

        screen = self.screen
        if not isinstance(screen, BriefScreen):  # a dialog or the help is open
            return
        search = getattr(self, "search_result", None)
        pane = getattr(screen, "active_pane", "overview")
        self.push_screen(
            ExportScreen(self.brief, brief_path=self.brief_path, pane=pane, search=search)
        )
