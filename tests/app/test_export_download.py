"""In a browser (`briefing serve`) an export is a download of the file, never a file written on
the server; the dialog says so."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, Input

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief
from briefing_tui.screens.export_screen import ExportScreen
from tests.conftest import WaitUntil


class BrowserApp(BriefingApp):
    """The app as a browser runs it: downloads are recorded instead of delivered."""

    downloads: list[tuple[str, str]]

    @property
    def is_web(self) -> bool:
        return True

    def deliver_text(self, path_or_file: Any, **options: Any) -> str | None:
        assert isinstance(path_or_file, io.StringIO)
        self.downloads.append((options["save_filename"], path_or_file.getvalue()))
        return "key"


async def test_the_export_downloads_and_writes_nothing_on_the_server(
    summit: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wait_until: WaitUntil
) -> None:
    monkeypatch.chdir(tmp_path)
    app = BrowserApp(summit)
    app.downloads = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
        assert str(app.screen.query_one("#export", Button).label) == "Download"
        app.screen.query_one(Input).value = "summit notes.md"
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: bool(app.downloads))
    [(name, text)] = app.downloads
    assert name == "summit notes.md" and text.startswith("# ")
    assert list(tmp_path.iterdir()) == []
