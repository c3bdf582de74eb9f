"""A brief as a Markdown document that renders as itself on GitHub and in any CommonMark reader.

Every text from the brief goes through markdown_text.py, which escapes it so that it can only
ever become text. Sections come in brief order, each under its kind's heading. Quotes, analysis
and questions have a layout of their own (block quotes; headings per expert; a numbered list);
agreements, and any other kind, get a heading per item, its fields as paragraphs and lists.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from briefing_tui.markdown_text import (
    escaped,
    heading,
    link,
    link_label,
    list_item,
    one_line,
    paragraph_lines,
    slug,
    text_blocks,
    text_paragraphs,
)
from briefing_tui.model import (
    SECTIONS,
    Analysis,
    Brief,
    Item,
    ItemRef,
    Lookup,
    Question,
    Quote,
    Section,
    headline,
    kind_of,
    section_kind,
)

PEOPLE_HEADING = "People"

Headings = list[tuple[tuple[object, ...], str]]
"""Headings an export adds, as (what the heading stands for, its text)."""
Anchors = dict[tuple[object, ...], str]
"""Heading anchors by what the heading stands for: ("section", name), (section, index) for an
item with a heading of its own, ("group", section, person id), ("people",)."""


def default_export_name(brief_path: Path) -> str:
    """The file name an export of `brief_path` gets by default: "<brief stem>.md"."""
    return f"{brief_path.stem}.md"


def _choose(
    brief: Brief, sections: Collection[Section] | None, refs: Collection[ItemRef] | None
) -> dict[Section, list[int]]:
    """The indices of the items to export, per section, in brief order."""
    wanted = set(SECTIONS if sections is None else sections)
    if unknown := sorted(wanted - set(SECTIONS)):
        raise ValueError(f"unknown section {unknown[0]!r} (sections: {', '.join(SECTIONS)})")
    if refs is None:
        refs = [
            ItemRef(name, index) for name in wanted for index in range(len(brief.section(name)))
        ]
    picked: dict[Section, set[int]] = {name: set() for name in SECTIONS}
    for ref in refs:
        if ref.section not in picked or not 0 <= ref.index < len(brief.section(ref.section)):
            raise ValueError(f"no item {ref.section}[{ref.index}] in this brief")
        if ref.section in wanted:
            picked[ref.section].add(ref.index)
    return {name: sorted(picked[name]) for name in SECTIONS}


def _note(
    brief: Brief,
    chosen: dict[Section, list[int]],
    sections: Collection[Section] | None,
    refs: Collection[ItemRef] | None,
    query: str | None = None,
) -> str:
    """The line saying what part of the brief an export holds ("" for the whole brief), and
    the search that chose the items if `query` names it."""
    if refs is not None:
        count, total = sum(map(len, chosen.values())), sum(brief.counts().values())
        items = f"{count} selected item{'' if count == 1 else 's'} of {total}"
        if query is None or not one_line(query).strip():
            return f"Exported: {items}"
        said = escaped(f"“{one_line(query).strip()}”", block_start=False)
        return f"Exported: {items}, found by the search {said}"
    if sections is None:
        return ""
    names = [section_kind(name).title for name in SECTIONS if name in sections]
    if len(names) < 2:
        return f"Exported: {names[0]} only" if names else "Exported: no sections"
    return f"Exported: {', '.join(names[:-1])} and {names[-1]}"


class _Document:
    """One export: which items go in, their anchors, and the Markdown for each part.

    A section with a layout of its own has a method named after it giving its blocks (and one
    named `_<section>_headings` if it adds headings); any other section gets `_items`.
    """

    def __init__(
        self,
        brief: Brief,
        sections: Collection[Section] | None,
        refs: Collection[ItemRef] | None,
        query: str | None = None,
    ) -> None:
        self.brief = brief
        self.lookup = Lookup(brief)
        self.chosen = _choose(brief, sections, refs)
        self.exported = {name: set(indices) for name, indices in self.chosen.items()}
        self.full = sections is None and refs is None
        self.people_listed = self.full and bool(brief.people)  # only in a whole brief
        self.note = _note(brief, self.chosen, sections, refs, query)
        self.experts: dict[str, list[int]] = {}  # expert id -> their analyses, by first appearance
        for index in self.chosen["analysis"]:
            self.experts.setdefault(brief.analysis[index].expert, []).append(index)
        questions = self.chosen["questions"]
        self.numbers = {("questions", index): n for n, index in enumerate(questions, 1)}
        self.anchors = self._anchors()

    def _headings(self, section: Section) -> Headings:
        """The headings a section adds below its own, in document order."""
        if hasattr(self, f"_{section}_headings"):
            headings: Headings = getattr(self, f"_{section}_headings")()
            return headings
        return [] if hasattr(self, f"_{section}") else self._item_headings(section)

    def _blocks(self, section: Section) -> list[str]:
        """The Markdown blocks of a section's chosen items."""
        if hasattr(self, f"_{section}"):
            blocks: list[str] = getattr(self, f"_{section}")()
            return blocks
        return self._items(section)

    def _anchors(self) -> Anchors:
        """Every heading's anchor, as GitHub gives them: in document order, a repeated one
        numbered -1, -2...; "" for a heading it gives none (no letter, digit, space, - or _)."""
        seen: dict[str, int] = {}

        def add(text: str) -> str:
            base = slug(one_line(text))
            count = seen.get(base, 0)
            seen[base] = count + 1
            return f"{base}-{count}" if count and base else base

        found: Anchors = {}
        add(self.brief.title)
        for name in SECTIONS:
            if self.chosen[name]:
                found["section", name] = add(section_kind(name).title)
            for key, text in self._headings(name):
                found[key] = add(text)
        if self.people_listed:
            found["people",] = add(PEOPLE_HEADING)
        return found

    def _person(self, person_id: str, *, role: bool = False) -> str:
        """A person's name (their id if they have none in this brief), with ", role" if asked."""
        person = self.lookup.people.get(person_id)
        name = one_line(person.name) if person and person.name else person_id
        return f"{name}, {one_line(person.role)}" if role and person and person.role else name

    def render(self) -> str:
        """The whole document: blocks separated by one blank line, LF endings, one final newline."""
        brief = self.brief
        blocks = [heading(1, brief.title), self._meta()]
        if self.note:
            blocks.append(self.note)
        if self.full:
            blocks += text_blocks(brief.summary)
        for name in SECTIONS:
            if self.chosen[name]:
                blocks.append(heading(2, section_kind(name).title))
                blocks += self._blocks(name)
        if self.people_listed:
            blocks += [heading(2, PEOPLE_HEADING), "\n".join(self._people())]
        return "\n\n".join(blocks) + "\n"

    def _meta(self) -> str:
        """The line under the title: date · location · source (linked title, publisher)."""
        brief, parts = self.brief, [self.brief.date.isoformat()]
        if brief.location:
            parts.append(link_label(brief.location))
        if (source := brief.source) is not None:
            named = source.title or source.publisher or source.url or ""
            said = [link(named, source.url) if source.url else link_label(named)]
            if source.title and source.publisher:
                said.append(link_label(source.publisher))
            if source.published:
                said.append(f"published {source.published.isoformat()}")
            parts.append(", ".join(part for part in said if part))
        return " · ".join(part for part in parts if part)

    def _extras(self, item: Item) -> list[list[str]]:
        """The "Tags:" and "Related:" lines of an item, as one-line paragraphs."""
        extras = []
        if item.tags:
            extras.append([escaped("Tags: " + ", ".join(map(one_line, item.tags)))])
        if item.related:
            extras.append(["Related: " + ", ".join(map(self._reference, item.related))])
        return extras

    def _reference(self, target: str) -> str:
        """A related id as a link to its item here, or as plain text when it is not exported."""
        ref = self.lookup.items.get(target)
        if ref is None:
            anchor = self.anchors.get(("people",), "") if target in self.lookup.people else ""
            return link(self._person(target), "#" + anchor) if anchor else link_label(target)
        item, key = self.lookup.item(ref), (ref.section, ref.index)
        kind = kind_of(item)
        title = getattr(item, "title", None)
        person = kind.person_of(item)
        if title and title.strip():
            label = title
        elif person is not None:
            label = f"{kind.label} by {self._person(person)}"
        else:
            label = f"{kind.label} {self.numbers.get(key, ref.index + 1)}"
        anchor = ""
        if ref.index in self.exported[ref.section]:
            # Its own heading; else its group's (an untitled analysis stands under its expert);
            # else the section's. A heading GitHub gives no anchor leaves the label unlinked.
            own = self.anchors.get(key)
            group = self.anchors.get(("group", ref.section, person))
            if own:
                anchor = own
            elif group is not None:
                anchor = group
            elif own is None:
                anchor = self.anchors.get(("section", ref.section), "")
        return link(label, "#" + anchor) if anchor else link_label(label)

    def _item_headings(self, section: Section) -> Headings:
        return [
            ((section, index), headline(self.brief.section(section)[index], self.lookup))
            for index in self.chosen[section]
        ]

    def _items(self, section: Section) -> list[str]:
        """A heading per item (its headline), then its fields: texts as paragraphs, lists of
        texts as bullet lists, and its tags and related items."""
        blocks = []
        for index in self.chosen[section]:
            item = self.brief.section(section)[index]
            blocks.append(heading(3, headline(item, self.lookup)))
            for field, _ in section_kind(section).body:
                value = getattr(item, field)
                if not value:
                    continue
                if isinstance(value, tuple):
                    points = (list_item("-", text_paragraphs(point)) for point in value)
                    blocks.append("\n".join(line for point in points for line in point))
                else:
                    blocks += text_blocks(value)
            blocks += [extra for [extra] in self._extras(item)]
        return blocks

    def _quotes(self) -> list[str]:
        blocks = []
        for index in self.chosen["quotes"]:
            item: Quote = self.brief.quotes[index]
            if said := paragraph_lines(text_paragraphs(item.text)):
                blocks.append("\n".join(f"> {line}" if line else ">" for line in said))
            context = text_paragraphs(item.context or "")
            # Its `[` are escaped whatever follows: a `]` may come in the context on the next line.
            who = escaped("— " + self._person(item.speaker, role=True), "[")
            context[:1] = [[who, *(context[0] if context else [])]]
            blocks.append("\n".join(paragraph_lines(context + self._extras(item))))
        return blocks

    def _analysis_headings(self) -> Headings:
        headings: Headings = []
        for expert, indices in self.experts.items():
            headings.append((("group", "analysis", expert), self._person(expert, role=True)))
            for index in indices:
                if title := self.brief.analysis[index].title:
                    headings.append((("analysis", index), title))
        return headings

    def _analysis(self) -> list[str]:
        blocks = []
        for expert, indices in self.experts.items():
            blocks.append(heading(3, self._person(expert, role=True)))
            for index in indices:
                item: Analysis = self.brief.analysis[index]
                if item.title:
                    blocks.append(heading(4, item.title))
                paragraphs = text_paragraphs(item.summary) + self._extras(item)
                if paragraphs:
                    blocks.append("\n".join(paragraph_lines(paragraphs)))
        return blocks

    def _questions(self) -> list[str]:
        items = []
        for index in self.chosen["questions"]:
            item: Question = self.brief.questions[index]
            paragraphs = text_paragraphs(item.question)
            if why := text_paragraphs(item.why or ""):
                why[0][0] = "Why it matters: " + why[0][0]
            paragraphs += why + self._extras(item)
            number = self.numbers["questions", index]
            items.append("\n".join(list_item(f"{number}.", paragraphs)))
        return ["\n\n".join(items)]

    def _people(self) -> list[str]:
        """`- **Name** — role`; a name alone stays plain (bold alone reads as a heading, MD036)."""
        lines = []
        for person in self.brief.people:
            name = one_line(person.name or person.id) or "?"
            if person.role:
                role = escaped(one_line(person.role), block_start=False)
                lines.append(f"- **{link_label(name)}** — {role}")
            else:
                lines.append(f"- {escaped(name)}")
        return lines


def to_markdown(
    brief: Brief,
    *,
    sections: Collection[Section] | None = None,
    refs: Collection[ItemRef] | None = None,
    query: str | None = None,
) -> str:
    """The brief as Markdown: all of it; or only `sections`; or only the items `refs` name
    (both given: the items of `refs` within `sections`), with the search `query` that found
    them named in the note under the title. Same brief, same bytes.

    Raises ValueError for an unknown section name or a reference to no item.
    """
    return _Document(brief, sections, refs, query).render()
