"""What the item lists say of each item: the words first, whoever said or wrote them after.

A section's list leads with an item's headline (a title, the words of a quote, a question) and
puts its person, dimmed, after it; a list of what one person said leads with the kind of each
item and leaves the person out.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from rich.cells import cell_len
from textual.content import Content

from briefing_tui.model import KINDS, Item, ItemRef, Lookup, kind_of
from briefing_tui.printable import printable
from briefing_tui.widgets.row_text import RowText
from briefing_tui.widgets.text_blocks import quoted

Span = tuple[int, int]
Spans = tuple[Span, ...]
_DASH = " — "
_KIND_WIDTH = max(len(kind.label) for kind in KINDS if kind.person is not None)
"""The widest name of a kind a person's items can be of: their words start in one column."""


def _headline_text(item: Item) -> str:
    kind = kind_of(item)
    return printable(getattr(item, kind.headline_field(item)) or "", one_line=True)


def item_row(item: Item, lookup: Lookup) -> RowText:
    """A section list's row: the headline, then " — person" for an item by someone."""
    person = kind_of(item).person_of(item)
    text = Content(_headline_text(item))
    if person is None:
        return RowText(text)
    name = printable(lookup.person_name(person), one_line=True)
    return RowText(text, Content(_DASH + name))


def _cells(text: str) -> int:
    """The cells `text` takes on screen, made printable (ASCII at once: a character a cell)."""
    return len(text) if text.isascii() else cell_len(printable(text, one_line=True))


def item_row_cells(item: Item, lookup: Lookup) -> int:
    """The cells `item_row` takes on one line, worked out without building it (10,000 rows are
    measured when a list is laid out)."""
    kind = kind_of(item)
    cells = _cells(getattr(item, kind.headline_field(item)) or "")
    person = kind.person_of(item)
    return cells if person is None else cells + len(_DASH) + _cells(lookup.person_name(person))


def by_person_row(ref: ItemRef, lookup: Lookup) -> RowText:
    """A row of the list of what one person said or wrote: the kind, then the headline, in one
    column (words they said between quotation marks)."""
    item = lookup.item(ref)
    kind = kind_of(item)
    text = _headline_text(item)
    quote = kind.quoted and kind.headline_field(item) == kind.headline[0]
    words = quoted(text) if quote else Content(text)
    return RowText(words, lead=Content(f"{kind.label:<{_KIND_WIDTH}}  "))


def row_spans(item: Item, lookup: Lookup, spans: Spans) -> Spans:
    """Spans into the headline as `model.headline` words it ("Name: text") moved to where the
    row shows them ("text — Name")."""
    person = kind_of(item).person_of(item)
    if person is None:
        return spans
    name = len(lookup.person_name(person))
    text = len(_headline_text(item))
    moved: list[Span] = []
    for start, end in spans:
        if start >= name + 2:  # in the text, after "Name: "
            moved.append((start - name - 2, end - name - 2))
        elif start < name:  # in the name
            shift = text + len(_DASH)
            moved.append((start + shift, min(end, name) + shift))
    return tuple(sorted(moved))


class RowSpans(Mapping[int, Spans]):
    """Search spans of a section's rows, by item index, moved to where the rows show them;
    worked out only for the rows drawn."""

    def __init__(
        self, spans: Mapping[int, Sequence[Span]], items: tuple[Item, ...], lookup: Lookup
    ) -> None:
        self._spans = spans
        self._items = items
        self._lookup = lookup

    def __getitem__(self, index: int) -> Spans:
        return row_spans(self._items[index], self._lookup, tuple(self._spans[index]))

    def __iter__(self) -> Iterator[int]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)
