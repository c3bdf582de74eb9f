"""What a search returns: the brief's own title and summary if they match (the overview group),
then hits in brief order, each working out where it matched only when asked (a search bar shows
a screenful of hits, not ten thousand); and, when nothing matches exactly, what is offered
instead: typo corrections per word, or the items holding most of the words.

Pure, no Textual. search.py makes these; the app, the export and the CLI read them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, overload

from msgspec import Struct

from briefing_tui.model import SECTIONS, ItemRef, Section

if TYPE_CHECKING:
    from briefing_tui.query import Query

__all__ = [
    "GROUPS",
    "Correction",
    "Group",
    "Hit",
    "Hits",
    "Match",
    "OverviewHit",
    "Partial",
    "SearchResult",
    "SearchRun",
    "Span",
]

Span = tuple[int, int]
Group = Literal["overview", "agreements", "quotes", "analysis", "questions"]
"""What a result is grouped by: the brief's own title and summary, then each section."""
GROUPS: tuple[Group, ...] = ("overview", *SECTIONS)
"""The groups, in the order results list them (the Overview pane comes first)."""


class Match(Struct, frozen=True):
    """Where a hit matched: a field (its model name), its text, and the matching spans in that text.

    ``text`` is the field's original text (for ``speaker``/``expert``, the person as "Name, role":
    a plain word marks only the name, ``speaker:`` the role too);
    ``spans`` are (start, end) offsets into it, sorted and disjoint; ``entry`` is the index of the
    entry for ``details`` and ``tags``, None for other fields.
    """

    field: str
    text: str
    spans: tuple[Span, ...]
    entry: int | None = None


@dataclass(frozen=True)
class SearchRun:
    """What the hits of one search need from the index that ran it.

    ``refs`` and ``first`` place item numbers (every item of the brief, in brief order) in their
    sections (``first`` has each section's first number, then "end"); ``numbers`` are the items
    that matched, sorted; ``matches`` works out where an item matched, by number.
    """

    refs: list[ItemRef]
    first: dict[str, int]
    numbers: list[int]
    matches: Callable[[int], tuple[Match, ...]]
    made: dict[int, Hit]  # hits made so far, by position
    missing: Callable[[int], tuple[str, ...]] = lambda number: ()


class OverviewHit(Struct, frozen=True):
    """A match in the brief's own title and summary, which the Overview pane shows: ``matches``
    has a Match for "title" and for "summary" where the query matched, spans into the brief's
    ``title`` and ``summary``."""

    matches: tuple[Match, ...]


class Correction(Struct, frozen=True):
    """A word of the query that is in no item, and what was searched for instead: ``closest``,
    the brief's nearest words (a typo's corrections, best first), or ``speaker:word`` for a word
    found only in people's roles; empty when nothing comes close."""

    word: str
    closest: tuple[str, ...]


class Partial(Struct, frozen=True):
    """No item holds every term of the query: the hits offered hold ``held`` of its ``needed``
    terms (of one alternative), the most any item holds; ``terms`` are that alternative's
    terms as typed."""

    held: int
    needed: int
    terms: tuple[str, ...]


class Hit:
    """One matching item: ``ref``, and (worked out on first use) ``matches`` and ``missing``."""

    __slots__ = ("_matches", "_number", "_run", "ref")

    def __init__(self, ref: ItemRef, number: int, run: SearchRun) -> None:
        self.ref = ref
        self._number = number
        self._run = run
        self._matches: tuple[Match, ...] | None = None

    @property
    def matches(self) -> tuple[Match, ...]:
        """Every field (and entry) where a query term matched, in the item's field order."""
        if self._matches is None:
            self._matches = self._run.matches(self._number)
        return self._matches

    @property
    def missing(self) -> tuple[str, ...]:
        """In a partial result, the terms (as typed) the item lacks; () otherwise."""
        return self._run.missing(self._number)

    def __repr__(self) -> str:
        return f"Hit({self.ref.section}[{self.ref.index}])"


class Hits(Sequence[Hit]):
    """Hits in brief order, each made on first access (a search may match 10,000 items).

    Index it, slice it (a slice is Hits too), iterate it; the same position gives the same Hit.
    """

    __slots__ = ("_run", "_start", "_stop")

    def __init__(self, run: SearchRun, start: int, stop: int) -> None:
        self._run = run
        self._start = start
        self._stop = stop

    def __len__(self) -> int:
        return self._stop - self._start

    @overload
    def __getitem__(self, key: int) -> Hit: ...
    @overload
    def __getitem__(self, key: slice) -> Hits: ...
    def __getitem__(self, key: int | slice) -> Hit | Hits:
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self))
            if step != 1:
                raise ValueError("hits slice with a step")
            return Hits(self._run, self._start + start, self._start + max(start, stop))
        position = key + len(self) if key < 0 else key
        if not 0 <= position < len(self):
            raise IndexError("hit index out of range")
        position += self._start
        hit = self._run.made.get(position)
        if hit is None:
            number = self._run.numbers[position]
            hit = Hit(self._run.refs[number], number, self._run)
            self._run.made[position] = hit
        return hit

    def __iter__(self) -> Iterator[Hit]:
        return (self[position] for position in range(len(self)))

    def __repr__(self) -> str:
        return f"Hits({len(self)})"


class SearchResult:
    """What a query found: ``overview`` (the brief's title and summary, or None), then ``hits``,
    the items, in brief order (sections in SECTIONS order, then by index).

    ``hits`` are items only (what an export writes); ``counts`` has every section, zeros
    included, and ``group_counts`` the overview first. n/N walk the overview, then the hits.

    When nothing matches exactly, ``exact`` is False and the hits are an offer: for typo
    corrections (``corrections``, per word) or, when every word is somewhere but no item holds
    them all, the items holding the most of them (``partial``). ``fuzzy`` is True for either
    offer (what is exported must be exact). ``corrections`` are given with no hits too.
    """

    def __init__(
        self,
        query: Query,
        run: SearchRun,
        fuzzy: bool = False,
        corrections: tuple[Correction, ...] = (),
        *,
        partial: Partial | None = None,
        overview: OverviewHit | None = None,
    ) -> None:
        self.query = query
        self.fuzzy = fuzzy
        self.corrections = corrections
        self.partial = partial
        self.overview = overview
        self._run = run
        self.hits = Hits(run, 0, len(run.numbers))
        first, numbers = run.first, run.numbers
        self._bounds = {
            section: (bisect_left(numbers, first[section]), bisect_left(numbers, first[after]))
            for section, after in zip(SECTIONS, (*SECTIONS[1:], "end"), strict=True)
        }
        self.counts: dict[Section, int] = {
            section: stop - start for section, (start, stop) in self._bounds.items()
        }

    @property
    def exact(self) -> bool:
        """Whether what was found matches the query as typed (not an offer)."""
        return not self.fuzzy

    @property
    def found(self) -> bool:
        """Whether anything is shown: hits, or a match in the overview."""
        return bool(self.hits) or self.overview is not None

    @property
    def suggestions(self) -> tuple[str, ...]:
        """Every correction offered, best first, once each (flat ``corrections``)."""
        words = (word for correction in self.corrections for word in correction.closest)
        return tuple(dict.fromkeys(words))

    @property
    def unknown(self) -> tuple[str, ...]:
        """Words (as typed) in no item and close to none of the brief's words."""
        return tuple(c.word for c in self.corrections if not c.closest)

    @property
    def group_counts(self) -> dict[Group, int]:
        """Matches per group, the overview (0 or 1) first, then every section."""
        counts: dict[Group, int] = {"overview": int(self.overview is not None)}
        for section in SECTIONS:
            counts[section] = self.counts[section]
        return counts

    @property
    def stop_count(self) -> int:
        """How many places n/N walk: the overview, if it matches, and every hit."""
        return len(self.hits) + (self.overview is not None)

    def __len__(self) -> int:
        return len(self.hits)

    def in_section(self, section: Section) -> Hits:
        """The hits of one section, in brief order."""
        return self.hits[slice(*self._bounds[section])]

    def indices(self, section: Section) -> list[int]:
        """The indices, within their section, of the matching items (for a filtered pane)."""
        start, stop = self._bounds[section]
        first = self._run.first[section]
        return [number - first for number in self._run.numbers[start:stop]]

    def position(self, ref: ItemRef) -> int | None:
        """Where an item stands among the hits (0-based, for "hit 3 of 12"), None if not a hit."""
        place = self.hits_before(ref)
        numbers = self._run.numbers
        return place if place < len(numbers) and numbers[place] == self._number(ref) else None

    def hits_before(self, ref: ItemRef) -> int:
        """How many hits come before the item in brief order (its position, if it is a hit)."""
        return bisect_left(self._run.numbers, self._number(ref))

    def _number(self, ref: ItemRef) -> int:
        """The item's number in the brief: its index, counted across the sections before it."""
        return self._run.first[ref.section] + ref.index
