"""ReplaceScreen: asks before an export replaces an existing file."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from briefing_tui.printable import printable_path
from briefing_tui.widgets.path_line import PathLine


class ReplaceScreen(ModalScreen[bool]):
    """Asks whether to replace an existing file: True to replace, False to keep it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(False)", "Keep the file")]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Keep the file (as Cancel does). |
    """

    DEFAULT_CSS = """
    ReplaceScreen {
        align: center middle;
        & > #replace-dialog {
            width: 64; max-width: 100%; height: auto;
            border: round $error; background: $surface; padding: 0 1;
        }
        & .dialog-buttons { height: auto; align-horizontal: right; margin-top: 1; }
        & .dialog-buttons > Button { margin-left: 2; min-width: 10; }
    }
    """

    def __init__(self, path: Path) -> None:
        """A question about the existing file at `path`."""
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="replace-dialog") as dialog:
            dialog.border_title = "Replace the file?"
            name = printable_path(self.path.name)
            yield Label(Content(f"{name} exists — replace it?"), id="replace-question")
            where = PathLine(id="replace-path")
            where.say("in", self.path.parent, joiner=" ")
            yield where
            with Horizontal(classes="dialog-buttons"):
                yield Button("Replace", variant="error", id="replace", compact=True)
                yield Button("Cancel", id="keep", compact=True)

    def on_mount(self) -> None:
        if self.is_active:  # not when a key typed ahead dismissed it before it was mounted
            self.query_one("#keep").focus()  # Enter alone never replaces a file

    @on(Button.Pressed)
    def answer(self, event: Button.Pressed) -> None:
        if self.is_active:  # a key typed ahead may have closed it already
            self.dismiss(event.button.id == "replace")

    async def action_dismiss(self, result: bool | None = None) -> None:
        """Close, if it is on top: a key queued for it after it closed (f1 then escape in one
        burst) must not close it a second time."""
        if self.is_active:
            await super().action_dismiss(result)
