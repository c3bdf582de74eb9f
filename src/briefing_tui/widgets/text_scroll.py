"""TextScroll: a scrolling column of text read with the keys of a pager (less, vim, jless)."""

from __future__ import annotations

from typing import ClassVar

from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll


class TextScroll(VerticalScroll, can_focus=True):
    """Text taller than its box, scrolled with the keys a reader of `less` expects.

    When the text fits, there is nothing to scroll: its keys go on to the widget's parents, so a
    TextScroll inside a pane leaves the pane's keys alone.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(keys, action, description, show=False)
        for keys, action, description in (
            ("down,j", "scroll_down", "Line down"),
            ("up,k", "scroll_up", "Line up"),
            ("pagedown,space", "page_down", "Page down"),
            ("pageup,b", "page_up", "Page up"),
            ("ctrl+d", "half_page(1)", "Half a page down"),
            ("ctrl+u", "half_page(-1)", "Half a page up"),
            ("home,g", "scroll_home", "Top"),
            ("end,G", "scroll_end", "Bottom"),
        )
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | down, j / up, k | Scroll a line down or up. |
    | pagedown, space / pageup, b | Scroll a page down or up. |
    | ctrl+d / ctrl+u | Scroll half a page down or up. |
    | home, g / end, G | Go to the top or the bottom. |
    """

    DEFAULT_CSS = """
    TextScroll {
        scrollbar-size-vertical: 1;
        scrollbar-background: $foreground 4%;
        scrollbar-background-hover: $foreground 4%;
        scrollbar-background-active: $foreground 4%;
        scrollbar-color: $foreground 20%;
        scrollbar-color-hover: $foreground 35%;
        scrollbar-color-active: $primary;
    }
    """

    def action_half_page(self, direction: int) -> None:
        """Scroll half a page down (1) or up (-1)."""
        if not self.allow_vertical_scroll:
            raise SkipAction()
        step = max(1, self.scrollable_content_region.height // 2)
        self.scroll_relative(y=direction * step, animate=False)

    def action_scroll_home(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_end(animate=False)
