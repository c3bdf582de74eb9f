"""Search as the reader uses it: where matches fall in what the panes show, what the bar says,
walking the overview and the hits with n/N, and the index built on first use. (Earlier queries
are in search_history.py.)

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
    from briefing_tui.query import Problem
    from briefing_tui.search import Match, SearchIndex, SearchResult
    from briefing_tui.search_result import Correction, Partial

Span = tuple[int, int]
Spans = tuple[Span, ...]


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
    """Matches per group: "Overview 1 · Agreements 3 · Quotes 1 · Analysis 2 · Questions 0" (the
    Overview only when the brief's title or summary matches)."""
    overview = ["Overview 1"] if result.overview is not None else []
    return " · ".join([*overview, *(f"{SECTION_TITLES[s]} {result.counts[s]}" for s in SECTIONS)])


def problem_line(problem: Problem) -> str:
    """A mistake in a query as the command line words it: "unterminated quote (at character 8)"."""
    return f"{problem.message} (at character {problem.position + 1})"


def _corrected(corrections: tuple[Correction, ...]) -> str:
    """The corrections offered: "closest: hydrogen", or per word when several were corrected
    ("closest: hydrgen → hydrogen, suply → supply")."""
    offered = [correction for correction in corrections if correction.closest]
    if len(offered) == 1:
        return "closest: " + ", ".join(offered[0].closest)
    return "closest: " + ", ".join(f"{c.word} → {'/'.join(c.closest)}" for c in offered)


def _partial_line(partial: Partial, count: int, unknown: tuple[str, ...]) -> str:
    """Why the hits offered are partial: "No item has both hydrogen and supply — 14 have one"."""
    terms, have = partial.terms, "has" if count == 1 else "have"
    if partial.needed == 2:
        said = f"No item has both {terms[0]} and {terms[1]} — {count} {have} one of them"
    else:
        listed = ", ".join(terms)
        said = (
            f"No item has all of {listed} — {count} {have} {partial.held} of the {partial.needed}"
        )
    if unknown:
        said += f"; {' and '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} in no item"
    return said


def summary_line(result: SearchResult | None) -> str:
    """What the bar says of a result: a mistake in the query (as the command line words it),
    then the counts, or that nothing matched exactly and what is offered instead."""
    if result is None:
        return "Type to search every section; up and down recall earlier searches."
    query = result.query
    parts = [problem_line(query.problem)] if query.problem is not None else []
    if query.empty:
        return parts[0] if parts else "Nothing to search for."
    text = query.text.strip()
    if result.partial is not None:
        parts.append(_partial_line(result.partial, result.stop_count, result.unknown))
        if result.suggestions:
            parts.append(_corrected(result.corrections))
    elif result.fuzzy:
        parts.append(f"No exact match for {text} — {_corrected(result.corrections)}")
    elif not result.found:
        closest = f" — {_corrected(result.corrections)}" if result.suggestions else ""
        parts.append(f"No match for {text}{closest}")
    if result.found:
        parts.append(counts_line(result))
    return " · ".join(parts)


def is_miss(result: SearchResult | None) -> bool:
    """Whether the bar should say its summary as a warning: nothing found, only an offer (typo
    corrections, a partial match), or a mistake in the query."""
    if result is None:
        return False
    return not result.found or result.fuzzy or result.query.problem is not None


def overview_highlights(result: SearchResult | None) -> dict[str, Spans]:
    """Where a result matched the brief's own title and summary, for the Overview pane to mark:
    {"title": spans, "summary": spans}, spans into ``brief.title`` and ``brief.summary``
    (a field without a match is left out; {} when the overview did not match)."""
    if result is None or result.overview is None:
        return {}
    return {match.field: match.spans for match in result.overview.matches}


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


def step_stop(
    result: SearchResult, delta: int, at: ItemRef | Section | None
) -> tuple[int | None, bool]:
    """What n (`delta` 1) or N (-1) shows from the reader's place `at` (as for step_hit), walking
    the overview first, if it matches, then the hits: a hit's position, or None for the
    Overview; and whether the walk wrapped round. The result must have something to walk.
    """
    first = 1 if result.overview is not None else 0  # the overview's place in the walk
    if at is None and first:
        target = delta  # on the Overview, which matches
    elif isinstance(at, ItemRef) and (on := result.position(at)) is not None:
        target = first + on + delta
    else:
        place = ItemRef(at, 0) if isinstance(at, str) else at
        before = 0 if place is None else first + result.hits_before(place)
        target = before if delta > 0 else before - 1
    count = result.stop_count
    stop = target % count
    return (None if stop < first else stop - first), not 0 <= target < count


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
