"""Searching a brief: an index built once per brief and queried on every keystroke.

The index keeps each item's searchable text (the fields its kind names) folded (accents off;
lower-cased, and as cased for smart case) in one string per item, fields joined by NUL, so a
query is a few ``str`` containment scans. Hits, and where they matched (fields, spans in the
original text), are worked out only when asked (search_result.py). When nothing matches, words
found nowhere are corrected against the brief's vocabulary and the search runs again. The query
language is in query.py, folding in folding.py, the vocabulary in spelling.py; a line of a match
for a results row is in snippet.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from briefing_tui.folding import fold, fold_offsets
from briefing_tui.model import SECTIONS, Brief, Item, ItemRef, Section, kind_of
from briefing_tui.query import Field, Query, QueryError, Term, parse_query
from briefing_tui.search_result import Hit, Hits, Match, SearchResult, SearchRun, Span
from briefing_tui.spelling import Speller

__all__ = [
    "Hit",
    "Hits",
    "Match",
    "Query",
    "QueryError",
    "SearchIndex",
    "SearchResult",
    "parse_query",
]


class _Needle(NamedTuple):
    """A query term ready to scan for: folded alternatives (one, or typo corrections)."""

    field: Field
    words: tuple[str, ...]
    cased: bool
    pattern: re.Pattern[str]  # finds the words; in a phrase, any run of whitespace between them
    phrase: bool  # several words, which the pattern must confirm
    exclude: bool
    correctable: bool  # a plain word, which a typo correction may replace


Needles = tuple[_Needle, ...]


def _looks_in(field: Field, name: str, item: Item) -> bool:
    """Whether a term with a field filter looks in the item's field `name`."""
    if field == "speaker":
        return name == kind_of(item).person
    return name == ("tags" if field == "tag" else field)


def _needle(term: Term, cased: bool) -> _Needle:
    """The needle that scans for a query term."""
    words = term.folded.split(" ")
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    correctable = term.field == "any" and not term.phrase
    phrase = len(words) > 1
    return _Needle(term.field, (term.folded,), cased, pattern, phrase, term.exclude, correctable)


def _corrected(needle: _Needle, words: tuple[str, ...]) -> _Needle:
    """The needle looking for any of ``words`` instead, case-insensitively."""
    pattern = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    return needle._replace(words=words, cased=False, pattern=pattern)


def _person_label(brief: Brief) -> Callable[[str], str]:
    """A function giving a person, by id, as "Name, role" (the id itself for an unknown person)."""
    labels = {p.id: f"{p.name}, {p.role}" if p.role else p.name for p in brief.people}
    return lambda person_id: labels.get(person_id, person_id)


def _fields(item: Item, label: Callable[[str], str]) -> list[tuple[str, int | None, str]]:
    """The searchable fields of an item as (field, entry, text), in display order; the person
    field as "Name, role"."""
    kind = kind_of(item)
    fields: list[tuple[str, int | None, str]] = []
    for name in kind.fields:
        value = getattr(item, name)
        if isinstance(value, tuple):
            fields += [(name, entry, text) for entry, text in enumerate(value)]
        elif value is not None:
            fields.append((name, None, label(value) if name == kind.person else value))
    return fields


def _fold_all(texts: list[str], cased: bool) -> str:
    """The texts folded and joined by U+0001 (folding is per character and a call costs)."""
    joined = "\1".join(texts)
    if joined.count("\1") >= len(texts):  # a text holds the joiner itself: blank it there
        joined = "\1".join(text.replace("\1", " ") for text in texts)
    return fold(joined, cased)


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    """Spans sorted, with overlapping or touching ones joined."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


class SearchIndex:
    """The searchable form of one brief; build once when the brief loads, then ``search``."""

    def __init__(self, brief: Brief) -> None:
        """Index every item of ``brief`` (some 50 ms for 10,000 items)."""
        self.brief = brief
        self._names = {person.id: person.name for person in brief.people}
        self._label = _person_label(brief)
        self._refs: list[ItemRef] = []
        self._first: dict[str, int] = {}  # each section's first item number, and "end"
        self._person: list[str | None] = []
        texts: list[str] = []  # each item's fields, NUL-joined
        for section in SECTIONS:
            items = brief.section(section)
            self._first[section] = len(self._refs)
            self._refs += [ItemRef(section, index) for index in range(len(items))]
            for item in items:
                texts.append("\0".join(text for _, _, text in _fields(item, self._label)))
                self._person.append(kind_of(item).person_of(item))
        self._first["end"] = len(self._refs)
        self._raw = texts
        # Folded texts by (field filter, cased), all joined by U+0001 and one per item; made on
        # first use but for the lower-cased texts of all fields.
        self._joined: dict[tuple[Field, bool], str] = {}
        self._folded: dict[tuple[Field, bool], list[str]] = {}
        self._texts("any", False)
        people = {person for person in self._person if person is not None}
        people.update(person.id for person in brief.people)
        name = self._name
        self._people = {
            person: (fold(f"{name(person)}\0{person}"), fold(f"{name(person)}\0{person}", True))
            for person in people
        }
        self._speller: Speller | None = None

    def search(self, query: str | Query) -> SearchResult:
        """The items matching ``query`` (text is parsed leniently with parse_query)."""
        if isinstance(query, str):
            query = parse_query(query)
        needles = tuple(
            _needle(term, query.case_sensitive) for term in query.terms if term.field != "in"
        )
        numbers = [] if query.empty else self._scan(query.sections, needles)
        if numbers or query.empty:
            return SearchResult(query, self._run(needles, numbers))
        corrected, suggestions = self._corrected(needles)
        numbers = self._scan(query.sections, corrected) if corrected else []
        if numbers:
            return SearchResult(query, self._run(corrected, numbers), True, suggestions)
        return SearchResult(query, self._run(needles, []), False, suggestions)

    def _run(self, needles: Needles, numbers: list[int]) -> SearchRun:
        """What the hits of a search for ``needles``, matching items ``numbers``, need."""
        return SearchRun(
            self._refs, self._first, numbers, lambda number: self._matches(number, needles), {}
        )

    def prepare(self) -> None:
        """Make now what the first search of some kind would make: the vocabulary for typos and
        the cased texts for queries with a capital. Some 70 ms for 10,000 items, so an app may
        call this in a worker once the brief shows."""
        self.speller()
        self._texts("any", True)

    def speller(self) -> Speller:
        """The brief's vocabulary, for typo correction (made on first use)."""
        if self._speller is None:
            self._texts("any", False)
            self._speller = Speller(self._joined["any", False])
        return self._speller

    def _item(self, number: int) -> Item:
        ref = self._refs[number]
        return self.brief.section(ref.section)[ref.index]

    def _name(self, person: str) -> str:
        """A person's name, or the id itself for someone not in ``people``."""
        return self._names.get(person, person)

    def _texts(self, field: Field, cased: bool) -> list[str]:
        """Each item's folded text for a field filter ("any": all its fields), made on first use."""
        if (field, cased) not in self._folded:
            texts = self._raw
            if field == "tag":
                texts = ["\0".join(self._item(number).tags) for number in range(len(texts))]
            elif field == "title":
                items = map(self._item, range(len(texts)))
                texts = [getattr(item, "title", None) or "" for item in items]
            joined = self._joined[field, cased] = _fold_all(texts, cased)
            self._folded[field, cased] = joined.split("\1") if texts else []
        return self._folded[field, cased]

    def _scan(self, sections: tuple[Section, ...], needles: Needles) -> list[int]:
        """Numbers of the items, in the given sections, that every needle keeps."""
        numbers: list[int] = []
        for section in sections:
            numbers += range(
                self._first[section], self._first[section] + len(self.brief.section(section))
            )
        # Positive needles first, longest (likely rarest) first; exclusions on what is left.
        order = sorted(needles, key=lambda needle: (needle.exclude, -max(map(len, needle.words))))
        for needle in order:
            if not numbers:
                break
            kept = self._kept(needle, numbers)
            if needle.exclude:
                dropped = set(kept)
                kept = [number for number in numbers if number not in dropped]
            numbers = kept
        return numbers

    def _kept(self, needle: _Needle, numbers: list[int]) -> list[int]:
        """The numbers of items where the needle occurs."""
        words, cased = needle.words, needle.cased
        if needle.field == "speaker":
            people = {
                person
                for person, folded in self._people.items()
                if any(word in folded[cased] for word in words)
            }
            return [number for number in numbers if self._person[number] in people]
        texts = self._texts(needle.field, cased)
        if needle.phrase:
            search = needle.pattern.search
            longest = max(words[0].split(" "), key=len)
            return [n for n in numbers if longest in texts[n] and search(texts[n])]
        if len(words) == 1:
            word = words[0]
            return [number for number in numbers if word in texts[number]]
        return [number for number in numbers if any(word in texts[number] for word in words)]

    def _corrected(self, needles: Needles) -> tuple[Needles, tuple[str, ...]]:
        """The needles with words found nowhere replaced by their closest vocabulary words.

        Returns ((), ()) when no word is unknown or some unknown word has no correction.
        """
        corrected: list[_Needle] = []
        suggestions: list[str] = []
        for needle in needles:
            word = needle.words[0]
            self._texts("any", needle.cased)
            if (
                needle.exclude
                or not needle.correctable
                or word in self._joined["any", needle.cased]
            ):
                corrected.append(needle)
                continue
            words: tuple[str, ...] = (word.lower(),)
            if not needle.cased or words[0] not in self._joined["any", False]:
                words, _ = self.speller().corrections(word.lower())
            if not words:
                return (), ()
            corrected.append(_corrected(needle, words))
            suggestions += [word for word in words if word not in suggestions]
        return (tuple(corrected), tuple(suggestions)) if suggestions else ((), ())

    def _matches(self, number: int, needles: Needles) -> tuple[Match, ...]:
        """Where the needles matched in one item, field by field in display order."""
        item = self._item(number)
        positive = [needle for needle in needles if not needle.exclude]
        matches: list[Match] = []
        for name, entry, text in _fields(item, self._label):
            spans: list[Span] = []
            for needle in positive:
                if needle.field != "any" and not _looks_in(needle.field, name, item):
                    continue
                haystack = text
                if needle.field == "speaker":  # by name, not role
                    haystack = self._name(getattr(item, name))
                if not needle.pattern.search(fold(haystack, needle.cased)):
                    continue
                folded = fold_offsets(haystack, needle.cased)
                spans += [
                    folded.original(*match.span()) for match in needle.pattern.finditer(folded.text)
                ]
            if spans:
                matches.append(Match(name, text, _merged(spans), entry))
        return tuple(matches)
