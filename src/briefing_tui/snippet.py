"""One line of a match's text for a results row: cut around the match, wide characters counted.

Pure, no Textual: the results list calls it for the rows it draws.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from rich.cells import split_graphemes

if TYPE_CHECKING:
    from briefing_tui.search_result import Match, Span

__all__ = ["snippet"]


def snippet(match: Match, width: int) -> tuple[str, tuple[Span, ...]]:
    """One line of a match's text around its first span, at most ``width`` terminal cells.

    Runs of whitespace and control characters become one space; "…" marks where text was cut
    (when ``width`` leaves room for it). Returns the line and the match's spans as character
    offsets into it, clipped to what shows. Wide characters (CJK, emoji) count two cells and
    are never split.
    """
    if width <= 0:
        return "", ()
    text = match.text
    first = match.spans[0][0] if match.spans else 0
    # Only the neighbourhood of the match can show: a line is at most `width` cells each side.
    low, high = max(0, first - 2 * width - 8), first + 2 * width + 8
    line, origin = _one_line(text[low:high], low)
    more_before = bool(text[:low].strip())
    more_after = bool(text[high:].strip())
    spans = [
        (bisect_left(origin, start), min(bisect_left(origin, end), len(line)))
        for start, end in match.spans
    ]
    spans = [(start, end) for start, end in spans if end > start]
    if line.isascii() or (max(line) < "\u0300" and "\xad" not in line):
        bounds, sizes = list(range(len(line) + 1)), [1] * len(line)
    else:
        graphemes, _ = split_graphemes(line)
        bounds = [start for start, _, _ in graphemes] + [len(line)]
        sizes = [size for _, _, size in graphemes]
    if sum(sizes) <= width and not more_before and not more_after:
        return line, tuple(spans)
    first = bisect_right(bounds, spans[0][0]) - 1 if spans else 0
    begin, end, lead, trail = _window(line, bounds, sizes, first, width, more_before, more_after)
    start_char, end_char = bounds[begin], bounds[end]
    shown = ("…" if lead else "") + line[start_char:end_char] + ("…" if trail else "")
    shift = (1 if lead else 0) - start_char
    return shown, tuple(
        (max(start, start_char) + shift, min(stop, end_char) + shift)
        for start, stop in spans
        if start < end_char and stop > start_char
    )


_NON_BLANK = re.compile(r"[^\s\x00-\x1f\x7f-\x9f]+")


def _one_line(text: str, offset: int = 0) -> tuple[str, list[int]]:
    """Text on one line, and for each of its characters (then its end) where it is in the text
    it was cut from, ``offset`` characters in. Runs of whitespace and control characters become
    one space; the ends are stripped."""
    parts: list[str] = []
    origin: list[int] = []
    for word in _NON_BLANK.finditer(text):
        if parts:
            parts.append(" ")
            origin.append(origin[-1] + 1)
        parts.append(word.group())
        origin.extend(range(offset + word.start(), offset + word.end()))
    origin.append(offset + len(text))
    return "".join(parts), origin


def _window(
    line: str,
    bounds: list[int],
    sizes: list[int],
    first: int,
    width: int,
    more_before: bool,
    more_after: bool,
) -> tuple[int, int, bool, bool]:
    """Which graphemes [begin, end) of the line to show so that grapheme ``first`` shows with
    some context before it, and whether a "…" leads and trails. ``bounds`` are where graphemes
    start (then the end), ``sizes`` their widths in cells; ``more_*`` say the text goes on."""
    count = len(sizes)
    dots = width >= 3  # room for ellipses

    def word_start(begin: int) -> int:
        """The first grapheme from ``begin`` on that starts a word, or ``first``."""
        while 0 < begin < first and not line[bounds[begin] - 1].isspace():
            begin += 1
        return begin

    begin = first
    if dots:
        lead = 0
        while begin > 0 and lead + sizes[begin - 1] <= (width - 2) // 3:
            begin -= 1
            lead += sizes[begin]
        begin = word_start(begin)
    before = dots and (begin > 0 or more_before)
    used, end = int(before), begin
    while end < count:
        trail = dots and (end + 1 < count or more_after)
        if used + sizes[end] + trail > width:
            break
        used += sizes[end]
        end += 1
    if end == count and dots and not more_after:  # the end shows: spend the rest on context
        wider = begin
        while wider > 0 and used + sizes[wider - 1] - (wider == 1 and not more_before) <= width:
            wider -= 1
            used += sizes[wider] - (wider == 0 and not more_before)
        begin = word_start(wider) if wider < begin else begin
        before = begin > 0 or more_before
    return begin, end, before, dots and (end < count or more_after)
