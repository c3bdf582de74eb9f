"""What a search offers when nothing matches exactly, in this order:

1. Each word in no item is replaced: a word with a capital that the brief has only in lower
   case by that; a word found in people's roles (which only ``speaker:`` searches) by
   ``speaker:word``; any other by the brief's closest words (a typo). If the query so corrected
   matches, its hits are offered.
2. Otherwise, when an alternative has two or more terms, the items holding the most of them
   (exclusions still apply) are offered, each knowing which terms it lacks.
3. Otherwise nothing, with the corrections tried (a word close to nothing has none).

The offer is never exact (``SearchResult.fuzzy``): an export takes exact matches only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import chain
from typing import TYPE_CHECKING

from briefing_tui.search import Needle, Needles, corrected
from briefing_tui.search_result import Correction, Partial

if TYPE_CHECKING:
    from briefing_tui.query import Query
    from briefing_tui.search import SearchIndex
    from briefing_tui.search_result import SearchResult

Missing = Callable[[int], tuple[str, ...]]


def offer(
    index: SearchIndex, query: Query, scope: list[int], groups: list[Needles]
) -> SearchResult:
    """What to show for ``query``, whose needle ``groups`` match nothing in ``scope``."""
    corrections, fixed = _corrections(index, groups)
    if any(correction.closest for correction in corrections):
        numbers = index.scan_groups(scope, fixed)
        if numbers:
            return index.result(query, fixed, numbers, fuzzy=True, corrections=corrections)
    partial = _partial(index, scope, fixed, _unknown(corrections))
    if partial is None:
        return index.result(query, groups, [], corrections=corrections)
    numbers, missing, found = partial
    return index.result(
        query, fixed, numbers, missing, fuzzy=True, corrections=corrections, partial=found
    )


def _corrections(
    index: SearchIndex, groups: list[Needles]
) -> tuple[tuple[Correction, ...], list[Needles]]:
    """A correction for each word in no item (once per word), and the groups with those words
    replaced where something comes close."""
    found: dict[str, Correction] = {}
    fixed: list[Needles] = []
    for group in groups:
        needles: list[Needle] = []
        for needle in group:
            unknown = needle.correctable and not needle.exclude
            if not unknown or needle.words[0] in index.joined(needle.cased):
                needles.append(needle)
                continue
            replacement, correction = _correct(index, needle)
            found.setdefault(needle.text, correction)
            needles.append(replacement or needle)
        fixed.append(tuple(needles))
    return tuple(found.values()), fixed


def _correct(index: SearchIndex, needle: Needle) -> tuple[Needle | None, Correction]:
    """What to look for instead of a word in no item, and the correction to show."""
    word = needle.words[0].lower()
    if needle.cased and word in index.joined(False):
        return corrected(needle, (word,)), Correction(needle.text, (word,))
    if word in index.roles:
        replacement = corrected(needle, (word,), "speaker")
        return replacement, Correction(needle.text, (replacement.text,))
    words, _ = index.speller().corrections(word)
    if not words:
        return None, Correction(needle.text, ())
    return corrected(needle, words), Correction(needle.text, words)


def _unknown(corrections: tuple[Correction, ...]) -> set[str]:
    """The words that are in no item and close to none."""
    return {correction.word for correction in corrections if not correction.closest}


def _partial(
    index: SearchIndex, scope: list[int], groups: list[Needles], nowhere: set[str]
) -> tuple[list[int], Missing, Partial] | None:
    """The entries holding the most positive terms of some alternative of two or more (and none
    of its exclusions), what each lacks, and how many it holds; None if no entry holds any.
    Words ``nowhere`` are known to be in no entry."""
    best = Partial(0, 0, ())
    chosen: dict[int, int] = {}  # entry number -> the alternative it counts for
    held: list[list[tuple[str, set[int]]]] = []  # per alternative: (term, entries holding it)
    for number, group in enumerate(groups):
        positive = [needle for needle in group if not needle.exclude]
        held.append([])
        if len(positive) < 2:
            continue
        allowed = index.scan(scope, tuple(needle for needle in group if needle.exclude))
        held[number] = [
            (n.text, set() if n.text in nowhere else set(index.kept(n, allowed))) for n in positive
        ]
        counts = Counter(chain.from_iterable(entries for _, entries in held[number]))
        top = max(counts.values(), default=0)
        if not top or top < best.held:
            continue
        if top > best.held:
            best, chosen = Partial(top, len(positive), tuple(n.text for n in positive)), {}
        for entry, count in counts.items():
            if count == top:
                chosen.setdefault(entry, number)

    def missing(entry: int) -> tuple[str, ...]:
        terms = held[chosen[entry]] if entry in chosen else []
        return tuple(term for term, entries in terms if entry not in entries)

    return (sorted(chosen), missing, best) if chosen else None
