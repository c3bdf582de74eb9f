"""PaneTabs: the one-line strip that names the five panes and marks the one on show."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

ELLIPSIS = "…"


@dataclass(frozen=True)
class TabLabel:
    """A tab's label in its parts: the key that shows the pane, its name, and a count (or "")."""

    key: str
    name: str
    count: str

    @classmethod
    def parse(cls, label: str) -> TabLabel:
        """The parts of a label: "2 Agreements 14" is key 2, name Agreements and count 14 (or
        "4/14": 4 of the 14 shown, in filter mode)."""
        words = label.split(" ")
        if len(words) < 2:
            return cls("", label, "")
        counted = words[-1].replace("/", "", 1).isdigit()
        count = words[-1] if len(words) > 2 and counted else ""
        return cls(words[0], " ".join(words[1 : len(words) - bool(count)]), count)

    def text(self, name_cells: int | None = None) -> str:
        """The label, its name cut to `name_cells` cells (None: whole) with an ellipsis; at 0
        the name is left out, the key and the count stay."""
        name = self.name
        if name_cells is not None and len(name) > name_cells:
            name = name[: name_cells - 1] + ELLIPSIS if name_cells > 0 else ""
        return " ".join(part for part in (self.key, name, self.count) if part)


def fit_labels(labels: Sequence[TabLabel], width: int, active: int) -> list[str]:
    """The labels as they fit in `width` cells, each padded by a space and one cell apart: whole
    if they can be; else the names are shortened with an ellipsis (the active one last), then
    left out, then the padding goes. Keys and counts always stay."""

    def fits(texts: Sequence[str]) -> bool:
        return sum(map(len, texts)) + len(texts) - 1 <= width

    longest = max((len(label.name) for label in labels), default=0)
    tries = [[label.text() for label in labels]]
    for keep_active in (True, False):
        for cells in range(longest - 1, 0, -1):
            tries.append(
                [
                    label.text(None if keep_active and index == active else cells)
                    for index, label in enumerate(labels)
                ]
            )
    tries.append([label.text(0) for label in labels])
    for texts in tries:
        if fits(padded := [f" {text} " for text in texts]):
            return padded
    return tries[-1]


class PaneTabs(Widget):
    """The panes' labels on one line, the active one lit; a click on a label shows its pane.

    One widget in place of a Tabs bar of one widget per tab: the strip is drawn on every start,
    so it should cost one widget's styling and one line's rendering. Labels are the app's own text
    (a key, a name, a count), never text from a brief. When the strip is too narrow for them,
    the names are shortened with an ellipsis: no tab is dropped, no key or count cut.
    """

    DEFAULT_CSS = """
    PaneTabs {
        height: 1;
        width: 1fr;
        background: $panel-darken-1;
        color: $text-muted;
        link-color: $text-muted;
        link-background: transparent;
        link-style: none;
        link-color-hover: $text;
        link-background-hover: $boost;
        link-style-hover: none;
    }
    """

    ACTIVE_STYLE = "bold auto 90% on $primary"
    """The tab on show (a percentage written here is read; see text_styles)."""

    active: reactive[str] = reactive("", layout=False)
    """The id of the pane on show."""

    def __init__(
        self, tabs: Sequence[tuple[str, str]], *, active: str, id: str | None = None
    ) -> None:
        """A strip of `tabs`, each (pane id, label: "KEY NAME [COUNT]"), with `active` lit."""
        super().__init__(id=id)
        self._tabs = tuple(tabs)
        self._labels = [TabLabel.parse(label) for _, label in self._tabs]
        self.set_reactive(PaneTabs.active, active)

    def label(self, pane: str) -> str:
        """The label of `pane`."""
        return dict(self._tabs)[pane]

    def relabel(self, labels: Mapping[str, str]) -> None:
        """Give the panes in `labels` new labels ("KEY NAME [COUNT]"), the others unchanged."""
        tabs = tuple((pane, labels.get(pane, label)) for pane, label in self._tabs)
        if tabs == self._tabs:
            return
        self._tabs = tabs
        self._labels = [TabLabel.parse(label) for _, label in self._tabs]
        self.refresh()

    def render(self) -> Content:
        panes = [pane for pane, _ in self._tabs]
        active = panes.index(self.active) if self.active in panes else -1
        texts = fit_labels(self._labels, self.content_region.width, active)
        parts = []
        for index, (pane, text) in enumerate(zip(panes, texts, strict=True)):
            if index == active:  # not a link: a link's colours would cover the lit ones
                parts.append(Content.styled(text, self.ACTIVE_STYLE))
                continue
            # The action is our own constant text; nothing from the brief is parsed as markup.
            parts.append(Content.from_markup(f"[@click=screen.show_pane('{pane}')]{text}[/]"))
        strip = Content(" ").join(parts)
        return strip.truncate(self.content_region.width, ellipsis=True)
