"""Browser-like history of where the reader has been: (pane, item, scroll) locations."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

LIMIT = 1000
"""The most locations kept: the oldest are dropped past it."""


class Location(msgspec.Struct, frozen=True):
    """A pane, the item (or, in the overview, the person) selected there, and how far its
    detail is scrolled (lines from the top)."""

    pane: str
    index: int | None = None
    scroll: int = 0

    def same_place(self, other: Location) -> bool:
        """Whether `other` is the same pane and item, wherever it is scrolled."""
        return (self.pane, self.index) == (other.pane, other.index)


class History:
    """Back and forward over the places jumped to, like a web browser's."""

    def __init__(self, start: Location, *, limit: int = LIMIT) -> None:
        """A history whose only entry is `start`, keeping at most `limit` entries."""
        self._entries = [start]
        self._position = 0
        self._limit = limit

    @property
    def current(self) -> Location:
        """The location the reader is at."""
        return self._entries[self._position]

    @property
    def can_go_back(self) -> bool:
        return self._position > 0

    @property
    def can_go_forward(self) -> bool:
        return self._position < len(self._entries) - 1

    def visit(self, here: Location, target: Location) -> None:
        """Record that the reader, at `here`, jumped to `target`; drops forward entries. A jump to
        the item the reader is on adds nothing (there would be nothing to go back to)."""
        self._entries[self._position] = here
        if target.same_place(here):
            return
        del self._entries[self._position + 1 :]
        self._entries.append(target)
        del self._entries[: -self._limit]
        self._position = len(self._entries) - 1

    def back(self, here: Location) -> Location | None:
        """Step back from `here`: the previous location, or None at the start."""
        if not self.can_go_back:
            return None
        self._entries[self._position] = here
        self._position -= 1
        return self.current

    def forward(self, here: Location) -> Location | None:
        """Step forward from `here`: the next location, or None at the end."""
        if not self.can_go_forward:
            return None
        self._entries[self._position] = here
        self._position += 1
        return self.current

    def relocate(self, move: Callable[[Location], Location]) -> None:
        """Put every entry where `move` says it now is (the brief changed under them)."""
        self._entries = [move(entry) for entry in self._entries]
