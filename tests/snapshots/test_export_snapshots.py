"""What the export dialog and its replace question look like."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing_tui.app import BriefingApp
from briefing_tui.screens.replace_screen import ReplaceScreen


@pytest.fixture(autouse=True)
def root_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The current folder is /, so the dialog shows the same target path on every machine."""
    monkeypatch.chdir("/")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_export_dialog_on_a_section_pane(
    snap_compare: Any, summit_app: BriefingApp, size: tuple[int, int]
) -> None:
    assert snap_compare(summit_app, press=["2", "e"], terminal_size=size)


def test_export_dialog_on_the_overview_choices_focused(
    snap_compare: Any, summit_app: BriefingApp
) -> None:
    assert snap_compare(summit_app, press=["e", "tab"], terminal_size=(100, 30))


def test_replace_question(snap_compare: Any, summit_app: BriefingApp) -> None:
    async def ask(pilot: Any) -> None:
        await pilot.press("e")
        await pilot.pause()
        await pilot.app.push_screen(ReplaceScreen(Path("/reports/brief.md")))
        await pilot.pause()

    assert snap_compare(summit_app, run_before=ask, terminal_size=(80, 24))
