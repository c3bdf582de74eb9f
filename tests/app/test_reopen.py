"""The reader reopens a brief where it was left: its pane and item, kept per brief file."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing_tui.app import BriefingApp
from briefing_tui.loader import load_brief
from briefing_tui.widgets.item_list import ItemList
from briefing_tui.widgets.overview_pane import OverviewPane
from briefing_tui.widgets.section_pane import SectionPane

SMALL_SUMMIT = Path(__file__).resolve().parent / "data" / "summit.yaml"


def copy_of_summit(tmp_path: Path) -> Path:
    path = tmp_path / "summit.yaml"
    shutil.copy(SMALL_SUMMIT, path)
    return path


async def read(path: Path, *keys: str) -> BriefingApp:
    """Open the brief at `path`, press `keys`, and quit with q."""
    app = BriefingApp(load_brief(path), brief_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    return app


async def test_a_brief_reopens_on_the_item_it_was_left_at(tmp_path: Path) -> None:
    path = copy_of_summit(tmp_path)
    await read(path, "3", "j", "j")
    app = BriefingApp(load_brief(path), brief_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.active_pane == "quotes"
        assert app.screen.query_one("#quotes-pane", SectionPane).index == 2
        assert isinstance(app.focused, ItemList)
        await pilot.press("1", "2")  # and reads on from there as ever
        await pilot.pause()
        assert app.screen.active_pane == "agreements"


async def test_another_brief_keeps_its_own_place(tmp_path: Path) -> None:
    first = copy_of_summit(tmp_path)
    other = tmp_path / "other.yaml"
    shutil.copy(SMALL_SUMMIT, other)
    await read(first, "4", "j")
    await read(other, "down", "down")  # the Overview, its third person
    app = BriefingApp(load_brief(other), brief_path=other)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.active_pane == "overview"
        assert app.screen.query_one(OverviewPane).person_index == 2
    app = BriefingApp(load_brief(first), brief_path=first)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.active_pane == "analysis"


async def test_a_brief_whose_item_is_gone_opens_at_its_pane(tmp_path: Path) -> None:
    path = copy_of_summit(tmp_path)
    await read(path, "2", "j", "j")  # "Exchange of harbour pilots in training"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: training")
    path.write_text(text[:start] + text[text.index("quotes:") :], encoding="utf-8")
    app = BriefingApp(load_brief(path), brief_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.active_pane == "agreements"
        assert app.screen.query_one("#agreements-pane", SectionPane).index == 0


async def test_a_corrupt_places_file_opens_the_overview(tmp_path: Path, config_dir: Path) -> None:
    path = copy_of_summit(tmp_path)
    config_dir.mkdir()
    (config_dir / "places.json").write_text('{"' + str(path) + '": {"pane": 7}', "utf-8")
    app = BriefingApp(load_brief(path), brief_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.active_pane == "overview"
