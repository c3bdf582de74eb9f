"""YAML text to a small tree of positioned nodes, built from libyaml's event stream.

Building the tree ourselves (instead of PyYAML's composer) lets us see explicit tags, anchors
and aliases with their positions, refuse recursive or exploding aliases before anything is
expanded, bound the nesting depth and the number of values, and never recurse in Python.

A node is a tuple ``(kind, value, line, col)`` with 0-based line and col:
scalars hold their source text (``PLAIN`` scalars still need YAML's implicit typing,
``QUOTED`` ones are text; ``TAGGED`` nodes, scalars or collections, carried an explicit tag and
were already reported);
``MAPPING`` holds a flat list ``[key, value, key, value, ...]`` and ``SEQUENCE`` a list of nodes.
Syntax errors come out as ``YamlProblem`` with the parser's own exception in ``syntax``;
wording.py says them in words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import yaml
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
from yaml.resolver import Resolver

PLAIN, QUOTED, TAGGED, MAPPING, SEQUENCE = range(5)

Node = tuple[int, str | list["Node"], int, int]
# One mistake: 0-based line and col (or None when unknown), JSON path (or None), message.
Problem = tuple[int | None, int | None, str | None, str]

MAX_DEPTH = 64  # a brief needs five levels; libyaml itself stops only at 1000
MAX_VALUES = 400_000  # after expanding aliases: bounds time and memory whatever the file holds

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MERGE = "tag:yaml.org,2002:merge"
VALUE = "tag:yaml.org,2002:value"
# How a tag was written, read from the source at a node's start (after any anchor).
_WRITTEN_TAG = re.compile(r"(?:&[^\s,\[\]{}]+\s+)?(!<[^>]*>|![^\s,\[\]{}]*)")
_IMPLICIT: dict[str, list[tuple[str, re.Pattern[str]]]] = Resolver.yaml_implicit_resolvers
# A plain scalar starting with any other character is text whatever follows.
MAYBE_TYPED = frozenset(_IMPLICIT)


class YamlProblem(Exception):
    """The stream cannot be read as one brief document; ``problem`` says where and why.

    For a syntax error, ``syntax`` is the parser's exception (and ``problem`` is None).
    """

    def __init__(
        self,
        problem: Problem | None,
        earlier: list[Problem],
        syntax: yaml.MarkedYAMLError | None = None,
    ) -> None:
        super().__init__(problem[3] if problem else str(syntax))
        self.problem = problem
        self.earlier = earlier
        self.syntax = syntax


def resolve_plain(value: str) -> str:
    """The tag YAML's implicit typing gives an untagged plain scalar (``STR`` for text)."""
    if len(value) > 100:
        return _resolve_long(value)
    return _resolve(value)


def _resolve(value: str) -> str:
    if not value:
        return "tag:yaml.org,2002:null"
    for tag, regexp in _IMPLICIT.get(value[0], ()):
        if regexp.match(value):
            return tag
    return STR


# A few long values are asked about several times each (checked, then described), and matching
# megabytes of digits takes a while: those are remembered.
_resolve_long = functools.lru_cache(maxsize=8)(_resolve)


def shown_tag(tag: str, text: str = "", index: int = -1) -> str:
    """A tag as it was written: read from ``text`` at the node's start ``index`` when given
    (``!e!x`` stays ``!e!x`` whatever %TAG made of it), else ``!!binary`` for the core tags."""
    match = _WRITTEN_TAG.match(text, index) if index >= 0 else None
    if match:
        return match.group(1)
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
        self._anchors: dict[str, tuple[Node, int]] = {}  # name -> node, and its value count
        self._open_anchors: set[str] = set()  # of collections not yet ended

    def build(self) -> Node:
        """The root node of the single document; raises YamlProblem (empty, syntax, aliases...)."""
        parser = yaml.CSafeLoader(self.text)
        try:
            return self._build(parser)
        except yaml.MarkedYAMLError as exc:
            raise YamlProblem(None, self.problems, exc) from None
        finally:
            parser.dispose()

    def _fail(self, line: int | None, col: int | None, message: str) -> YamlProblem:
        return YamlProblem((line, col, None, message), self.problems)

    def _tag(self, tag: str, mark: Any) -> None:
        shown = shown_tag(tag, self.text, mark.index)
        self.problems.append(
            (
                mark.line,
                mark.column,
                None,
                f"the tag {shown} is not allowed: remove it"
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
        anchors = self._anchors
        count = 0  # values so far, aliases counted as the values they stand for
        expanded = 0  # of which aliases
        while True:
            event = get()
            kind = type(event)
            if kind is ScalarEvent:  # most events: handled here, without a call
                mark = event.start_mark
                if event.tag is not None:
                    self._tag(event.tag, mark)
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
                    anchors[event.anchor] = (node, 1)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                node = self._open(event, kind is MappingStartEvent, len(stack))
                current.append(node)
                stack.append((current, event.anchor, count))
                count += 1
                current = node[1]  # type: ignore[assignment]
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                current, anchor, start = stack.pop()
                if anchor is not None:
                    self._close(anchor, count - start)
            elif kind is AliasEvent:
                target, size = self._alias(event)
                count += size
                expanded += size
                if count > MAX_VALUES:
                    raise self._too_many(event.start_mark, expanded)
                current.append(target)
            else:  # the document ends (nothing else can come at this point)
                break
        return self._only_document(top, get)

    def _open(self, event: Any, is_mapping: bool, depth: int) -> Node:
        """The node of a collection that starts (its items to come), its anchor noted as open."""
        mark = event.start_mark
        if depth >= MAX_DEPTH:
            message = f"nesting is too deep (more than {MAX_DEPTH} levels)"
            raise self._fail(mark.line, mark.column, message)
        kind_code = MAPPING if is_mapping else SEQUENCE
        if event.tag is not None:
            self._tag(event.tag, mark)
            kind_code = TAGGED
        items: list[Node] = []
        node: Node = (kind_code, items, mark.line, mark.column)
        if event.anchor is not None:
            self._anchors[event.anchor] = (node, 0)
            self._open_anchors.add(event.anchor)
        return node

    def _close(self, anchor: str, size: int) -> None:
        """An anchored collection ends: aliases to it now stand for its `size` values."""
        self._anchors[anchor] = (self._anchors[anchor][0], size)
        self._open_anchors.discard(anchor)

    def _alias(self, event: Any) -> tuple[Node, int]:
        """The node an alias stands for and its number of values; refuses what cannot be."""
        mark = event.start_mark
        name = event.anchor
        if name in self._open_anchors:
            message = f"alias *{name} refers to a node that contains it (recursive reference)"
            raise self._fail(mark.line, mark.column, message)
        target = self._anchors.get(name)
        if target is None:
            message = f"alias *{name} has no anchor &{name} before it"
            raise self._fail(mark.line, mark.column, message)
        return target

    def _only_document(self, top: list[Node], get: Callable[[], Any]) -> Node:
        """The document's root, once sure no second document follows."""
        if not top:
            raise self._fail(None, None, "the brief is empty: it holds no YAML document")
        event = get()
        if type(event) is DocumentStartEvent:
            mark: Any = event.start_mark
            message = "a brief is one YAML document, but a second one starts here"
            raise self._fail(mark.line, mark.column, message)
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
