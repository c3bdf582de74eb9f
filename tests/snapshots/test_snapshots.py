"""What each pane looks like at 80x24 and 120x40, in the dark and the light theme."""

from __future__ import annotations

from typing import Any

import pytest

from briefing_tui.app import BriefingApp

PANE_KEYS = {"overview": "1", "agreements": "2", "quotes": "3", "analysis": "4", "questions": "5"}


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("pane", list(PANE_KEYS))
def test_pane(
    snap_compare: Any, summit_app: BriefingApp, pane: str, size: tuple[int, int], theme: str
) -> None:
    summit_app.theme = theme
    assert snap_compare(summit_app, press=[PANE_KEYS[pane], "j"], terminal_size=size)


def test_help_screen(snap_compare: Any, summit_app: BriefingApp) -> None:
    assert snap_compare(summit_app, press=["question_mark"], terminal_size=(80, 40))


def test_followed_related_item(snap_compare: Any, summit_app: BriefingApp) -> None:
    assert snap_compare(summit_app, press=["2", "enter", "enter"], terminal_size=(100, 30))
