"""Whether a quote stands in its source word for word and, when it does not, where it departs.

A quote is cut at each ellipsis (… or ...) into parts that must stand in the source in order,
each within MAX_GAP_WORDS words after the one before. A part must match token for token (see
sourcetext for what is folded); a full stop, comma, colon or semicolon ending a part, or starting
one, may differ from the source's, since quoting moves them.

A part is looked up from the source positions of its rarest token, so a quote that stands in the
source costs about as much as those few places. A misquote is explained by the closest passage
of the source (see alignment).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from briefing_tui.alignment import PLACES, closest, first_difference, likely_places
from briefing_tui.sourcetext import ELLIPSIS, SourceText, Token, nfc, tokens, word_around
from briefing_tui.wording import quoted

MAX_GAP_WORDS = 100
"""The most words an ellipsis in a quote may stand for."""

_LOOSE = frozenset(".,;:")
_AROUND = 6  # tokens of the source shown on each side of the first difference


@dataclass(frozen=True, slots=True)
class Misquote:
    """How a quote departs from its source; str() is the end of an error line.

    `line` is the source line of the first difference, or None when no passage comes close.
    """

    line: int | None
    passage: str = ""
    source_word: str | None = None
    quote_word: str = ""
    apart: bool = False

    def __str__(self) -> str:
        if self.line is None:
            return "is not in the source, and no passage of the source comes close to it"
        where = f"differs from the source at line {self.line}: {quoted(self.passage, 100)}"
        if self.apart:
            return (
                f"{where}: the words after the ellipsis, {quoted(self.quote_word, 40)},"
                f" are not within {MAX_GAP_WORDS} words after the words before it"
            )
        has = "ends" if self.source_word is None else f"has {quoted(self.source_word, 40)}"
        return f"{where}: source {has}, quote has {quoted(self.quote_word, 40)}"


def quote_parts(text: str) -> list[list[Token]]:
    """The tokens of a quote (in NFC form), cut at its ellipses, loose punctuation trimmed off
    each part."""
    parts: list[list[Token]] = [[]]
    for token in tokens(text):
        if token.key == ELLIPSIS:
            parts.append([])
        else:
            parts[-1].append(token)
    trimmed = []
    for part in parts:
        start, end = 0, len(part)
        while start < end and part[start].key in _LOOSE:
            start += 1
        while end > start and part[end - 1].key in _LOOSE:
            end -= 1
        if start < end:
            trimmed.append(part[start:end])
    return trimmed


def check_quote(source: SourceText, text: str) -> Misquote | None:
    """None when `text` stands in the source (see the module's rules), else how it departs.

    Raises ValueError when the quote has no words at all.
    """
    text = nfc(text)
    parts = quote_parts(text)
    if not parts:
        raise ValueError("the quote has no words")
    encoded = [source.encode(token.key for token in part) for part in parts]
    failing, ends = _chain(source, encoded)
    if failing == len(parts):
        return None
    part, ids = parts[failing], encoded[failing]
    near = [(end, end + 2 * MAX_GAP_WORDS + len(ids)) for end in ends[:PLACES]]
    best = closest(source, ids, [*near, *likely_places(source, ids)])
    if best is None or 2 * best.score < len(ids):
        return Misquote(line=None)
    if best.score == len(ids) and ends:  # in the source, but not near the part before it
        return _apart(source, text[part[0].start : part[-1].end], ends[0])
    start, source_at, quote_at = first_difference(source, ids, best)
    differing = part[quote_at]
    return Misquote(
        line=source.line_of(source_at),
        passage=source.excerpt(max(start, source_at - _AROUND), source_at + _AROUND),
        source_word=source.word_at(source_at) if source_at < len(source) else None,
        quote_word=word_around(text, differing.start, differing.end),
    )


def _chain(source: SourceText, encoded: list[list[int]]) -> tuple[int, list[int]]:
    """How many leading parts stand in the source in order, each near the one before, and the
    token index just after the last of them, for each way they do."""
    ends = [start + len(encoded[0]) for start in source.occurrences(encoded[0])]
    if not ends:
        return 0, []
    for index in range(1, len(encoded)):
        part = encoded[index]
        starts = source.occurrences(part)
        following = set()
        for end in ends:
            at = bisect.bisect_left(starts, end)
            if at < len(starts) and source.few_words_between(end, starts[at], MAX_GAP_WORDS):
                following.add(starts[at] + len(part))
        if not following:
            return index, ends
        ends = sorted(following)
    return len(encoded), ends


def _apart(source: SourceText, words: str, end: int) -> Misquote:
    return Misquote(
        line=source.line_of(max(0, end - 1)),
        passage=source.excerpt(end - 2 * _AROUND, end),
        quote_word=" ".join(words.split()),
        apart=True,
    )
