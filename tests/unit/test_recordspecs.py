"""What the loader reads from the model: field kinds come from marks, never from descriptions."""

from __future__ import annotations

from typing import Annotated

import msgspec
from msgspec import Meta
from msgspec import inspect as mi

from briefing_tui import model
from briefing_tui.recordspecs import (
    BRIEF,
    ID,
    LINE,
    NO_ROLE,
    PERSON_REF,
    REFS,
    TEXT,
    TEXTS,
    record_spec,
)


class AsModelled(msgspec.Struct):
    title: model.Line
    summary: model.Text
    id: model.Id
    related: model.Ids
    speaker: Annotated[str, Meta(description="Who.", extra={"kind": model.KIND_PERSON})]


class Reworded(msgspec.Struct):
    """The same kinds, every description reworded (or gone)."""

    title: Annotated[str, Meta(description="A headline.", extra={"kind": model.KIND_LINE})]
    summary: Annotated[str, Meta(description="Plain text on one line.")]
    id: Annotated[str, Meta(extra={"kind": model.KIND_ID})]
    related: Annotated[
        tuple[str, ...], Meta(description="Whatever.", extra={"kind": model.KIND_REFS})
    ]
    speaker: Annotated[str, Meta(extra={"kind": model.KIND_PERSON})]


def kinds(struct: type) -> dict[str, tuple[int, int]]:
    info = mi.type_info(struct)
    assert isinstance(info, mi.StructType)
    return {name: (f.kind, f.role) for name, f in record_spec(info).fields.items()}


def test_rewording_a_description_changes_no_field_kind() -> None:
    assert kinds(Reworded) == kinds(AsModelled)
    assert kinds(AsModelled) == {
        "title": (LINE, NO_ROLE),
        "summary": (TEXT, NO_ROLE),
        "id": (TEXT, ID),
        "related": (TEXTS, REFS),
        "speaker": (TEXT, PERSON_REF),
    }


def test_a_description_that_reads_like_a_kind_marks_nothing() -> None:
    # "Plain text on one line." once made a field a one-line field; now only the mark does.
    assert kinds(Reworded)["summary"] == (TEXT, NO_ROLE)


def test_the_brief_spec_marks_what_the_format_says() -> None:
    agreements = BRIEF.fields["agreements"].record
    quotes = BRIEF.fields["quotes"].record
    people = BRIEF.fields["people"].record
    assert agreements is not None and quotes is not None and people is not None
    assert BRIEF.fields["title"].kind == LINE
    assert BRIEF.fields["summary"].kind == TEXT
    assert agreements.fields["id"].role == ID
    assert agreements.fields["related"].role == REFS
    assert agreements.fields["details"].role == NO_ROLE
    assert quotes.fields["speaker"].role == PERSON_REF
    assert people.fields["name"].kind == LINE
    assert BRIEF.required == (
        "brief",
        "title",
        "date",
        "summary",
        "agreements",
        "quotes",
        "analysis",
        "questions",
    )
