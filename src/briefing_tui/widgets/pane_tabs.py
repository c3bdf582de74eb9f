"""PaneTabs: the one-line strip that names the five panes and marks the one on show."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class PaneTabs(Widget):
    """The panes' labels on one line, the active one lit; a click on a label shows its pane.

    One widget in place of a Tabs bar of one widget per tab: the strip is drawn on every start,
    so it should cost one widget's styling and one line's rendering. Labels are the app's own text
    (a key, a name, a count), never text from a brief.
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

    active: reactive[str] = reactive("", layout=False)
    """The id of the pane on show."""

    def __init__(
        self, tabs: Sequence[tuple[str, str]], *, active: str, id: str | None = None
    ) -> None:
        """A strip of `tabs`, each (pane id, label), with `active` lit."""
        super().__init__(id=id)
        self._tabs = tuple(tabs)
        self.set_reactive(PaneTabs.active, active)

    def label(self, pane: str) -> str:
        """The label of `pane`."""
        return dict(self._tabs)[pane]

    def render(self) -> Content:
        parts = []
        for pane, label in self._tabs:
            style = "bold $text on $primary 60%" if pane == self.active else ""
            # The action is our own constant text; nothing from the brief is parsed as markup.
            parts.append(Content.from_markup(f"[@click=screen.show_pane('{pane}')] {label} [/]"))
            if style:
                parts[-1] = parts[-1].stylize(style)
        return Content(" ").join(parts)
