"""What every screen looks like: each pane, the help, the search results and the export
dialog, at 60x18, 80x24, 120x40 and 200x60, in the dark and the light theme."""

from __future__ import annotations

from typing import Any

import pytest

from briefing_tui.app import BriefingApp

SCENES: dict[str, list[str]] = {
    "overview": ["1"],
    "agreements": ["2", "j"],
    "quotes": ["3", "j"],
    "analysis": ["4", "j"],
    "questions": ["5", "j"],
    "help": ["question_mark"],
    "search": ["slash", *"port"],
    "export": ["2", "e"],
}
"""Each screen, and the keys that bring it up from the start."""

SIZES = [(60, 18), (80, 24), (120, 40), (200, 60)]
THEMES = ["textual-dark", "textual-light"]


@pytest.fixture
def root_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The current folder is /, so the export dialog shows the same path on every machine."""
    monkeypatch.chdir("/")


@pytest.mark.parametrize("theme", THEMES, ids=["dark", "light"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("scene", list(SCENES))
def test_screen(
    snap_compare: Any,
    summit_app: BriefingApp,
    root_folder: None,
    scene: str,
    size: tuple[int, int],
    theme: str,
) -> None:
    summit_app.theme = theme
    assert snap_compare(summit_app, press=SCENES[scene], terminal_size=size)


def test_followed_related_item(snap_compare: Any, summit_app: BriefingApp) -> None:
    assert snap_compare(summit_app, press=["2", "enter", "enter"], terminal_size=(100, 30))
