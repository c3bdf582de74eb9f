"""The links of an item, as its detail lists them: who it is by, its tags, what it relates to,
and what refers to it, grouped by kind with their counts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content

from briefing_tui.model import KINDS, Item, ItemRef, Kind, Lookup, kind_of
from briefing_tui.printable import printable
from briefing_tui.widgets.item_rows import item_row
from briefing_tui.widgets.related_list import Heading, Line, Link, TagLink, Target
from briefing_tui.widgets.row_text import RowText

MATCH_STYLE = "bold reverse"
"""How a search match is marked in a detail."""


def plural(kind: Kind, count: int) -> str:
    """ "1 quote", "2 analyses"."""
    name = kind.label.lower()
    if count != 1:
        name = name[:-2] + "es" if name.endswith("is") else name + "s"
    return f"{count} {name}"


def _text(text: str) -> Content:
    return Content(printable(text, one_line=True))


def target_row(target: Target, lookup: Lookup) -> RowText:
    """A link among the related: its kind ("Quote: "), then its words and who they are by."""
    if isinstance(target, ItemRef):
        row = item_row(lookup.item(target), lookup)
        return row._replace(lead=Content(f"{kind_of(lookup.item(target)).label}: "))
    if isinstance(target, TagLink):
        return RowText(_text(target.tag), lead=Content("Tag: "))
    person = lookup.people.get(target)
    if person is None:
        return RowText(_text(target), lead=Content("Person: "))
    role = Content(" — " + printable(person.role, one_line=True)) if person.role else Content("")
    return RowText(_text(person.name), role, Content("Person: "))


def person_row(person_id: str, lookup: Lookup) -> RowText:
    """The person an item is by, and how much of the brief is theirs: "2 quotes · 1 analysis"."""
    refs = lookup.by_person(person_id)
    counts = [
        plural(kind, count)
        for kind in KINDS
        if (count := sum(ref.section == kind.section for ref in refs))
    ]
    return RowText(_text(lookup.person_name(person_id)), Content(" · " + ", ".join(counts)))


def item_links(
    item: Item, lookup: Lookup, highlights: Mapping[str, Sequence[tuple[int, int]]] | None = None
) -> list[Line]:
    """Every link of `item`, under its headings, in the order the detail shows them: the person
    it is by, what it relates to, what refers to it, its tags; search matches in its tags
    (`highlights`, by "tags[N]") are marked."""
    lines: list[Line] = []
    kind = kind_of(item)
    person = kind.person_of(item)
    if person is not None and kind.person is not None:
        lines += [Heading(kind.person.capitalize()), Link(person, person_row(person, lookup))]
    related = [lookup.items.get(name, name) for name in item.related]
    if related:
        lines.append(Heading(f"Related {len(related)}"))
        lines += [Link(target, target_row(target, lookup)) for target in related]
    referrers = lookup.referenced_by(item.id)
    if referrers:
        lines.append(Heading(f"Referenced by {len(referrers)}"))
        for group in KINDS:
            refs = [ref for ref in referrers if ref.section == group.section]
            if refs:
                lines.append(Heading(f"{group.title} {len(refs)}", minor=True))
                lines += [Link(ref, item_row(lookup.item(ref), lookup)) for ref in refs]
    if item.tags:
        lines.append(Heading("Tags"))
        for number, tag in enumerate(item.tags):
            if tag in item.tags[:number]:
                continue
            count = len(lookup.tagged(tag))
            text = _text(tag)
            for start, end in (highlights or {}).get(f"tags[{number}]", ()):
                text = text.stylize(MATCH_STYLE, start, end)
            tail = Content(f" · {count} item{'s' * (count != 1)}")
            lines.append(Link(TagLink(tag), RowText(text, tail)))
    return lines
