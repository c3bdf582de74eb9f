"""Searching a brief: an index built once per brief and queried on every keystroke.

The index keeps the searchable text of each item (the fields its kind names), and of the brief
itself (its title and summary, the overview), folded (accents and typography off; lower-cased,
and as cased for smart case) in one string per entry, fields joined by NUL, so a query is a few
``str`` containment scans. Hits, and where they matched (fields, spans in the original text), are
worked out only when asked (search_result.py). When nothing matches, near_matches.py works out
what to offer. The query language is in query.py, folding in folding.py, the vocabulary in
spelling.py; a line of a match for a results row is in snippet.py.

People: a plain word finds a person's name (what they said), never their role, which the item
does not say (``security`` should find what is about security, not everything by a "security
expert"); ``speaker:`` and ``expert:`` look at the name, the id and the role.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from briefing_tui.folding import fold, fold_offsets
from briefing_tui.model import SECTIONS, Brief, Item, ItemRef, kind_of
from briefing_tui.query import Field, Query, QueryError, Term, parse_query
from briefing_tui.search_result import (
    Correction,
    Hit,
    Hits,
    Match,
    OverviewHit,
    Partial,
    SearchResult,
    SearchRun,
    Span,
)
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


class Needle(NamedTuple):
    """A query term ready to scan for: folded alternatives (one, or typo corrections)."""

    text: str  # the term as typed
    field: Field
    words: tuple[str, ...]
    cased: bool
    pattern: re.Pattern[str]  # finds the words; in a phrase, any run of whitespace between them
    confirm: bool  # containment of the words is not enough: the pattern must confirm it
    exclude: bool
    correctable: bool  # a plain word, which a typo correction may replace


Needles = tuple[Needle, ...]
_LETTER = r"[^\W_]"  # a letter or digit: a prefix must not follow one


def needle(term: Term, cased: bool) -> Needle:
    """The needle that scans for a query term."""
    words = term.folded.split(" ")
    pattern = r"\s+".join(map(re.escape, words))
    if term.prefix:  # the word, then a look back: a pattern that starts plain is found quickly
        pattern = f"{pattern}(?<!{_LETTER}{pattern})"
    correctable = term.field == "any" and not term.phrase and not term.prefix
    confirm = len(words) > 1 or term.prefix
    return Needle(
        term.text,
        term.field,
        (term.folded,),
        cased,
        re.compile(pattern),
        confirm,
        term.exclude,
        correctable,
    )


def corrected(needle: Needle, words: tuple[str, ...], field: Field = "any") -> Needle:
    """The needle looking for any of ``words`` instead, case-insensitively, in ``field``; its
    text is what it looks for ("hydrogen/hydrogel", "speaker:lecturer")."""
    pattern = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    text = "/".join(words) if field == "any" else f"{field}:{'/'.join(words)}"
    return needle._replace(
        text=text, words=words, cased=False, pattern=pattern, confirm=False, field=field
    )


def _person_label(brief: Brief) -> Callable[[str], str]:
    """A function giving a person, by id, as "Name, role" (the id itself for an unknown person)."""
    labels = {p.id: f"{p.name}, {p.role}" if p.role else p.name for p in brief.people}
    return lambda person_id: labels.get(person_id, person_id)


Fields = list[tuple[str, int | None, str]]


def _fields(item: Item, label: Callable[[str], str]) -> Fields:
    """The searchable fields of an item as (field, entry, text), in display order; the person
    field as "Name, role"."""
    kind = kind_of(item)
    fields: Fields = []
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


def _looks_in(field: Field, name: str) -> bool:
    """Whether a term of ``field`` (not a person's) looks in the item's field ``name``."""
    return field == "any" or field == name or (field == "tag" and name == "tags")


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
    """The searchable form of one brief; build once when the brief loads, then ``search``.

    Entries are numbered: the items in brief order, then the overview (the brief's title and
    summary) as number ``overview_entry``.
    """

    def __init__(self, brief: Brief) -> None:
        """Index every item of ``brief`` (some 50 ms for 10,000 items)."""
        self.brief = brief
        self._names = {person.id: person.name for person in brief.people}
        self._roles = {person.id: person.role or "" for person in brief.people}
        self._label = _person_label(brief)
        self._refs: list[ItemRef] = []
        self._first: dict[str, int] = {}  # each section's first item number, and "end"
        self._person: list[str | None] = []
        texts: list[str] = []  # each entry's fields, NUL-joined; a person by name alone
        for section in SECTIONS:
            items = brief.section(section)
            self._first[section] = len(self._refs)
            self._refs += [ItemRef(section, index) for index in range(len(items))]
            for item in items:
                person = kind_of(item).person_of(item)
                fields = _fields(item, self._name)
                texts.append("\0".join(text for _, _, text in fields))
                self._person.append(person)
        self.overview_entry = self._first["end"] = len(self._refs)
        texts.append(f"{brief.title}\0{brief.summary}")
        self._person.append(None)
        self._raw = texts
        # Folded texts by (field filter, cased), all joined by U+0001 and one per entry; made on
        # first use but for the lower-cased texts of all fields.
        self._joined: dict[tuple[Field, bool], str] = {}
        self._folded: dict[tuple[Field, bool], list[str]] = {}
        self._texts("any", False)
        people = {person for person in self._person if person is not None}
        people.update(person.id for person in brief.people)
        self._people = {person: self._person_text(person) for person in people}
        self.roles = fold("\0".join(self._roles.values()))
        """Every person's role, folded and NUL-joined (what a plain word does not search)."""
        self._speller: Speller | None = None

    def search(self, query: str | Query) -> SearchResult:
        """What ``query`` finds (text is parsed leniently with parse_query)."""
        from briefing_tui.near_matches import offer

        if isinstance(query, str):
            query = parse_query(query)
        groups = self.needles(query)
        scope = self.scope(query)
        numbers = self.scan_groups(scope, groups)
        if numbers or query.empty:
            return self.result(query, groups, numbers)
        return offer(self, query, scope, groups)

    def needles(self, query: Query) -> list[Needles]:
        """The needles of each alternative of ``query``."""
        cased = query.case_sensitive
        return [tuple(needle(term, cased) for term in group) for group in query.groups]

    def scope(self, query: Query) -> list[int]:
        """The numbers of the entries ``query`` searches: its sections', and the overview's."""
        numbers: list[int] = []
        for section in query.sections:
            first = self._first[section]
            numbers += range(first, first + len(self.brief.section(section)))
        return [*numbers, self.overview_entry] if query.overview else numbers

    def result(
        self,
        query: Query,
        groups: Iterable[Needles],
        numbers: list[int],
        missing: Callable[[int], tuple[str, ...]] | None = None,
        *,
        fuzzy: bool = False,
        corrections: tuple[Correction, ...] = (),
        partial: Partial | None = None,
    ) -> SearchResult:
        """The result of entries ``numbers`` (sorted) for needle ``groups``, which its hits
        mark; ``missing`` gives what a partial hit lacks; the rest is SearchResult's."""
        positive = tuple(n for group in groups for n in group if not n.exclude)
        overview = None
        if numbers and numbers[-1] == self.overview_entry:
            numbers = numbers[:-1]
            overview = OverviewHit(self._matches(self.overview_entry, positive))
        run = SearchRun(
            self._refs,
            self._first,
            numbers,
            lambda number: self._matches(number, positive),
            {},
            missing or (lambda number: ()),
        )
        return SearchResult(query, run, fuzzy, corrections, partial=partial, overview=overview)

    def prepare(self) -> None:
        """Make now what the first search of some kind would make: the vocabulary for typos and
        the cased texts for queries with a capital. Some 70 ms for 10,000 items, so an app may
        call this in a worker once the brief shows."""
        self.speller()
        self._texts("any", True)

    def speller(self) -> Speller:
        """The brief's vocabulary, for typo correction (made on first use)."""
        if self._speller is None:
            self._speller = Speller(self.joined(False))
        return self._speller

    def joined(self, cased: bool) -> str:
        """Every entry's searchable text, folded, in one string (entries joined by U+0001)."""
        self._texts("any", cased)
        return self._joined["any", cased]

    def _name(self, person: str) -> str:
        """A person's name, or the id itself for someone not in ``people``."""
        return self._names.get(person, person)

    def _person_text(self, person: str) -> tuple[str, str]:
        """What ``speaker:`` looks in for a person: name, role and id, folded and as cased."""
        text = f"{self._name(person)}\0{self._roles.get(person, '')}\0{person}"
        return fold(text), fold(text, True)

    def _texts(self, field: Field, cased: bool) -> list[str]:
        """Each entry's folded text for a field filter ("any": all its fields), made on first
        use."""
        if (field, cased) not in self._folded:
            texts = self._raw
            if field == "tag":
                texts = ["\0".join(item.tags) for item in self._items()] + [""]
            elif field == "title":
                titles = [getattr(item, "title", None) or "" for item in self._items()]
                texts = [*titles, self.brief.title]
            joined = self._joined[field, cased] = _fold_all(texts, cased)
            self._folded[field, cased] = joined.split("\1")
        return self._folded[field, cased]

    def _items(self) -> list[Item]:
        return [self.brief.section(ref.section)[ref.index] for ref in self._refs]

    def scan_groups(self, scope: list[int], groups: Iterable[Needles]) -> list[int]:
        """Numbers, sorted, of the entries in ``scope`` that every needle of some group keeps."""
        found: set[int] = set()
        for group in groups:
            found.update(self.scan(scope, group))
        return sorted(found)

    def scan(self, numbers: list[int], needles: Needles) -> list[int]:
        """The ``numbers`` (in order) of the entries that every needle keeps."""
        # Positive needles first, longest (likely rarest) first; exclusions on what is left.
        order = sorted(needles, key=lambda needle: (needle.exclude, -max(map(len, needle.words))))
        for needle in order:
            if not numbers:
                break
            kept = self.kept(needle, numbers)
            if needle.exclude:
                dropped = set(kept)
                kept = [number for number in numbers if number not in dropped]
            numbers = kept
        return numbers

    def kept(self, needle: Needle, numbers: list[int]) -> list[int]:
        """The ``numbers`` of the entries where the needle occurs (exclusion or not)."""
        words, cased = needle.words, needle.cased
        if needle.field == "speaker":
            search = needle.pattern.search
            people = {
                person
                for person, folded in self._people.items()
                if any(word in folded[cased] for word in words)
                and (not needle.confirm or search(folded[cased]))
            }
            return [number for number in numbers if self._person[number] in people]
        texts = self._texts(needle.field, cased)
        if needle.confirm:
            search = needle.pattern.search
            longest = max(words[0].split(" "), key=len)
            return [n for n in numbers if longest in texts[n] and search(texts[n])]
        if len(words) == 1:
            word = words[0]
            return [number for number in numbers if word in texts[number]]
        return [number for number in numbers if any(word in texts[number] for word in words)]

    def _entry_fields(self, number: int) -> tuple[Fields, str | None]:
        """An entry's fields, as _fields gives them, and its person field (if any)."""
        if number == self.overview_entry:
            return [("title", None, self.brief.title), ("summary", None, self.brief.summary)], None
        ref = self._refs[number]
        item = self.brief.section(ref.section)[ref.index]
        return _fields(item, self._label), kind_of(item).person

    def _matches(self, number: int, needles: Needles) -> tuple[Match, ...]:
        """Where the (positive) needles matched in one entry, field by field in display order."""
        fields, person = self._entry_fields(number)
        matches: list[Match] = []
        for name, entry, text in fields:
            spans: list[Span] = []
            for needle in needles:
                haystack = text
                if needle.field == "speaker":
                    if name != person:
                        continue
                elif name == person:  # a plain word marks the name, not the role
                    if needle.field != "any":
                        continue
                    haystack = self._name(getattr(self._item(number), name))
                elif not _looks_in(needle.field, name):
                    continue
                if not needle.pattern.search(fold(haystack, needle.cased)):
                    continue
                folded = fold_offsets(haystack, needle.cased)
                spans += [
                    folded.original(*found.span()) for found in needle.pattern.finditer(folded.text)
                ]
            if spans:
                matches.append(Match(name, text, _merged(spans), entry))
        return tuple(matches)

    def _item(self, number: int) -> Item:
        ref = self._refs[number]
        return self.brief.section(ref.section)[ref.index]
