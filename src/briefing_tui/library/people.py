"""Everyone in a library, matched across briefs by name, with all each of them said or wrote.

Ids are per brief (``hansen`` in one brief need not be ``hansen`` in the next), so people are
matched by name, folded as search folds it (case and accents ignored) with runs of whitespace as
one space: "Kari Hansen", "KARI  HANSEN" and "Kári Hansen" are one person.
"""

from __future__ import annotations

from typing import NamedTuple

from briefing_tui.folding import fold
from briefing_tui.library.catalogue import Library, LibraryEntry
from briefing_tui.model import Analysis, Brief, ItemRef, Quote

__all__ = ["LibraryPerson", "PersonItem", "library_people", "name_key"]


def name_key(name: str) -> str:
    """The form two names are compared in: folded (case, accents) and whitespace collapsed."""
    return " ".join(fold(name).split())


class PersonItem(NamedTuple):
    """A quote or analysis by a person: where (entry number, entry, ref) and the item itself."""

    number: int
    entry: LibraryEntry
    ref: ItemRef
    item: Quote | Analysis


class LibraryPerson(NamedTuple):
    """One person across the library.

    ``name`` is as the newest brief that lists them spells it; ``roles`` are their roles, newest
    first, each once; ``briefs`` the entry numbers of the briefs that list them, in library order;
    ``items`` everything they said or wrote, newest brief first (a brief's quotes, then its
    analysis, in brief order).
    """

    key: str
    name: str
    roles: tuple[str, ...]
    briefs: tuple[int, ...]
    items: tuple[PersonItem, ...]


class _Gathered:
    def __init__(self, name: str) -> None:
        self.name = name
        self.roles: list[str] = []
        self.briefs: list[int] = []
        self.items: list[PersonItem] = []


def _said(brief: Brief) -> dict[str, list[tuple[ItemRef, Quote | Analysis]]]:
    """Each person's quotes, then analysis, in brief order, by person id (one pass)."""
    said: dict[str, list[tuple[ItemRef, Quote | Analysis]]] = {}
    for index, quote in enumerate(brief.quotes):
        said.setdefault(quote.speaker, []).append((ItemRef("quotes", index), quote))
    for index, analysis in enumerate(brief.analysis):
        said.setdefault(analysis.expert, []).append((ItemRef("analysis", index), analysis))
    return said


def library_people(library: Library) -> list[LibraryPerson]:
    """Everyone the briefs held by ``library`` list, by folded name (then name)."""
    people: dict[str, _Gathered] = {}
    for number, brief in library.held():
        entry = library.entries[number]
        said = _said(brief)
        for person in brief.people:
            gathered = people.setdefault(name_key(person.name), _Gathered(person.name))
            if person.role and person.role not in gathered.roles:
                gathered.roles.append(person.role)
            if number not in gathered.briefs:
                gathered.briefs.append(number)
            gathered.items += [
                PersonItem(number, entry, ref, item) for ref, item in said.get(person.id, ())
            ]
    return [
        LibraryPerson(key, g.name, tuple(g.roles), tuple(g.briefs), tuple(g.items))
        for key, g in sorted(people.items(), key=lambda pair: (pair[0], pair[1].name))
    ]
