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
from briefing_tui.model import (
    SECTIONS,
    Agreement,
    Analysis,
    Brief,
    Person,
    Question,
    Quote,
)
from briefing_tui.query import Query, parse_query
from briefing_tui.search import SearchIndex

__all__ = ["LibrarySearch"]


def _merge(briefs: Sequence[Brief]) -> tuple[Brief, Starts]:
    """One brief holding every item of ``briefs``, section by section, and where each starts."""
    people: list[Person] = []
    agreements: list[Agreement] = []
    quotes: list[Quote] = []
    analysis: list[Analysis] = []
    questions: list[Question] = []
    lists: tuple[list[Any], ...] = (agreements, quotes, analysis, questions)
    starts: Starts = {section: [] for section in SECTIONS}
    replace = msgspec.structs.replace
    for number, brief in enumerate(briefs):
        for section, count in zip(SECTIONS, map(len, lists), strict=True):
            starts[section].append(count)
        mark = f"\0{number}\0"  # a NUL cannot be typed into a query
        people += [replace(person, id=mark + person.id) for person in brief.people]
        agreements += brief.agreements
        quotes += [replace(quote, speaker=mark + quote.speaker) for quote in brief.quotes]
        analysis += [replace(item, expert=mark + item.expert) for item in brief.analysis]
        questions += brief.questions
    for section, count in zip(SECTIONS, map(len, lists), strict=True):
        starts[section].append(count)
    merged = Brief(
        brief=1,
        title="",
        date=dt.date.min,
        summary="",
        people=tuple(people),
        agreements=tuple(agreements),
        quotes=tuple(quotes),
        analysis=tuple(analysis),
        questions=tuple(questions),
    )
    return merged, starts


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
        self._lock = threading.Lock()

    def prepare(self) -> None:
        """Build the index now (about 1 s for 20,000 items): for a background thread."""
        index, _ = self._built()
        index.prepare()

    def _built(self) -> tuple[SearchIndex, Starts]:
        with self._lock:
            if self._index is None:
                merged, starts = _merge(self._briefs)
                self._index = (SearchIndex(merged), starts)
            return self._index

    def search(self, query: str | Query) -> LibraryResult:
        """The hits for ``query`` (text is parsed leniently) in every held brief, grouped."""
        if isinstance(query, str):
            query = parse_query(query)
        index, starts = self._built()
        return LibraryResult(index.search(query), starts, self.numbers, self._entries)
