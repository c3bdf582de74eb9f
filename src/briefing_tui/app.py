"""BriefingApp: the terminal reader of one brief, already loaded and validated."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen, SystemModalScreen
from textual.theme import Theme
from textual.widgets import Footer, Input

from briefing_tui.collector import resume_after_start
from briefing_tui.history import Location
from briefing_tui.model import Brief, Lookup
from briefing_tui.places import brief_key, load_places, location_of, place_of, save_place
from briefing_tui.printable import printable
from briefing_tui.resources import bundled
from briefing_tui.screens.brief_screen import BriefScreen
from briefing_tui.settings import Settings, load_settings, save_settings
from briefing_tui.widgets.brief_panes import BriefPanes

if TYPE_CHECKING:
    from textual.command import Provider

    from briefing_tui.filestate import FileState
    from briefing_tui.library import Library


def _resume_collection() -> None:
    """After the first paint: turn the garbage collector back on if start-up turned it off."""
    resume_after_start()


def _give_a_footer(screen: Screen[Any]) -> None:
    """A dialog (a modal screen of ours) gets a footer naming its keys, over the brief's."""
    if isinstance(screen, ModalScreen) and not isinstance(screen, SystemModalScreen):

        def mount() -> None:
            if screen.is_attached and not screen.query(Footer):
                screen.mount(Footer())
                screen.call_after_refresh(screen.refresh_bindings)

        screen.call_after_refresh(mount)  # once the dialog is composed


def _brief_commands() -> type[Provider]:
    """The palette's brief commands, imported when the palette first opens."""
    from briefing_tui.commands import BriefCommands

    return BriefCommands


class BriefingApp(App[None]):
    """Shows one brief (the brief screen does the reading); remembers the theme between runs."""

    reader: BriefScreen
    """The brief's screen, the first on the stack."""

    CSS_PATH = bundled("styles") / "app.tcss"
    COMMANDS = App.COMMANDS | {_brief_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        # Priority: under a dialog (a modal screen) only priority keys of the app still apply.
        # Shown in the footer only in a text box, where ? is text and F1 is the way to the help.
        Binding("f1", "help", "Help", show=False, priority=True),
        Binding("f1", "help('typing')", "Help", priority=True),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ctrl+c | Quit, from anywhere (text boxes and dialogs included). |
    | f1 | Help, from anywhere (the search bar's opens it at the query syntax). |
    | f1 | (the same, named in the footer in a text box, where ? is text) |
    | ctrl+p | The command palette: panes, items, search, export, themes. |
    """

    def __init__(
        self,
        brief: Brief | None,
        *,
        brief_path: Path | None = None,
        library: Library | None = None,
        baseline: FileState | None = None,
    ) -> None:
        """An app for `brief` (loaded from `brief_path`, if it came from a file, whose state
        before it was read was `baseline`: a change since is reloaded at once), or for the
        briefs of `library` (with `brief` None)."""
        super().__init__()
        self.library = library
        self._baseline = baseline
        self.brief = brief
        self.brief_path = brief_path
        self.lookup = Lookup(brief) if brief is not None else None
        self.title = brief.title if brief is not None else "Library"
        self.settings = load_settings()
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self._start: Location | None = None  # where the brief was left, if it was read before
        if brief_path is not None and self.lookup is not None:
            place = load_places().get(brief_key(brief_path))
            self._start = location_of(place, self.lookup) if place is not None else None
        self.quitting = False
        """Whether the app is on its way out: from then on, no key or click does anything."""

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Begin quitting: remember where the brief was left; keys typed after this (a paste, a
        slow link) are dropped."""
        if not self.quitting:
            self._remember_place()
        self.quitting = True
        super().exit(*args, **kwargs)

    def _remember_place(self) -> None:
        """Save the reader's place in the brief on top, to reopen it there (quietly: it is
        quitting)."""
        readers = [screen for screen in self.screen_stack if isinstance(screen, BriefScreen)]
        reader = readers[-1] if readers else None
        if reader is None or reader.brief_path is None or not reader.is_mounted:
            return
        place = place_of(reader.panes.location(), reader.lookup)
        with suppress(OSError):
            save_place(brief_key(reader.brief_path), place)

    async def on_event(self, event: events.Event) -> None:
        if self.quitting and isinstance(event, (events.InputEvent, events.Paste)):
            return  # a key queued behind `q` would run against screens being taken down
        await super().on_event(event)

    def _fatal_error(self) -> None:
        """Report an unexpected error as Textual does, but without the values of local
        variables: they hold the brief's text, which has no place in a crash report."""
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()
        traceback = Traceback(show_locals=False, width=None)
        self._exit_renderables.append(Segments(self.console.render(traceback)))
        self._close_messages_no_wait()

    def get_default_screen(self) -> Screen[None]:
        if self.lookup is None:
            from briefing_tui.screens.library_screen import LibraryScreen

            assert self.library is not None
            return LibraryScreen(self.library)
        self.reader = BriefScreen(
            self.lookup,
            brief_path=self.brief_path,
            split=self.settings.split,
            start=self._start,
            baseline=self._baseline,
        )
        return self.reader

    def action_command_palette(self) -> None:
        """The palette, unless one is open already, maybe under the help (F1 opens it from the
        palette): Textual would push a second one with the same id, and fail."""
        from textual.command import CommandPalette

        if not any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            super().action_command_palette()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "help":  # the footer names F1 in a text box; it works everywhere
            return (parameters == ("typing",)) == isinstance(self.focused, Input)
        return True

    async def action_help(self, _where: str = "") -> None:
        """Show the help over whatever is on screen (a dialog), or close it. The palette closes
        first, as escape closes it: a palette left under another screen would take the escape
        meant for that screen, close the screen above it instead, and fail the next time."""
        from textual.command import CommandPalette

        from briefing_tui.screens.help_screen import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        if isinstance(self.screen, CommandPalette):
            await self.run_action("escape", self.screen)
        for screen in reversed(self.screen_stack):  # the reader's help, or the library's
            help_screen = getattr(screen, "help_screen", None)
            if help_screen is not None:
                self.push_screen(help_screen())
                return

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.screen_change_signal.subscribe(self, _give_a_footer)
        self.call_after_refresh(_resume_collection)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's palette commands that work here, and ours in place of those that do not:
        the keys are the help's (not a second list that disagrees), a screenshot is saved where
        it can be."""
        for command in super().get_system_commands(screen):
            if command.title == "Keys":
                yield SystemCommand(
                    "Keys", "Every key, as the help lists them (f1)", self.action_help
                )
            elif command.title == "Screenshot":
                yield SystemCommand(
                    "Screenshot",
                    "Save an SVG picture of the screen next to the brief, and say where",
                    lambda: self.set_timer(0.1, self.save_reader_screenshot),
                )
            else:
                yield command

    def save_reader_screenshot(self) -> None:
        """Save a screenshot next to the brief (or in a folder that exists) and say where; in a
        browser, download it."""
        from briefing_tui.files import WriteError, write_text_atomic
        from briefing_tui.screenshots import screenshot_folder, screenshot_name

        if self.is_web:
            self.deliver_screenshot(screenshot_name(self.brief_path))
            return
        folder = screenshot_folder(self.brief_path)
        if folder is None:
            self.notify("No folder to save a screenshot in.", severity="error")
            return
        path = folder / screenshot_name(self.brief_path)
        try:
            write_text_atomic(path, self.export_screenshot())
        except WriteError as error:
            message = printable(f"Screenshot not saved: {error}", one_line=True)
            self.notify(message, severity="error", markup=False)
        else:
            message = printable(f"Screenshot saved: {path}", one_line=True)
            self.notify(message, markup=False)

    def _remember_theme(self, theme: Theme) -> None:
        """Save the theme now in use to the settings file."""
        if theme.name != self.settings.theme:
            self._remember(msgspec.structs.replace(self.settings, theme=theme.name), "the theme")

    def on_brief_panes_split_changed(self, event: BriefPanes.SplitChanged) -> None:
        self._remember(msgspec.structs.replace(self.settings, split=event.split), "the split")

    def _remember(self, settings: Settings, what: str) -> None:
        """Save `settings` to the settings file; say so if that fails."""
        self.settings = settings
        try:
            save_settings(settings)
        except OSError as error:
            reason = printable(str(error), one_line=True)
            self.notify(f"Could not save {what}: {reason}", severity="warning", markup=False)
