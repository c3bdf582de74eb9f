"""What the library looks like: tests/data/library (the summit, the harbour talks and a broken
file) listed, searched, and its people; at 80x24 and 120x40, in the dark and the light theme."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from briefing_tui.app import BriefingApp
from briefing_tui.library import open_library
from briefing_tui.screens.library_screen import LibraryScreen
from tests.conftest import ROOT, wait_until

SIZES = [(80, 24), (120, 40)]
EACH_THEME = pytest.mark.parametrize(
    "theme", ["textual-dark", "textual-light"], ids=["dark", "light"]
)
EACH_SIZE = pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])


@pytest.fixture
def library_app(monkeypatch: pytest.MonkeyPatch) -> BriefingApp:
    """The app on tests/data/library, named as a relative path (the same on every machine)."""
    monkeypatch.chdir(ROOT)
    return BriefingApp(None, library=open_library(["tests/data/library"]))


@EACH_THEME
@EACH_SIZE
def test_library(
    snap_compare: Any, library_app: BriefingApp, size: tuple[int, int], theme: str
) -> None:
    """Newest first, with dates, locations and counts; the broken file with its first error."""
    library_app.theme = theme
    assert snap_compare(library_app, terminal_size=size)


@EACH_THEME
@EACH_SIZE
def test_people(
    snap_compare: Any, library_app: BriefingApp, size: tuple[int, int], theme: str
) -> None:
    """Everyone, by name; the one in both briefs: what she said in each, newest brief first."""
    library_app.theme = theme
    assert snap_compare(library_app, press=["p", "G"], terminal_size=size)


@EACH_SIZE
def test_library_search(snap_compare: Any, library_app: BriefingApp, size: tuple[int, int]) -> None:
    """sanctions: the titles and summaries that match, then hits by brief, then section."""

    async def search(pilot: Pilot[None]) -> None:
        await pilot.press("slash", *"sanctions")
        screen = pilot.app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: screen.found is not None)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(library_app, run_before=search, terminal_size=size)
