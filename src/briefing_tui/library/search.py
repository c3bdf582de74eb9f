"""Searching every brief of a library with the reader's query language, in one index.

Searching five hundred briefs one by one costs five hundred searches' overhead per keystroke,
more than a frame (bench/bench_library.py). So the briefs a library holds are merged into one
brief, section by section in library order, and indexed once (on first search, or by
``prepare()`` in the background); a keystroke is then one search, as in one large brief. The
people of each brief get ids no query can type (ids are per brief: two briefs may both have a
``hansen``); nothing else changes, so a hit means what it means in its own brief, and typo
corrections draw on the whole library's vocabulary.

Results come grouped by brief, in library order (newest first), then by section; positions,
``next_after`` and ``previous_before`` walk them in that order across briefs, wrapping at the
ends, for n/N.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from typing import Any

import msgspec

from briefing_tui.library.catalogue import Library
from briefing_tui.library.results import LibraryResult, Starts
from briefing_tui.model import KINDS, SECTIONS, Agreement, Brief, Person, Section
from briefing_tui.query import Query, parse_query
from briefing_tui.search import SearchIndex

__all__ = ["LibrarySearch"]


def _merge(briefs: Sequence[Brief]) -> tuple[Brief, Starts]:
    """One brief holding every item of ``briefs``, section by section, and where each starts."""
    people: list[Person] = []
    lists: dict[Section, list[Any]] = {section: [] for section in SECTIONS}
    starts: Starts = {section: [] for section in SECTIONS}
    replace = msgspec.structs.replace
    for number, brief in enumerate(briefs):
        mark = f"\0{number}\0"  # a NUL cannot be typed into a query
        people += [replace(person, id=mark + person.id) for person in brief.people]
        for kind in KINDS:
            items = lists[kind.section]
            starts[kind.section].append(len(items))
            if kind.person is None:
                items += brief.section(kind.section)
            else:  # the person's id, marked as the brief's people are
                field = kind.person
                items += [
                    replace(item, **{field: mark + getattr(item, field)})
                    for item in brief.section(kind.section)
                ]
    for section in SECTIONS:
        starts[section].append(len(lists[section]))
    sections = {section: tuple(items) for section, items in lists.items()}
    return replace(_EMPTY, people=tuple(people), **sections), starts


def _overviews(briefs: Sequence[Brief]) -> Brief:
    """A brief whose agreements are the title and summary of each of ``briefs``, in order: one
    search of it finds the briefs whose own title or summary match, as one brief's search
    finds its overview."""
    agreements = tuple(Agreement(title=brief.title, summary=brief.summary) for brief in briefs)
    return msgspec.structs.replace(_EMPTY, agreements=agreements)


_EMPTY = Brief(
    brief=1,
    title="",
    date=dt.date.min,
    summary="",
    agreements=(),
    quotes=(),
    analysis=(),
    questions=(),
)


class LibrarySearch:
    """Search across the briefs a library holds; build once, then ``search`` per keystroke."""

    def __init__(self, library: Library) -> None:
        """Cheap: the index is built on the first search, or by ``prepare``."""
        held = library.held()
        self.library = library
        self.numbers = [number for number, _ in held]
        """The entry numbers of the briefs searched, in library order."""
        self.left_out = len(library.valid) - len(held)
        """Valid briefs not held in memory (a library over MAX_HELD_BYTES), so not searched."""
        self._briefs = [brief for _, brief in held]
        self._entries = [library.entries[number] for number in self.numbers]
        self._index: tuple[SearchIndex, Starts] | None = None
        self._overview_index: SearchIndex | None = None
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        """Whether the index is built: a search now costs a keystroke's time, not the build's."""
        return self._index is not None

    def prepare(self) -> None:
        """Build the index now (about 1 s for 20,000 items): for a background thread."""
        index, _ = self._built()
        index.prepare()

    def _built(self) -> tuple[SearchIndex, Starts]:
        with self._lock:
            if self._index is None:
                merged, starts = _merge(self._briefs)
                self._index = (SearchIndex(merged), starts)
                self._overview_index = SearchIndex(_overviews(self._briefs))
            return self._index

    def search(self, query: str | Query) -> LibraryResult:
        """The hits for ``query`` (text is parsed leniently) in every held brief, grouped."""
        if isinstance(query, str):
            query = parse_query(query)
        index, starts = self._built()
        result = LibraryResult(index.search(query), starts, self.numbers, self._entries)
        result.overviews = self._overviews(query)
        return result

    def _overviews(self, query: Query) -> tuple[int, ...]:
        """The entry numbers of the briefs whose own title or summary ``query`` matches as typed
        (an ``in:`` query looks in sections only, as in one brief)."""
        if not query.overview or query.empty or self._overview_index is None:
            return ()
        inside = msgspec.structs.replace(query, sections=("agreements",), overview=False)
        found = self._overview_index.search(inside)
        if found.fuzzy:
            return ()
        return tuple(self.numbers[index] for index in found.indices("agreements"))
