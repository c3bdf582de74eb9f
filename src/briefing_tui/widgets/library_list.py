"""LibraryList: the briefs of a library, one row each, newest first, the invalid ones last."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.style import Style

from briefing_tui.library import LibraryEntry
from briefing_tui.model import SECTION_TITLES, SECTIONS
from briefing_tui.printable import printable, printable_path
from briefing_tui.widgets.cursor_list import CursorList, cursor_bindings
from briefing_tui.widgets.text_styles import MUTED

_DATE = 10  # 2023-07-13
_COUNT = 5  # one section's count, right-aligned
_LOCATION = 14


def entry_error(entry: LibraryEntry) -> str:
    """An invalid entry's first error, on one printable line, and how many more there are."""
    error = entry.error
    assert error is not None
    where = f"line {error.line}: " if error.line is not None else ""
    path = f"{error.path}: " if error.path else ""
    more = f" (and {entry.more_errors} more)" if entry.more_errors else ""
    return printable(f"{where}{path}{error.message}{more}", one_line=True)


def shown_names(entries: Sequence[LibraryEntry]) -> list[str]:
    """How each entry's file is named in the list: its name, or its path where two entries
    share a name (broken.yaml in two folders); printable."""
    names = [entry.path.name for entry in entries]
    counts = Counter(names)
    return [
        printable_path(entry.path if counts[name] > 1 else name)
        for entry, name in zip(entries, names, strict=True)
    ]


class LibraryList(CursorList):
    """A heading line naming the columns, then one row per brief: its date, title, location and
    the count of each section; an invalid file shows its name and its first error instead."""

    BINDINGS: ClassVar[list[BindingType]] = cursor_bindings("brief", "Open brief")
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k / down, j | Move to the previous / next brief. |
    | home, g / end, G | Move to the first / last brief. |
    | pageup, b / pagedown, space | Move a page up / down (ctrl+u, ctrl+d: half a page). |
    | enter | Open the brief in the reader. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "library-list--cursor",
        "library-list--heading",
        "library-list--invalid",
    }
    """
    | Class | Description |
    | :- | :- |
    | `library-list--cursor` | The brief under the cursor. |
    | `library-list--heading` | The line naming the columns. |
    | `library-list--invalid` | The mark of a file that is not a valid brief. |
    """

    DEFAULT_CSS = """
    LibraryList {
        background: $surface;
        & > .library-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .library-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .library-list--heading { color: $text-accent; text-style: bold; }
        & > .library-list--invalid { color: $text-error; text-style: bold; }
    }
    """

    CURSOR_CLASS = "library-list--cursor"

    class Chosen(Message):
        """Enter or a double click on a brief."""

        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number
            """The entry's number in the library."""

    def __init__(
        self, entries: Sequence[LibraryEntry], *, cursor: int = 0, id: str | None = None
    ) -> None:
        """A list of `entries` (in library order), the cursor on row `cursor`."""
        super().__init__(cursor=cursor, id=id)
        self.entries = entries
        self._names = shown_names(entries)

    @property
    def row_count(self) -> int:
        return len(self.entries)

    @property
    def line_count(self) -> int:
        return len(self.entries) + 1

    def row_lines(self, row: int) -> tuple[int, int]:
        return row + 1, 1

    def line_row(self, line: int) -> int | None:
        return line - 1 if line else None

    def reveal_lines(self, row: int) -> tuple[int, int]:
        return (0 if row == 0 else row + 1), row + 1

    def _columns(self, width: int) -> tuple[int, int]:
        """The widths of the location and the counts at `width` (0: left out)."""
        counts = _COUNT * len(SECTIONS) if width >= 60 else 0
        location = _LOCATION if width >= 76 else 0
        return location, counts

    def render_content(self, line: int, row: int | None, width: int) -> tuple[Content, Style]:
        location, counts = self._columns(width)
        title = max(8, width - 1 - _DATE - 2 - (location + 2 if location else 0) - counts)
        if row is None:
            heads = [f" {'Date':<{_DATE}}  ", f"{'Title':<{title}}"]
            heads += [f"  {'Location':<{location}}"] if location else []
            heads += [f"{SECTION_TITLES[s][:3]:>{_COUNT}}" for s in SECTIONS] if counts else []
            return Content("".join(heads)), self.get_visual_style("library-list--heading")
        entry = self.entries[row]
        if not entry.valid:
            mark = Content(f" {'invalid':<{_DATE}}  ").stylize(
                self.get_visual_style("library-list--invalid", partial=True)
            )
            name = self._names[row]
            text = Content(name).append(Content(": " + entry_error(entry)).stylize(MUTED))
            return mark + text, self.get_visual_style()
        assert entry.date is not None and entry.title is not None
        parts = [
            Content(f" {entry.date.isoformat():<{_DATE}}  ").stylize(MUTED),
            Content(printable(entry.title, one_line=True)).truncate(title, ellipsis=True, pad=True),
        ]
        if location:
            where = printable(entry.location or "", one_line=True)
            parts.append(Content("  " + where).truncate(location + 2, ellipsis=True, pad=True))
        if counts:
            numbers = "".join(f"{entry.counts.get(s, 0):>{_COUNT}}" for s in SECTIONS)
            parts.append(Content(numbers).stylize(MUTED))
        return Content.assemble(*parts), self.get_visual_style()

    def row_chosen(self, row: int) -> None:
        self.post_message(self.Chosen(row))
