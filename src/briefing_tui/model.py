"""The brief as immutable typed structs: the one declaration of the format.

Validation (loader.py), error paths and the JSON Schema (``briefing schema``) are all derived
from these classes. Nothing here knows about YAML or Textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

FORMAT_VERSION = 1

# What a field is to the loader, marked on its type (``Meta(extra={"kind": ...})``) so that the
# checks never depend on a description's wording: the descriptions are for people and editors.
KIND_LINE = "line"
"""Text on one line (titles, names)."""
KIND_ID = "id"
"""An id, a slug unique across the brief (ID_PATTERN)."""
KIND_REFS = "refs"
"""Ids of other items or people."""
KIND_PERSON = "person"
"""The id of a person."""

ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
"""Ids are slugs: lower-case letters and digits, words joined by single hyphens."""

Text = Annotated[str, Meta(description="Plain text, shown and exported literally.")]
Line = Annotated[str, Meta(description="Plain text on one line.", extra={"kind": KIND_LINE})]
Id = Annotated[
    str,
    Meta(
        description="An identifier, unique across the whole brief, for `related` and references:"
        " lower-case letters, digits and hyphens (a slug, such as `grid-pact`).",
        pattern=ID_PATTERN,
        extra={"kind": KIND_ID},
    ),
]
Ids = Annotated[
    tuple[str, ...],
    Meta(
        description="Ids of other items or people in this brief that this one concerns.",
        extra={"kind": KIND_REFS},
    ),
]
Tags = Annotated[tuple[str, ...], Meta(description="Free-form keywords, searchable with `tag:`.")]


class _Record(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Base of every record: immutable, keyword-only, and no key may be unknown."""


class Person(_Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Someone the brief quotes or cites."""

    id: Id
    name: Line
    role: Line | None = None


class Source(_Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Where the brief comes from."""

    title: Line | None = None
    publisher: Line | None = None
    url: Line | None = None
    published: dt.date | None = None
    file: Annotated[
        str | None, Meta(description="Path of the source text, relative to the brief.")
    ] = None


class Agreement(_Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Something the parties agreed, committed to, or will cooperate on."""

    title: Line
    summary: Text
    id: Id | None = None
    details: Annotated[
        tuple[str, ...], Meta(description="Points of the agreement, one text each.")
    ] = ()
    tags: Tags = ()
    related: Ids = ()


class Quote(_Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Words someone said or wrote, verbatim."""

    speaker: Annotated[
        str, Meta(description="The id of the person who said it.", extra={"kind": KIND_PERSON})
    ]
    text: Annotated[str, Meta(description="The words, verbatim.")]
    id: Id | None = None
    context: Text | None = None
    tags: Tags = ()
    related: Ids = ()


class Analysis(_Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """An expert's reading of the event."""

    expert: Annotated[
        str,
        Meta(
            description="The id of the person whose analysis this is.", extra={"kind": KIND_PERSON}
        ),
    ]
    summary: Text
    id: Id | None = None
    title: Line | None = None
    tags: Tags = ()
    related: Ids = ()


class Question(_Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A question the event leaves open."""

    question: Text
    id: Id | None = None
    why: Annotated[str | None, Meta(description="Why the question matters.")] = None
    tags: Tags = ()
    related: Ids = ()


Item = Agreement | Quote | Analysis | Question
Section = Literal["agreements", "quotes", "analysis", "questions"]


class Brief(_Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One brief: an event distilled into agreements, quotes, analysis and open questions."""

    brief: Annotated[Literal[1], Meta(description="The format version: 1.")]
    title: Line
    date: dt.date
    summary: Text
    agreements: tuple[Agreement, ...]
    quotes: tuple[Quote, ...]
    analysis: tuple[Analysis, ...]
    questions: tuple[Question, ...]
    location: Line | None = None
    source: Source | None = None
    people: tuple[Person, ...] = ()

    def section(self, name: Section) -> tuple[Item, ...]:
        """The items of one section, in brief order."""
        items: tuple[Item, ...] = getattr(self, name)
        return items

    def counts(self) -> dict[Section, int]:
        """How many items each section holds."""
        return {name: len(self.section(name)) for name in SECTIONS}


class ItemRef(Struct, frozen=True, order=True):
    """Where an item stands: its section and its index there."""

    section: Section
    index: int


class Lookup:
    """Resolves ids to people and items; built once per brief."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.people: dict[str, Person] = {person.id: person for person in brief.people}
        self.items: dict[str, ItemRef] = {}
        for name in SECTIONS:
            for index, item in enumerate(brief.section(name)):
                if item.id is not None:
                    self.items[item.id] = ItemRef(name, index)

    def item(self, ref: ItemRef) -> Item:
        """The item a reference points at."""
        return self.brief.section(ref.section)[ref.index]

    def person_name(self, person_id: str) -> str:
        """The person's name, or the id itself when no person has it."""
        person = self.people.get(person_id)
        return person.name if person else person_id

    def referenced_by(self, item_id: str | None) -> tuple[ItemRef, ...]:
        """The items whose `related` names `item_id`, in brief order (none for an item without
        an id): what refers to it, the way back of its links."""
        return self._referrers.get(item_id, ()) if item_id is not None else ()

    def tagged(self, tag: str) -> tuple[ItemRef, ...]:
        """The items with exactly this tag, in brief order."""
        return self._tags.get(tag, ())

    @cached_property
    def _referrers(self) -> dict[str, tuple[ItemRef, ...]]:
        """Who refers to each id, worked out once, when first asked (not at start-up)."""
        found: dict[str, list[ItemRef]] = {}
        for ref, item in self._all_items():
            for target in dict.fromkeys(item.related):  # named twice, counted once
                if target != item.id:
                    found.setdefault(target, []).append(ref)
        return {target: tuple(refs) for target, refs in found.items()}

    @cached_property
    def _tags(self) -> dict[str, tuple[ItemRef, ...]]:
        """The items of each tag, worked out once, when first asked."""
        found: dict[str, list[ItemRef]] = {}
        for ref, item in self._all_items():
            for tag in dict.fromkeys(item.tags):
                found.setdefault(tag, []).append(ref)
        return {tag: tuple(refs) for tag, refs in found.items()}

    def _all_items(self) -> Iterator[tuple[ItemRef, Item]]:
        for name in SECTIONS:
            for index, item in enumerate(self.brief.section(name)):
                yield ItemRef(name, index), item

    def by_person(self, person_id: str) -> list[ItemRef]:
        """Everything one person said or wrote (items whose kind names a person), in brief order."""
        return [
            ItemRef(kind.section, index)
            for kind in KINDS
            if kind.person is not None
            for index, item in enumerate(self.brief.section(kind.section))
            if getattr(item, kind.person) == person_id
        ]


def headline(item: Item, lookup: Lookup) -> str:
    """One line that names an item: its headline field (a title, words said, a question), after
    the name of the person it is by, if its kind has one."""
    kind = kind_of(item)
    text: str = getattr(item, kind.headline_field(item)) or ""
    person = kind.person_of(item)
    return text if person is None else f"{lookup.person_name(person)}: {text}"


def json_schema() -> dict[str, object]:
    """The JSON Schema of the format, for editors (yaml-language-server) and ``briefing schema``."""
    schema: dict[str, object] = msgspec.json.schema(Brief)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"briefing brief, format version {FORMAT_VERSION}"
    return schema


# --- Kinds of item ---------------------------------------------------------------------------
# Everything the program knows about one kind of item, in one place: search, export, the palette
# and the panes read it here. A new kind is a struct above, its section in `Section`, its field
# in `Brief` and one `Kind` below.


@dataclass(frozen=True)
class Kind:
    """One kind of item: where its items live, what they are called, how they read."""

    type: type[Item]
    """The struct of its items; its name is what one item is called ("Agreement")."""
    section: Section
    """The brief's key for the items, the pane's id and what `in:` names; capitalised, the
    section's title everywhere: tabs, panes, counts and a Markdown export ("Agreements")."""
    headline: tuple[str, ...]
    """The fields that name an item, in a list row or a link: the first one set is used."""
    fields: tuple[str, ...]
    """The fields search looks in, in the order a match is shown."""
    body: tuple[tuple[str, str], ...] = ()
    """The detail's labelled fields after the headline, as (field, label)."""
    person: str | None = None
    """The field holding the id of the person the item is by, if any."""
    quoted: bool = False
    """Whether the headline field is someone's words, verbatim."""

    @property
    def label(self) -> str:
        """What one item is called: "Agreement"."""
        return self.type.__name__

    @property
    def title(self) -> str:
        """What the section is called: "Agreements"."""
        return self.section.capitalize()

    def headline_field(self, item: Item) -> str:
        """The field that names `item`: the first of `headline` it has a value for."""
        return next((name for name in self.headline if getattr(item, name)), self.headline[-1])

    def person_of(self, item: Item) -> str | None:
        """The id of the person `item` is by (None for a kind without a person)."""
        return None if self.person is None else str(getattr(item, self.person))


KINDS: tuple[Kind, ...] = (
    Kind(
        Agreement,
        "agreements",
        headline=("title",),
        fields=("title", "summary", "details", "tags"),
        body=(("summary", "Summary"), ("details", "Details")),
    ),
    Kind(
        Quote,
        "quotes",
        person="speaker",
        quoted=True,
        headline=("text",),
        fields=("speaker", "text", "context", "tags"),
        body=(("context", "Context"),),
    ),
    Kind(
        Analysis,
        "analysis",
        person="expert",
        headline=("title", "summary"),
        fields=("title", "expert", "summary", "tags"),
        body=(("summary", "Analysis"),),
    ),
    Kind(
        Question,
        "questions",
        headline=("question",),
        fields=("question", "why", "tags"),
        body=(("why", "Why it matters"),),
    ),
)
"""Every kind of item, in brief order."""

SECTIONS: tuple[Section, ...] = tuple(kind.section for kind in KINDS)
"""The sections, in brief order."""
SECTION_TITLES: dict[Section, str] = {kind.section: kind.title for kind in KINDS}
_BY_SECTION: dict[str, Kind] = {kind.section: kind for kind in KINDS}
_BY_TYPE: dict[type, Kind] = {kind.type: kind for kind in KINDS}


def section_kind(section: Section) -> Kind:
    """The kind of the items of `section`."""
    return _BY_SECTION[section]


def kind_of(item: Item) -> Kind:
    """The kind of `item`."""
    return _BY_TYPE[type(item)]
