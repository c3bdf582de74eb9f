"""What a search across a library returns: hits grouped by brief in library order, then by
section, with positions that run through every brief for "hit 3 of 120" and n/N.

Made from the one search result of the library's merged brief (library/search.py): each
brief's hits in a section are a run of that section's hits, found by bisection, and turned into
hits of the brief (an ``ItemRef`` within it) only when looked at.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate, pairwise
from typing import NamedTuple, TypeVar, overload

from briefing_tui.library.catalogue import LibraryEntry
from briefing_tui.model import SECTIONS, ItemRef, Section
from briefing_tui.search import Hit, Match, SearchResult

__all__ = ["BriefHits", "LibraryHit", "LibraryResult", "Starts"]

Starts = dict[Section, list[int]]
"""For each section, where each searched brief's items start in the merged brief, then the end."""


T = TypeVar("T")


class _Lazy(Sequence[T]):
    """A sequence of ``length`` items, each made by ``_item(index)`` when looked at."""

    def __init__(self, length: int) -> None:
        self._length = length

    def _item(self, index: int) -> T:
        raise NotImplementedError

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, key: int) -> T: ...
    @overload
    def __getitem__(self, key: slice) -> Sequence[T]: ...
    def __getitem__(self, key: int | slice) -> T | Sequence[T]:
        if isinstance(key, slice):
            return [self._item(index) for index in range(*key.indices(self._length))]
        index = key + self._length if key < 0 else key
        if not 0 <= index < self._length:
            raise IndexError("index out of range")
        return self._item(index)

    def __iter__(self) -> Iterator[T]:
        return (self._item(index) for index in range(self._length))


class LibraryHit(NamedTuple):
    """One hit: its brief (entry number and entry), the item there, and the search's hit."""

    number: int
    entry: LibraryEntry
    ref: ItemRef
    hit: Hit

    @property
    def matches(self) -> tuple[Match, ...]:
        """Where the query matched in the item (see ``search.Hit``)."""
        return self.hit.matches


class LibraryResult:
    """Hits across a library: ``groups`` by brief in library order, each by section.

    ``counts`` are the hits in each section across every brief. Positions (0-based) count the
    hits in order: brief (library order), section, item; ``overviews`` are the briefs whose
    title or summary match. ``fuzzy`` is True when nothing matched as typed and the hits are
    for typo corrections, ``suggestions``.
    """

    def __init__(
        self,
        result: SearchResult,
        starts: Starts,
        numbers: Sequence[int],
        entries: Sequence[LibraryEntry],
    ) -> None:
        """Group ``result`` (of the merged brief) by the briefs ``starts`` places."""
        self.query = result.query
        self.fuzzy = result.fuzzy
        self.suggestions = result.suggestions
        self.counts: dict[Section, int] = dict(result.counts)
        self.overviews: tuple[int, ...] = ()
        """The entry numbers of the briefs whose own title or summary match, in library order
        (not hits: as the Overview's match in one brief)."""
        self._result = result
        self._numbers = numbers
        self._entries = entries
        found = {section: result.indices(section) for section in SECTIONS}
        cuts = {
            section: [bisect_left(found[section], first) for first in starts[section]]
            for section in SECTIONS
        }
        self._where = _Where(result, starts, found, cuts)
        per_section = [[end - start for start, end in pairwise(cuts[s])] for s in SECTIONS]
        totals = [sum(counts) for counts in zip(*per_section, strict=True)]
        self._places = [place for place, total in enumerate(totals) if total]
        self._offsets: list[int] = [0, *accumulate(totals[place] for place in self._places)]
        self._groups: dict[int, BriefHits] = {}
        self.groups: Sequence[BriefHits] = _Groups(self, len(self._places))
        """The briefs with hits, in library order (made when looked at)."""

    def __len__(self) -> int:
        return self._offsets[-1]

    def _group(self, index: int) -> BriefHits:
        group = self._groups.get(index)
        if group is None:
            place = self._places[index]
            group = BriefHits(place, self._numbers[place], self._entries[place], self._where)
            self._groups[index] = group
        return group

    def hit(self, position: int) -> LibraryHit:
        """The hit at ``position`` (negative counts from the end)."""
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError("hit position out of range")
        index = bisect_right(self._offsets, position) - 1
        return self._group(index).hit(position - self._offsets[index])

    def _place(self, number: int) -> int:
        place = bisect_left(self._numbers, number)
        if place == len(self._numbers) or self._numbers[place] != number:
            raise KeyError(f"entry {number} is not searched")
        return place

    def group(self, number: int) -> BriefHits | None:
        """The hits in the brief of entry ``number``, or None when it has none."""
        place = self._place(number)
        index = bisect_left(self._places, place)
        found = index < len(self._places) and self._places[index] == place
        return self._group(index) if found else None

    def hits_before(self, number: int, ref: ItemRef) -> int:
        """How many hits come before item ``ref`` of entry ``number`` (its position, if a hit).

        Raises KeyError for an entry that is not searched (invalid, or not held).
        """
        place = self._place(number)
        index = bisect_left(self._places, place)
        before = self._offsets[index]
        if index < len(self._places) and self._places[index] == place:
            before += self._group(index).hits_before(ref)
        return before

    def position(self, number: int, ref: ItemRef) -> int | None:
        """The position of item ``ref`` of entry ``number`` among the hits, None if not a hit."""
        place = self.hits_before(number, ref)
        if place < len(self):
            found = self.hit(place)
            if found.number == number and found.ref == ref:
                return place
        return None

    def next_after(self, number: int, ref: ItemRef) -> int | None:
        """The position of the first hit after the item, wrapping to the first; None if none."""
        if not len(self):
            return None
        place = self.position(number, ref)
        return (self.hits_before(number, ref) if place is None else place + 1) % len(self)

    def previous_before(self, number: int, ref: ItemRef) -> int | None:
        """The position of the last hit before the item, wrapping to the last; None if none."""
        if not len(self):
            return None
        return (self.hits_before(number, ref) - 1) % len(self)


class _Where(NamedTuple):
    """Where each brief's hits are in the merged result."""

    result: SearchResult
    starts: Starts
    found: dict[Section, list[int]]  # each section's matching items, numbered in the merged brief
    cuts: dict[Section, list[int]]  # where each brief's run of them starts, then the end


class BriefHits:
    """The hits in one brief: its entry ``number`` and ``entry``, ``counts`` by section, and the
    hits themselves by section (``in_section``) or by position within the brief (``hit``)."""

    def __init__(self, place: int, number: int, entry: LibraryEntry, where: _Where) -> None:
        self.number = number
        self.entry = entry
        self._place = place
        self._where = where
        self.counts: dict[Section, int] = {
            section: where.cuts[section][place + 1] - where.cuts[section][place]
            for section in SECTIONS
        }
        self._sections: dict[Section, _BriefSection] = {}

    def __len__(self) -> int:
        return sum(self.counts.values())

    def in_section(self, section: Section) -> Sequence[LibraryHit]:
        """This brief's hits in one section, in brief order."""
        if section not in self._sections:
            cuts = self._where.cuts[section]
            hits = self._where.result.in_section(section)[cuts[self._place] : cuts[self._place + 1]]
            first = self._where.starts[section][self._place]
            self._sections[section] = _BriefSection(self, section, hits, first)
        return self._sections[section]

    def hit(self, position: int) -> LibraryHit:
        """The hit at ``position`` within this brief (sections in order)."""
        for section in SECTIONS:
            if position < self.counts[section]:
                return self.in_section(section)[position]
            position -= self.counts[section]
        raise IndexError("hit position out of range")

    def hits_before(self, ref: ItemRef) -> int:
        """How many of this brief's hits come before item ``ref`` of the brief."""
        section, place = ref.section, self._place
        before = sum(self.counts[s] for s in SECTIONS[: SECTIONS.index(section)])
        start, stop = self._where.cuts[section][place], self._where.cuts[section][place + 1]
        number = self._where.starts[section][place] + ref.index
        return before + bisect_left(self._where.found[section], number, start, stop) - start


class _BriefSection(_Lazy[LibraryHit]):
    """One brief's hits in one section, each made a hit of the brief when looked at."""

    def __init__(self, group: BriefHits, section: Section, hits: Sequence[Hit], first: int) -> None:
        super().__init__(len(hits))
        self._group = group
        self._section = section
        self._hits = hits
        self._first = first

    def _item(self, index: int) -> LibraryHit:
        hit = self._hits[index]
        ref = ItemRef(self._section, hit.ref.index - self._first)
        return LibraryHit(self._group.number, self._group.entry, ref, hit)


class _Groups(_Lazy[BriefHits]):
    """The groups of a result, made when looked at."""

    def __init__(self, result: LibraryResult, count: int) -> None:
        super().__init__(count)
        self._result = result

    def _item(self, index: int) -> BriefHits:
        return self._result._group(index)
