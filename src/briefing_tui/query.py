"""The search query language: what a query means, parsed into alternatives of terms.

A query is whitespace-separated terms, AND-ed, in alternatives joined by ``OR`` (or ``|``):

- ``word`` matches wherever the word occurs as a substring (``hyd`` finds "hydrogen");
- ``word*`` matches only where a word begins with it (``hydro*`` finds "hydrogen", not
  "dehydrogenase");
- ``"a phrase"`` matches those words adjacent and in that order (any run of whitespace between
  them in the text counts as one space); typographic quotes (“…”, „…“, «…») work as ``"`` does;
- ``speaker:maslow`` (or ``expert:``) keeps the items of a person whose name, id or role contains
  the value; ``tag:energy`` keeps items with a tag containing it; ``title:`` searches titles only
  (the brief's own title too);
- ``in:quotes`` keeps one section, named in full or by a prefix naming no other (``in:quo``,
  ``in:an``); several ``in:`` terms add up. ``in:`` narrows the whole query, wherever it stands;
- a leading ``-`` excludes (``-word``, ``-"a phrase"``, ``-tag:x``, ``-in:questions``);
- ``a b OR c`` is ``(a AND b) OR c``: AND binds tighter, as in most search boxes. Exclusions and
  field terms belong to the alternative they stand in (``-coal`` in ``hydrogen -coal OR gas``
  excludes only from the first);
- an unknown ``field:value`` is plain text, so ``http://x`` and ``10:30`` search as typed.

Terms are folded as texts are (folding.py): accents and typographic quotes and dashes never
matter, and case only when a term has a capital letter (smart case, as in vim and jless; the
``OR`` keyword does not count). An empty query matches nothing; an alternative of only exclusions
(or a query of only ``in:`` terms) matches every other item.

A mistake (an unterminated quote, ``tag:`` with nothing after it, ``in:`` naming no section or
several) is a QueryError when parsing strictly; a lenient parse searches what it can and says
what it left out in ``Query.problems``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, NamedTuple

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
    ("word*", "Only where a word begins with it (hydro* finds hydrogen, not dehydrated)."),
    ('"a phrase"', "Those words together, in that order."),
    ("a OR b", "Either one (| too); AND binds tighter: a b OR c is (a b) OR c."),
    ("speaker:name", "What a person said or wrote, by name, id or role (expert: too)."),
    ("tag:word", "Items with a tag containing it."),
    ("title:word", "Only in titles (of agreements, analysis and the brief)."),
    ("in:quotes", "One section, or a prefix naming only it (in:quo); narrows the whole query."),
    ("-word", "Items without it (-tag:x, -in:questions too)."),
    ("smart case", "A capital makes the search case-sensitive; accents and ’ “ – never matter."),
    ("people", "A name finds what the person said; a role (expert) only with speaker:."),
)
"""The query language, as the help screen lists it."""

# "analyses" is the plural people type; every other section is found by a prefix of its name.
_SECTION_NAMES: tuple[tuple[str, Section], ...] = (
    *((name, name) for name in SECTIONS),
    ("analyses", "analysis"),
)

_FIELD_PREFIX = re.compile(r"([A-Za-z]+):")
_QUOTE = re.compile('["“”„«»]')  # any of them opens a phrase, and any closes it
_OR_WORDS = {"OR", "|"}


class QueryError(ValueError):
    """A query that cannot be read strictly; ``position`` is the 0-based offset of the problem."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


class Problem(Struct, frozen=True):
    """A mistake in a query, and where it is (0-based offset): what strict parsing raises."""

    message: str
    position: int

    def error(self) -> QueryError:
        """The problem as the QueryError a strict parse raises."""
        return QueryError(self.message, self.position)


class SectionError(ValueError):
    """A section name that names no section, or several (``candidates``, in brief order)."""

    def __init__(self, message: str, candidates: tuple[Section, ...]) -> None:
        super().__init__(message)
        self.candidates = candidates


class Term(Struct, frozen=True):
    """One term of a query: what was typed, its folded form, where it looks, how it matches."""

    text: str
    folded: str
    field: Field = "any"
    phrase: bool = False
    exclude: bool = False
    prefix: bool = False  # `word*`: only where a word begins with it


class Query(Struct, frozen=True):
    """A parsed query.

    ``terms`` are every term in the order typed (``in:`` ones too); ``groups`` are the
    alternatives (OR), each a tuple of terms that must all hold, ``in:`` terms left out;
    ``sections`` are the sections searched, in brief order, and ``overview`` says whether the
    brief's own title and summary are (not when ``in:`` names sections). ``problems`` are the
    mistakes a lenient parse passed over, first first.
    """

    text: str
    terms: tuple[Term, ...]
    case_sensitive: bool
    sections: tuple[Section, ...] = SECTIONS
    groups: tuple[tuple[Term, ...], ...] = ()
    overview: bool = True
    problems: tuple[Problem, ...] = ()

    @property
    def empty(self) -> bool:
        """True when the query has no term at all, and so matches nothing."""
        return not self.groups

    @property
    def problem(self) -> Problem | None:
        """The first mistake in the query (what a strict parse raises), or None."""
        return self.problems[0] if self.problems else None


def _spelled(sections: tuple[Section, ...]) -> str:
    """Sections as words: "quotes or questions", "a, b or c"."""
    return " or ".join(filter(None, (", ".join(sections[:-1]), sections[-1])))


def section_candidates(name: str) -> tuple[Section, ...]:
    """The sections ``name`` may mean, in brief order: the one it names in full, or every one
    whose name (or "analyses") starts with it; case and surrounding spaces ignored."""
    prefix = name.strip().lower()
    exact = [section for full, section in _SECTION_NAMES if full == prefix]
    chosen = set(exact) or {
        section for full, section in _SECTION_NAMES if prefix and full.startswith(prefix)
    }
    return tuple(section for section in SECTIONS if section in chosen)


def resolve_section(name: str, *, shown: str | None = None) -> Section:
    """The section ``name`` names: in full ("quotes", "analyses"), or by a prefix that starts
    no other section's name ("quo", "an"); case ignored. What ``in:`` takes, and ``--section``.

    Raises SectionError, its message naming ``name`` as ``shown`` (``name`` itself by default):
    "q could be quotes or questions", or "x names no section (one of agreements, ...)".
    """
    candidates = section_candidates(name)
    if len(candidates) == 1:
        return candidates[0]
    label = name if shown is None else shown
    if candidates:
        raise SectionError(f"{label} could be {_spelled(candidates)}", candidates)
    raise SectionError(f"{label} names no section (one of {', '.join(SECTIONS)})", ())


class _Raw(NamedTuple):
    """A term as typed, before folding; or an OR (``field`` None)."""

    value: str
    field: Field | None
    start: int
    phrase: bool = False
    exclude: bool = False
    prefix: bool = False


def _raw_terms(text: str, problems: list[Problem]) -> list[_Raw]:
    """Split query text into terms and ORs, in order, noting mistakes in ``problems``."""
    raw: list[_Raw] = []
    size, index = len(text), 0
    while index < size:
        if text[index].isspace():
            index += 1
            continue
        start = index
        if text[index] == "|":
            raw.append(_Raw("|", None, start))
            index += 1
            continue
        exclude = text[index] == "-"
        index += exclude
        field: Field = "any"
        label = _FIELD_PREFIX.match(text, index)
        if label and label.group(1).lower() in FIELDS:
            field = FIELDS[label.group(1).lower()]
            index = label.end()
        phrase = index < size and _QUOTE.match(text, index) is not None
        if phrase:
            close = _QUOTE.search(text, index + 1)
            if close is None:
                problems.append(Problem("unterminated quote", index))
            end = size if close is None else close.start()
            value, index = text[index + 1 : end], min(end + 1, size)
        else:
            end = index
            while end < size and not text[end].isspace() and text[end] != "|":
                end += 1
            value, index = text[index:end], end
            if value == "OR" and not exclude and field == "any":
                raw.append(_Raw("OR", None, start))
                continue
        prefix = not phrase and value.endswith("*")
        value = value.rstrip("*") if prefix else value
        if value.strip():
            raw.append(_Raw(value, field, start, phrase, exclude, prefix))
        elif field != "any" and label is not None:
            problems.append(Problem(f"nothing after {label.group(1)}:", start))
        else:
            reason = (
                "empty phrase" if phrase else "nothing before *" if prefix else "nothing after -"
            )
            problems.append(Problem(reason, start))
    return raw


def _alternatives(raw: list[_Raw], problems: list[Problem]) -> list[list[_Raw]]:
    """The terms (``in:`` ones left out) of each alternative, noting an OR with nothing on a
    side; an alternative of only ``in:`` terms is left out."""
    alternatives: list[list[_Raw]] = []
    current: list[_Raw] = []
    typed = False  # anything typed since the last OR
    for term in raw:
        if term.field is not None:
            typed = True
            if term.field != "in":
                current.append(term)
            continue
        if not typed:
            problems.append(Problem(f"nothing before {term.value}", term.start))
        elif current:
            alternatives.append(current)
        current, typed = [], False
    if raw and raw[-1].field is None:
        problems.append(Problem(f"nothing after {raw[-1].value}", raw[-1].start))
    if current:
        alternatives.append(current)
    return alternatives


def _normalised(text: str, cased: bool) -> str:
    """Folded text with runs of whitespace as single spaces, as terms are compared."""
    return " ".join(fold(text, cased).split())


def _sections_of(term: _Raw, problems: list[Problem]) -> tuple[Section, ...]:
    """The sections an ``in:`` term names: one, or every one it may mean (a mistake noted)."""
    try:
        return (resolve_section(term.value, shown=f"in:{term.value}"),)
    except SectionError as error:
        problems.append(Problem(str(error), term.start))
        return error.candidates


def parse_query(text: str, *, strict: bool = False) -> Query:
    """Read query text into a Query.

    Lenient by default, as the search bar needs while someone types: an unterminated quote runs
    to the end, an empty ``-``/``tag:``/``OR`` side is ignored, an ``in:`` naming no section is
    left out and one naming several keeps them all; each such mistake is in ``problems``. With
    ``strict`` the first one raises QueryError instead (for command-line use).
    """
    # Control characters never occur in a query someone types; they would match field separators.
    clean = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)
    problems: list[Problem] = []
    raw = _raw_terms(clean, problems)
    cased = any(
        char.isupper() for term in raw if term.field not in (None, "in") for char in term.value
    )
    folded: dict[_Raw, Term] = {}
    scope: dict[bool, set[Section]] = {False: set(), True: set()}  # by exclusion
    for item in raw:
        if item.field == "in" and (sections := _sections_of(item, problems)):
            scope[item.exclude].update(sections)
            folded[item] = Term(item.value, item.value.lower(), "in", exclude=item.exclude)
        elif item.field not in (None, "in") and (value := _normalised(item.value, cased)):
            folded[item] = Term(
                item.value, value, item.field, item.phrase, item.exclude, item.prefix
            )
    groups = tuple(
        tuple(folded[term] for term in alternative if term in folded)
        for alternative in _alternatives(raw, problems)
    )
    groups = tuple(group for group in groups if group) or (((),) if folded else ())
    problems.sort(key=lambda problem: problem.position)
    if strict and problems:
        raise problems[0].error()
    included, excluded = scope[False], scope[True]
    sections = tuple(
        section
        for section in SECTIONS
        if (section in included or not included) and section not in excluded
    )
    terms = tuple(folded.values())
    return Query(text, terms, cased, sections, groups, not included, tuple(problems))
