"""The vocabulary of a brief, for correcting a misspelt search word to the closest words in it."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+")


def _bigrams(word: str) -> set[str]:
    """The distinct letter pairs of a word, with its start and end marked."""
    padded = f"\x02{word}\x03"
    return {padded[index : index + 2] for index in range(len(padded) - 1)}


def edit_distance(first: str, second: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, or ``limit + 1`` once beyond it."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(second) + 1))
    for row, char in enumerate(first, 1):
        current = [row] + [0] * len(second)
        for column, other in enumerate(second, 1):
            cost = previous[column - 1] + (char != other)
            cost = min(cost, previous[column] + 1, current[column - 1] + 1)
            if row > 1 and column > 1 and char == second[column - 2] and first[row - 2] == other:
                cost = min(cost, before[column - 2] + 1)
            current[column] = cost
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


class Speller:
    """The words of a folded text, to find the closest ones to a misspelt word.

    Candidates share enough letter pairs with the word (each edit changes at most three), then
    their edit distance is computed exactly.
    """

    def __init__(self, text: str) -> None:
        """Collect the words (letters and digits, two or more) of folded ``text``."""
        words: set[str] = set()
        for token in set(text.split()):  # split is quick; few tokens are distinct
            words.update(word for word in _WORD.findall(token) if len(word) > 1)
        self.words = sorted(words)
        self._text = text
        self._pairs: dict[str, list[int]] = {}
        for number, word in enumerate(self.words):
            for pair in _bigrams(word):
                self._pairs.setdefault(pair, []).append(number)
        self._known: dict[str, tuple[tuple[str, ...], int]] = {}

    def corrections(self, word: str, limit: int = 5) -> tuple[tuple[str, ...], int]:
        """The vocabulary words closest to ``word``, and their edit distance.

        Words of 3-5 letters may be 1 edit off, longer ones 2, shorter ones none. Only the words
        at the smallest distance found are returned, most frequent first, at most ``limit``;
        ((), 0) when no word is close enough.
        """
        if word not in self._known:
            self._known[word] = self._closest(word, limit)
        return self._known[word]

    def _closest(self, word: str, limit: int) -> tuple[tuple[str, ...], int]:
        allowed = 0 if len(word) < 3 else 1 if len(word) <= 5 else 2
        if not allowed:
            return (), 0
        pairs = _bigrams(word)
        shared: dict[int, int] = {}
        for pair in pairs:
            for number in self._pairs.get(pair, ()):
                shared[number] = shared.get(number, 0) + 1
        needed = len(pairs) - 3 * allowed
        found: dict[int, list[str]] = {}
        for number, count in shared.items():
            candidate = self.words[number]
            if count >= needed and abs(len(candidate) - len(word)) <= allowed:
                distance = edit_distance(word, candidate, allowed)
                if distance <= allowed:
                    found.setdefault(distance, []).append(candidate)
        if not found:
            return (), 0
        distance = min(found)
        closest = sorted(found[distance], key=lambda word: (-self._text.count(word), word))
        return tuple(closest[:limit]), distance
