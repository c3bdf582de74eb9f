"""DetailPane: one item in full, every field, long texts wrapped, its related items followable."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from briefing_tui.model import Item, Lookup, kind_of
from briefing_tui.printable import printable
from briefing_tui.widgets.item_links import MATCH_STYLE, item_links
from briefing_tui.widgets.related_list import RelatedList
from briefing_tui.widgets.text_blocks import Block, Hanging, bullets, quotation, text_blocks
from briefing_tui.widgets.text_scroll import TextScroll
from briefing_tui.widgets.text_styles import LABEL, MUTED, STRONG

Highlights = Mapping[str, Sequence[tuple[int, int]]]
"""Spans (start, end offsets into the original text) to highlight, by field name.

Field names: "title", "summary", "text", "context", "question", "why", "speaker", "expert",
"details[N]" for the N-th detail, "tags[N]" for the N-th tag.
"""

_MATCH = MATCH_STYLE


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
        & > #related { margin-top: 1; }
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
        self._composed = False
        """Whether its children are there to show an item in (from on_mount: `is_mounted` turns
        true only once every mount handler has run, so it is false in on_mount itself)."""

    def compose(self) -> ComposeResult:
        yield _Body(id="detail-body")
        links = RelatedList(id="related")
        links.display = False  # until an item has links
        yield links

    @property
    def links(self) -> RelatedList:
        """The item's links: its person, tags, related items and what refers to it."""
        return self.query_one(RelatedList)

    def show(self, item: Item | None, *, highlights: Highlights | None = None) -> None:
        """Render `item` (None: nothing selected), marking `highlights`, and list its links.

        Only what changes is touched: the links keep their place and styles when the new item
        has links too, or none either.
        """
        self.item, self._highlights = item, highlights
        if not self._composed:
            return  # on_mount shows it
        bodies = self.query("#detail-body").results(Static)
        body = next(bodies, None)
        if body is None:
            return  # being taken down: a new version of the brief has taken its place
        links = self.links
        if item is None:
            content = Content.styled("Nothing here.", MUTED)
            links.show_links(())
        else:
            content = self.render_item(item, highlights)
            links.show_links(item_links(item, self._lookup, highlights))
        body.update(content)
        shown = bool(links.row_count)
        if links.display != shown:
            links.display = shown
        if self.scroll_y:
            self.scroll_home(animate=False)

    def on_mount(self) -> None:
        self._composed = True
        self.show(self.item, highlights=self._highlights)

    def render_item(self, item: Item, highlights: Highlights | None = None) -> Content:
        """All fields of `item` as literal text, with field labels; `highlights` are marked."""
        parts: list[Block | Sequence[Block]] = []
        lookup = self._lookup

        def section(label: str, body: Block | Sequence[Block]) -> None:
            parts.append(Content.styled(label, LABEL))
            parts.append(body)
            parts.append(Content(""))

        def person_line(person_id: str, field: str) -> Content:
            person = lookup.people.get(person_id)
            name = _field(lookup.person_name(person_id), field, highlights, STRONG)
            if person and person.role:
                return Content.assemble(name, (", ", MUTED), (printable(person.role), "italic"))
            return name

        kind = kind_of(item)
        lead = kind.headline[0]  # said words in italics, the person after a dash; else bold
        if (text := getattr(item, lead)) and kind.quoted:
            parts.append(quotation(_field(text, lead, highlights, "italic")))
        elif text:
            parts.append(_field(text, lead, highlights, "bold"))
        if kind.person is not None:
            person = person_line(getattr(item, kind.person), kind.person)
            parts.append(Hanging(Content.styled("— ", MUTED), person) if kind.quoted else person)
        parts.append(Content(""))
        for name, label in kind.body:
            value = getattr(item, name)
            if isinstance(value, tuple) and value:
                points = (_field(text, f"{name}[{n}]", highlights) for n, text in enumerate(value))
                section(label, bullets(points))
            elif value:
                section(label, _field(value, name, highlights))
        if item.id:
            parts.append(Content.assemble(("id ", MUTED), (printable(item.id), MUTED)))
        while parts and isinstance(parts[-1], Content) and not parts[-1].plain:
            parts.pop()
        return text_blocks(parts)
