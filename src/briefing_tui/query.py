"""The search query language: what a query means, parsed into terms.

A query is whitespace-separated terms, AND-ed:

- ``word`` matches wherever the word occurs as a substring (``hyd`` finds "hydrogen");
- ``"a phrase"`` matches those words adjacent and in that order (any run of whitespace between
  them in the text counts as one space); an unterminated quote runs to the end of the query;
- ``speaker:maslow`` (or ``expert:``) keeps the items of a person whose name or id contains the
  value; ``tag:energy`` keeps items with a tag containing it; ``title:`` searches titles only;
- ``in:quotes`` keeps one section; any prefix of a section name selects every section it starts
  (``in:quote``, ``in:q`` = quotes and questions, ``in:a`` = agreements and analysis); several
  ``in:`` terms add up;
- a leading ``-`` excludes (``-word``, ``-"a phrase"``, ``-tag:x``, ``-in:questions``);
- an unknown ``field:value`` is plain text, so ``http://x`` and ``10:30`` search as typed.

Terms are folded as texts are (folding.py): accents never matter, and case only when a term has a
capital letter (smart case, as in vim and jless). An empty query matches nothing; a query of only
exclusions or ``in:`` terms matches every other item.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from msgspec import Struct

from briefing_tui.folding import fold
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

QUERY_SYNTAX: tuple[tuple[str, str], ...] = (
    ("word", "Items containing it anywhere (hyd finds hydrogen); words are AND-ed."),
    ('"a phrase"', "Those words together, in that order."),
    ("speaker:name", "Quotes and analysis by that person (expert: too)."),
    ("tag:word", "Items with a tag containing it."),
    ("title:word", "Only in the titles of agreements and analysis."),
    ("in:quotes", "One section (a prefix works: in:q, in:a); several add up."),
    ("-word", "Items without it (-tag:x, -in:questions too)."),
    ("smart case", "Any capital makes the search case-sensitive; accents never matter."),
)
"""The query language, as the help screen lists it."""

# "analyses" is the plural people type; every other section is found by prefix of its own name.
_SECTION_NAMES: tuple[tuple[str, Section], ...] = (
    *((name, name) for name in SECTIONS),
    ("analyses", "analysis"),
)

_FIELD_PREFIX = re.compile(r"([A-Za-z]+):")


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
