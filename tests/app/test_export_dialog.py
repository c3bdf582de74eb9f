"""The export dialog (`e`): where it writes, what it writes, never a write by surprise."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, RadioButton

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief
from briefing_tui.screens.export_screen import ExportScreen, ReplaceScreen, export_target
from briefing_tui.search import SearchIndex

if TYPE_CHECKING:
    from conftest import Toasts


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder, where relative export paths go."""
    path = tmp_path / "work"
    path.mkdir()
    monkeypatch.chdir(path)
    return path


@pytest.fixture
def brief_file(folder: Path) -> Path:
    """Where the summit brief was read from (a name for the default path and for protection)."""
    path = folder / "harbour.yaml"
    path.write_text("the brief's own bytes", encoding="utf-8")
    return path


@pytest.fixture
async def dialog(summit: Brief, brief_file: Path) -> AsyncIterator[tuple[BriefingApp, Pilot[None]]]:
    """The app on the summit brief with the export dialog open over the Overview."""
    app = BriefingApp(summit, brief_path=brief_file)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        yield app, pilot


async def set_path(pilot: Pilot[None], text: str) -> None:
    pilot.app.screen.query_one(Input).value = text
    await pilot.pause()


async def export(pilot: Pilot[None]) -> None:
    """Press Enter and let the write finish."""
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_opens_with_the_brief_name_in_the_current_folder(
    dialog: tuple[BriefingApp, Pilot[None]], folder: Path
) -> None:
    app, _ = dialog
    assert app.screen.query_one(Input).value == "harbour.md"
    target = str(app.screen.query_one("#export-target").render())
    assert target == f"Writes {folder / 'harbour.md'}"


async def test_a_brief_without_a_file_exports_to_brief_md(summit: Brief, folder: Path) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "brief.md"
        await export(pilot)
        assert (folder / "brief.md").read_text(encoding="utf-8").startswith("# Harbour Cities")


async def test_escape_cancels_and_writes_nothing(
    dialog: tuple[BriefingApp, Pilot[None]], folder: Path, toasts: Toasts
) -> None:
    app, pilot = dialog
    await pilot.press("escape")
    await pilot.pause()
    assert not isinstance(app.screen, ExportScreen)
    assert sorted(path.name for path in folder.iterdir()) == ["harbour.yaml"]
    assert toasts(app) == []


async def test_enter_exports_the_whole_brief_and_names_the_file(
    dialog: tuple[BriefingApp, Pilot[None]], folder: Path, toasts: Toasts
) -> None:
    app, pilot = dialog
    await export(pilot)
    written = folder / "harbour.md"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Harbour Cities Summit 2024\n")
    assert "## Agreements" in text and "## Questions" in text and "Exported:" not in text
    assert await toasts.wait(pilot) == [(f"Exported 10 items to {written}", "information")]
    assert not isinstance(app.screen, ExportScreen)


async def test_current_pane_exports_only_that_section(
    summit: Brief, folder: Path, toasts: Toasts
) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("3", "e")
        await pilot.pause()
        pane = app.screen.query_one("#pane", RadioButton)
        assert str(pane.label) == "This pane, Quotes: 3 items"
        await pilot.click(pane)
        await pilot.click("#export")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        text = (folder / "brief.md").read_text(encoding="utf-8")
        assert "Exported: Quotes only" in text
        assert "## Quotes" in text and "## Agreements" not in text
        assert await toasts.wait(pilot) == [
            (f"Exported 3 items to {folder / 'brief.md'}", "information")
        ]


async def test_arrow_and_enter_on_the_choices_export_the_highlighted_one(
    summit: Brief, folder: Path
) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("5", "e")
        await pilot.pause()
        await pilot.press("tab", "down")
        await export(pilot)
        text = (folder / "brief.md").read_text(encoding="utf-8")
        assert "Exported: Questions only" in text


async def test_enter_on_the_choices_keeps_the_pressed_one_when_it_is_highlighted(
    summit: Brief, folder: Path
) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "e")
        await pilot.pause()
        await pilot.press("tab")  # the highlight starts on the pressed option: the whole brief
        await export(pilot)
        text = (folder / "brief.md").read_text(encoding="utf-8")
        assert "## Agreements" in text and "Exported:" not in text
        assert not isinstance(app.screen, ExportScreen)


async def test_current_pane_is_disabled_on_the_overview(
    dialog: tuple[BriefingApp, Pilot[None]],
) -> None:
    app, _ = dialog
    pane = app.screen.query_one("#pane", RadioButton)
    assert pane.disabled
    assert str(pane.label) == "This pane: the Overview holds no items"


async def test_search_results_are_disabled_without_a_search(
    dialog: tuple[BriefingApp, Pilot[None]],
) -> None:
    app, pilot = dialog
    option = app.screen.query_one("#search", RadioButton)
    assert option.disabled
    assert str(option.label) == "The search results: no search is active (press / to search)"
    await pilot.click(option)
    await pilot.pause()
    assert not option.value


async def test_search_results_export_only_the_hits(summit: Brief, folder: Path) -> None:
    app = BriefingApp(summit)
    result = SearchIndex(summit).search("shore power")
    assert 0 < len(result) < 10
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.screen.search_result = result  # type: ignore[attr-defined]
        await pilot.press("e")
        await pilot.pause()
        option = app.screen.query_one("#search", RadioButton)
        assert not option.disabled
        items = f"{len(result)} item{'s' if len(result) > 1 else ''}"
        assert str(option.label) == f"The search results for “shore power”: {items}"
        await pilot.click(option)
        await export(pilot)
        text = (folder / "brief.md").read_text(encoding="utf-8")
        assert f"Exported: {items.replace('item', 'selected item')} of 10" in text
        assert "Shore power at every cruise berth" in text


async def test_existing_file_asks_and_cancel_keeps_it(
    dialog: tuple[BriefingApp, Pilot[None]], folder: Path, toasts: Toasts
) -> None:
    app, pilot = dialog
    existing = folder / "harbour.md"
    existing.write_bytes(b"mine\r\n")
    await export(pilot)
    assert isinstance(app.screen, ReplaceScreen)
    question = str(app.screen.query_one("#replace-question").render())
    assert question == "harbour.md exists — replace it?"
    await pilot.press("enter")  # the focus starts on Cancel
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    assert existing.read_bytes() == b"mine\r\n"
    await export(pilot)
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    assert existing.read_bytes() == b"mine\r\n"
    assert toasts(app) == []


async def test_replace_replaces(
    dialog: tuple[BriefingApp, Pilot[None]], folder: Path, toasts: Toasts
) -> None:
    app, pilot = dialog
    existing = folder / "harbour.md"
    existing.write_text("old", encoding="utf-8")
    await export(pilot)
    await pilot.click("#replace")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert existing.read_text(encoding="utf-8").startswith("# Harbour Cities Summit 2024")
    assert await toasts.wait(pilot) == [(f"Exported 10 items to {existing}", "information")]
    assert not isinstance(app.screen, (ExportScreen, ReplaceScreen))


async def test_the_brief_itself_is_refused(
    dialog: tuple[BriefingApp, Pilot[None]], brief_file: Path, toasts: Toasts
) -> None:
    app, pilot = dialog
    await set_path(pilot, "./harbour.yaml")
    await export(pilot)
    message = f"{brief_file}: refused: it is the brief itself"
    assert await toasts.wait(pilot) == [(message, "error")]
    assert isinstance(app.screen, ExportScreen)
    assert brief_file.read_text(encoding="utf-8") == "the brief's own bytes"


async def test_a_missing_folder_is_reported_and_the_dialog_stays(
    dialog: tuple[BriefingApp, Pilot[None]], folder: Path, toasts: Toasts
) -> None:
    app, pilot = dialog
    await set_path(pilot, "nowhere/out.md")
    await export(pilot)
    message = f"{folder / 'nowhere' / 'out.md'}: the folder does not exist"
    assert await toasts.wait(pilot) == [(message, "error")]
    assert isinstance(app.screen, ExportScreen)
    assert str(app.screen.query_one("#export-target").render()) == message
    # Fixing the path then works.
    await set_path(pilot, "out.md")
    await export(pilot)
    assert (folder / "out.md").exists()


async def test_a_path_naming_a_folder(
    dialog: tuple[BriefingApp, Pilot[None]], folder: Path, toasts: Toasts
) -> None:
    app, pilot = dialog
    (folder / "reports").mkdir()
    await set_path(pilot, "reports")
    await export(pilot)
    assert await toasts.wait(pilot) == [(f"{folder / 'reports'}: it is a folder", "error")]
    await set_path(pilot, "reports/")
    assert app.screen.query_one("#export", Button).disabled
    assert "add a file name" in str(app.screen.query_one("#export-target").render())


async def test_empty_path_disables_export(
    dialog: tuple[BriefingApp, Pilot[None]], folder: Path
) -> None:
    app, pilot = dialog
    await set_path(pilot, "  ")
    assert app.screen.query_one("#export", Button).disabled
    assert str(app.screen.query_one("#export-target").render()) == "Type a file name to export to."
    await export(pilot)
    assert isinstance(app.screen, ExportScreen)
    assert sorted(path.name for path in folder.iterdir()) == ["harbour.yaml"]


async def test_markup_in_a_path_is_shown_as_typed(
    dialog: tuple[BriefingApp, Pilot[None]], folder: Path, toasts: Toasts
) -> None:
    app, pilot = dialog
    await set_path(pilot, "[bold]x[@click=app.quit].md")
    assert str(app.screen.query_one("#export-target").render()) == (
        f"Writes {folder / '[bold]x[@click=app.quit].md'}"
    )
    await export(pilot)
    assert (folder / "[bold]x[@click=app.quit].md").exists()
    assert await toasts.wait(pilot) == [
        (f"Exported 10 items to {folder / '[bold]x[@click=app.quit].md'}", "information")
    ]


def test_export_target_expands_home_and_keeps_absolute_paths(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert export_target("~/out.md", Path("/elsewhere")) == tmp_path / "out.md"
    assert export_target("/abs/out.md", Path("/elsewhere")) == Path("/abs/out.md")
    assert export_target("sub/out.md", Path("/elsewhere")) == Path("/elsewhere/sub/out.md")
