"""The command palette's jump to any item: every item's headline, ranked for a fuzzy query.

The palette shows a screenful of the best matches and how many more there are, so a keystroke
must not cost a measurement per match: each query is a handful of C-speed passes over the
folded headlines (which match at all, how many), then just enough of the best are picked, by
rank: the headline starts with the query; the query begins a word; the query is somewhere;
its letters are there in order. Within a rank, brief order.

Pure, no Textual: commands.py turns what this finds into palette rows.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from itertools import islice
from typing import ClassVar, NamedTuple

from briefing_tui.folding import fold, fold_offsets
from briefing_tui.model import SECTIONS, ItemRef, Lookup, headline

HEADLINE_CHARS = 120
"""Long headlines (quotes) are matched and shown by their first characters only."""

Span = tuple[int, int]


class Found(NamedTuple):
    """An item the query finds: its headline (one line) and where the query's letters are."""

    ref: ItemRef
    text: str
    spans: tuple[Span, ...]
    contiguous: bool  # the query as one run, not letters spread out


class ItemFinder:
    """The headlines of one brief's items, folded once, for ranking at every keystroke."""

    _made: ClassVar[weakref.WeakKeyDictionary[Lookup, ItemFinder]] = weakref.WeakKeyDictionary()

    def __init__(self, lookup: Lookup) -> None:
        """The headlines of every item of the brief behind ``lookup``, in brief order."""
        self.refs: list[ItemRef] = []
        self.texts: list[str] = []
        for section in SECTIONS:
            for index, item in enumerate(lookup.brief.section(section)):
                text = headline(item, lookup)[:HEADLINE_CHARS]
                self.refs.append(ItemRef(section, index))
                self.texts.append(" ".join(text.split()))  # one line, as a palette row is
        folded = fold("\n".join(self.texts))
        self._folded = folded.split("\n") if self.texts else []
        # The last query and the items it matched: typing on narrows them instead of starting
        # over (an item with the letters of "hyd" in order has those of "hy").
        self._last: tuple[str, list[int]] = ("", list(range(len(self.texts))))

    @classmethod
    def of(cls, lookup: Lookup) -> ItemFinder:
        """The finder for ``lookup``'s brief, made on first use and kept while the brief is."""
        finder = cls._made.get(lookup)
        if finder is None:
            finder = cls._made[lookup] = cls(lookup)
        return finder

    def find(self, query: str, limit: int) -> tuple[list[Found], int]:
        """The best ``limit`` items for ``query`` (case and accents ignored), best first, and
        how many items match at all."""
        wanted = " ".join(fold(query).split())
        if not wanted:
            return [], 0
        matching = self._matching(wanted)
        best = list(islice(self._ranked(wanted, matching), limit))
        return [self._found(number, wanted) for number in best], len(matching)

    def _matching(self, wanted: str) -> list[int]:
        """The numbers of the items with the letters of ``wanted`` in order, in brief order."""
        last, found = self._last
        numbers = found if wanted.startswith(last) else range(len(self.texts))
        texts = self._folded
        if len(wanted) == 1:
            matching = [number for number in numbers if wanted in texts[number]]
        else:
            match = _letters(wanted, "").match
            matching = [number for number in numbers if match(texts[number])]
        self._last = (wanted, matching)
        return matching

    def _ranked(self, wanted: str, matching: list[int]) -> Iterator[int]:
        """The matching items' numbers, best rank first, each once; worked out only as far as
        they are taken."""
        texts = self._folded
        runs = [n for n in matching if wanted in texts[n]]
        word = _word_start(wanted).search
        ranks = (
            (n for n in runs if texts[n].startswith(wanted)),
            (n for n in runs if word(texts[n])),
            runs,
            matching,
        )
        seen: set[int] = set()
        for rank in ranks:
            for number in rank:
                if number not in seen:
                    seen.add(number)
                    yield number

    def _found(self, number: int, wanted: str) -> Found:
        """Item ``number`` with the query's letters marked in its headline."""
        text, folded = self.texts[number], self._folded[number]
        word = _word_start(wanted).search(folded)
        start = word.start() if word else folded.find(wanted)
        if start >= 0:
            offsets = list(range(start, start + len(wanted)))
        else:
            found = _letters(wanted, "(").match(folded)
            assert found is not None  # only matching items are found
            offsets = [found.start(group) for group in range(1, len(wanted) + 1)]
        origin = fold_offsets(text)
        spans: list[Span] = []
        for offset in offsets:
            begin, end = origin.original(offset, offset + 1)
            if spans and begin <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((begin, end))
        return Found(self.refs[number], text, tuple(spans), start >= 0)


def _letters(wanted: str, group: str) -> re.Pattern[str]:
    """A pattern matching a text with the letters of ``wanted`` in order, each the first one
    after the one before; with ``group`` "(", each letter is a group (slower: for marking)."""
    close = ")" if group else ""
    return re.compile("".join(f"[^{re.escape(c)}]*{group}{re.escape(c)}{close}" for c in wanted))


def _word_start(wanted: str) -> re.Pattern[str]:
    """A pattern finding ``wanted`` where a word begins."""
    plain = re.escape(wanted)
    return re.compile(f"{plain}(?<![^\\W_]{plain})")
