"""ExportScreen: write the whole brief, the pane on show or the search results as Markdown."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from briefing_tui.export import default_export_name, to_markdown
from briefing_tui.export_target import TargetCheck, check_target, export_target, failure_reason
from briefing_tui.files import TargetExists, WriteError, write_text_atomic
from briefing_tui.model import SECTION_TITLES, SECTIONS, Brief, ItemRef, Section
from briefing_tui.printable import printable, printable_path
from briefing_tui.screens.replace_screen import ReplaceScreen
from briefing_tui.widgets.path_line import PathLine

if TYPE_CHECKING:
    from briefing_tui.search import SearchResult


@dataclass(frozen=True)
class ExportScope:
    """One choice of what to export: its option label, item count, and the to_markdown selection."""

    id: str
    label: Content
    count: int
    sections: tuple[Section, ...] | None = None
    search: SearchResult | None = None
    available: bool = True

    @property
    def query(self) -> str | None:
        """The search that found the items (None for a scope that is not a search)."""
        return self.search.query.text if self.search is not None else None

    def refs(self) -> list[ItemRef] | None:
        """The items of the search, in the scope's sections (None: not a search)."""
        if self.search is None:
            return None
        sections = self.sections or SECTIONS
        return [ItemRef(s, index) for s in sections for index in self.search.indices(s)]


def _items(count: int) -> str:
    return f"{count} item{'' if count == 1 else 's'}"


def _pane_scope(brief: Brief, section: Section, search: SearchResult | None) -> ExportScope:
    """This pane's items: all of them, or (`search` given: filter mode) those the pane shows."""
    title = SECTION_TITLES[section]
    if search is None:
        count = len(brief.section(section))
        label = Content(f"This pane, {title}: {_items(count)}")
        return ExportScope("pane", label, count, sections=(section,), available=count > 0)
    count = search.counts[section]
    query = printable(search.query.text.strip(), one_line=True)
    closest = " (closest matches, none exact)" if search.fuzzy else ""
    label = Content(f"This pane, {title} filtered by “{query}”{closest}: {_items(count)}")
    return ExportScope(
        "pane", label, count, sections=(section,), search=search, available=count > 0
    )


def export_scopes(
    brief: Brief, pane: str, search: SearchResult | None, *, filtering: bool = False
) -> list[ExportScope]:
    """The dialog's three choices for `brief`, with `pane` on show and `search` (None: none);
    with `filtering`, the pane shows (and exports) only the items of the search.

    The current pane is unavailable on the Overview (it holds no items of its own), and the
    search results when no search is active or it found nothing. Results that are only the
    closest to the query (a typo corrected, some words missing) are labelled as such.
    """
    total = sum(brief.counts().values())
    scopes = [ExportScope("brief", Content(f"The whole brief: {_items(total)}"), total)]
    if pane in SECTIONS:
        section = next(section for section in SECTIONS if section == pane)
        scopes.append(_pane_scope(brief, section, search if filtering else None))
    else:
        label = Content("This pane: the Overview holds no items")
        scopes.append(ExportScope("pane", label, 0, available=False))
    if search is None:
        label = Content("The search results: no search is active (press / to search)")
        scopes.append(ExportScope("search", label, 0, available=False))
    else:
        count = len(search)
        query = printable(search.query.text, one_line=True)
        text = f"The search results for “{query}”: {_items(count)}"
        if search.fuzzy:  # not what was asked for: say so before it is written out
            text = f"The closest matches to “{query}” (none is exact): {_items(count)}"
        scopes.append(
            ExportScope("search", Content(text), count, search=search, available=count > 0)
        )
    return scopes


class ExportScreen(ModalScreen[Path | None]):
    """The export dialog: a file path, what to export, Export and Cancel. What writing the
    path would do is said as it is typed.

    Dismissed with the written file's path, or None when cancelled.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("enter", "submit", "Export", priority=True),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Export (on a button: press it). |
    | escape | Close the dialog without writing. |
    """

    DEFAULT_CSS = """
    ExportScreen {
        align: center middle;
        & > #export-dialog {
            width: 76; max-width: 100%; height: auto; max-height: 100%;
            border: round $border; background: $surface; padding: 0 1;
            border-title-color: $text-accent; border-title-style: bold;
            border-subtitle-color: $text-muted;
        }
        & .dialog-heading { text-style: bold; color: $text-accent; margin-top: 1; }
        & #file-heading { margin-top: 0; }
        & #export-path { margin: 0 0 0 1; }
        & #export-target { padding: 0 1; }
        & RadioSet { width: 100%; margin: 0 0 0 1; }
        & RadioButton:disabled { color: $text-disabled; }
        & .dialog-buttons { height: auto; align-horizontal: right; margin-top: 1; }
        & .dialog-buttons > Button { margin-left: 2; min-width: 10; }
    }
    """

    class Finished(Message):
        """The worker's report: the file written (error None), or why it was not."""

        def __init__(self, path: Path, count: int, error: WriteError | None) -> None:
            super().__init__()
            self.path = path
            self.count = count
            self.error = error

    class Checked(Message):
        """What writing the path typed as `text` would do."""

        def __init__(self, text: str, check: TargetCheck) -> None:
            super().__init__()
            self.text = text
            self.check = check

    def __init__(
        self,
        brief: Brief,
        *,
        brief_path: Path | None = None,
        pane: str = "overview",
        search: SearchResult | None = None,
        filtering: bool = False,
    ) -> None:
        """A dialog exporting `brief` (read from `brief_path`), with `pane` on show and the
        active `search` (None: no search); `filtering`: the panes show only its items."""
        super().__init__()
        self.brief = brief
        self.brief_path = brief_path
        self.scopes = export_scopes(brief, pane, search, filtering=filtering)
        self.writing = False
        self._blocked = False  # the last check of the typed path found it cannot be written

    def compose(self) -> ComposeResult:
        name = (
            printable_path(default_export_name(self.brief_path)) if self.brief_path else "brief.md"
        )
        with Vertical(id="export-dialog") as dialog:
            dialog.border_title = "Export to Markdown"
            dialog.border_subtitle = "enter exports · escape cancels"
            yield Label("File", classes="dialog-heading", id="file-heading")
            yield Input(
                name, placeholder="a file name, like brief.md", id="export-path", compact=True
            )
            yield PathLine(id="export-target")
            yield Label("What to export", classes="dialog-heading")
            with RadioSet(id="export-scope", compact=True):
                for number, scope in enumerate(self.scopes):
                    yield RadioButton(
                        scope.label, value=number == 0, id=scope.id, disabled=not scope.available
                    )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        if self.is_active:  # not when a key typed ahead dismissed it before it was mounted
            self.show_target(self.query_one(Input).value)
            self.query_one(Input).focus()

    @property
    def target(self) -> Path:
        """The file the typed path names."""
        return export_target(self.query_one(Input).value, Path.cwd())

    @property
    def protected(self) -> list[Path]:
        """The files never written: the brief."""
        return [self.brief_path] if self.brief_path else []

    @on(Input.Changed)
    def show_target(self, event: Input.Changed | str) -> None:
        """Say what writing the typed path would do (asking the file system off the event
        loop), or why Export is off."""
        text = event if isinstance(event, str) else event.value
        line = self.query_one("#export-target", PathLine)
        self._blocked = False
        if not text.strip():
            line.say("Type a file name to export to.")
        elif text.endswith(("/", os.sep)):
            line.say("That names a folder: add a file name.")
        else:
            line.say("Writes", self.target, joiner=" ")
            self.check_path(text, self.target)
        self._update_export_button()

    @work(thread=True, exclusive=True, group="check")
    def check_path(self, text: str, path: Path) -> None:
        """What writing `path` (typed as `text`) would do; reports back with Checked."""
        self.post_message(self.Checked(text, check_target(path, self.protected)))

    def on_export_screen_checked(self, event: ExportScreen.Checked) -> None:
        if event.text != self.query_one(Input).value:
            return  # typed on since: a newer check is on its way
        check = event.check
        tone = "error" if check.blocked else "warning" if check.warns else ""
        joiner = " " if check.says == "Writes" else ": "
        self.query_one("#export-target", PathLine).say(
            check.says, self.target, tone=tone, joiner=joiner
        )
        self._blocked = check.blocked
        self._update_export_button()

    def _update_export_button(self) -> None:
        self.query_one("#export", Button).disabled = self.writing or not self.ready

    @property
    def ready(self) -> bool:
        """Whether the typed path can be exported to (a file name, not known to fail)."""
        text = self.query_one(Input).value
        return bool(text.strip()) and not text.endswith(("/", os.sep)) and not self._blocked

    def chosen(self) -> ExportScope:
        """The scope Enter or Export uses: the pressed option, or, with the focus on the
        options, the highlighted one (pressed now, as space would)."""
        radio_set = self.query_one(RadioSet)
        button = radio_set.pressed_button
        if radio_set.has_focus:
            radio_set.action_toggle_button()  # presses the highlighted option...
            # ...which is the one now on beside the old; if it was the pressed one, it went off
            # and the set turns it on again.
            pressed = [option for option in radio_set.query(RadioButton) if option.value]
            button = next((option for option in pressed if option is not button), button)
        return next(scope for scope in self.scopes if button is not None and scope.id == button.id)

    def action_submit(self) -> None:
        """Enter: press the focused button, or export."""
        if isinstance(self.focused, Button):
            self.focused.press()
        else:
            self.action_export()

    def action_cancel(self) -> None:
        """Close without writing (not while a write is under way: its report would be lost)."""
        if not self.writing and self.is_active:  # a second escape typed ahead: already closing
            self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, "#export")
    def export_pressed(self) -> None:
        self.action_export()

    def action_export(self, replace: bool = False) -> None:
        """Write the chosen scope to the typed path (off the event loop)."""
        if self.writing or not self.ready:
            return
        self.writing = True
        self._update_export_button()
        self.write_file(self.target, self.chosen(), replace)

    @work(thread=True, exclusive=True, group="export")
    def write_file(self, path: Path, scope: ExportScope, replace: bool) -> None:
        """Render and write the export; reports back with Finished."""
        text = to_markdown(
            self.brief, sections=scope.sections, refs=scope.refs(), query=scope.query
        )
        try:
            write_text_atomic(path, text, replace=replace, protect=self.protected)
        except WriteError as error:
            self.post_message(self.Finished(path, scope.count, error))
        else:
            self.post_message(self.Finished(path, scope.count, None))

    def on_export_screen_finished(self, event: ExportScreen.Finished) -> None:
        self.writing = False
        if self not in self.app.screen_stack:
            return  # closed already: the app is quitting
        self._update_export_button()
        while not self.is_active:  # the palette, opened over the dialog during the write
            self.app.pop_screen()  # (dismiss and push_screen work on the top screen)
        shown = printable_path(event.path)
        if event.error is None:
            message = f"Exported {_items(event.count)} to {shown}"
            self.dismiss(event.path)  # first: the news shows on the reader, which takes keys again
            self.app.notify(message, title="Export", markup=False)
        elif isinstance(event.error, TargetExists):
            self.app.push_screen(ReplaceScreen(event.path), self.replace_answered)
        else:
            reason = printable(failure_reason(event.error), one_line=True)
            line = self.query_one("#export-target", PathLine)
            line.say(reason, event.path, tone="error")
            self.app.notify(
                f"{reason}: {shown}", title="Export failed", severity="error", markup=False
            )
            self.query_one(Input).focus()

    def replace_answered(self, replace: bool | None) -> None:
        """Write over the file when the answer is Replace; otherwise let the path be changed."""
        if replace:
            self.action_export(replace=True)
        else:
            self.query_one(Input).focus()
