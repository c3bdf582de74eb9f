"""Where the reader left each brief: its pane and item, so a brief reopens where it was left.

Kept in the settings folder (places.json), by the brief's file, for the last `LIMIT` briefs
read; written atomically, and a missing or corrupt file is as good as an empty one. An item is
known again by its id, or by a digest of its headline (never its text: the file holds no part
of a brief), so a brief that changed still opens on the same item, or at its pane if the item
is gone.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import msgspec

from briefing_tui.history import Location
from briefing_tui.model import SECTIONS, Item, Lookup, kind_of
from briefing_tui.settings import config_dir, write_json

PLACES_FILE = "places.json"
LIMIT = 100
"""The most briefs whose place is kept: the least recently read go first."""
OVERVIEW = "overview"


class Place(msgspec.Struct, frozen=True, omit_defaults=True):
    """A pane, and the item there (its index, id and headline digest) or the person (by id)."""

    pane: str
    index: int | None = None
    id: str | None = None
    digest: str | None = None


Places = dict[str, Place]
_DECODER = msgspec.json.Decoder(Places)


def places_path() -> Path:
    """Where the places file lives."""
    return config_dir() / PLACES_FILE


def brief_key(brief_path: str | os.PathLike[str]) -> str:
    """The name a brief's place is kept under: its file's absolute path."""
    return os.path.abspath(brief_path)


def load_places(path: Path | None = None) -> Places:
    """Every brief's place, least recently read first; {} for a missing or corrupt file."""
    try:
        return _DECODER.decode((path or places_path()).read_bytes())
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return {}


def save_place(key: str, place: Place, path: Path | None = None) -> None:
    """Remember `place` for the brief `key`, as the most recently read; keep the last LIMIT.
    Written atomically (temp file, fsync, rename); raises OSError on failure."""
    path = path or places_path()
    places = load_places(path)  # read again: another reader may have saved since
    places.pop(key, None)
    places[key] = place
    write_json(path, dict(list(places.items())[-LIMIT:]))


def digest(item: Item) -> str:
    """A short digest of an item's kind and headline, to know it again without its text."""
    kind = kind_of(item)
    text = f"{kind.section}\0{getattr(item, kind.headline_field(item)) or ''}"
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def place_of(location: Location, lookup: Lookup) -> Place:
    """The place to remember for the reader at `location`."""
    index = location.index
    if location.pane == OVERVIEW:
        people = lookup.brief.people
        person = people[index].id if index is not None and index < len(people) else None
        return Place(OVERVIEW, id=person)
    section = next((s for s in SECTIONS if s == location.pane), None)
    if section is None or index is None or index >= len(lookup.brief.section(section)):
        return Place(location.pane)
    item = lookup.brief.section(section)[index]
    return Place(section, index, item.id, digest(item))


def location_of(place: Place, lookup: Lookup) -> Location:
    """Where to reopen at `place` in the brief behind `lookup` (which may have changed): the
    same item, found by id, else at its index or anywhere in its section by its headline's
    digest; the pane alone when the item is gone; the Overview for a pane that is no more."""
    brief = lookup.brief
    if place.pane == OVERVIEW:
        people = [person.id for person in brief.people]
        return Location(OVERVIEW, people.index(place.id) if place.id in people else None)
    section = next((s for s in SECTIONS if s == place.pane), None)
    if section is None:
        return Location(OVERVIEW)
    ref = lookup.items.get(place.id) if place.id is not None else None
    if ref is not None and ref.section == section:
        return Location(section, ref.index)
    items = brief.section(section)
    index = place.index
    if index is not None and index < len(items) and digest(items[index]) == place.digest:
        return Location(section, index)
    found = next((n for n, item in enumerate(items) if digest(item) == place.digest), None)
    return Location(section, found)
