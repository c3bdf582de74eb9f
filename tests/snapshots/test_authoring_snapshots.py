"""What the author sees: the Source pane with its quoted passages lit, and the banner over the
last good version when a save breaks the brief; at 80x24, in both themes."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from briefing_tui.app import BriefingApp
from briefing_tui.filestate import FileState
from briefing_tui.loader import load_brief
from briefing_tui.widgets.reload_banner import ReloadBanner

EXAMPLE = Path(__file__).resolve().parents[2] / "briefs" / "example-river-summit.yaml"
EACH_THEME = pytest.mark.parametrize(
    "theme", ["textual-dark", "textual-light"], ids=["dark", "light"]
)


@pytest.fixture
def example_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BriefingApp:
    """The reader on a copy of the example brief, opened by a relative path (as typed)."""
    shutil.copy(EXAMPLE, tmp_path / "brief.yaml")
    shutil.copy(EXAMPLE.with_suffix(".txt"), tmp_path)
    monkeypatch.chdir(tmp_path)
    baseline = FileState.of("brief.yaml")  # as the reader takes it: before the brief is loaded
    return BriefingApp(load_brief("brief.yaml"), brief_path=Path("brief.yaml"), baseline=baseline)


@EACH_THEME
def test_source_pane(snap_compare: Any, example_app: BriefingApp, theme: str) -> None:
    """s on the second quote: the article at its passage, under the cursor; others lit."""
    example_app.theme = theme
    assert snap_compare(example_app, press=["3", "j", "s"], terminal_size=(80, 24))


@EACH_THEME
def test_reload_banner(snap_compare: Any, example_app: BriefingApp, theme: str) -> None:
    """A save that breaks an id: the last good version stays, the banner says why."""
    example_app.theme = theme

    async def break_the_brief(pilot: Pilot[None]) -> None:
        path = Path("brief.yaml")
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("id: flood-warnings", "id: Flood Warnings"), "utf-8")
        banner = pilot.app.screen.query_one(ReloadBanner)
        for _ in range(500):
            if banner.message:
                break
            await pilot.pause(0.01)
        else:
            pytest.fail("no banner")

    assert snap_compare(
        example_app, run_before=break_the_brief, press=["2", "j"], terminal_size=(80, 24)
    )
