"""Where things are in a brief's text, as an editor shows it: error positions and item lines.

libyaml counts U+2028 and U+2029 as line breaks, which editors do not, and puts an error at the
end of a file one line past the last one when the file has no final newline. ``EditorPositions``
turns the parser's positions into the line and column an editor shows. ``item_lines`` tells the
line of every item, for opening an editor at one.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from briefing_tui.model import SECTIONS, Section

_YAML_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_EDITOR_BREAKS = re.compile("\r\n|[\r\n]")

_NODE_STARTS = (ScalarEvent, AliasEvent, MappingStartEvent, SequenceStartEvent)

__all__ = ["EditorPositions", "item_lines"]


class EditorPositions:
    """Maps libyaml's 0-based (line, col) in ``text`` to an editor's 1-based (line, col)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Only a text with these needs the slow way: line starts, both ways of counting.
        self._same_lines = "\u2028" not in text and "\u2029" not in text
        self._yaml_starts: list[int] | None = None
        self._editor_starts: list[int] | None = None
        self._last: tuple[int, int] | None = None  # the last line, and where it ends

    def __call__(self, line: int, col: int) -> tuple[int, int]:
        """The editor's line and column (1-based) for the parser's (0-based), within the text."""
        if self._same_lines:
            return self._clamped(line, col)
        if self._yaml_starts is None:
            self._yaml_starts = _starts(_YAML_BREAKS, self.text)
            self._editor_starts = _starts(_EDITOR_BREAKS, self.text)
        assert self._editor_starts is not None
        starts = self._yaml_starts
        offset = starts[line] + col if line < len(starts) else len(self.text)
        offset = min(offset, len(self.text))
        editor_line = bisect.bisect_right(self._editor_starts, offset) - 1
        return self._clamped(editor_line, offset - self._editor_starts[editor_line])

    def _clamped(self, line: int, col: int) -> tuple[int, int]:
        """(line, col) made 1-based, and moved to the end of the last line when past it."""
        if self._last is None:
            self._last = self._last_line()
        last, end = self._last
        if line <= last:
            return line + 1, col + 1
        start = max(self.text.rfind("\n", 0, end), self.text.rfind("\r", 0, end)) + 1
        return last + 1, end - start + 1

    def _last_line(self) -> tuple[int, int]:
        """The 0-based number of the last line an editor shows, and the offset of its end."""
        text = self.text
        breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
        if not breaks or not text.endswith(("\n", "\r")):
            return breaks, len(text)
        return breaks - 1, len(text) - (2 if text.endswith("\r\n") else 1)

    def line(self, line: int) -> int:
        """The editor's line (1-based) for the parser's (0-based)."""
        return self(line, 0)[0]

    def where(self, line: int, col: int) -> str:
        """``line 3, column 7`` for the parser's 0-based position, as an editor shows it."""
        shown_line, shown_col = self(line, col)
        return f"line {shown_line}, column {shown_col}"


def _starts(breaks: re.Pattern[str], text: str) -> list[int]:
    return [0, *(match.end() for match in breaks.finditer(text))]


def item_lines(text: str) -> dict[tuple[Section, int], int]:
    """The 1-based line where each item of a brief's text starts, by (section, index).

    Meant for a valid brief (as ``load_brief`` accepted it); for any other text it gives what it
    can find, possibly nothing. Lines are counted as an editor counts them. It parses the text
    again (about a third of what loading it costs): call it when a line is wanted, not on load.
    """
    parser = yaml.CSafeLoader(text)
    lines: dict[tuple[Section, int], int] = {}
    counts = dict.fromkeys(SECTIONS, 0)
    positions = EditorPositions(text)
    depth = 0
    section: Section | None = None
    is_key = True  # at the top level: whether the next node is a key or a value
    try:
        while parser.check_event():
            event: Any = parser.get_event()  # events are read by attribute, untyped
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
                is_key = is_key or depth == 1
                continue
            if kind not in _NODE_STARTS:
                continue
            if depth == 2 and section is not None:
                mark = event.start_mark
                lines[(section, counts[section])] = positions(mark.line, mark.column)[0]
                counts[section] += 1
            elif depth == 1:
                if is_key:
                    section = _section(event.value if kind is ScalarEvent else None)
                is_key = not is_key and kind in (ScalarEvent, AliasEvent)
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                depth += 1
    except yaml.YAMLError:
        pass
    finally:
        parser.dispose()
    return lines


def _section(key: object) -> Section | None:
    return next((name for name in SECTIONS if name == key), None)
