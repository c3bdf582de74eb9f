"""OverviewPane: what the brief is and holds, and its people with what each said or wrote."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import Static

from briefing_tui.model import KINDS, Brief, ItemRef, Lookup, Person
from briefing_tui.printable import printable
from briefing_tui.widgets.empty_state import EmptyState
from briefing_tui.widgets.item_list import ItemList
from briefing_tui.widgets.item_rows import by_person_row
from briefing_tui.widgets.row_text import RowText
from briefing_tui.widgets.text_blocks import Block, Hanging, TextBlocks, text_blocks
from briefing_tui.widgets.text_scroll import TextScroll
from briefing_tui.widgets.text_styles import KEY, MUTED, STRONG, label, muted


def said_counts(brief: Brief) -> Counter[str]:
    """How many items each person (by id) said or wrote."""
    counts: Counter[str] = Counter()
    for kind in KINDS:
        if kind.person is not None:
            counts.update(getattr(item, kind.person) for item in brief.section(kind.section))
    return counts


def _count_lines(brief: Brief) -> list[Content]:
    """A line per section, read as the footer's keys are: the key that shows its pane, its
    name (a click on the line shows it too), and how many items it holds; then the people."""
    counts = brief.counts()
    names = max(len(kind.title) for kind in KINDS)
    width = max(len(str(count)) for count in [*counts.values(), len(brief.people)])
    lines = []
    for number, kind in enumerate(KINDS, start=2):  # the Overview is pane 1, then the sections
        click = Style.from_meta({"@click": f"screen.show_pane({kind.section!r})"})
        # The key keeps its colour: a link's colour would cover it.
        name = Content.assemble(
            f"{kind.title:<{names}}  ", (f"{counts[kind.section]:>{width}}", STRONG)
        )
        lines.append(Content.assemble((f"{number} ", KEY), name.stylize(click)))
    people = Content.assemble(f"  {'People':<{names}}  ", (f"{len(brief.people):>{width}}", STRONG))
    return [*lines, people]


def _source_lines(brief: Brief) -> list[Block]:
    """The source, a field a line; a long value wraps under itself, not under its name."""
    source = brief.source
    if source is None:
        return []
    fields = [
        ("Title", source.title),
        ("Publisher", source.publisher),
        ("Published", source.published.isoformat() if source.published else None),
        ("URL", source.url),
        ("File", source.file),
    ]
    shown = [(name, value) for name, value in fields if value]
    width = max((len(name) for name, _ in shown), default=0)
    return [
        Hanging(muted(f"{name:<{width}}  "), Content(printable(value, one_line=True)))
        for name, value in shown
    ]


def _marked(content: Content, spans: Sequence[tuple[int, int]]) -> Content:
    """`content` with search matches (`spans` into its text) marked."""
    if not spans:
        return content
    from briefing_tui.widgets.item_links import MATCH_STYLE  # only once a search marks it

    for start, end in spans:
        content = content.stylize(MATCH_STYLE, start, end)
    return content


def overview_text(
    brief: Brief, highlights: Mapping[str, Sequence[tuple[int, int]]] | None = None
) -> TextBlocks:
    """What a reader wants first: the title, when and where, what the brief holds (each count
    a way into its pane), the source, then the summary; all literal text. Search matches in
    the title and summary (`highlights`, {"title": spans, "summary": spans}) are marked."""
    marks = highlights or {}
    when = brief.date.isoformat() + (f" · {brief.location}" if brief.location else "")
    blocks: list[Block | Sequence[Block]] = [
        _marked(Content.styled(printable(brief.title), STRONG), marks.get("title", ())),
        muted(printable(when, one_line=True)),
        Content(""),
        label("In this brief"),
        _count_lines(brief),
    ]
    if source := _source_lines(brief):
        blocks += [Content(""), label("Source"), source]
    if brief.summary.strip():
        summary = _marked(Content(printable(brief.summary)), marks.get("summary", ()))
        blocks += [Content(""), label("Summary"), summary]
    return text_blocks(blocks)


def person_line(person: Person, said: int = 1) -> Content:
    """A person's name in bold, then their role, as literal text; all of it receding when they
    said and wrote nothing (`said` is how many items they did)."""
    name = printable(person.name, one_line=True)
    if not said:
        role = f", {printable(person.role, one_line=True)}" if person.role else ""
        return Content.styled(name + role, MUTED)
    if not person.role:
        return Content.styled(name, STRONG)
    role = printable(person.role, one_line=True)
    return Content.assemble((name, STRONG), (", ", MUTED), (role, "italic"))


class OverviewPane(Horizontal):
    """Left: what the brief is; right: its people, and what the highlighted one said or wrote.

    Both lists are drawn with the line API: no OptionList (whose styles and layout cost a
    noticeable share of the first paint) is built for the first screen.
    """

    DEFAULT_CSS = """
    OverviewPane {
        & > #overview-text { width: 3fr; padding: 0 1; }
        & #overview-body {
            link-color: $foreground; link-background: transparent; link-style: none;
            link-color-hover: $foreground; link-background-hover: $boost;
            link-style-hover: underline;
        }
        & > #overview-people { width: 2fr; min-width: 20; }
        & #people { height: auto; max-height: 50%; }
        & #person-items, & #person-empty { height: 1fr; }
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
        self._said = said_counts(lookup.brief)
        self._person_shown: int | None = None
        self._refs: Sequence[ItemRef] = ()
        self._marks: Mapping[str, Sequence[tuple[int, int]]] = {}  # search matches shown

    @property
    def first_speaker(self) -> int | None:
        """The first person who said or wrote something (else the first person; None: nobody)."""
        people = self._brief.people
        found = (index for index, person in enumerate(people) if self._said[person.id])
        return next(found, 0 if people else None)

    def compose(self) -> ComposeResult:
        # Everything is set up before the first paint: a change after mount costs another layout.
        text = TextScroll(id="overview-text")
        text.border_title = "Overview"
        with text:
            yield Static(overview_text(self._brief), id="overview-body")
        people = self._brief.people
        start = self.first_speaker
        with Vertical(id="overview-people"):
            people_list = ItemList(
                len(people),
                lambda i: person_line(people[i], self._said[people[i].id]),
                cursor=start or 0,
                id="people",
            )
            people_list.border_title = f"People {len(people)}" if people else "People"
            yield people_list
            self._person_shown = start
            self._refs, title = self._items_of(start)
            items = ItemList(len(self._refs), self._item_label, id="person-items")
            items.border_title = title
            empty = EmptyState(id="person-empty")
            empty.border_title = title
            self._say_empty(start, empty)
            items.display, empty.display = bool(self._refs), not self._refs
            yield items
            yield empty

    def mark(self, highlights: Mapping[str, Sequence[tuple[int, int]]]) -> None:
        """Mark search matches in the brief's title and summary ({} clears them)."""
        if highlights != self._marks:
            self._marks = highlights
            body = self.query_one("#overview-body", Static)
            body.update(overview_text(self._brief, highlights))

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
        """Highlight person `index`; with `list_items`, focus the list of what they said (if
        they said anything: else the focus stays on the people)."""
        self.people_list.select_index(index)
        self._show_person(index)
        if list_items and self._refs:
            self.person_items.focus()
        elif list_items:
            self.people_list.focus()

    def _item_label(self, index: int) -> RowText:
        """A row of what the person said or wrote: its kind, then its words (their name, in the
        list's title, is not repeated)."""
        return by_person_row(self._refs[index], self._lookup)

    def _items_of(self, index: int | None) -> tuple[Sequence[ItemRef], str]:
        """What person `index` said or wrote, and the title of that list."""
        if index is None or not 0 <= index < len(self._brief.people):
            return (), "Nobody selected"
        person = self._brief.people[index]
        refs = self._lookup.by_person(person.id)
        return refs, printable(f"By {person.name} ({len(refs)})", one_line=True)

    def _say_empty(self, index: int | None, empty: EmptyState) -> None:
        """Say why the highlighted person has nothing listed, and what to do."""
        if index is None:
            empty.say("This brief names nobody.", "Quotes and analysis name who said them.")
            return
        name = self._brief.people[index].name
        others = ": pick someone else above" if len(self._brief.people) > 1 else ""
        empty.say(
            f"Nothing by {name} in this brief.",
            f"Named, but neither quoted nor the author of any analysis{others}.",
        )

    def _show_person(self, index: int | None) -> None:
        if index == self._person_shown and index is not None:
            return
        self._person_shown = index
        self._refs, title = self._items_of(index)
        items = self.person_items
        empty = self.query_one("#person-empty", EmptyState)
        items.border_title = empty.border_title = title
        items.set_items(len(self._refs), self._item_label)
        if not self._refs:
            self._say_empty(index, empty)
        if items.display != bool(self._refs):
            if items.has_focus:
                self.people_list.focus()  # the list leaves: the focus stays in the pane
            items.display, empty.display = bool(self._refs), not self._refs

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
