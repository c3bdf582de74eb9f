"""SearchBar: the query input, and a status line above it saying what the query found."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static


class SearchBar(Vertical):
    """A one-line query input; escape closes, up/down recall, tab moves into the results."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Enter is the input's own key; named here too, so the footer offers it while typing.
        Binding("enter", "open_hit", "Open hit", priority=True),
        Binding("tab", "to_results", "Results"),
        Binding("escape", "close", "Close search"),
        Binding("up", "recall(-1)", "Earlier search", show=False),
        Binding("down", "recall(1)", "Later search", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Open the first hit (or the one picked in the results). |
    | tab | Move into the results. |
    | escape | Close the bar (the highlights stay). |
    | up, down | Recall an earlier or later search. |
    """

    DEFAULT_CSS = """
    SearchBar {
        height: auto;
        background: $panel;
        & > #search-status { height: 1; padding: 0 1; color: $text-muted; }
        & > #search-status.-nothing { color: $text-warning; }
        & > Input, & > Input:focus { border: none; height: 1; padding: 0 1; }
    }
    """

    class Closed(Message):
        """Escape in the bar."""

    class Recall(Message):
        """Up (-1) or down (1): recall an earlier or later search."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class ToResults(Message):
        """Tab: the focus should move into the results."""

    def compose(self) -> ComposeResult:
        yield Static(id="search-status", markup=False)
        yield Input(
            placeholder='Search: words, "a phrase", speaker:, tag:, in:, -word',
            id="search-input",
        )

    @property
    def input(self) -> Input:
        """The query input."""
        return self.query_one(Input)

    def set_status(self, text: str, *, nothing: bool = False) -> None:
        """Say `text` (literally) on the status line; `nothing` marks a search that found none."""
        status = self.query_one("#search-status", Static)
        status.update(Content(text))
        status.set_class(nothing, "-nothing")

    def set_query(self, text: str) -> None:
        """Put `text` in the input, the cursor at its end (an Input.Changed follows)."""
        self.input.value = text
        self.input.cursor_position = len(text)

    async def action_open_hit(self) -> None:
        """Submit the query, as enter in the input does."""
        await self.input.action_submit()

    def action_close(self) -> None:
        """Close the bar."""
        self.post_message(self.Closed())

    def action_recall(self, step: int) -> None:
        """Recall an earlier (-1) or later (1) search."""
        self.post_message(self.Recall(step))

    def action_to_results(self) -> None:
        """Move into the results."""
        self.post_message(self.ToResults())
