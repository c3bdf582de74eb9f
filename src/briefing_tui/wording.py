"""The words of the loader's messages: how a value, a character or a YAML syntax error is named.

Everything here is about saying, not deciding: yamlnodes builds the tree, validation decides what
is wrong, and both phrase what they found with these functions. Brief text quoted in a message is
shortened and escaped so that a message is always one printable line.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

from briefing_tui.yamlnodes import (
    BOOL,
    MAPPING,
    MERGE,
    NULL,
    QUOTED,
    SEQUENCE,
    STR,
    TAGGED,
    TIMESTAMP,
    VALUE,
    Node,
    Problem,
    resolve_plain,
)

MAX_NUMBER_CHARS = 100
"""Longer plain scalars that YAML would read as numbers are described by their text: building
the number costs quadratic time (base-60) or fails later (Python's 4,300-digit limit)."""

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_C0_NAMES = (
    *("NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR"),
    *("SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB"),
    *("ESC", "FS", "GS", "RS", "US"),
)


def quoted(text: str, limit: int = 60) -> str:
    """Brief text double-quoted for a message: shortened, control characters escaped."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    shown = json.dumps(text, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", shown)


def plain(text: str, limit: int = 60) -> str:
    """Like ``quoted`` without the quotes, for keys and ids shown between single quotes."""
    return quoted(text, limit)[1:-1]


def a_noun(noun: str) -> str:
    """``an agreement``, ``a quote``."""
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


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
    if code in (0xFFFE, 0xFFFF):
        return f"noncharacter U+{code:04X}"
    name = unicodedata.name(char, "a noncharacter")
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return f"bidirectional control U+{code:04X} ({name})"
    return f"character U+{code:04X} ({name})"


def describe(node: Node, quote_hint: bool = False) -> str:
    """What a node holds, for "got ..." (``the boolean false (YAML reads no as false)``).

    With ``quote_hint``, a typed plain scalar gets "— quote it: "TEXT"", the whole text to copy
    (or only "— put it in quotes" when the text is too long to repeat whole).
    """
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
    if not value:
        return "nothing"
    what = _typed(tag, value)
    if quote_hint:
        what += quote_it(value)
    return what


def quote_it(value: str) -> str:
    """The hint that turns a plain scalar into text, with the text whole or not at all."""
    if len(value) <= 200:
        return f" — quote it: {quoted(value, 201)}"
    return " — put it in quotes"


def _typed(tag: str, value: str) -> str:
    """What YAML's typing makes of a non-text plain scalar, in words."""
    if tag == NULL:
        return f"null (YAML reads {plain(value)} as nothing)"
    if tag == MERGE:
        return "the merge key <<"
    if tag == VALUE:
        return "YAML's value key ="
    if len(value) > MAX_NUMBER_CHARS:
        what = "timestamp" if tag == TIMESTAMP else "number"
        return f"a YAML {what} of {len(value):,} characters ({plain(value, 24)})"
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
    return what


def typed_value(tag: str, value: str) -> object:
    """The Python value YAML's typing gives a plain scalar, or the text itself if it cannot.

    Values longer than MAX_NUMBER_CHARS are never built (see there): the text comes back.
    """
    if len(value) > MAX_NUMBER_CHARS:
        return value
    try:
        typed: object = SafeConstructor().construct_object(ScalarNode(tag, value))
        str(typed)  # a number past Python's digit limit fails only here
    except Exception:  # a value YAML's typing matched but cannot build: show it as written
        return value
    return typed


# Constructs that open and must close: an error inside one is reported where it began, since
# the parser notices only where it gave up (for an unclosed quote: the end of the file).
_OPENERS = {
    "while scanning a quoted scalar": "this quote is never closed ({problem} at {where})",
    "while parsing a flow sequence": "this '[' is never closed: expected ',' or ']' by {where}",
    "while parsing a flow mapping": "this '{{' is never closed: expected ',' or '}}' by {where}",
    "while scanning a simple key": "this key has no ':' after it (by {where})",
    "while scanning a block scalar": "this block text indicator is not valid: {problem}",
    "while scanning an anchor": "this anchor is not valid: {problem}",
    "while scanning an alias": "this alias is not valid: {problem}",
    "while scanning a tag": "this tag is not valid: {problem}",
    "while scanning a directive": "this directive is not valid: {problem}",
}


def syntax_problem(
    exc: yaml.MarkedYAMLError, text: str, where: Callable[[int, int], str]
) -> Problem:
    """One readable line for a YAML syntax error (0-based line and col).

    When the parser names where an unclosed construct began (a quote, a bracket), the line is
    reported there and says where the parser gave up; otherwise at the parser's position.
    ``where`` words a 0-based position as an editor shows it (``line 3, column 7``).
    """
    mark: Any = exc.problem_mark or exc.context_mark
    line = mark.line if mark is not None else None
    col = mark.column if mark is not None else None
    problem = _problem_words(exc, text)
    if not isinstance(problem, str):
        return (line, col, None, problem[0])
    context = (exc.context or "").strip()
    context_mark: Any = exc.context_mark
    elsewhere = context_mark is not None and (context_mark.line, context_mark.column) != (line, col)
    if not (context and exc.problem and context_mark is not None):
        return (line, col, None, problem)
    gave_up = where(mark.line, mark.column)
    opener = _OPENERS.get(context)
    if opener is not None:
        message = opener.format(problem=problem, where=gave_up)
        return (context_mark.line, context_mark.column, None, message)
    if not elsewhere:
        return (line, col, None, problem)
    started = where(context_mark.line, context_mark.column)
    return (line, col, None, f"{problem} ({context} at {started})")


def _problem_words(exc: yaml.MarkedYAMLError, text: str) -> str | tuple[str]:
    """The parser's problem in our words; a 1-tuple when it needs no context after it."""
    mark: Any = exc.problem_mark or exc.context_mark
    problem = (exc.problem or exc.context or "YAML syntax error").strip()
    char = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
    if problem == "found character that cannot start any token":
        if char == "\t":
            return ("tab characters are not allowed for indentation here",)
        return f"{char!r} cannot start a value here (quote the text)"
    if "exceeded maximum nesting depth" in problem:
        return ("nesting is too deep (1000 levels or more)",)
    if problem.startswith("mapping values are not allowed"):
        return "a ': ' is not allowed here (quote text that holds one)"
    if problem.startswith("found a tab character"):
        return "tab characters are not allowed for indentation here"
    if problem == "found unexpected end of stream":
        return "the file ends"
    return problem
