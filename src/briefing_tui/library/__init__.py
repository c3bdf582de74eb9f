"""A library of briefs: discovery, loading, entries newest first, search and people across briefs.

Pure data layer, no Textual. ``open_library(paths)`` gives a ``Library``; ``LibrarySearch`` and
``library_people`` work across the briefs it holds.
"""

from briefing_tui.library.catalogue import (
    MAX_HELD_BYTES,
    Library,
    LibraryEntry,
    LibraryLoading,
    open_library,
)
from briefing_tui.library.discovery import BRIEF_SUFFIXES, Found, discover
from briefing_tui.library.loading import (
    Cancel,
    LoadCancelled,
    Loaded,
    Loading,
    Progress,
    load_all,
)
from briefing_tui.library.people import LibraryPerson, PersonItem, library_people, name_key
from briefing_tui.library.results import BriefHits, LibraryHit, LibraryResult
from briefing_tui.library.search import LibrarySearch

__all__ = [
    "BRIEF_SUFFIXES",
    "MAX_HELD_BYTES",
    "BriefHits",
    "Cancel",
    "Found",
    "Library",
    "LibraryEntry",
    "LibraryHit",
    "LibraryLoading",
    "LibraryPerson",
    "LibraryResult",
    "LibrarySearch",
    "LoadCancelled",
    "Loaded",
    "Loading",
    "PersonItem",
    "Progress",
    "discover",
    "library_people",
    "load_all",
    "name_key",
    "open_library",
]
