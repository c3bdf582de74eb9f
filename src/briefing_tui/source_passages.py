"""A brief's source article and where each quote stands in it: for the reader's Source pane.

``source_document(brief, brief_path)`` reads the brief's ``source.file`` (relative to the brief)
and finds every quote in it, by the rules ``briefing validate`` checks them with (see
quotematch). A quote that stands in the source is a passage from its first word to its last;
a misquote is marked on the source line where it first departs (when some passage comes close),
so the author sees where to look. No source file, or one that cannot be read: None. No Textual.
"""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass

from briefing_tui.model import Brief
from briefing_tui.quotematch import MAX_GAP_WORDS, check_quote, quote_parts
from briefing_tui.sourcecheck import source_path
from briefing_tui.sourcetext import SourceError, SourceText, nfc, read_source

__all__ = ["Passage", "SourceDocument", "source_document"]


@dataclass(frozen=True, slots=True)
class Passage:
    """Where quote `quote` (its index in the brief) stands in the source: characters
    [start, end) of the text; `exact` is False for a misquote, marked at its nearest line."""

    quote: int
    start: int
    end: int
    exact: bool = True


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """The source's text (NFC), its path as given, and the passages in the order of the text."""

    path: str
    text: str
    passages: tuple[Passage, ...]

    @property
    def lines(self) -> list[str]:
        """The text's lines, without their line breaks."""
        return self.text.split("\n")

    def passage_of(self, quote: int) -> int | None:
        """The index (in `passages`) of quote `quote`'s passage, or None if it has none."""
        return next((n for n, p in enumerate(self.passages) if p.quote == quote), None)

    @property
    def misquotes(self) -> int:
        """How many quotes do not stand in the source word for word."""
        return sum(not passage.exact for passage in self.passages)


def source_document(brief: Brief, brief_path: str | os.PathLike[str]) -> SourceDocument | None:
    """The brief's source.file with its quotes' passages; None without one or when unreadable."""
    path = source_path(brief, os.fspath(brief_path), None)
    if path is None:
        return None
    try:
        source = SourceText(read_source(path))
    except SourceError:
        return None
    passages = []
    for index, quote in enumerate(brief.quotes):
        passage = _passage(source, index, quote.text)
        if passage is not None:
            passages.append(passage)
    passages.sort(key=lambda p: (p.start, p.quote))
    return SourceDocument(path, source.text, tuple(passages))


def _passage(source: SourceText, index: int, text: str) -> Passage | None:
    """Quote `index`'s passage: its words in the source, or the line where it departs."""
    parts = [source.encode(token.key for token in part) for part in quote_parts(nfc(text))]
    if not parts:
        return None
    found = _first_chain(source, parts)
    if found is not None:
        start, end = source.span(*found)
        return Passage(index, start, end)
    misquote = check_quote(source, text)
    if misquote is None or misquote.line is None:
        return None
    starts = [0, *(n + 1 for n, char in enumerate(source.text) if char == "\n")]
    line = min(misquote.line, len(starts)) - 1
    end = source.text.find("\n", starts[line])
    return Passage(index, starts[line], len(source.text) if end < 0 else end, exact=False)


def _first_chain(source: SourceText, parts: list[list[int]]) -> tuple[int, int] | None:
    """The tokens [start, end) of the first place where every part stands, in order, each
    within MAX_GAP_WORDS words of the one before; None if there is none."""
    for first in source.occurrences(parts[0]):
        end = first + len(parts[0])
        for part in parts[1:]:
            starts = source.occurrences(part)
            at = bisect.bisect_left(starts, end)
            if at == len(starts) or not source.few_words_between(end, starts[at], MAX_GAP_WORDS):
                break
            end = starts[at] + len(part)
        else:
            return first, end
    return None
