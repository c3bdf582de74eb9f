"""PeopleScreen: everyone in a library, matched across briefs by name, and what each of them
said or wrote in every brief, newest first; enter opens an item in its brief."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefing_tui.history import Location
from briefing_tui.library import Library, library_people
from briefing_tui.printable import printable
from briefing_tui.widgets.people_list import PeopleList
from briefing_tui.widgets.person_items import PersonItems
from briefing_tui.widgets.text_styles import MUTED

OpenEntry = Callable[[int, Location], None]
"""Opens entry (a number) of the library in the reader at a location."""


class PeopleScreen(Screen[None]):
    """People on the left, what the one under the cursor said or wrote on the right."""

    AUTO_FOCUS = "PeopleList"

    DEFAULT_CSS = """
    PeopleScreen {
        #people-title { height: 1; padding: 0 1; background: $panel; }
        PeopleList { width: 40%; max-width: 44; }
        PersonItems { width: 1fr; }
        PeopleList, PersonItems {
            border: round $foreground 20%;
            border-title-color: $text-muted;
            border-subtitle-color: $text-muted;
        }
        PeopleList:focus, PersonItems:focus {
            border: round $border;
            border-title-color: $text-accent;
            border-title-style: bold;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "dismiss", "Library"),
        Binding("tab", "app.focus_next", "Next area", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous area", show=False),
        Binding("q", "app.quit", "Quit"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, backspace | Return to the library. |
    | tab, shift+tab | Move between the people and what they said. |
    | q | Quit. |
    """

    def __init__(self, library: Library, *, open_entry: OpenEntry) -> None:
        """Everyone in `library`; `open_entry` reads an item in its brief."""
        super().__init__()
        self.library = library
        self.people = library_people(library)
        self._open_entry = open_entry

    def compose(self) -> ComposeResult:
        briefs = len(self.library.held())
        count = f" · {len(self.people)} in {briefs} brief{'' if briefs == 1 else 's'}"
        title = Content.styled("People", "bold") + Content.styled(count, MUTED)
        yield Static(title, id="people-title")
        with Horizontal():
            yield PeopleList(self.people, id="people-list")
            yield PersonItems(self.library.entries, id="person-items")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PeopleList).border_title = "People"
        self._show_person(0)

    def _show_person(self, row: int) -> None:
        person = self.people[row] if 0 <= row < len(self.people) else None
        items = self.query_one(PersonItems)
        items.show(person)
        if person is not None:
            said = len(person.items)
            items.border_title = printable(f"{person.name} · {said} said or written", one_line=True)
            items.border_subtitle = printable("; ".join(person.roles), one_line=True)

    def on_people_list_highlighted(self, event: PeopleList.Highlighted) -> None:
        event.stop()
        self._show_person(event.row)

    def on_people_list_chosen(self, event: PeopleList.Chosen) -> None:
        event.stop()
        items = self.query_one(PersonItems)
        if items.row_count:
            items.focus()
        else:
            self.notify("Nothing said or written by them in these briefs.", timeout=3)

    def on_person_items_chosen(self, event: PersonItems.Chosen) -> None:
        event.stop()
        person = self.query_one(PersonItems).person
        if person is None:
            return
        said = person.items[event.row]
        self._open_entry(said.number, Location(said.ref.section, said.ref.index))

    async def action_dismiss(self, result: None = None) -> None:
        """Close, if it is on top: a key queued for it after it closed (f1 then escape in one
        burst) must not close it a second time."""
        if self.is_active:
            await super().action_dismiss(result)
