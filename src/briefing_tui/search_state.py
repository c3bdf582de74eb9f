"""Search as the reader uses it: earlier queries, where matches fall in what the panes show,
what the bar says, walking the hits with n/N, and the index built on first use.

Pure, no Textual: the brief screen and its search view call it, tests can call it alone. The
search modules are imported when the first search runs, so a brief opens without paying for them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from briefing_tui.model import (
    SECTION_TITLES,
    SECTIONS,
    Brief,
    Item,
    ItemRef,
    Lookup,
    Section,
    kind_of,
)

if TYPE_CHECKING:
    from briefing_tui.search import Match, SearchIndex, SearchResult

Span = tuple[int, int]
Spans = tuple[Span, ...]


class QueryHistory:
    """Earlier queries, oldest first, and a cursor for recalling them with up and down."""

    def __init__(self, limit: int = 100) -> None:
        self.entries: list[str] = []
        self._limit = limit
        self._cursor: int | None = None  # the entry recalled, None when at the draft
        self._draft = ""

    def add(self, text: str) -> None:
        """Remember `text` as the newest query (once: an earlier copy moves to the end)."""
        text = text.strip()
        self._cursor = None
        if not text:
            return
        if text in self.entries:
            self.entries.remove(text)
        self.entries.append(text)
        del self.entries[: -self._limit]

    def previous(self, current: str) -> str | None:
        """The query before the one recalled (the newest, from the draft `current`); None at the
        oldest."""
        if not self.entries:
            return None
        if self._cursor is None:
            self._draft = current
            self._cursor = len(self.entries)
        if self._cursor == 0:
            return None
        self._cursor -= 1
        return self.entries[self._cursor]

    def next(self) -> str | None:
        """The query after the one recalled, the draft after the newest; None past the draft."""
        if self._cursor is None:
            return None
        self._cursor += 1
        if self._cursor >= len(self.entries):
            self._cursor = None
            return self._draft
        return self.entries[self._cursor]

    def reset(self) -> None:
        """Stop recalling: the text typed next is a new draft."""
        self._cursor = None


def headline_spans(item: Item, lookup: Lookup, matches: tuple[Match, ...]) -> Spans:
    """Where `matches` fall in the item's headline (model.headline), as offsets into it."""
    kind = kind_of(item)
    person = kind.person_of(item)
    name = lookup.person_name(person) if person is not None else ""
    shift = len(name) + 2 if person is not None else 0
    body = kind.headline_field(item)
    spans: list[Span] = []
    for match in matches:
        if match.field == body:
            spans += [(start + shift, end + shift) for start, end in match.spans]
        elif match.field == kind.person:  # "Name, role": the name leads the headline
            spans += [
                (start, min(end, len(name))) for start, end in match.spans if start < len(name)
            ]
    return tuple(sorted(spans))


def detail_highlights(item: Item, lookup: Lookup, matches: tuple[Match, ...]) -> dict[str, Spans]:
    """The spans of `matches` by detail field name ("title", "details[2]", "speaker"...)."""
    highlights: dict[str, Spans] = {}
    kind = kind_of(item)
    person = kind.person_of(item)
    for match in matches:
        key = match.field if match.entry is None else f"{match.field}[{match.entry}]"
        spans = match.spans
        if match.field == kind.person and person is not None:
            size = len(lookup.person_name(person))  # the detail shows the role apart
            spans = tuple((start, min(end, size)) for start, end in spans if start < size)
        highlights[key] = spans
    return highlights


def context_match(item: Item, lookup: Lookup, matches: tuple[Match, ...]) -> Match | None:
    """The first of `matches` that the item's headline does not mark (a match in another field,
    or in a person's role), which a result line shows as context; None if it marks them all."""
    return next((match for match in matches if not headline_spans(item, lookup, (match,))), None)


class RowHighlights(Mapping[int, Spans]):
    """Headline spans of one section's hits by item index, worked out only for rows drawn."""

    def __init__(self, result: SearchResult, section: Section, lookup: Lookup) -> None:
        self._result = result
        self._section = section
        self._lookup = lookup

    def __getitem__(self, index: int) -> Spans:
        position = self._result.position(ItemRef(self._section, index))
        if position is None:
            raise KeyError(index)
        hit = self._result.hits[position]
        return headline_spans(self._lookup.item(hit.ref), self._lookup, hit.matches)

    def __iter__(self) -> Iterator[int]:
        return iter(self._result.indices(self._section))

    def __len__(self) -> int:
        return self._result.counts[self._section]


def counts_line(result: SearchResult) -> str:
    """Hits per section: "Agreements 3 · Quotes 1 · Analysis 2 · Questions 0"."""
    return " · ".join(f"{SECTION_TITLES[s]} {result.counts[s]}" for s in SECTIONS)


def summary_line(result: SearchResult | None) -> str:
    """What the bar says of a result: the counts, or that nothing matched and what comes close."""
    if result is None:
        return "Type to search every section; up and down recall earlier searches."
    text = result.query.text.strip()
    closest = ", ".join(result.suggestions)
    if result.fuzzy:
        return f"No exact match for {text} — closest: {closest} · {counts_line(result)}"
    if not result.hits:
        return f"No match for {text}" + (f" — closest: {closest}" if closest else "")
    return counts_line(result)


def step_hit(result: SearchResult, delta: int, at: ItemRef | Section | None) -> tuple[int, bool]:
    """The position of the hit after (`delta` 1) or before (-1) the reader's place `at`, in brief
    order, and whether the walk wrapped round an end of the brief. The result must have hits.

    `at` is the item under the cursor, a section whose pane has no item selected (its top), or
    None for the Overview (the top of the brief).
    """
    on = result.position(at) if isinstance(at, ItemRef) else None
    if on is not None:
        target = on + delta
    else:
        if at is None:
            before = 0
        else:
            before = result.hits_before(at if isinstance(at, ItemRef) else ItemRef(at, 0))
        target = before if delta > 0 else before - 1
    count = len(result.hits)
    return target % count, not 0 <= target < count


def detail_marker(
    result: SearchResult, section: Section, lookup: Lookup
) -> Callable[[int], dict[str, Spans] | None]:
    """A function giving the detail highlights of an item of `section`, by index; None if the
    item is not a hit."""

    def marker(index: int) -> dict[str, Spans] | None:
        position = result.position(ItemRef(section, index))
        if position is None:
            return None
        hit = result.hits[position]
        return detail_highlights(lookup.item(hit.ref), lookup, hit.matches)

    return marker


class SearchSession:
    """One brief's search: its index, built on first use (or ahead of it, in a worker)."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self._index: SearchIndex | None = None
        self._building = threading.Lock()  # a worker may be building the index already

    @property
    def index(self) -> SearchIndex:
        """The brief's search index, built on first use (some 50 ms at 10,000 items)."""
        with self._building:
            if self._index is None:
                from briefing_tui.search import SearchIndex

                self._index = SearchIndex(self.brief)
            return self._index

    def prepare(self) -> None:
        """Build the index and what typo correction needs now (for a worker thread)."""
        self.index.prepare()

    def search(self, text: str) -> SearchResult | None:
        """The result of the query `text` (None for a blank query: no search)."""
        return self.index.search(text) if text.strip() else None
