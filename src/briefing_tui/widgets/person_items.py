"""PersonItems: what one person said or wrote in every brief of a library, newest brief first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.style import Style

from briefing_tui.library import LibraryEntry, LibraryPerson
from briefing_tui.model import kind_of
from briefing_tui.printable import printable, printable_path
from briefing_tui.widgets.cursor_list import CursorList, cursor_bindings
from briefing_tui.widgets.text_styles import MUTED


class PersonItems(CursorList):
    """A heading per brief that lists the person (its date, title and file), then one row per
    quote or analysis by them there (its kind and its headline), or a note that there is none.
    The cursor's row is the item's index in the person's items."""

    BINDINGS: ClassVar[list[BindingType]] = cursor_bindings("item", "Open in its brief")
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k / down, j | Move to the previous / next item. |
    | home, g / end, G | Move to the first / last item. |
    | pageup, b / pagedown, space | Move a page up / down (ctrl+u, ctrl+d: half a page). |
    | enter | Open the item in its brief. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"person-items--cursor", "person-items--brief"}
    """
    | Class | Description |
    | :- | :- |
    | `person-items--cursor` | The item under the cursor. |
    | `person-items--brief` | A brief's heading. |
    """

    DEFAULT_CSS = """
    PersonItems {
        background: $surface;
        & > .person-items--cursor { background: $block-cursor-blurred-background; }
        &:focus > .person-items--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .person-items--brief { color: $text-accent; text-style: bold; }
    }
    """

    CURSOR_CLASS = "person-items--cursor"

    class Chosen(Message):
        """Enter or a double click on an item."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row
            """The item's index in the person's items."""

    def __init__(self, entries: Sequence[LibraryEntry], *, id: str | None = None) -> None:
        """An empty list for a person of the library of `entries`; `show` fills it."""
        super().__init__(id=id)
        self._entries = entries
        self.person: LibraryPerson | None = None
        self._rows: list[int | None] = []  # each line's row, None for a heading or a note
        self._line_of: list[int] = []  # each row's line
        self._notes: dict[int, tuple[int, bool]] = {}  # heading or note lines: entry, is_heading

    def show(self, person: LibraryPerson | None) -> None:
        """List what `person` said or wrote in each brief that lists them, the cursor on the
        first item."""
        self.person = person
        self._rows, self._line_of, self._notes = [], [], {}
        items = person.items if person is not None else ()
        row = 0
        for number in person.briefs if person is not None else ():
            self._notes[len(self._rows)] = (number, True)
            self._rows.append(None)
            if row == len(items) or items[row].number != number:
                self._notes[len(self._rows)] = (number, False)
                self._rows.append(None)
            while row < len(items) and items[row].number == number:
                self._line_of.append(len(self._rows))
                self._rows.append(row)
                row += 1
        self.reset(0)
        self.scroll_to(y=0, animate=False, immediate=True)

    @property
    def row_count(self) -> int:
        return len(self._line_of)

    @property
    def line_count(self) -> int:
        return len(self._rows)

    def row_lines(self, row: int) -> tuple[int, int]:
        return self._line_of[row], 1

    def line_row(self, line: int) -> int | None:
        return self._rows[line]

    def reveal_lines(self, row: int) -> tuple[int, int]:
        line = self._line_of[row]
        return (line - 1 if line - 1 in self._notes else line), line

    def render_content(self, line: int, row: int | None, width: int) -> tuple[Content, Style]:
        assert self.person is not None
        if row is None:
            number, heading = self._notes[line]
            if not heading:
                return Content.styled("   listed, with nothing said or written", MUTED), (
                    self.get_visual_style()
                )
            return self._heading(number), self.get_visual_style("person-items--brief")
        item = self.person.items[row].item
        kind = kind_of(item)
        text = str(getattr(item, kind.headline_field(item)) or "")
        label = Content(f"   {kind.label:<9}").stylize(MUTED)
        quoted = f"“{text}”" if kind.quoted else text
        return label + Content(printable(quoted, one_line=True)), self.get_visual_style()

    def _heading(self, number: int) -> Content:
        """A brief's heading: its date, title and file name."""
        entry = self._entries[number]
        when = entry.date.isoformat() if entry.date else ""
        title = Content(printable(f" {when}  {entry.title or ''}", one_line=True))
        return title + Content(f"  {printable_path(entry.path.name)}").stylize(MUTED)

    def row_chosen(self, row: int) -> None:
        self.post_message(self.Chosen(row))
