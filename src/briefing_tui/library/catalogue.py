"""A library: every brief found in some folders and files, listed newest first.

``open_library(paths)`` discovers the files (discovery.py), loads them (loading.py) and lists one
``LibraryEntry`` per file: its title, date, location and counts, or its first error and how many
more there are. The valid briefs come first, newest first (ties: title, then path); the invalid
ones follow, by path, so a mistake is listed instead of hidden.

The loader caps one brief at 32 MiB, but a library has no such cap: five hundred large briefs
would not fit in memory. The briefs are kept, newest first, while their files add up to at most
``MAX_HELD_BYTES``; the entries of the others are listed all the same, and ``Library.brief``
loads such a brief again when it is opened. Search and people cover the briefs held.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import msgspec

from briefing_tui.library.discovery import discover
from briefing_tui.library.loading import Cancel, Loaded, Loading, Progress, Strategy
from briefing_tui.loader import BriefError, BriefInvalid, load_brief
from briefing_tui.model import Brief, Section

MAX_HELD_BYTES = 256 * 1024 * 1024

__all__ = ["MAX_HELD_BYTES", "Library", "LibraryEntry", "LibraryLoading", "open_library"]


class LibraryEntry(msgspec.Struct, frozen=True, kw_only=True):
    """One file of a library: a brief's headline facts, or why it is not one.

    A valid brief has ``title``, ``date``, ``counts`` (and ``location`` if it names one); an
    invalid file has ``error``, the first of its ``error_count`` errors, and no title or date.
    """

    path: Path
    size: int = 0
    title: str | None = None
    date: dt.date | None = None
    location: str | None = None
    counts: dict[Section, int] = msgspec.field(default_factory=dict)
    error: BriefError | None = None
    error_count: int = 0

    @property
    def valid(self) -> bool:
        """Whether the file is a brief that opens."""
        return self.error is None

    @property
    def more_errors(self) -> int:
        """How many errors there are besides the first (0 for a valid brief)."""
        return max(0, self.error_count - 1)


def _entry(loaded: Loaded) -> LibraryEntry:
    path = Path(loaded.path)
    brief = loaded.brief
    if brief is None:
        return LibraryEntry(
            path=path, size=loaded.size, error=loaded.error, error_count=loaded.error_count
        )
    return LibraryEntry(
        path=path,
        size=loaded.size,
        title=brief.title,
        date=brief.date,
        location=brief.location,
        counts=brief.counts(),
    )


def _order(entry: LibraryEntry) -> tuple[int, int, str, str]:
    """Valid briefs newest first (then title, then path), invalid files after them by path."""
    path = os.fspath(entry.path)
    if entry.date is None:
        return (1, 0, "", path)
    return (0, -entry.date.toordinal(), entry.title or "", path)


class Library:
    """The entries of a library, newest first, and the briefs held in memory for them."""

    def __init__(self, loaded: Iterable[Loaded], *, max_held_bytes: int = MAX_HELD_BYTES) -> None:
        """Entries from what ``load_all`` returned (in any order), sorted as the module says."""
        pairs = sorted(((_entry(item), item.brief) for item in loaded), key=lambda p: _order(p[0]))
        self.entries: tuple[LibraryEntry, ...] = tuple(entry for entry, _ in pairs)
        self._briefs: list[Brief | None] = []
        held = 0
        for entry, brief in pairs:
            keep = brief is not None and held + entry.size <= max_held_bytes
            held += entry.size if keep else 0
            self._briefs.append(brief if keep else None)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def valid(self) -> tuple[LibraryEntry, ...]:
        """The entries of briefs that open, newest first."""
        return tuple(entry for entry in self.entries if entry.valid)

    @property
    def invalid(self) -> tuple[LibraryEntry, ...]:
        """The entries of files that are not valid briefs (or folders that cannot be listed)."""
        return tuple(entry for entry in self.entries if not entry.valid)

    @property
    def folder(self) -> str:
        """The folder that holds every file of the library, as given ("" if they share none)."""
        folders = {os.fspath(entry.path.parent) for entry in self.entries}
        try:
            common = os.path.commonpath(sorted(folders)) if folders else ""
        except ValueError:  # absolute and relative paths mixed
            return ""
        return "" if common == "." else common

    def held(self) -> list[tuple[int, Brief]]:
        """(entry number, brief) of every brief held in memory, in library order."""
        return [(number, brief) for number, brief in enumerate(self._briefs) if brief is not None]

    def brief(self, number: int) -> Brief:
        """The brief of entry ``number``, loaded again if it is not held; raises BriefInvalid."""
        held = self._briefs[number]
        if held is not None:
            return held
        entry = self.entries[number]
        if entry.error is not None:
            raise BriefInvalid([entry.error])
        return load_brief(entry.path)


class LibraryLoading:
    """A library being loaded: discovered, and its files' workers started at once (where they
    pay), so that the caller can do something else meanwhile (import the app); ``finish``
    collects the briefs. Leaving without ``finish``: ``stop`` kills the workers."""

    def __init__(self, paths: Sequence[str | os.PathLike[str]], strategy: Strategy = "auto"):
        """Discover the briefs in ``paths`` and start loading them."""
        self._found = discover(paths)
        files = [os.fspath(item.path) for item in self._found if item.problem is None]
        self._loading = Loading(files, strategy)

    def finish(self, *, progress: Progress | None = None, cancel: Cancel | None = None) -> Library:
        """The library, once every file is loaded (see ``open_library``)."""
        loaded = self._loading.results(progress=progress, cancel=cancel)
        problems = [
            Loaded(os.fspath(item.path), 0, error=_problem(item.path, item.problem), error_count=1)
            for item in self._found
            if item.problem is not None
        ]
        return Library([*loaded, *problems])

    def stop(self) -> None:
        """Kill and reap every worker still running."""
        self._loading.stop()


def open_library(
    paths: Sequence[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    strategy: Strategy = "auto",
) -> Library:
    """Discover, load and list the briefs in ``paths`` (folders and files).

    ``progress(done, total, name)`` is called after each file; ``cancel.is_set()`` stops loading
    with LoadCancelled. A folder that cannot be listed becomes an invalid entry with the reason.
    """
    return LibraryLoading(paths, strategy).finish(progress=progress, cancel=cancel)


def _problem(path: Path, message: str) -> BriefError:
    return BriefError(os.fspath(path), None, None, None, message)
