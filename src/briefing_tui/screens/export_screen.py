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
from briefing_tui.files import TargetExists, WriteError, write_text_atomic
from briefing_tui.model import SECTION_TITLES, SECTIONS, Brief, ItemRef, Section
from briefing_tui.printable import printable_path

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

    def refs(self) -> list[ItemRef] | None:
        """The items of the search (None for a scope that is not a search)."""
        if self.search is None:
            return None
        return [ItemRef(s, index) for s in SECTIONS for index in self.search.indices(s)]


def _items(count: int) -> str:
    return f"{count} item{'' if count == 1 else 's'}"


def export_scopes(brief: Brief, pane: str, search: SearchResult | None) -> list[ExportScope]:
    """The dialog's three choices for `brief`, with `pane` on show and `search` (None: none).

    The current pane is unavailable on the Overview (it holds no items of its own), and the
    search results when no search is active or it found nothing.
    """
    total = sum(brief.counts().values())
    scopes = [ExportScope("brief", Content(f"The whole brief: {_items(total)}"), total)]
    if pane in SECTIONS:
        section = next(section for section in SECTIONS if section == pane)
        count = len(brief.section(section))
        label = Content(f"This pane, {SECTION_TITLES[section]}: {_items(count)}")
        scopes.append(ExportScope("pane", label, count, sections=(section,), available=count > 0))
    else:
        label = Content("This pane: the Overview holds no items")
        scopes.append(ExportScope("pane", label, 0, available=False))
    if search is None:
        label = Content("The search results: no search is active (press / to search)")
        scopes.append(ExportScope("search", label, 0, available=False))
    else:
        count = len(search)
        text = f"The search results for “{search.query.text}”: {_items(count)}"
        scopes.append(
            ExportScope("search", Content(text), count, search=search, available=count > 0)
        )
    return scopes


def export_target(text: str, folder: Path) -> Path:
    """The file a typed path names: `~` expanded, a relative path taken from `folder`."""
    path = Path(text).expanduser()
    return path if path.is_absolute() else folder / path


class ReplaceScreen(ModalScreen[bool]):
    """Asks whether to replace an existing file: True to replace, False to keep it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(False)", "Keep the file")]

    DEFAULT_CSS = """
    ReplaceScreen {
        align: center middle;
        & > #replace-dialog {
            width: 64; max-width: 100%; height: auto;
            border: round $error; background: $surface; padding: 0 2;
        }
        & #replace-path { color: $text-muted; }
        & .dialog-buttons { height: auto; align-horizontal: right; margin-top: 1; }
        & .dialog-buttons > Button { margin-left: 1; }
    }
    """

    def __init__(self, path: Path) -> None:
        """A question about the existing file at `path`."""
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="replace-dialog"):
            question = f"{printable_path(self.path.name)} exists — replace it?"
            yield Label(Content(question), id="replace-question")
            yield Label(Content(printable_path(self.path)), id="replace-path")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Replace", variant="error", id="replace")
                yield Button("Cancel", id="keep")

    def on_mount(self) -> None:
        if self.is_active:  # not when a key typed ahead dismissed it before it was mounted
            self.query_one("#keep").focus()  # Enter alone never replaces a file

    @on(Button.Pressed)
    def answer(self, event: Button.Pressed) -> None:
        if self.is_active:  # a key typed ahead may have closed it already
            self.dismiss(event.button.id == "replace")


class ExportScreen(ModalScreen[Path | None]):
    """The export dialog: a file path, what to export, Export and Cancel.

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
        }
        & .dialog-heading { text-style: bold; color: $text-accent; margin-top: 1; }
        & #export-target { color: $text-muted; padding: 0 1; }
        & #export-target.-error { color: $text-error; }
        & RadioSet { width: 100%; }
        & .dialog-buttons { height: auto; align-horizontal: right; margin-top: 1; }
        & .dialog-buttons > Button { margin-left: 1; }
    }
    """

    class Finished(Message):
        """The worker's report: the file written (error None), or why it was not."""

        def __init__(self, path: Path, count: int, error: WriteError | None) -> None:
            super().__init__()
            self.path = path
            self.count = count
            self.error = error

    def __init__(
        self,
        brief: Brief,
        *,
        brief_path: Path | None = None,
        pane: str = "overview",
        search: SearchResult | None = None,
    ) -> None:
        """A dialog exporting `brief` (read from `brief_path`), with `pane` on show and the
        active `search` (None: no search)."""
        super().__init__()
        self.brief = brief
        self.brief_path = brief_path
        self.scopes = export_scopes(brief, pane, search)
        self.writing = False

    def compose(self) -> ComposeResult:
        name = (
            printable_path(default_export_name(self.brief_path)) if self.brief_path else "brief.md"
        )
        with Vertical(id="export-dialog") as dialog:
            dialog.border_title = "Export to Markdown"
            dialog.border_subtitle = "enter exports · escape cancels"
            yield Label("File", classes="dialog-heading")
            yield Input(name, placeholder="a file name, like brief.md", id="export-path")
            yield Label("", id="export-target")
            yield Label("What to export", classes="dialog-heading")
            with RadioSet(id="export-scope"):
                for number, scope in enumerate(self.scopes):
                    yield RadioButton(
                        scope.label, value=number == 0, id=scope.id, disabled=not scope.available
                    )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        if self.is_active:  # not when a key typed ahead dismissed it before it was mounted
            self.show_target(self.query_one(Input).value)
            self.query_one(Input).focus()

    @property
    def target(self) -> Path:
        """The file the typed path names."""
        return export_target(self.query_one(Input).value, Path.cwd())

    @on(Input.Changed)
    def show_target(self, event: Input.Changed | str) -> None:
        """Say where the file goes, or why Export is disabled."""
        text = event if isinstance(event, str) else event.value
        label = self.query_one("#export-target", Label)
        label.remove_class("-error")
        if not text.strip():
            label.update("Type a file name to export to.")
        elif text.endswith((os.sep, "/")):
            label.update("That names a folder: add a file name.")
        else:
            label.update(Content(f"Writes {printable_path(self.target)}"))
        self.query_one("#export", Button).disabled = self.writing or not self.ready

    @property
    def ready(self) -> bool:
        """Whether the typed path can be exported to (a file name is there)."""
        text = self.query_one(Input).value
        return bool(text.strip()) and not text.endswith((os.sep, "/"))

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
        self.query_one("#export", Button).disabled = True
        self.write_file(self.target, self.chosen(), replace)

    @work(thread=True, exclusive=True, group="export")
    def write_file(self, path: Path, scope: ExportScope, replace: bool) -> None:
        """Render and write the export; reports back with Finished."""
        text = to_markdown(self.brief, sections=scope.sections, refs=scope.refs())
        protect = [self.brief_path] if self.brief_path else []
        try:
            write_text_atomic(path, text, replace=replace, protect=protect)
        except WriteError as error:
            self.post_message(self.Finished(path, scope.count, error))
        else:
            self.post_message(self.Finished(path, scope.count, None))

    def on_export_screen_finished(self, event: ExportScreen.Finished) -> None:
        self.writing = False
        if self not in self.app.screen_stack:
            return  # closed already: the app is quitting
        self.query_one("#export", Button).disabled = not self.ready
        while not self.is_active:  # the palette, opened over the dialog during the write
            self.app.pop_screen()  # (dismiss and push_screen work on the top screen)
        if event.error is None:
            message = f"Exported {_items(event.count)} to {printable_path(event.path)}"
            self.app.notify(message, title="Export", markup=False)
            self.dismiss(event.path)
        elif isinstance(event.error, TargetExists):
            self.app.push_screen(ReplaceScreen(event.path), self.replace_answered)
        else:
            label = self.query_one("#export-target", Label)
            label.update(Content(str(event.error)))
            label.add_class("-error")
            self.app.notify(str(event.error), title="Export failed", severity="error", markup=False)
            self.query_one(Input).focus()

    def replace_answered(self, replace: bool | None) -> None:
        """Write over the file when the answer is Replace; otherwise let the path be changed."""
        if replace:
            self.action_export(replace=True)
        else:
            self.query_one(Input).focus()
