"""What each record of the brief may hold, read from model.py: the loader's view of the format.

``msgspec.inspect`` gives the model's structs, fields and types; the kinds that plain types do not
tell (one-line text, ids, references to items or people) are marked on the model's types with
``Meta(extra={"kind": ...})``, never guessed from a description.
"""

from __future__ import annotations

from dataclasses import dataclass

from msgspec import inspect as mi

from briefing_tui import model

TEXT, LINE, DATE, VERSION, TEXTS, RECORDS, RECORD = range(7)
NO_ROLE, ID, PERSON_REF, REFS = range(4)

_ROLES = {model.KIND_ID: ID, model.KIND_PERSON: PERSON_REF, model.KIND_REFS: REFS}


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One key of a record: what its value must be and what it means to other records."""

    name: str
    kind: int
    required: bool
    optional: bool  # null is allowed
    role: int
    record: RecordSpec | None = None
    versions: tuple[object, ...] = ()


@dataclass(frozen=True, slots=True)
class RecordSpec:
    """One struct of the model: its noun ("agreement"), fields in model order, required keys."""

    noun: str
    fields: dict[str, FieldSpec]
    required: tuple[str, ...]
    required_set: frozenset[str]


def record_spec(info: mi.StructType) -> RecordSpec:
    """The spec of one struct of the model, with those of the records it holds."""
    fields = {f.name: _field_spec(f) for f in info.fields}
    required = tuple(name for name, spec in fields.items() if spec.required)
    return RecordSpec(info.cls.__name__.lower(), fields, required, frozenset(required))


def _unwrap(t: mi.Type) -> tuple[mi.Type, str | None, bool]:
    """The type under Metadata and ``| None``, its marked kind, and whether None is allowed."""
    kind: str | None = None
    optional = False
    while True:
        if isinstance(t, mi.Metadata):
            kind = (t.extra or {}).get("kind", kind)
            t = t.type
        elif isinstance(t, mi.UnionType):
            others = [x for x in t.types if not isinstance(x, mi.NoneType)]
            if len(others) != 1 or len(others) == len(t.types):
                raise TypeError(f"the loader cannot read the union {t}")
            optional = True
            t = others[0]
        else:
            return t, kind, optional


def _field_spec(f: mi.Field) -> FieldSpec:
    t, kind, optional = _unwrap(f.type)
    role = _ROLES.get(kind or "", NO_ROLE)
    if isinstance(t, mi.StrType):
        text_kind = LINE if kind == model.KIND_LINE else TEXT
        return FieldSpec(f.name, text_kind, f.required, optional, role)
    if isinstance(t, mi.DateType):
        return FieldSpec(f.name, DATE, f.required, optional, NO_ROLE)
    if isinstance(t, mi.LiteralType):
        return FieldSpec(f.name, VERSION, f.required, optional, NO_ROLE, versions=t.values)
    if isinstance(t, mi.VarTupleType):
        item, _, _ = _unwrap(t.item_type)
        if isinstance(item, mi.StrType):
            return FieldSpec(f.name, TEXTS, f.required, optional, role)
        if isinstance(item, mi.StructType):
            return FieldSpec(f.name, RECORDS, f.required, optional, NO_ROLE, record_spec(item))
    if isinstance(t, mi.StructType):
        return FieldSpec(f.name, RECORD, f.required, optional, NO_ROLE, record_spec(t))
    raise TypeError(f"the loader cannot read the field {f.name}: {t}")


def _brief_spec() -> RecordSpec:
    info = mi.type_info(model.Brief)
    assert isinstance(info, mi.StructType)
    return record_spec(info)


BRIEF = _brief_spec()
"""The spec of the whole brief."""
