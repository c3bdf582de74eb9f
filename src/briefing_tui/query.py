"""The search query language; the accent and case folding that queries and texts go through.

A query is whitespace-separated terms, AND-ed:

- ``word`` matches wherever the word occurs as a substring (``hyd`` finds "hydrogen");
- ``"a phrase"`` matches those words adjacent and in that order (any run of whitespace between
  them in the text counts as one space); an unterminated quote runs to the end of the query;
- ``speaker:maslow`` (or ``expert:``) keeps quotes and analysis by a person whose name or id
  contains the value; ``tag:energy`` keeps items with a tag containing it; ``title:`` searches
  the titles of agreements and analysis only;
- ``in:quotes`` keeps one section; any prefix of a section name selects every section it starts
  (``in:quote``, ``in:q`` = quotes and questions, ``in:a`` = agreements and analysis); several
  ``in:`` terms add up;
- a leading ``-`` excludes (``-word``, ``-"a phrase"``, ``-tag:x``, ``-in:questions``);
- an unknown ``field:value`` is plain text, so ``http://x`` and ``10:30`` search as typed.

Matching ignores accents both ways (``pejsova`` finds Pejsová and ``Pejsová`` finds Pejsova) and
is case-insensitive unless a term has a capital letter (smart case, as in vim and jless); phrases
fold the same way as words. An empty query matches nothing; a query of only exclusions or ``in:``
terms matches every other item.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, NamedTuple

from msgspec import Struct

from briefing_tui.model import SECTIONS, Section

Field = Literal["any", "speaker", "tag", "title", "in"]

FIELDS: dict[str, Field] = {
    "speaker": "speaker",
    "expert": "speaker",
    "tag": "tag",
    "tags": "tag",
    "title": "title",
    "in": "in",
}

# "analyses" is the plural people type; every other section is found by prefix of its own name.
_SECTION_NAMES: tuple[tuple[str, Section], ...] = (
    *((name, name) for name in SECTIONS),
    ("analyses", "analysis"),
)

# Letters NFKD leaves whole but that readers treat as accented forms of plain Latin letters.
_LETTERS = {
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH",
    "ħ": "h", "Ħ": "H", "ı": "i", "ς": "σ",
}  # fmt: skip
_LETTER = re.compile(f"[{''.join(_LETTERS)}]")
# The accents: combining diacritics (Latin, Greek, Cyrillic, as NFKD leaves them) and Hebrew and
# Arabic vowel points. Marks that spell a word in other scripts (Indic, Thai, kana) stay.
_ACCENTS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)
_NON_ASCII = re.compile("[^\\x00-\\x7f]+")
_ASCII_BYTES = bytes(range(128))

_FIELD_PREFIX = re.compile(r"([A-Za-z]+):")


class _FoldedChars(dict[str, str]):
    """Non-ASCII characters and their folded forms (zero or more characters), on first sight."""

    def __init__(self, cased: bool) -> None:
        super().__init__()
        self.cased = cased

    def __missing__(self, char: str) -> str:
        folded = unicodedata.normalize("NFKD", char if self.cased else char.lower())
        if not self.cased:  # compatibility forms can decompose to capitals (ᴬ -> A)
            folded = folded.lower()
        folded = _ACCENTS.sub("", folded)
        folded = _LETTER.sub(lambda letter: _LETTERS[letter.group()], folded)
        self[char] = folded
        return folded


_CHARS = {False: _FoldedChars(cased=False), True: _FoldedChars(cased=True)}


def fold(text: str, cased: bool = False) -> str:
    """``text`` without accents, lower-cased unless ``cased``: the form every search compares.

    NFKD, then accents dropped, then a few letters that do not decompose (ß, æ, ø, ł, ...) spelt
    in plain Latin. Each character folds on its own, so folding a long text (a whole brief) at
    once is as right as folding its parts, and much quicker.
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


class QueryError(ValueError):
    """A query that cannot be read strictly; ``position`` is the 0-based offset of the problem."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


class Term(Struct, frozen=True):
    """One term of a query: what was typed, its folded form, where it looks, whether it excludes."""

    text: str
    folded: str
    field: Field = "any"
    phrase: bool = False
    exclude: bool = False


class Query(Struct, frozen=True):
    """A parsed query; ``sections`` are the sections it searches (by ``in:``), in brief order."""

    text: str
    terms: tuple[Term, ...]
    case_sensitive: bool
    sections: tuple[Section, ...] = SECTIONS

    @property
    def empty(self) -> bool:
        """True when the query has no term at all, and so matches nothing."""
        return not self.terms


def _sections(value: str) -> tuple[Section, ...]:
    """The sections whose name starts with ``value``, in brief order."""
    prefix = value.lower()
    chosen = {section for name, section in _SECTION_NAMES if prefix and name.startswith(prefix)}
    return tuple(section for section in SECTIONS if section in chosen)


def _normalised(text: str, cased: bool) -> str:
    """Folded text with runs of whitespace as single spaces, as terms are compared."""
    return " ".join(fold(text, cased).split())


def _raw_terms(text: str, strict: bool) -> list[tuple[str, Field, bool, bool, int]]:
    """Split query text into (value, field, phrase, exclude, position), before any folding."""
    raw: list[tuple[str, Field, bool, bool, int]] = []
    size, index = len(text), 0
    while index < size:
        if text[index].isspace():
            index += 1
            continue
        start = index
        exclude = text[index] == "-"
        if exclude:
            index += 1
        field: Field = "any"
        prefix = _FIELD_PREFIX.match(text, index)
        if prefix and prefix.group(1).lower() in FIELDS:
            field = FIELDS[prefix.group(1).lower()]
            index = prefix.end()
        phrase = index < size and text[index] == '"'
        if phrase:
            close = text.find('"', index + 1)
            if close < 0 and strict:
                raise QueryError("unterminated quote", index)
            end = size if close < 0 else close
            value, index = text[index + 1 : end], min(end + 1, size)
        else:
            end = index
            while end < size and not text[end].isspace():
                end += 1
            value, index = text[index:end], end
        if not value.strip():
            if strict:
                if prefix and field != "any":
                    raise QueryError(f"nothing after {prefix.group(1)}:", start)
                raise QueryError("empty phrase" if phrase else "nothing after -", start)
            continue
        if field == "in" and not _sections(value):
            if strict:
                names = ", ".join(SECTIONS)
                raise QueryError(f"in:{value} names no section (one of {names})", start)
            field, value = "any", f"in:{value}"
        raw.append((value, field, phrase, exclude, start))
    return raw


def parse_query(text: str, *, strict: bool = False) -> Query:
    """Read query text into a Query.

    Lenient by default, as the search bar needs while someone types: an unterminated quote runs to
    the end, an empty ``-``/``tag:`` is ignored, ``in:nothing`` is plain text. With ``strict`` those
    raise QueryError instead (for command-line use, where a mistake deserves a message).
    """
    # Control characters never occur in a query someone types; they would match field separators.
    clean = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)
    raw = _raw_terms(clean, strict)
    case_sensitive = any(
        char.isupper() for value, field, *_ in raw if field != "in" for char in value
    )
    terms: list[Term] = []
    included: set[Section] = set()
    excluded: set[Section] = set()
    for value, field, phrase, exclude, _ in raw:
        if field == "in":
            (excluded if exclude else included).update(_sections(value))
            folded = value.lower()
        else:
            folded = _normalised(value, case_sensitive)
            if not folded:
                continue
        terms.append(Term(value, folded, field, phrase, exclude))
    sections = tuple(
        section
        for section in SECTIONS
        if (section in included or not included) and section not in excluded
    )
    return Query(text, tuple(terms), case_sensitive, sections)


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
