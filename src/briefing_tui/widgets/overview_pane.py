"""OverviewPane: the brief's summary, source and counts, and its people with what they said."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.model import SECTION_TITLES, SECTIONS, Brief, Lookup, Person
from briefing_tui.widgets.printable import printable
from briefing_tui.widgets.related_list import RelatedList

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
    """Left: what the brief is; right: its people, and what the highlighted one said or wrote."""

    DEFAULT_CSS = """
    OverviewPane {
        & > #overview-text {
            width: 3fr; padding: 0 1; border: round $border-blurred;
            scrollbar-gutter: stable;  /* laid out once: no second layout when it overflows */
        }
        & > #overview-text:focus { border: round $border; }
        & > #overview-people { width: 2fr; min-width: 20; }
        & #people { height: 1fr; border: round $border-blurred; }
        & #people:focus { border: round $border; }
        & #person-items {
            height: 1fr; max-height: 100%; border: round $border-blurred;
        }
        & #person-items:focus { border: round $border; }
    }
    """

    def __init__(self, lookup: Lookup, *, id: str | None = None) -> None:
        """The overview of the brief behind `lookup`."""
        super().__init__(id=id)
        self._lookup = lookup
        self._brief = lookup.brief
        self._person_shown: int | None = None

    def compose(self) -> ComposeResult:
        # Everything is set up before the first paint: a change after mount costs another layout.
        text = VerticalScroll(id="overview-text")
        text.border_title = "Overview"
        with text:
            yield Static(overview_text(self._brief))
        with Vertical(id="overview-people"):
            people = OptionList(
                *[Option(person_line(person)) for person in self._brief.people], id="people"
            )
            people.border_title = "People"
            if self._brief.people:
                people.highlighted = 0
            yield people
            yield RelatedList(self._lookup, id="person-items")

    def on_mount(self) -> None:
        self._show_person(0 if self._brief.people else None)

    @property
    def people_list(self) -> OptionList:
        """The list of people."""
        return self.query_one("#people", OptionList)

    @property
    def person_index(self) -> int | None:
        """The index of the highlighted person, if any."""
        return self.people_list.highlighted

    def select_person(self, index: int, *, list_items: bool = False) -> None:
        """Highlight person `index`; with `list_items`, focus the list of what they said."""
        self.people_list.highlighted = index
        self._show_person(index)
        if list_items:
            self.query_one("#person-items").focus()

    def _show_person(self, index: int | None) -> None:
        if index == self._person_shown and index is not None:
            return
        self._person_shown = index
        items = self.query_one("#person-items", RelatedList)
        if index is None or not 0 <= index < len(self._brief.people):
            items.border_title = "Nobody selected"
            items.show_targets(())
            return
        person = self._brief.people[index]
        refs = self._lookup.by_person(person.id)
        items.border_title = Content(printable(f"By {person.name} ({len(refs)})", one_line=True))
        items.show_targets(refs)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "people":
            event.stop()
            self._show_person(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "people":
            event.stop()
            self.select_person(event.option_index, list_items=True)
