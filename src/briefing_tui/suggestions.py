"""Did-you-mean for ids and keys, and the slug an id could be, for the loader's hints.

A brief can hold a hundred thousand ids; a suggestion must not compare a misspelling with all of
them. ``Suggester`` sorts the ids, forwards and backwards, the first time it is asked; a
misspelt id is then compared only with its neighbours in both orders: the ids that share the
longest start with it, and those that share the longest end (a typo leaves one or the other).
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections.abc import Collection, Iterable

_SCAN_ALL = 2_000  # up to this many words, every one is compared (difflib is quick enough)
_NEIGHBOURS = 25  # compared on each side of a misspelling, in each order
_NOT_SLUG = re.compile("[^a-z0-9]+")


def close_match(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like ``word`` (difflib's measure, at least 0.6 alike), or None."""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return close[0] if close else None


class Suggester:
    """The closest of many words (ids), found among their neighbours in sorted order."""

    def __init__(self, words: Collection[str]) -> None:
        self.words = words
        self._forwards: list[str] | None = None
        self._backwards: list[str] = []

    def closest(self, word: str) -> str | None:
        """The word most like ``word``, as ``close_match`` finds it among the likely ones."""
        if len(self.words) <= _SCAN_ALL:
            return close_match(word, self.words)
        if self._forwards is None:
            self._forwards = sorted(self.words)
            self._backwards = sorted(w[::-1] for w in self.words)
        likely = _around(self._forwards, word)
        likely += [w[::-1] for w in _around(self._backwards, word[::-1])]
        return close_match(word, dict.fromkeys(likely))


def _around(ordered: list[str], word: str) -> list[str]:
    """The words next to where ``word`` would stand in ``ordered``."""
    at = bisect.bisect_left(ordered, word)
    return ordered[max(0, at - _NEIGHBOURS) : at + _NEIGHBOURS]


def slug(text: str) -> str:
    """``Hydrogen Energy`` -> ``hydrogen-energy``: accents dropped, other characters hyphens.

    Empty when nothing of ``text`` is a Latin letter or digit (``日本``).
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


def free_slug(text: str, taken: Collection[str]) -> str:
    """``slug(text)``, with ``-2``, ``-3``... added when another id already has it."""
    base = slug(text)
    if not base or base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
