"""Checks a brief's node tree against the model and turns it into plain data for msgspec.

What each record may hold comes from recordspecs (read from model.py), so the checks follow the
model: required and optional keys, text, one-line text, dates, the format version, lists, ids.
Every mistake is collected with its node's line:col and JSON path; nothing here raises. Only the
first MAX_PROBLEMS are kept, and the costly part of a message (a did-you-mean) is worked out only
for those: a brief with a million mistakes is checked as fast as a valid one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from briefing_tui.recordspecs import (
    BRIEF,
    DATE,
    LINE,
    RECORD,
    RECORDS,
    REFS,
    TEXT,
    TEXTS,
    VERSION,
    FieldSpec,
    RecordSpec,
)
from briefing_tui.references import References
from briefing_tui.suggestions import close_match
from briefing_tui.wording import a_noun, char_name, describe, plain, quoted, typed_value
from briefing_tui.yamlnodes import (
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
    resolve_plain,
)

MAX_PROBLEMS = 100

# Characters text may not hold, however written (escapes included): controls, bidi controls,
# lone surrogates and the noncharacters that libyaml refuses raw.
CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_LINE_BREAK = re.compile("[\n\r\u2028\u2029]")
_PLAIN_ITEM = re.compile(r"\w[\w.'-]*(?: [\w.'-]+)*")  # safe unquoted in a [flow list]
_BAD: Any = object()  # a value that failed its check (already reported)


def _key_path(path: str, key: str) -> str:
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{quoted(key)}]"


class Checker:
    """Walks a node tree along the model, collecting plain data and problems."""

    def __init__(self, check_chars: bool, line_of: Callable[[int], int] | None = None) -> None:
        """``check_chars``: whether the text could hold control characters at all (escapes);
        ``line_of``: the line an editor shows for a node's 0-based line, for "first at line N".
        """
        self.check_chars = check_chars
        self.problems: list[Problem] = []
        self.more = 0  # problems beyond MAX_PROBLEMS
        self.references = References(self, line_of or (lambda line: line + 1))
        self._text_keys: dict[str, bool] = {}

    @property
    def full(self) -> bool:
        """Whether no further problem will be kept (only counted)."""
        return len(self.problems) >= MAX_PROBLEMS

    def report(self, node: Node, path: str | None, message: str | Callable[[], str]) -> None:
        """Record one problem at a node (none at a tagged node: its tag is reported already).

        A message that costs something to word can be given as a function, called only when the
        problem is kept.
        """
        if node[0] == TAGGED:
            return
        if self.full:
            self.more += 1
            return
        text = message if isinstance(message, str) else message()
        self.problems.append((node[2], node[3], path, text))

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
        self.references.check()
        return data if not self.problems and not self.more else None

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
            expected = f"expected {a_noun(spec.noun)} (a mapping of keys)"
            self.report(node, path, lambda: f"{expected}, got {describe(node)}")
            return None
        items = node[1]
        assert isinstance(items, list)
        out: dict[str, Any] = {}
        seen: dict[str, Node] = {}
        unknown: list[tuple[Node, str]] = []
        ok = True
        iterator = iter(items)
        for key_node, value_node in zip(iterator, iterator, strict=False):
            key = self._key(key_node, path)
            if key is None:
                ok = False
                continue
            first = seen.get(key)
            if first is not None:
                self.report(key_node, _key_path(path, key), self._duplicate_key(key, first))
                ok = False
                continue
            seen[key] = key_node
            field = spec.fields.get(key)
            if field is None:
                unknown.append((key_node, key))
                continue
            value = self.value(value_node, field, path + "." + key)
            if value is _BAD:
                ok = False
                continue
            out[key] = value
            if field.role:  # an id, or a reference to one
                self.references.note(field, value, value_node, path + "." + key, spec.noun)
        missing = [] if seen.keys() >= spec.required_set else self._missing(spec, seen)
        if unknown or missing:
            self._unknown_and_missing(node, spec, path, unknown, missing)
        elif spec.noun == "person" and ok:
            self.references.person(out)
        return out if ok and not unknown and not missing else None

    @staticmethod
    def _missing(spec: RecordSpec, seen: dict[str, Node]) -> list[str]:
        return [name for name in spec.required if name not in seen]

    def _duplicate_key(self, key: str, first: Node) -> Callable[[], str]:
        line_of = self.references.line_of
        return lambda: f"duplicate key '{plain(key)}' (first at line {line_of(first[2])})"

    def _key(self, node: Node, path: str) -> str | None:
        kind, key = node[0], node[1]
        if kind == QUOTED:
            return str(key)
        if kind == PLAIN:
            assert isinstance(key, str)
            is_text = self._text_keys.get(key)
            if is_text is None:
                is_text = self._text_keys[key] = resolve_plain(key) == STR
            if is_text:
                return key
            if resolve_plain(key) == MERGE:
                self.report(node, path, "merge keys (<<) are not supported: write the keys out")
                return None
        if kind != TAGGED:
            self.report(node, path, lambda: f"keys must be text, got {describe(node, True)}")
        return None

    def _unknown_and_missing(
        self,
        node: Node,
        spec: RecordSpec,
        path: str,
        unknown: list[tuple[Node, str]],
        missing: list[str],
    ) -> None:
        """One line for each unknown key, one for each missing one; a misspelt required key
        (``titel:``) is one line that says both."""
        if self.full:  # only counted, without a did-you-mean: a pair is taken as a misspelling
            self.more += max(len(unknown), len(missing))
            return
        for key_node, key in unknown:
            if self.full:
                self.more += 1
                continue
            close = close_match(key, missing) or close_match(key, spec.fields)
            if close in missing:
                missing.remove(close)
                hint = f" — did you mean '{close}'? (a required key, missing)"
            elif close:
                hint = f" — did you mean '{close}'?"
            else:
                hint = f" (allowed: {', '.join(spec.fields)})"
            self.report(key_node, _key_path(path, key), f"unknown key '{plain(key)}'{hint}")
        for name in missing:
            self.report(node, path, f"missing required key '{name}'")

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
            self.report(node, path, lambda: f"expected text, got {describe(node, True)}")
        return _BAD

    def texts(self, node: Node, path: str, are_refs: bool) -> Any:
        """A list of texts (ids of other records when ``are_refs``)."""
        if node[0] != SEQUENCE:
            self.report(node, path, lambda: _not_a_list(node))
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
                    self.references.refer(value, item, item_path, person_only=False)
        return out if ok else _BAD

    def records(self, node: Node, spec: RecordSpec, path: str) -> Any:
        """A list of records of one kind."""
        if node[0] != SEQUENCE:
            self.report(node, path, lambda: _not_records(node, spec))
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
            self.report(
                node, path, lambda: f"expected a date written YYYY-MM-DD, got {describe(node)}"
            )
        return _BAD


def _not_records(node: Node, spec: RecordSpec) -> str:
    got = describe(node)
    hint = " — write [] for none" if got == "nothing" else ""
    return f"expected a list of {spec.noun} records, got {got}{hint}"


def _not_a_list(node: Node) -> str:
    """ "expected a list of texts" with a hint that keeps a text whole when followed."""
    message = f"expected a list of texts, got {describe(node)}"
    value = node[1]
    if node[0] in (PLAIN, QUOTED) and isinstance(value, str) and value:
        item = value if _PLAIN_ITEM.fullmatch(value) and resolve_plain(value) == STR else None
        item = item or quoted(value, len(value) + 1)
        if len(item) <= 200:
            return f"{message} — write it as a list: [{item}]"
        return f"{message} — write it as a list: a line '- ' and the text, under the key"
    return message


__all__ = ["CONTROL", "MAX_PROBLEMS", "Checker"]
