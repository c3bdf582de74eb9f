"""Reloading a brief that changed on disk: the new version or its banner, and where to stand.

``reload_brief(path)`` gives the new ``Brief``, or a ``ReloadFailure`` whose ``banner`` is the one
line the reader shows above the last good version (``FILE:LINE:COL: message (and 3 more)``).
``Relocation(old, new).index(pane, index)`` says which item of the new version stands where
item `index` of `pane` stood in the old one: the same item (by id, else an identical item,
nearest first), else the one after the item that preceded it, else the same position clamped
to the section; None for an empty pane. Pure, no Textual.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from briefing_tui.loader import BriefError, BriefInvalid, load_brief
from briefing_tui.model import SECTIONS, Agreement, Analysis, Brief, Person, Question, Quote
from briefing_tui.printable import printable, printable_path

__all__ = ["OVERVIEW", "Pane", "ReloadFailure", "Relocation", "reload_brief", "relocate"]

OVERVIEW: Literal["overview"] = "overview"
Pane = Literal["overview", "agreements", "quotes", "analysis", "questions"]
"""A pane of the reader: the overview (whose list is the people) or a section."""

Entry = Agreement | Quote | Analysis | Question | Person

# The loader caps the errors it lists and adds a line without a position that gives the total.
_SUMMARY = re.compile(r"(\d+) errors; the first \d+ follow")


@dataclass(frozen=True, slots=True)
class ReloadFailure:
    """A brief that could not be reloaded: every error, and the banner that sums them up."""

    errors: tuple[BriefError, ...]

    @property
    def first(self) -> BriefError:
        """The first error in the file (by position); one without a position if none has one."""
        placed = [error for error in self.errors if error.line is not None]
        return placed[0] if placed else self.errors[0]

    @property
    def more(self) -> int:
        """How many errors there are besides the first."""
        for error in self.errors:
            match = _SUMMARY.fullmatch(error.message) if error.line is None else None
            if match:
                return int(match.group(1)) - 1
        return len(self.errors) - 1

    @property
    def banner(self) -> str:
        """``FILE:LINE:COL: PATH: message (and N more)``: one printable line."""
        error = self.first
        where = printable_path(error.file)
        if error.line is not None:
            where += f":{error.line}" + (f":{error.col}" if error.col is not None else "")
        what = f"{error.path}: {error.message}" if error.path else error.message
        more = f" (and {self.more} more)" if self.more else ""
        return f"{where}: {printable(what, one_line=True)}{more}"


def reload_brief(path: str | os.PathLike[str]) -> Brief | ReloadFailure:
    """Load the brief at `path` again: the Brief, or a ReloadFailure (never an exception)."""
    try:
        return load_brief(path)
    except BriefInvalid as invalid:
        errors = invalid.errors or [BriefError(os.fspath(path), None, None, None, "not valid")]
        return ReloadFailure(tuple(errors))


def _entries(brief: Brief, pane: str) -> Sequence[Entry]:
    if pane == OVERVIEW:
        return brief.people
    if pane in SECTIONS:
        return getattr(brief, pane)  # type: ignore[no-any-return]
    raise ValueError(f"no such pane: {pane!r}")


class Relocation:
    """Maps places in an old version of a brief to the same places in the new version."""

    def __init__(self, old: Brief, new: Brief) -> None:
        """For a reader that showed `old` and is about to show `new`."""
        self.old = old
        self.new = new
        self._ids: dict[str, dict[str, int]] = {}
        self._values: dict[str, dict[Entry, list[int]]] = {}

    def index(self, pane: str, index: int | None) -> int | None:
        """The index in `new` for item (or, in the overview, person) `index` of `pane` in `old`.

        None when `index` is None (nothing was selected) or the pane is now empty.
        """
        count = len(_entries(self.new, pane))
        if index is None or count == 0:
            return None
        old_entries = _entries(self.old, pane)
        if 0 <= index < len(old_entries):
            found = self._find(pane, old_entries[index], index)
            if found is not None:
                return found
            before = self._find(pane, old_entries[index - 1], index - 1) if index else None
            if before is not None:
                return min(before + 1, count - 1)
        return min(max(index, 0), count - 1)

    def _find(self, pane: str, entry: Entry, near: int) -> int | None:
        """Where `entry` is in the new version: by id, else an identical entry nearest `near`."""
        if entry.id is not None:
            return self._by_id(pane).get(entry.id)
        places = self._by_value(pane).get(entry)
        return min(places, key=lambda place: (abs(place - near), place)) if places else None

    def _by_id(self, pane: str) -> dict[str, int]:
        if pane not in self._ids:
            entries = _entries(self.new, pane)
            ids = {entry.id: i for i, entry in reversed(list(enumerate(entries))) if entry.id}
            self._ids[pane] = ids
        return self._ids[pane]

    def _by_value(self, pane: str) -> dict[Entry, list[int]]:
        if pane not in self._values:
            values: dict[Entry, list[int]] = {}
            for i, entry in enumerate(_entries(self.new, pane)):
                values.setdefault(entry, []).append(i)
            self._values[pane] = values
        return self._values[pane]


def relocate(old: Brief, new: Brief, pane: str, index: int | None) -> int | None:
    """``Relocation(old, new).index(pane, index)``, for a single place."""
    return Relocation(old, new).index(pane, index)
