"""RelatedList: a focusable list of items or people that Enter follows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.model import ItemRef, Lookup, Section, headline
from briefing_tui.printable import printable

ITEM_KINDS: dict[Section, str] = {
    "agreements": "Agreement",
    "quotes": "Quote",
    "analysis": "Analysis",
    "questions": "Question",
}
"""What one item of each section is called."""

Target = ItemRef | str
"""Where a related entry leads: an item, or a person by id."""


def describe_target(target: Target, lookup: Lookup) -> Content:
    """One literal line naming a target: its section (or "Person") and its headline."""
    if isinstance(target, ItemRef):
        text = headline(lookup.item(target), lookup)
        label = ITEM_KINDS[target.section]
    else:
        person = lookup.people.get(target)
        text = person.name if person else target
        if person and person.role:
            text = f"{text} — {person.role}"
        label = "Person"
    return Content.assemble((f"{label}: ", "$text-muted"), printable(text, one_line=True))


class RelatedList(OptionList):
    """Lists targets; Enter (or a click) on one posts `RelatedList.Followed`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Previous", show=False),
        Binding("down,j", "cursor_down", "Next", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k / down, j | Move the highlight. |
    | home, g / end, G | Highlight the first or last entry. |
    | enter | Follow the highlighted entry. |
    """

    DEFAULT_CSS = """
    RelatedList {
        height: auto;
        max-height: 12;
        border: none;
        padding: 0;
        min-width: 3;  /* an option's padding and one cell: narrower, wrapping it fails */
        /* No border on focus either: the layout must not shift; the cursor colour shows it. */
        &:focus { border: none; }
        & > .option-list--option { padding: 0 1; }
    }
    """

    class Followed(Message):
        """A related item or person was chosen."""

        def __init__(self, related_list: RelatedList, target: Target) -> None:
            super().__init__()
            self.related_list = related_list
            self.target = target
            """The item (ItemRef) or person id chosen."""

        @property
        def control(self) -> RelatedList:
            return self.related_list

    def __init__(
        self, lookup: Lookup, *, id: str | None = None, classes: str | None = None
    ) -> None:
        """An empty list; `show_targets` fills it."""
        super().__init__(id=id, classes=classes)
        self._lookup = lookup
        self.targets: list[Target] = []

    def show_targets(self, targets: Iterable[Target]) -> None:
        """Replace the entries with these targets, highlighting the first."""
        self.targets = list(targets)
        self.set_options(Option(describe_target(t, self._lookup)) for t in self.targets)
        self.highlighted = 0 if self.targets else None

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.targets):
            self.post_message(self.Followed(self, self.targets[event.option_index]))
