"""YAML text to a small tree of positioned nodes, built from libyaml's event stream.

Building the tree ourselves (instead of PyYAML's composer) lets us see explicit tags, anchors
and aliases with their positions, refuse recursive or exploding aliases before anything is
expanded, bound the nesting depth and the number of values, and never recurse in Python.

A node is a tuple ``(kind, value, line, col)`` with 0-based line and col:
scalars hold their source text (``PLAIN`` scalars still need YAML's implicit typing,
``QUOTED`` ones are text; ``TAGGED`` nodes, scalars or collections, carried an explicit tag and
were already reported);
``MAPPING`` holds a flat list ``[key, value, key, value, ...]`` and ``SEQUENCE`` a list of nodes.
The helpers at the end say in words what a node or a character is, for error messages.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

PLAIN, QUOTED, TAGGED, MAPPING, SEQUENCE = range(5)

Node = tuple[int, str | list["Node"], int, int]
# One mistake: 0-based line and col (or None when unknown), JSON path (or None), message.
Problem = tuple[int | None, int | None, str | None, str]

MAX_DEPTH = 64  # a brief needs five levels; libyaml itself stops only at 1000
MAX_VALUES = 2_000_000  # after expanding aliases: bounds memory whatever the file holds

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MERGE = "tag:yaml.org,2002:merge"
VALUE = "tag:yaml.org,2002:value"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_C0_NAMES = (
    *("NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR"),
    *("SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB"),
    *("ESC", "FS", "GS", "RS", "US"),
)
_IMPLICIT: dict[str, list[tuple[str, re.Pattern[str]]]] = Resolver.yaml_implicit_resolvers
# A plain scalar starting with any other character is text whatever follows.
MAYBE_TYPED = frozenset(_IMPLICIT)


class YamlProblem(Exception):
    """The stream cannot be read as one brief document; ``problem`` says where and why."""

    def __init__(self, problem: Problem, earlier: list[Problem]) -> None:
        super().__init__(problem[3])
        self.problem = problem
        self.earlier = earlier


def resolve_plain(value: str) -> str:
    """The tag YAML's implicit typing gives an untagged plain scalar (``STR`` for text)."""
    if not value:
        return "tag:yaml.org,2002:null"
    for tag, regexp in _IMPLICIT.get(value[0], ()):
        if regexp.match(value):
            return tag
    return STR


def shown_tag(tag: str) -> str:
    """A tag as it was likely written: ``tag:yaml.org,2002:binary`` -> ``!!binary``."""
    if tag.startswith("tag:yaml.org,2002:"):
        return "!!" + tag[len("tag:yaml.org,2002:") :]
    return tag


def build_tree(text: str) -> Node:
    """Parse one YAML document into a node tree; raise YamlProblem for what stops parsing.

    Explicit tags do not stop parsing: they are listed in the ``problems`` of the returned
    tree's builder, see ``TreeBuilder``.
    """
    return TreeBuilder(text).build()


class TreeBuilder:
    """Turns the C parser's events into nodes; ``problems`` collects the tags it refused."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.problems: list[Problem] = []

    def build(self) -> Node:
        """The root node of the single document; raises YamlProblem (empty, syntax, aliases...)."""
        parser = yaml.CSafeLoader(self.text)
        try:
            return self._build(parser)
        except yaml.MarkedYAMLError as exc:
            raise YamlProblem(syntax_problem(exc, self.text), self.problems) from None
        finally:
            parser.dispose()

    def _fail(self, line: int | None, col: int | None, message: str) -> YamlProblem:
        return YamlProblem((line, col, None, message), self.problems)

    def _tag(self, tag: str, line: int, col: int) -> None:
        self.problems.append(
            (
                line,
                col,
                None,
                f"the tag {shown_tag(tag)} is not allowed: remove it"
                " (quote the value if it must be read as text)",
            )
        )

    def _build(self, parser: yaml.CSafeLoader) -> Node:
        get: Callable[[], Any] = parser.get_event  # events are read by attribute, untyped
        mark: Any
        get()  # the stream start
        event = get()
        if type(event) is StreamEndEvent:
            raise self._fail(None, None, "the brief is empty: it holds no YAML document")
        top: list[Node] = []
        current = top
        # Per open collection: the list of its parent, its anchor, the value count at its start.
        stack: list[tuple[list[Node], str | None, int]] = []
        anchors: dict[str, Node] = {}
        anchor_sizes: dict[str, int] = {}
        open_anchors: set[str] = set()
        count = 0  # values so far, aliases counted as the values they stand for
        expanded = 0  # of which aliases
        while True:
            event = get()
            kind = type(event)
            if kind is ScalarEvent:
                mark = event.start_mark
                if event.tag is not None:
                    self._tag(event.tag, mark.line, mark.column)
                    node: Node = (TAGGED, event.value, mark.line, mark.column)
                elif event.style:
                    node = (QUOTED, event.value, mark.line, mark.column)
                else:
                    node = (PLAIN, event.value, mark.line, mark.column)
                current.append(node)
                count += 1
                if count > MAX_VALUES:
                    raise self._too_many(mark, expanded)
                if event.anchor is not None:
                    anchors[event.anchor] = node
                    anchor_sizes[event.anchor] = 1
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                mark = event.start_mark
                if len(stack) >= MAX_DEPTH:
                    raise self._fail(
                        mark.line,
                        mark.column,
                        f"nesting is too deep (more than {MAX_DEPTH} levels)",
                    )
                items: list[Node] = []
                kind_code = MAPPING if kind is MappingStartEvent else SEQUENCE
                if event.tag is not None:
                    self._tag(event.tag, mark.line, mark.column)
                    kind_code = TAGGED
                node = (kind_code, items, mark.line, mark.column)
                current.append(node)
                stack.append((current, event.anchor, count))
                count += 1
                if event.anchor is not None:
                    anchors[event.anchor] = node
                    open_anchors.add(event.anchor)
                current = items
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                current, anchor, start = stack.pop()
                if anchor is not None:
                    anchor_sizes[anchor] = count - start
                    open_anchors.discard(anchor)
            elif kind is AliasEvent:
                mark = event.start_mark
                name = event.anchor
                if name in open_anchors:
                    raise self._fail(
                        mark.line,
                        mark.column,
                        f"alias *{name} refers to a node that contains it (recursive reference)",
                    )
                target = anchors.get(name)
                if target is None:
                    raise self._fail(
                        mark.line, mark.column, f"alias *{name} has no anchor &{name} before it"
                    )
                count += anchor_sizes[name]
                expanded += anchor_sizes[name]
                if count > MAX_VALUES:
                    raise self._too_many(mark, expanded)
                current.append(target)
            else:  # the document ends (nothing else can come at this point)
                break
        if not top:
            raise self._fail(None, None, "the brief is empty: it holds no YAML document")
        event = get()
        if type(event) is DocumentStartEvent:
            mark = event.start_mark
            raise self._fail(
                mark.line, mark.column, "a brief is one YAML document, but a second one starts here"
            )
        return top[0]

    def _too_many(self, mark: Any, expanded: int) -> YamlProblem:
        if expanded:
            message = (
                f"aliases expand the brief to more than {MAX_VALUES:,} values"
                " (a 'billion laughs' file?)"
            )
        else:
            message = f"the brief holds more than {MAX_VALUES:,} values"
        return self._fail(mark.line, mark.column, message)


def syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    """One readable line for a YAML syntax error, at the parser's position."""
    mark: Any = exc.problem_mark or exc.context_mark
    line = mark.line if mark is not None else None
    col = mark.column if mark is not None else None
    problem = (exc.problem or exc.context or "YAML syntax error").strip()
    char = _char_at(text, mark.index) if mark is not None else ""
    if problem == "found character that cannot start any token":
        if char == "\t":
            return (line, col, None, "tab characters are not allowed for indentation here")
        problem = f"{char!r} cannot start a value here (quote the text)"
    elif "exceeded maximum nesting depth" in problem:
        return (line, col, None, "nesting is too deep (1000 levels or more)")
    elif problem.startswith("mapping values are not allowed"):
        problem = "a ': ' is not allowed here (quote text that holds one)"
    elif problem.startswith("found a tab character"):
        problem = "tab characters are not allowed for indentation here"
    context = (exc.context or "").strip()
    context_mark: Any = exc.context_mark
    elsewhere = context_mark is not None and (context_mark.line, context_mark.column) != (line, col)
    if context and exc.problem and elsewhere:
        where = f"line {context_mark.line + 1}, column {context_mark.column + 1}"
        problem = f"{problem} ({context} at {where})"
    return (line, col, None, problem)


def _char_at(text: str, index: int) -> str:
    return text[index] if 0 <= index < len(text) else ""


def quoted(text: str, limit: int = 60) -> str:
    """Brief text double-quoted for a message: shortened, control characters escaped."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    shown = json.dumps(text, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", shown)


def plain(text: str, limit: int = 60) -> str:
    """Like ``quoted`` without the quotes, for keys and ids shown between single quotes."""
    return quoted(text, limit)[1:-1]


def char_name(char: str) -> str:
    """``U+001B (ESC)``-style name of a character that may not appear in a brief's text."""
    code = ord(char)
    if code < 32:
        return f"control character U+{code:04X} ({_C0_NAMES[code]})"
    if code == 0x7F:
        return "control character U+007F (DEL)"
    if code <= 0x9F:
        return f"control character U+{code:04X} (C1)"
    if 0xD800 <= code <= 0xDFFF:
        return f"lone surrogate U+{code:04X}"
    name = unicodedata.name(char, "a noncharacter")
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return f"bidirectional control U+{code:04X} ({name})"
    return f"character U+{code:04X} ({name})"


def describe(node: Node, quote_hint: bool = False) -> str:
    """What a node holds, for "got ..." (``the boolean false (YAML reads no as false)``)."""
    kind, value = node[0], node[1]
    if kind == MAPPING:
        return "a mapping"
    if kind == SEQUENCE:
        return "a list"
    if kind == TAGGED or not isinstance(value, str):
        return "a tagged value"
    if kind == QUOTED:
        return f"the text {quoted(value)}"
    tag = resolve_plain(value)
    if tag == STR:
        return f"the text {quoted(value)}"
    if tag == NULL:
        what = "nothing" if not value else f"null (YAML reads {value} as nothing)"
        if not value:
            return what
    elif tag == MERGE:
        return "the merge key <<"
    elif tag == VALUE:
        what = "YAML's value key ="
    else:
        typed = typed_value(tag, value)
        if tag == BOOL:
            shown = "true" if typed else "false"
            what = f"the boolean {shown}"
        elif tag == TIMESTAMP:
            shown = value
            is_day = not any(sep in value for sep in "tT ")
            what = f"the date {value}" if is_day else f"the timestamp {value}"
        else:
            shown = str(typed)
            what = f"the number {shown}"
        if shown != value:
            what += f" (YAML reads {plain(value)} as {shown})"
    if quote_hint:
        what += f" — quote it: {quoted(value, 200)}"
    return what


def typed_value(tag: str, value: str) -> object:
    """The Python value YAML's typing gives a plain scalar, or the text itself if it cannot."""
    try:
        return SafeConstructor().construct_object(ScalarNode(tag, value))
    except Exception:  # a value YAML's typing matched but cannot build: show it as written
        return value
