"""PeopleList: everyone in a library, one row each, by name, with how many briefs list them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.style import Style

from briefing_tui.library import LibraryPerson
from briefing_tui.printable import printable
from briefing_tui.widgets.cursor_list import CursorList, cursor_bindings
from briefing_tui.widgets.text_styles import MUTED


class PeopleList(CursorList):
    """One row per person: the name, then (muted, at the right) in how many briefs, when they
    are in more than one."""

    BINDINGS: ClassVar[list[BindingType]] = cursor_bindings("person", "Show what they said")
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k / down, j | Move to the previous / next person. |
    | home, g / end, G | Move to the first / last person. |
    | pageup, b / pagedown, space | Move a page up / down (ctrl+u, ctrl+d: half a page). |
    | enter | Move to what the person said or wrote. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"people-list--cursor"}
    """
    | Class | Description |
    | :- | :- |
    | `people-list--cursor` | The person under the cursor. |
    """

    DEFAULT_CSS = """
    PeopleList {
        background: $surface;
        & > .people-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .people-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
    }
    """

    CURSOR_CLASS = "people-list--cursor"

    class Highlighted(Message):
        """The cursor moved to a person."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row
            """The person's row."""

    class Chosen(Message):
        """Enter or a double click on a person."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row
            """The person's row."""

    def __init__(self, people: Sequence[LibraryPerson], *, id: str | None = None) -> None:
        """A list of `people`."""
        super().__init__(id=id)
        self.people = people

    @property
    def row_count(self) -> int:
        return len(self.people)

    def render_content(self, line: int, row: int | None, width: int) -> tuple[Content, Style]:
        assert row is not None
        person = self.people[row]
        briefs = len(person.briefs)
        across = f" {briefs} briefs" if briefs > 1 else ""  # the people that link briefs
        name = Content(" " + printable(person.name, one_line=True))
        name = name.truncate(max(4, width - len(across)), ellipsis=True, pad=True)
        return name + Content(across).stylize(MUTED), self.get_visual_style()

    def cursor_moved(self, row: int) -> None:
        self.post_message(self.Highlighted(row))

    def row_chosen(self, row: int) -> None:
        self.post_message(self.Chosen(row))
