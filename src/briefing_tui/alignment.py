"""The passage of a source closest to a quote that is not in it, and where the two first differ.

Finding it never scans the whole source: positions of the quote's rarest tokens vote for where
it would start (a bounded number of them, rarer tokens weighing more), the best few places are
aligned with difflib, and only the best of those is aligned token by token (with gaps, over a
window about the quote's size) to name the first word that differs.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise

from briefing_tui.sourcetext import SourceText

PLACES = 4
"""How many of the best-voted places are aligned."""

_VOTE_BUDGET = 2_000  # source positions looked at per misquote, whatever the source's size
_MAX_CELLS = 400_000  # beyond this a full alignment is too slow: difflib's stands
_SAME, _CHANGED, _OPEN, _EXTEND = 10, -10, -21, -1  # _OPEN: a gap's first token included


@dataclass(frozen=True, slots=True)
class Place:
    """A part aligned with a stretch of the source."""

    score: int  # tokens of the part found there in order
    spread: int  # source tokens skipped beyond those of the part: fewer is closer
    lo: int  # the stretch of the source the part spans, with some room around it
    hi: int
    start: int  # where difflib's alignment puts the part's first token


def likely_places(source: SourceText, ids: list[int]) -> list[tuple[int, int]]:
    """Source windows where the part most likely stands, best first: each source position of one
    of its rarest tokens votes for the start it implies, rarer tokens with more weight."""
    width = max(4, len(ids) // 4)
    votes: defaultdict[int, float] = defaultdict(float)
    spent = 0
    for token in sorted({token for token in ids if token >= 0}, key=source.count):
        offsets = [k for k, other in enumerate(ids) if other == token]
        positions = source.postings[token]
        if not spent and len(positions) * len(offsets) > _VOTE_BUDGET:
            # Every token of the part is common: only where a neighbour agrees as well.
            positions = _with_neighbour(source, ids, positions, offsets[0])[:_VOTE_BUDGET]
            offsets = offsets[:1]
        elif spent and spent + len(positions) * len(offsets) > _VOTE_BUDGET:
            break
        spent += len(positions) * len(offsets) or 1
        weight = 1 / len(source.postings[token])
        for position in positions:
            for offset in offsets:
                votes[(position - offset) // width] += weight
    # A place split between two buckets counts both: the best buckets with their neighbours.
    leading = heapq.nlargest(4 * PLACES, votes, key=votes.__getitem__)
    score = {
        bucket: votes.get(bucket - 1, 0) + votes[bucket] + votes.get(bucket + 1, 0)
        for bucket in leading
    }
    best = heapq.nlargest(PLACES, score, key=lambda bucket: (score[bucket], -bucket))
    size = len(ids)  # room for words the quote leaves out or adds
    return [((bucket - 1) * width - size, (bucket + 2) * width + 2 * size) for bucket in best]


def _with_neighbour(
    source: SourceText, ids: list[int], positions: list[int], offset: int
) -> list[int]:
    """The positions of ids[offset] in the source where the token after it (or before it, for
    the part's last token) is the part's too."""
    tokens = source.ids
    last = len(tokens) - 1
    if offset + 1 < len(ids):
        after = ids[offset + 1]
        return [p for p in positions if p < last and tokens[p + 1] == after]
    if offset > 0:
        before = ids[offset - 1]
        return [p for p in positions if p > 0 and tokens[p - 1] == before]
    return positions


def closest(source: SourceText, ids: list[int], windows: list[tuple[int, int]]) -> Place | None:
    """The best alignment of the part in any of the windows, if any: the most tokens in order,
    then the fewest edits, then the least spread, then the first."""
    places = [place for lo, hi in windows if (place := _place(source, ids, lo, hi)) is not None]
    if not places:
        return None
    top = max(place.score for place in places)
    best = [place for place in places if place.score == top]
    if len(best) == 1:
        return best[0]
    return max(best, key=lambda place: (_aligned(source, ids, place)[0], -place.spread))


def _place(source: SourceText, ids: list[int], lo: int, hi: int) -> Place | None:
    """The longest run of the part's tokens found in source[lo:hi] in order, without spreading
    over far more of the source than of the part."""
    lo, hi = max(0, lo), min(len(source), hi)
    matcher = SequenceMatcher(None, source.ids[lo:hi], ids, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if not blocks:
        return None
    room = max(8, len(ids) // 2)  # source tokens it may skip beyond those the part skips
    clusters = [[blocks[0]]]
    for before, block in pairwise(blocks):
        skipped_source = block.a - before.a - before.size
        skipped_part = block.b - before.b - before.size
        if skipped_source - skipped_part > room:
            clusters.append([block])
        else:
            clusters[-1].append(block)
    cluster = max(clusters, key=lambda blocks: sum(block.size for block in blocks))
    first, last = cluster[0], cluster[-1]
    start = lo + first.a - first.b
    end = lo + last.a + len(ids) - last.b
    return Place(
        score=sum(block.size for block in cluster),
        spread=abs((last.a - first.a) - (last.b - first.b)),
        lo=max(0, start - room),
        hi=min(len(source), end + room),
        start=max(0, start),
    )


def first_difference(source: SourceText, ids: list[int], place: Place) -> tuple[int, int, int]:
    """Where the part starts in the place, and the first source and part indices that differ.

    The alignment is the best scoring one (see `_aligned`); of equals, the one that agrees
    longest from the start is taken: its first difference is the one shown.
    """
    return _aligned(source, ids, place)[1]


def _aligned(source: SourceText, ids: list[int], place: Place) -> tuple[int, tuple[int, int, int]]:
    """The best score of the part aligned with the place, and `first_difference`'s answer.

    Scores: a token in common +10, a changed one -10, a run of tokens left out of the part or
    added to it -20 plus -1 a token (so a quote that drops a clause is one gap, not many changes).
    The part is aligned whole; the source may start and end anywhere in the window.
    """
    window = source.ids[place.lo : place.hi]
    size, width = len(ids), len(window)
    if size * width > _MAX_CELLS:
        start = place.start
        return 10 * place.score, (start, *_walk(source.ids, ids, start))
    # best[i][j]: the best score of ids[i:] aligned with the source from window[j] on.
    best = [[0] * (width + 1) for _ in range(size + 1)]
    in_gap_below = [0] * (width + 1)  # the same, part tokens being left out, for row i + 1
    for i in range(size - 1, -1, -1):
        row, below, token = best[i], best[i + 1], ids[i]
        in_gap = [0] * (width + 1)
        row[width] = _OPEN + in_gap_below[width]
        in_gap[width] = max(row[width], _EXTEND + in_gap_below[width])
        skipping = row[width]  # the best from window[j + 1] on, source tokens being skipped
        for j in range(width - 1, -1, -1):  # comparisons, not max(): this loop is the cost
            score = below[j + 1] + (_SAME if window[j] == token else _CHANGED)
            gap = _OPEN + (skipping if skipping > in_gap_below[j] else in_gap_below[j])
            if gap > score:
                score = gap
            row[j] = score
            skipping = _EXTEND + skipping if _EXTEND + skipping > score else score
            left_out = _EXTEND + in_gap_below[j]
            in_gap[j] = left_out if left_out > score else score
        in_gap_below = in_gap
    top = best[0]
    begin = max(range(width + 1), key=lambda j: (top[j], -j))
    i, j = 0, begin
    while i < size - 1 and j < width and window[j] == ids[i] and top_of(best, i, j):
        i += 1
        j += 1
    return top[begin], (place.lo + begin, place.lo + j, i)


def top_of(best: list[list[int]], i: int, j: int) -> bool:
    """Whether taking token i and window[j] as the same is on a best alignment."""
    return best[i][j] == best[i + 1][j + 1] + _SAME


def _walk(tokens: list[int], ids: list[int], start: int) -> tuple[int, int]:
    """From `start`, the source and part indices where the two first disagree."""
    source_at, quote_at = start, 0
    while (
        quote_at < len(ids) - 1 and source_at < len(tokens) and tokens[source_at] == ids[quote_at]
    ):
        source_at += 1
        quote_at += 1
    return source_at, quote_at
