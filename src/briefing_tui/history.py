"""Browser-like history of where the reader has been: (pane, item) locations."""

from __future__ import annotations

import msgspec


class Location(msgspec.Struct, frozen=True):
    """A pane, and the item (or, in the overview, the person) selected there."""

    pane: str
    index: int | None = None


class History:
    """Back and forward over followed locations, like a web browser's."""

    def __init__(self, start: Location) -> None:
        """A history whose only entry is `start`."""
        self._entries = [start]
        self._position = 0

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
        """Record that the reader, at `here`, followed a link to `target`; drops forward entries."""
        self._entries[self._position] = here
        del self._entries[self._position + 1 :]
        self._entries.append(target)
        self._position += 1

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
