"""BriefingApp: the terminal reader of one brief, already loaded and validated."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from briefing_tui.collector import resume_after_start
from briefing_tui.model import Brief, Lookup
from briefing_tui.resources import bundled
from briefing_tui.screens.brief_screen import BriefScreen
from briefing_tui.settings import Settings, load_settings, save_settings

if TYPE_CHECKING:
    from textual.command import Provider


def _resume_collection() -> None:
    """After the first paint: turn the garbage collector back on if start-up turned it off."""
    resume_after_start()


def _brief_commands() -> type[Provider]:
    """The palette's brief commands, imported when the palette first opens."""
    from briefing_tui.commands import BriefCommands

    return BriefCommands


class BriefingApp(App[None]):
    """Shows one brief (the brief screen does the reading); remembers the theme between runs."""

    CSS_PATH = bundled("styles") / "app.tcss"
    COMMANDS = App.COMMANDS | {_brief_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ctrl+c | Quit, from anywhere (text boxes and dialogs included). |
    | ctrl+p | The command palette: panes, items, search, export, themes. |
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
        return BriefScreen(self.lookup, brief_path=self.brief_path)

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
