"""DetailPane: one item in full, every field, long texts wrapped, its related items followable."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from briefing_tui.model import Item, ItemRef, Lookup, kind_of
from briefing_tui.printable import printable
from briefing_tui.widgets.related_list import RelatedList, Target
from briefing_tui.widgets.text_blocks import Block, Hanging, bullets, quotation, text_blocks
from briefing_tui.widgets.text_scroll import TextScroll
from briefing_tui.widgets.text_styles import MUTED

Highlights = Mapping[str, Sequence[tuple[int, int]]]
"""Spans (start, end offsets into the original text) to highlight, by field name.

Field names: "title", "summary", "text", "context", "question", "why", "speaker", "expert",
"details[N]" for the N-th detail, "tags[N]" for the N-th tag.
"""

_LABEL = "bold $text-accent"
_MUTED = MUTED
_MATCH = "bold reverse"


def _field(text: str, name: str, highlights: Highlights | None, style: str = "") -> Content:
    """The literal text of one field, styled, with its highlight spans marked."""
    text = printable(text)
    content = Content.styled(text, style) if style else Content(text)
    for start, end in (highlights or {}).get(name, ()):
        content = content.stylize(_MATCH, start, end)
    return content


class _Body(Static):
    """The item's text. The screen's layout sizes it to its text; its size then needs no second
    layout (Textual asks for one whenever a widget's virtual size changes, which for text that
    does not scroll on its own changes nothing)."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class DetailPane(TextScroll, can_focus=True):
    """Shows one item; `show` re-renders it, optionally with search highlights."""

    DEFAULT_CSS = """
    DetailPane {
        padding: 0 1;
        & > #detail-body { width: 1fr; }
        & > #related-heading { margin-top: 1; color: $text-accent; text-style: bold; }
    }
    """

    def __init__(
        self, lookup: Lookup, *, id: str | None = None, classes: str | None = None
    ) -> None:
        """An empty pane for items of the brief `lookup` resolves."""
        super().__init__(id=id, classes=classes)
        self._lookup = lookup
        self.item: Item | None = None
        self._highlights: Highlights | None = None

    def compose(self) -> ComposeResult:
        yield _Body(id="detail-body")
        heading = Static("Related", id="related-heading")
        related = RelatedList(self._lookup, id="related")
        heading.display = related.display = False  # until an item has related ones
        yield heading
        yield related

    def show(self, item: Item | None, *, highlights: Highlights | None = None) -> None:
        """Render `item` (None: nothing selected), marking `highlights`, and list its related.

        Only what changes is touched: the related list and its heading keep their place and
        styles when the new item has related ones too, or none either.
        """
        self.item, self._highlights = item, highlights
        if not self.is_mounted:
            return  # on_mount shows it
        body = self.query_one("#detail-body", Static)
        related = self.query_one(RelatedList)
        if item is None:
            content = Content.styled("Nothing here.", _MUTED)
            related.show_targets(())
        else:
            content = self.render_item(item, highlights)
            related.show_targets(self._targets(item.related))
        body.update(content)
        shown = bool(related.targets)
        if related.display != shown:
            related.display = self.query_one("#related-heading").display = shown
        if self.scroll_y:
            self.scroll_home(animate=False)

    def on_mount(self) -> None:
        self.show(self.item, highlights=self._highlights)

    def _targets(self, ids: Sequence[str]) -> list[Target]:
        """Resolve related ids to items or people; unknown ids are kept as people ids."""
        targets: list[Target] = []
        for related_id in ids:
            ref: ItemRef | None = self._lookup.items.get(related_id)
            targets.append(ref if ref is not None else related_id)
        return targets

    def render_item(self, item: Item, highlights: Highlights | None = None) -> Content:
        """All fields of `item` as literal text, with field labels; `highlights` are marked."""
        parts: list[Block | Sequence[Block]] = []
        lookup = self._lookup

        def section(label: str, body: Block | Sequence[Block]) -> None:
            parts.append(Content.styled(label, _LABEL))
            parts.append(body)
            parts.append(Content(""))

        def person_line(person_id: str, field: str) -> Content:
            person = lookup.people.get(person_id)
            name = _field(lookup.person_name(person_id), field, highlights, "bold")
            if person and person.role:
                return Content.assemble(name, (", ", _MUTED), (printable(person.role), "italic"))
            return name

        kind = kind_of(item)
        lead = kind.headline[0]  # said words in italics, the person after a dash; else bold
        if (text := getattr(item, lead)) and kind.quoted:
            parts.append(quotation(_field(text, lead, highlights, "italic")))
        elif text:
            parts.append(_field(text, lead, highlights, "bold"))
        if kind.person is not None:
            person = person_line(getattr(item, kind.person), kind.person)
            parts.append(Hanging(Content.styled("— ", _MUTED), person) if kind.quoted else person)
        parts.append(Content(""))
        for name, label in kind.body:
            value = getattr(item, name)
            if isinstance(value, tuple) and value:
                points = (_field(text, f"{name}[{n}]", highlights) for n, text in enumerate(value))
                section(label, bullets(points))
            elif value:
                section(label, _field(value, name, highlights))
        if item.tags:
            tags = [
                _field(t, f"tags[{n}]", highlights, "$text-secondary")
                for n, t in enumerate(item.tags)
            ]
            section("Tags", Content(" · ").join(tags))
        if item.id:
            parts.append(Content.assemble(("id ", _MUTED), (printable(item.id), _MUTED)))
        while parts and isinstance(parts[-1], Content) and not parts[-1].plain:
            parts.pop()
        return text_blocks(parts)
