"""OverviewPane: the brief's summary, source and counts, and its people with what they said."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from briefing_tui.model import SECTION_TITLES, SECTIONS, Brief, ItemRef, Lookup, Person
from briefing_tui.printable import printable
from briefing_tui.widgets.item_list import ItemList
from briefing_tui.widgets.item_rows import by_person_row
from briefing_tui.widgets.row_text import RowText

_LABEL = "bold $text-accent"
_MUTED = "$text-muted"


def overview_text(brief: Brief) -> Content:
    """The summary, the source and the counts of a brief, as literal text."""
    parts: list[Content] = [Content.styled(printable(brief.title), "bold")]
    when = brief.date.isoformat() + (f" · {brief.location}" if brief.location else "")
    parts += [Content.styled(printable(when), _MUTED), Content("")]
    parts += [Content(printable(brief.summary)), Content("")]
    counts = brief.counts()
    parts.append(Content.styled("In this brief", _LABEL))
    parts += [
        Content.assemble((f"{counts[name]:>6}  ", "bold"), SECTION_TITLES[name])
        for name in SECTIONS
    ]
    parts.append(Content.assemble((f"{len(brief.people):>6}  ", "bold"), "People"))
    source = brief.source
    if source is not None:
        parts += [Content(""), Content.styled("Source", _LABEL)]
        fields = [
            ("Title", source.title),
            ("Publisher", source.publisher),
            ("Published", source.published.isoformat() if source.published else None),
            ("URL", source.url),
            ("File", source.file),
        ]
        parts += [
            Content.assemble((f"{label}: ", _MUTED), printable(value))
            for label, value in fields
            if value
        ]
    return Content("\n").join(parts)


def person_line(person: Person) -> Content:
    """A person's name in bold, then their role, as literal text."""
    name = (printable(person.name, one_line=True), "bold")
    if not person.role:
        return Content.assemble(name)
    return Content.assemble(name, (", ", _MUTED), (printable(person.role, one_line=True), "italic"))


class OverviewPane(Horizontal):
    """Left: what the brief is; right: its people, and what the highlighted one said or wrote.

    Both lists are drawn with the line API: no OptionList (whose styles and layout cost a
    noticeable share of the first paint) is built for the first screen.
    """

    DEFAULT_CSS = """
    OverviewPane {
        & > #overview-text {
            width: 3fr; padding: 0 1; border: round $border-blurred;
            scrollbar-gutter: stable;  /* laid out once: no second layout when it overflows */
        }
        & > #overview-text:focus { border: round $border; }
        & > #overview-people { width: 2fr; min-width: 20; }
        & #people, & #person-items { height: 1fr; border: round $border-blurred; }
        & #people:focus, & #person-items:focus { border: round $border; }
    }
    """

    class Followed(Message):
        """Enter (or a double click) on one of the highlighted person's items."""

        def __init__(self, overview: OverviewPane, target: ItemRef) -> None:
            super().__init__()
            self.overview = overview
            self.target = target
            """The item chosen."""

        @property
        def control(self) -> OverviewPane:
            return self.overview

    def __init__(self, lookup: Lookup, *, id: str | None = None) -> None:
        """The overview of the brief behind `lookup`."""
        super().__init__(id=id)
        self._lookup = lookup
        self._brief = lookup.brief
        self._person_shown: int | None = None
        self._refs: Sequence[ItemRef] = ()

    def compose(self) -> ComposeResult:
        # Everything is set up before the first paint: a change after mount costs another layout.
        text = VerticalScroll(id="overview-text")
        text.border_title = "Overview"
        with text:
            yield Static(overview_text(self._brief))
        people = self._brief.people
        with Vertical(id="overview-people"):
            people_list = ItemList(len(people), lambda i: person_line(people[i]), id="people")
            people_list.border_title = "People"
            yield people_list
            self._person_shown = 0 if people else None
            self._refs, title = self._items_of(self._person_shown)
            items = ItemList(len(self._refs), self._item_label, id="person-items")
            items.border_title = title
            yield items

    @property
    def people_list(self) -> ItemList:
        """The list of people."""
        return self.query_one("#people", ItemList)

    @property
    def person_items(self) -> ItemList:
        """The list of what the highlighted person said or wrote."""
        return self.query_one("#person-items", ItemList)

    @property
    def person_index(self) -> int | None:
        """The index of the highlighted person, if any."""
        return self.people_list.index

    def select_person(self, index: int, *, list_items: bool = False) -> None:
        """Highlight person `index`; with `list_items`, focus the list of what they said."""
        self.people_list.select_index(index)
        self._show_person(index)
        if list_items:
            self.person_items.focus()

    def _item_label(self, index: int) -> RowText:
        return by_person_row(self._refs[index], self._lookup)

    def _items_of(self, index: int | None) -> tuple[Sequence[ItemRef], str | Content]:
        """What person `index` said or wrote, and the title of that list."""
        if index is None or not 0 <= index < len(self._brief.people):
            return (), "Nobody selected"
        person = self._brief.people[index]
        refs = self._lookup.by_person(person.id)
        return refs, Content(printable(f"By {person.name} ({len(refs)})", one_line=True))

    def _show_person(self, index: int | None) -> None:
        if index == self._person_shown and index is not None:
            return
        self._person_shown = index
        self._refs, title = self._items_of(index)
        items = self.person_items
        items.border_title = title
        items.set_items(len(self._refs), self._item_label)

    def on_item_list_highlighted(self, event: ItemList.Highlighted) -> None:
        event.stop()
        if event.item_list.id == "people":
            self._show_person(event.index)

    def on_item_list_selected(self, event: ItemList.Selected) -> None:
        event.stop()
        if event.item_list.id == "people":
            self.select_person(event.index, list_items=True)
        elif 0 <= event.index < len(self._refs):
            self.post_message(self.Followed(self, self._refs[event.index]))
