"""Earlier searches, recalled with up and down in the search bar, kept between runs.

``QueryHistory`` is the bar's list and its recall cursor; ``HistoryStore`` is its file in the
settings folder (``search-history.json``): at most the last 100 queries, written whole or not at
all (files.write_text_atomic), read as empty when missing, unreadable or corrupt. Adding a query
merges it into what the file holds then, so two readers open at once lose none of each other's.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import msgspec

HISTORY_FILE = "search-history.json"
LIMIT = 100
"""The most queries kept, in memory and on disk."""
_MAX_BYTES = 1 << 20  # a history file is a few kB; anything this big is not ours
_MAX_QUERY = 1000  # characters


class _File(msgspec.Struct):
    """The file's shape: the queries, oldest first."""

    queries: list[str] = []


def _usable(query: object) -> bool:
    """Whether a query read from the file is one the bar can show."""
    return (
        isinstance(query, str)
        and bool(query.strip())
        and len(query) <= _MAX_QUERY
        and query.isprintable()
    )


class HistoryStore:
    """The search history file; safe to use from several threads."""

    def __init__(self, path: Path | None = None) -> None:
        """The store at ``path`` (by default ``search-history.json`` in the settings folder)."""
        if path is None:
            from briefing_tui.settings import config_dir

            path = config_dir() / HISTORY_FILE
        self.path = path
        self._lock = threading.Lock()

    def load(self) -> list[str]:
        """The queries kept, oldest first; [] when the file is missing, unreadable or corrupt."""
        try:
            with self.path.open("rb") as file:
                data = file.read(_MAX_BYTES + 1)
            if len(data) > _MAX_BYTES:
                return []
            queries = msgspec.json.decode(data, type=_File).queries
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return []
        usable = [query for query in queries if _usable(query)]
        return list(dict.fromkeys(reversed(usable)))[:LIMIT][::-1]  # newest copy of each

    def append(self, queries: Sequence[str]) -> None:
        """Add ``queries`` as the newest (an earlier copy moves), keeping the last LIMIT, merged
        with what the file holds now. Raises OSError when the file cannot be written."""
        from briefing_tui.files import WriteError, write_text_atomic

        with self._lock:
            entries = self.load()
            for query in queries:
                if query in entries:
                    entries.remove(query)
                entries.append(query)
            text = msgspec.json.encode(_File(entries[-LIMIT:])).decode() + "\n"
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                write_text_atomic(self.path, text, replace=True)
            except WriteError as error:
                raise OSError(str(error)) from error


class QueryHistory:
    """Earlier queries, oldest first, and a cursor for recalling them with up and down.

    With a ``store``, the queries it holds are loaded now, and ``save`` writes those added since.
    """

    def __init__(self, limit: int = LIMIT, *, store: HistoryStore | None = None) -> None:
        self.entries: list[str] = store.load()[-limit:] if store is not None else []
        self._limit = limit
        self._store = store
        self._unsaved: list[str] = []
        self._pending = threading.Lock()  # guards _unsaved: the bar adds while a worker saves
        self._writing = threading.Lock()  # one save at a time, in the order they took queries
        self._cursor: int | None = None  # the entry recalled, None when at the draft
        self._draft = ""

    def add(self, text: str) -> bool:
        """Remember ``text`` as the newest query (once: an earlier copy moves to the end).
        Returns whether there is something to save (a query that is not already the newest)."""
        text = text.strip()
        self._cursor = None
        if not text or (self.entries and self.entries[-1] == text):
            return False
        if text in self.entries:
            self.entries.remove(text)
        self.entries.append(text)
        del self.entries[: -self._limit]
        with self._pending:
            self._unsaved.append(text)
        return self._store is not None

    def save(self) -> None:
        """Write the queries added since the last save to the store (file IO: run it in a
        worker thread). Raises OSError when the file cannot be written (they stay unsaved)."""
        with self._writing:
            with self._pending:
                pending, self._unsaved = self._unsaved, []
            if not pending or self._store is None:
                return
            try:
                self._store.append(pending)
            except OSError:
                with self._pending:
                    self._unsaved[:0] = pending
                raise

    def previous(self, current: str) -> str | None:
        """The query before the one recalled (the newest, from the draft `current`); None at the
        oldest."""
        if not self.entries:
            return None
        if self._cursor is None:
            self._draft = current
            self._cursor = len(self.entries)
        if self._cursor == 0:
            return None
        self._cursor -= 1
        return self.entries[self._cursor]

    def next(self) -> str | None:
        """The query after the one recalled, the draft after the newest; None past the draft."""
        if self._cursor is None:
            return None
        self._cursor += 1
        if self._cursor >= len(self.entries):
            self._cursor = None
            return self._draft
        return self.entries[self._cursor]

    def reset(self) -> None:
        """Stop recalling: the text typed next is a new draft."""
        self._cursor = None
