"""Accent, case and punctuation folding: the form every search compares, queries and texts alike.

Matching ignores accents both ways (``pejsova`` finds Pejsová and ``Pejsová`` finds Pejsova),
typography (``EU's`` finds "EU’s", ``"`` finds “ and », ``-`` finds – and —, ``...`` finds …)
and, unless asked to keep it, case. Folding works per character, so a whole brief folds at once
as right as its parts; ``fold_offsets`` also says where each folded character came from, so a
match in folded text can be marked in the original.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Letters NFKD leaves whole but that readers treat as accented forms of plain Latin letters.
_LETTERS = {
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH",
    "ħ": "h", "Ħ": "H", "ı": "i", "ς": "σ",
}  # fmt: skip
_LETTER = re.compile(f"[{''.join(_LETTERS)}]")
# Typographic quotes, apostrophes, primes and dashes, as typed on a plain keyboard. (The ellipsis
# needs no entry: NFKD spells it "...".)
PUNCTUATION = {
    **dict.fromkeys("’‘‚‛′‹›", "'"),
    **dict.fromkeys("“”„″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
}
"""Each typographic quote, apostrophe and dash, and the ASCII character it folds to."""
_PUNCTUATION = str.maketrans(PUNCTUATION)
# The accents: combining diacritics (Latin, Greek, Cyrillic, as NFKD leaves them) and Hebrew and
# Arabic vowel points. Marks that spell a word in other scripts (Indic, Thai, kana) stay.
_ACCENTS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)
_NON_ASCII = re.compile("[^\\x00-\\x7f]+")
_ASCII_BYTES = bytes(range(128))


class _FoldedChars(dict[str, str]):
    """Non-ASCII characters and their folded forms (zero or more characters), on first sight."""

    def __init__(self, cased: bool) -> None:
        super().__init__()
        self.cased = cased

    def __missing__(self, char: str) -> str:
        if char in PUNCTUATION:  # before NFKD, which spells ″ as two primes
            self[char] = PUNCTUATION[char]
            return self[char]
        folded = unicodedata.normalize("NFKD", char if self.cased else char.lower())
        if not self.cased:  # compatibility forms can decompose to capitals (ᴬ -> A)
            folded = folded.lower()
        folded = _ACCENTS.sub("", folded)
        folded = _LETTER.sub(lambda letter: _LETTERS[letter.group()], folded)
        folded = folded.translate(_PUNCTUATION)  # what NFKD makes of compatibility forms (﹘)
        self[char] = folded
        return folded


_CHARS = {False: _FoldedChars(cased=False), True: _FoldedChars(cased=True)}


def fold(text: str, cased: bool = False) -> str:
    """``text`` without accents, lower-cased unless ``cased``: the form every search compares.

    NFKD, then accents dropped, then a few letters that do not decompose (ß, æ, ø, ł, ...) spelt
    in plain Latin; typographic quotes and dashes become their ASCII forms (PUNCTUATION). Each
    character folds on its own, so folding a long text (a whole brief) at once is as right as
    folding its parts, and much quicker.
    """
    if text.isascii():
        return text if cased else text.lower()
    if not cased:  # ASCII letters at C speed (str.lower is slow on non-ASCII text); others below
        text = text.encode().lower().decode()
    chars = _CHARS[cased]
    # The distinct non-ASCII characters, found at C speed: UTF-8 without its ASCII bytes.
    for char in set(text.encode().translate(None, _ASCII_BYTES).decode()):
        folded = chars[char]
        if folded != char:
            text = text.replace(char, folded)
    return text


class Folded(NamedTuple):
    """Folded text, and where each of its characters starts and ends in the original text.

    ``starts``/``ends`` are None when offsets are the same in both (ASCII text).
    """

    text: str
    starts: list[int] | None = None
    ends: list[int] | None = None

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that folded to ``text[start:end]`` (``end > start``)."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def fold_offsets(text: str, cased: bool = False) -> Folded:
    """``fold(text, cased)`` with where each folded character comes from in ``text``.

    A character that folds to several (ß -> ss) maps each of them to the whole original character;
    a combining mark that folds away widens the end of the character before it.
    """
    if text.isascii():
        return Folded(text if cased else text.lower())
    chars = _CHARS[cased]
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for run in _NON_ASCII.finditer(text):
        plain = text[done : run.start()]
        pieces.append(plain if cased else plain.lower())
        starts.extend(range(done, run.start()))
        ends.extend(range(done + 1, run.start() + 1))
        for index in range(run.start(), run.end()):
            piece = chars[text[index]]
            if piece:
                pieces.append(piece)
                starts.extend([index] * len(piece))
                ends.extend([index + 1] * len(piece))
            elif ends:
                ends[-1] = index + 1
        done = run.end()
    pieces.append(text[done:] if cased else text[done:].lower())
    starts.extend(range(done, len(text)))
    ends.extend(range(done + 1, len(text) + 1))
    return Folded("".join(pieces), starts, ends)
