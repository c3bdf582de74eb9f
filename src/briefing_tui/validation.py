"""Checks a brief's node tree against the model and turns it into plain data for msgspec.

What each record may hold is read from model.py (``msgspec.inspect``), so the checks follow the
model: required and optional keys, text, one-line text, dates, the format version, lists.
Every mistake is collected with its node's line:col and JSON path; nothing here raises.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from dataclasses import dataclass
from typing import Any

from msgspec import inspect as mi

from briefing_tui import model
from briefing_tui.yamlnodes import (
    CONTROL,
    MAPPING,
    MAYBE_TYPED,
    MERGE,
    NULL,
    PLAIN,
    QUOTED,
    SEQUENCE,
    STR,
    TAGGED,
    Node,
    Problem,
    char_name,
    describe,
    plain,
    quoted,
    resolve_plain,
    typed_value,
)

TEXT, LINE, DATE, VERSION, TEXTS, RECORDS, RECORD = range(7)
NO_ROLE, ID, PERSON_REF, REFS = range(4)
MAX_PROBLEMS = 100
MAX_SUGGESTIONS = 20  # did-you-mean searches over thousands of ids are slow: only the first few

_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_LINE_BREAK = re.compile("[\n\r\u2028\u2029]")
_PERSON_REF_FIELDS = frozenset({"speaker", "expert"})


def _description(annotated: object) -> str:
    meta = typing.get_args(annotated)[1]
    return str(meta.description)


_LINE_DESCRIPTION = _description(model.Line)
_ID_DESCRIPTION = _description(model.Id)
_IDS_DESCRIPTION = _description(model.Ids)


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


def _record_spec(info: mi.StructType) -> RecordSpec:
    fields = {f.name: _field_spec(f) for f in info.fields}
    required = tuple(name for name, spec in fields.items() if spec.required)
    return RecordSpec(info.cls.__name__.lower(), fields, required)


def _unwrap(t: mi.Type) -> tuple[mi.Type, str | None, bool]:
    """The type under Metadata and ``| None``, its description, and whether None is allowed."""
    description: str | None = None
    optional = False
    while True:
        if isinstance(t, mi.Metadata):
            description = (t.extra_json_schema or {}).get("description", description)
            t = t.type
        elif isinstance(t, mi.UnionType):
            others = [x for x in t.types if not isinstance(x, mi.NoneType)]
            if len(others) != 1 or len(others) == len(t.types):
                raise TypeError(f"the loader cannot read the union {t}")
            optional = True
            t = others[0]
        else:
            return t, description, optional


def _field_spec(f: mi.Field) -> FieldSpec:
    t, description, optional = _unwrap(f.type)
    if isinstance(t, mi.StrType):
        kind = LINE if description == _LINE_DESCRIPTION else TEXT
        role = ID if description == _ID_DESCRIPTION else NO_ROLE
        if f.name in _PERSON_REF_FIELDS:
            role = PERSON_REF
        return FieldSpec(f.name, kind, f.required, optional, role)
    if isinstance(t, mi.DateType):
        return FieldSpec(f.name, DATE, f.required, optional, NO_ROLE)
    if isinstance(t, mi.LiteralType):
        return FieldSpec(f.name, VERSION, f.required, optional, NO_ROLE, versions=t.values)
    if isinstance(t, mi.VarTupleType):
        item, _, _ = _unwrap(t.item_type)
        if isinstance(item, mi.StrType):
            role = REFS if description == _IDS_DESCRIPTION else NO_ROLE
            return FieldSpec(f.name, TEXTS, f.required, optional, role)
        if isinstance(item, mi.StructType):
            return FieldSpec(f.name, RECORDS, f.required, optional, NO_ROLE, _record_spec(item))
    if isinstance(t, mi.StructType):
        return FieldSpec(f.name, RECORD, f.required, optional, NO_ROLE, _record_spec(t))
    raise TypeError(f"the loader cannot read the field {f.name}: {t}")


_BRIEF_INFO = mi.type_info(model.Brief)
assert isinstance(_BRIEF_INFO, mi.StructType)
BRIEF = _record_spec(_BRIEF_INFO)
_BAD: Any = object()  # a value that failed its check (already reported)


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _key_path(path: str, key: str) -> str:
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{quoted(key)}]"


class Checker:
    """Walks a node tree along the model, collecting plain data and problems."""

    def __init__(self, check_chars: bool) -> None:
        self.check_chars = check_chars  # only when the file could hold such characters at all
        self.problems: list[Problem] = []
        self.more = 0  # problems beyond MAX_PROBLEMS
        self.ids: list[tuple[str, Node, str, str]] = []
        self.refs: list[tuple[str, Node, str, bool]] = []
        self.text_keys: dict[str, bool] = {}

    def report(self, node: Node, path: str | None, message: str) -> None:
        """Record one problem at a node (none at a tagged node: its tag is reported already)."""
        if node[0] == TAGGED:
            return
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append((node[2], node[3], path, message))
        else:
            self.more += 1

    def brief(self, root: Node) -> dict[str, Any] | None:
        """The whole brief as plain data, or None when it has problems."""
        if root[0] != MAPPING:
            if root[0] == PLAIN and resolve_plain(str(root[1])) == NULL:
                self.report(root, None, "the brief is empty: it holds no keys")
            else:
                self.report(
                    root,
                    "$",
                    "the top level must be a mapping of keys (brief:, title:, date:, ...),"
                    f" got {describe(root)}",
                )
            return None
        if not self._version_ok(root):
            return None
        data = self.record(root, BRIEF, "$")
        self._check_references()
        return data if not self.problems else None

    def _version_ok(self, root: Node) -> bool:
        spec = next(f for f in BRIEF.fields.values() if f.kind == VERSION)
        items = root[1]
        assert isinstance(items, list)
        for key, value in zip(items[::2], items[1::2], strict=False):
            if key[0] in (PLAIN, QUOTED) and key[1] == spec.name:
                number = self._version(value)
                wanted = " or ".join(str(v) for v in spec.versions)
                if number is None:
                    got = describe(value)
                    self.report(
                        value, "$." + spec.name, f"expected the format version {wanted}, got {got}"
                    )
                    return False
                if number not in spec.versions:
                    message = (
                        f"unsupported brief version {number} (this briefing reads version {wanted})"
                    )
                    self.report(value, "$." + spec.name, message)
                    return False
                return True
        return True  # a missing version is reported as a missing key with the rest

    @staticmethod
    def _version(node: Node) -> int | None:
        value = node[1]
        if node[0] != PLAIN or not isinstance(value, str):
            return None
        if resolve_plain(value) != "tag:yaml.org,2002:int":
            return None
        typed = typed_value("tag:yaml.org,2002:int", value)
        return typed if isinstance(typed, int) else None

    def record(self, node: Node, spec: RecordSpec, path: str) -> dict[str, Any] | None:
        """One mapping checked against a record of the model: its plain data, or None."""
        if node[0] != MAPPING:
            self.report(
                node, path, f"expected {_a(spec.noun)} (a mapping of keys), got {describe(node)}"
            )
            return None
        items = node[1]
        assert isinstance(items, list)
        out: dict[str, Any] = {}
        seen: dict[str, Node] = {}
        fields = spec.fields
        ok = True
        iterator = iter(items)
        for key_node, value_node in zip(iterator, iterator, strict=False):
            key = self._key(key_node, path)
            if key is None:
                ok = False
                continue
            first = seen.get(key)
            if first is not None:
                message = f"duplicate key '{plain(key)}' (first at line {first[2] + 1})"
                self.report(key_node, _key_path(path, key), message)
                ok = False
                continue
            seen[key] = key_node
            field = fields.get(key)
            if field is None:
                self._unknown_key(key_node, key, spec, path)
                ok = False
                continue
            field_path = path + "." + key
            value = self.value(value_node, field, field_path)
            if value is _BAD:
                ok = False
                continue
            out[key] = value
            if field.role == ID and value is not None:
                self.ids.append((value, value_node, field_path, spec.noun))
            elif field.role == PERSON_REF:
                self.refs.append((value, value_node, field_path, True))
        for name in spec.required:
            if name not in seen:
                self.report(node, path, f"missing required key '{name}'")
                ok = False
        return out if ok else None

    def _key(self, node: Node, path: str) -> str | None:
        kind, key = node[0], node[1]
        if kind == QUOTED:
            return str(key)
        if kind == PLAIN:
            assert isinstance(key, str)
            is_text = self.text_keys.get(key)
            if is_text is None:
                is_text = self.text_keys[key] = resolve_plain(key) == STR
            if is_text:
                return key
            if resolve_plain(key) == MERGE:
                self.report(node, path, "merge keys (<<) are not supported: write the keys out")
                return None
        if kind != TAGGED:
            self.report(node, path, f"keys must be text, got {describe(node, quote_hint=True)}")
        return None

    def _unknown_key(self, node: Node, key: str, spec: RecordSpec, path: str) -> None:
        close = difflib.get_close_matches(key, list(spec.fields), n=1)
        if close:
            hint = f" — did you mean '{close[0]}'?"
        else:
            hint = f" (allowed: {', '.join(spec.fields)})"
        self.report(node, _key_path(path, key), f"unknown key '{plain(key)}'{hint}")

    def value(self, node: Node, field: FieldSpec, path: str) -> Any:
        """The plain value of one field, or _BAD once its problem is reported."""
        kind = field.kind
        if kind in (TEXT, LINE):
            return self.text(node, path, kind == LINE, field.optional)
        if field.optional and node[0] == PLAIN and resolve_plain(str(node[1])) == NULL:
            return None
        if kind == TEXTS:
            return self.texts(node, path, field.role == REFS)
        if kind == RECORDS:
            assert field.record is not None
            return self.records(node, field.record, path)
        if kind == RECORD:
            assert field.record is not None
            data = self.record(node, field.record, path)
            return _BAD if data is None else data
        if kind == DATE:
            return self.date(node, path)
        return self._version(node)  # VERSION, already checked by _version_ok

    def text(self, node: Node, path: str, one_line: bool, optional: bool) -> Any:
        """A text value (checked for control characters, and line breaks when one line)."""
        kind = node[0]
        value: Any = node[1]
        if kind == QUOTED or (
            kind == PLAIN and value and (value[0] not in MAYBE_TYPED or resolve_plain(value) == STR)
        ):
            if one_line:
                newline = _LINE_BREAK.search(value)
                if newline:
                    at = newline.start() + 1
                    self.report(
                        node, path, f"must be one line, but holds a line break at character {at}"
                    )
                    return _BAD
            if self.check_chars:
                bad = CONTROL.search(value)
                if bad:
                    at = bad.start() + 1
                    message = f"{char_name(bad.group())} at character {at} is not allowed"
                    self.report(node, path, message)
                    return _BAD
            return value
        if optional and kind == PLAIN and resolve_plain(str(value)) == NULL:
            return None
        if kind != TAGGED:
            self.report(node, path, f"expected text, got {describe(node, quote_hint=True)}")
        return _BAD

    def texts(self, node: Node, path: str, are_refs: bool) -> Any:
        """A list of texts (ids of other records when ``are_refs``)."""
        if node[0] != SEQUENCE:
            hint = ""
            if node[0] in (PLAIN, QUOTED) and node[1]:
                hint = f" — write it as a list: [{plain(str(node[1]))}]"
            self.report(node, path, f"expected a list of texts, got {describe(node)}{hint}")
            return _BAD
        items = node[1]
        assert isinstance(items, list)
        out = []
        ok = True
        for index, item in enumerate(items):
            item_path = f"{path}[{index}]"
            value = self.text(item, item_path, False, False)
            if value is _BAD:
                ok = False
            else:
                out.append(value)
                if are_refs:
                    self.refs.append((value, item, item_path, False))
        return out if ok else _BAD

    def records(self, node: Node, spec: RecordSpec, path: str) -> Any:
        """A list of records of one kind."""
        if node[0] != SEQUENCE:
            hint = " — write [] for none" if describe(node) == "nothing" else ""
            got = describe(node)
            self.report(node, path, f"expected a list of {spec.noun} records, got {got}{hint}")
            return _BAD
        items = node[1]
        assert isinstance(items, list)
        out = []
        for index, item in enumerate(items):
            data = self.record(item, spec, f"{path}[{index}]")
            if data is not None:
                out.append(data)
        return out if len(out) == len(items) else _BAD

    def date(self, node: Node, path: str) -> Any:
        """A day written YYYY-MM-DD, quoted or not."""
        value = node[1]
        if node[0] in (PLAIN, QUOTED):
            assert isinstance(value, str)
            match = _DATE.fullmatch(value)
            if match:
                try:
                    return dt.date(*(int(part) for part in match.groups()))
                except ValueError as exc:
                    self.report(node, path, f"{plain(value)} is not a date: {exc}")
                    return _BAD
        if node[0] != TAGGED:
            self.report(node, path, f"expected a date written YYYY-MM-DD, got {describe(node)}")
        return _BAD

    def _check_references(self) -> None:
        first: dict[str, tuple[Node, str]] = {}
        for value, node, path, noun in self.ids:
            earlier = first.get(value)
            if earlier is not None:
                message = f"duplicate id '{plain(value)}' (first at line {earlier[0][2] + 1})"
                self.report(node, path, message)
            else:
                first[value] = (node, noun)
        people = [key for key, (_, noun) in first.items() if noun == "person"]
        suggestions = 0
        for value, node, path, person_only in self.refs:
            target = first.get(value)
            if target is not None and (not person_only or target[1] == "person"):
                continue
            if target is not None:
                message = f"'{plain(value)}' is the id of {_a(target[1])}, not of a person"
            else:
                whose = "person" if person_only else "person or item"
                message = f"no {whose} has the id '{plain(value)}'"
                suggestions += 1
                if suggestions <= MAX_SUGGESTIONS:
                    close = difflib.get_close_matches(
                        value, people if person_only else list(first), n=1
                    )
                    if close:
                        message += f" — did you mean '{plain(close[0])}'?"
            self.report(node, path, message)
