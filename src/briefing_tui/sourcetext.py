"""A brief's source text, read safely and cut into tokens that quotes are compared on.

A token is a word, an ellipsis, a dash or one other punctuation mark. Tokens are compared after
folding what typing varies on and the words do not: whitespace and line breaks (never a token),
typographic quotes and apostrophes (’ ‘ “ ” as ' "), dashes (- – — ‒ ― −, and -- or ---, all one
dash) and the ellipsis (… or ...). Letters, case and the other punctuation stay as written.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

MAX_SOURCE_BYTES = 64 * 1024 * 1024

ELLIPSIS = "…"
_WORD_REACH = 24  # characters a shown word may reach beyond its token on each side
# Words joined by an apostrophe or a hyphen, shown whole when one of them differs.
_JOINED_WORD = re.compile(r"\w+(?:['’‐‑-]\w+)*")
_DASHES = "-‐‑‒–—―−"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width characters
# A run of up to three dashes is one token; invisible characters separate tokens as spaces do.
_TOKEN = re.compile(rf"\.\.\.|[{_DASHES}]{{1,3}}|\w+|[^\s{_INVISIBLE}]")
_ALIASES = {
    "...": ELLIPSIS,
    **dict.fromkeys("‘’‚‛′", "'"),
    **dict.fromkeys("“”„‟″", '"'),
    **{
        a + b + c: "-"
        for a in _DASHES
        for b in ("", *_DASHES)
        for c in ("", *_DASHES)
        if b or not c
    },
}


class SourceError(Exception):
    """The source cannot be read as UTF-8 text; str() is one line saying why."""


def read_source(path: str | os.PathLike[str]) -> str:
    """The text of the source file at `path`; raises SourceError (one line) for anything else.

    Refuses folders and special files (a FIFO would block), files over MAX_SOURCE_BYTES and
    text that is not UTF-8; a UTF-8 byte order mark is dropped.
    """
    try:
        with open(path, "rb", opener=_open_nonblocking) as stream:
            info = os.fstat(stream.fileno())
            _check_kind(info)
            data = stream.read(MAX_SOURCE_BYTES + 1)
    except SourceError:
        raise
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except NotADirectoryError:
        raise SourceError("no such file (a part of the path is not a folder)") from None
    except IsADirectoryError:
        raise SourceError("it is a folder, not a text file") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise SourceError(f"cannot read it: {reason}") from None
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(f"it is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MiB")
    return decode_source(data)


def _open_nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))


def _check_kind(info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise SourceError("it is a folder, not a text file")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError("it is not a regular file (a pipe, a device or a socket)")


def decode_source(data: bytes) -> str:
    """UTF-8 bytes as text, or SourceError naming the first bad byte and its line."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError("it is UTF-16: save it as UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        raise SourceError(
            f"it is not UTF-8 text (byte 0x{byte:02X} on line {line}): save it as UTF-8"
        ) from None


class Token(NamedTuple):
    """A token of a text: folded (what is compared), and where it stands in the text."""

    key: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The tokens of `text`, which must be in NFC form (see `nfc`)."""
    return [
        Token(_ALIASES.get(match.group(), match.group()), match.start(), match.end())
        for match in _TOKEN.finditer(text)
    ]


def word_around(text: str, start: int, end: int) -> str:
    """The word that token text[start:end] is part of: a whole `doesn’t` or `de-risk` rather than
    a token of it. A punctuation mark is shown alone."""
    if not _is_word(text[start:end]):
        return text[start:end]
    lo = max(0, start - _WORD_REACH)
    for match in _JOINED_WORD.finditer(text, lo, min(len(text), end + _WORD_REACH)):
        if match.start() <= start < match.end():
            return match.group()
    return text[start:end]


def nfc(text: str) -> str:
    """`text` in Unicode's composed form (NFC), as the source's tokens are compared."""
    return _nfc(text)


def _nfc(text: str) -> str:
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)  # line breaks stay where they were


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_"


class SourceText:
    """A source's tokens, indexed: where each token occurs, and on which line each one stands."""

    def __init__(self, text: str) -> None:
        self.text = _nfc(text)
        self.vocabulary: dict[str, int] = {}
        intern, alias = self.vocabulary.setdefault, _ALIASES.get
        self.ids = [
            intern(alias(token, token), len(self.vocabulary)) for token in _TOKEN.findall(self.text)
        ]
        self.postings: defaultdict[int, list[int]] = defaultdict(list)
        for index, token in enumerate(self.ids):
            self.postings[token].append(index)
        self._words = [_is_word(key) for key in self.vocabulary]  # by token id
        self._spans: list[tuple[int, int]] | None = None
        self._line_starts: list[int] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def encode(self, tokens: Iterable[str]) -> list[int]:
        """Token ids as the source numbers them; -1 for a token the source never has."""
        return [self.vocabulary.get(token, -1) for token in tokens]

    def count(self, token: int) -> int:
        """How many times a token occurs in the source."""
        found = self.postings.get(token)
        return 0 if found is None else len(found)

    def occurrences(self, part: list[int]) -> list[int]:
        """Every index where the token ids of `part` stand in the source, in order."""
        if not part or -1 in part:
            return []
        pivot = min(range(len(part)), key=lambda k: self.count(part[k]))
        size, ids = len(part), self.ids
        return [
            start
            for start in (at - pivot for at in self.postings[part[pivot]])
            if start >= 0 and ids[start : start + size] == part
        ]

    def few_words_between(self, start: int, end: int, limit: int) -> bool:
        """Whether tokens[start:end] hold at most `limit` words (looking no further than that)."""
        ids, words, count = self.ids, self._words, 0
        for index in range(start, end):
            if words[ids[index]]:
                count += 1
                if count > limit:
                    return False
        return True

    def _token_spans(self) -> list[tuple[int, int]]:
        if self._spans is None:  # needed only to report a misquote: worked out on demand
            self._spans = [match.span() for match in _TOKEN.finditer(self.text)]
        return self._spans

    def line_of(self, index: int) -> int:
        """The 1-based line on which token `index` starts (the last line past the end)."""
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        spans = self._token_spans()
        offset = spans[index][0] if index < len(spans) else len(self.text)
        return bisect.bisect_right(self._line_starts, offset)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where tokens[start:end] (`end` > `start`) stand in the text: (first char, char after)."""
        spans = self._token_spans()
        return spans[start][0], spans[end - 1][1]

    def word_at(self, index: int) -> str:
        """The word token `index` stands in, as the source writes it (see `word_around`)."""
        start, end = self._token_spans()[index]
        return word_around(self.text, start, end)

    def excerpt(self, start: int, end: int) -> str:
        """The source from token `start` to token `end` (excluded), whitespace made single spaces,
        with … where it is cut short of the source's start or end."""
        spans = self._token_spans()
        start, end = max(0, start), min(len(spans), end)
        if start >= end:
            return ""
        body = " ".join(self.text[spans[start][0] : spans[end - 1][1]].split())
        return ("…" if start > 0 else "") + body + ("…" if end < len(spans) else "")
