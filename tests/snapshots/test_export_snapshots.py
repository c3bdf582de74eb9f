"""The export dialog with its choices focused, and its replace question (the dialog on a pane
is in test_snapshots.py, at every size and in both themes)."""

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
