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
from briefing_tui.screens.export_screen import ExportScreen
from briefing_tui.screens.replace_screen import ReplaceScreen
from briefing_tui.search import SearchIndex
from briefing_tui.widgets.path_line import PathLine

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
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        yield app, pilot


async def set_path(pilot: Pilot[None], text: str) -> None:
    """Type `text` as the path and let the dialog look at it."""
    pilot.app.screen.query_one(Input).value = text
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def said(app: BriefingApp) -> str:
    """What the line under the path says, path whole."""
    return app.screen.query_one("#export-target", PathLine).message


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
    assert said(app) == f"Writes {folder / 'harbour.md'}"


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
        exported = f"Exported: {items.replace('item', 'selected item')} of 10"
        assert f"{exported}, found by the search “shore power”" in text
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


async def test_the_brief_itself_is_refused_as_it_is_typed(
    dialog: tuple[BriefingApp, Pilot[None]], brief_file: Path, toasts: Toasts
) -> None:
    app, pilot = dialog
    await set_path(pilot, "./harbour.yaml")
    assert said(app) == f"Refused: it is the brief itself: {brief_file}"
    assert app.screen.query_one("#export", Button).disabled
    await export(pilot)
    assert isinstance(app.screen, ExportScreen)
    assert brief_file.read_text(encoding="utf-8") == "the brief's own bytes"
    assert toasts(app) == []


async def test_a_missing_folder_is_said_as_it_is_typed_and_the_dialog_stays(
    dialog: tuple[BriefingApp, Pilot[None]], folder: Path
) -> None:
    app, pilot = dialog
    await set_path(pilot, "nowhere/out.md")
    assert said(app) == f"No such folder: {folder / 'nowhere' / 'out.md'}"
    assert app.screen.query_one("#export", Button).disabled
    await export(pilot)
    assert isinstance(app.screen, ExportScreen)
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
    assert said(app) == f"That is a folder: add a file name: {folder / 'reports'}"
    assert app.screen.query_one("#export", Button).disabled
    await set_path(pilot, "reports/")
    assert app.screen.query_one("#export", Button).disabled
    assert "add a file name" in said(app)
    assert toasts(app) == []


async def test_empty_path_disables_export(
    dialog: tuple[BriefingApp, Pilot[None]], folder: Path
) -> None:
    app, pilot = dialog
    await set_path(pilot, "  ")
    assert app.screen.query_one("#export", Button).disabled
    assert said(app) == "Type a file name to export to."
    await export(pilot)
    assert isinstance(app.screen, ExportScreen)
    assert sorted(path.name for path in folder.iterdir()) == ["harbour.yaml"]


async def test_markup_in_a_path_is_shown_as_typed(
    dialog: tuple[BriefingApp, Pilot[None]], folder: Path, toasts: Toasts
) -> None:
    app, pilot = dialog
    await set_path(pilot, "[bold]x[@click=app.quit].md")
    assert said(app) == f"Writes {folder / '[bold]x[@click=app.quit].md'}"
    await export(pilot)
    assert (folder / "[bold]x[@click=app.quit].md").exists()
    assert await toasts.wait(pilot) == [
        (f"Exported 10 items to {folder / '[bold]x[@click=app.quit].md'}", "information")
    ]


async def test_an_existing_file_is_said_to_be_replaced_as_it_is_typed(
    dialog: tuple[BriefingApp, Pilot[None]], folder: Path
) -> None:
    app, pilot = dialog
    (folder / "old.md").write_text("mine", encoding="utf-8")
    await set_path(pilot, "old.md")
    line = app.screen.query_one("#export-target", PathLine)
    assert said(app) == f"Replaces an existing file: {folder / 'old.md'}"
    assert line.has_class("-warning")
    assert not app.screen.query_one("#export", Button).disabled  # it asks first
    await set_path(pilot, "new.md")
    assert said(app) == f"Writes {folder / 'new.md'}" and not line.has_class("-warning")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc on this system")
async def test_a_folder_that_takes_no_files_is_never_said_not_to_exist(
    dialog: tuple[BriefingApp, Pilot[None]], toasts: Toasts
) -> None:
    app, pilot = dialog
    await set_path(pilot, "/proc/x.md")
    await export(pilot)  # as root the folder looks writable: the write says why it fails
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    assert "does not exist" not in said(app) and "/proc/x.md" in said(app)
    assert app.screen.query_one("#export-target", PathLine).has_class("-error")
    assert all("does not exist" not in message for message, _ in toasts(app))


async def test_a_failure_says_its_reason_first_and_shortens_the_path_in_the_middle(
    dialog: tuple[BriefingApp, Pilot[None]],
) -> None:
    app, pilot = dialog
    line = app.screen.query_one("#export-target", PathLine)
    path = Path("/home/analyst/" + "deeply/nested/" * 6 + "eu-japan-summit-2023.yaml")
    line.say("Refused: it is the brief itself", path, tone="error")
    await pilot.pause()
    shown = str(line.render())
    assert shown.startswith("Refused: it is the brief itself: /home/")
    assert shown.endswith("eu-japan-summit-2023.yaml") and "…" in shown
    assert len(shown) <= line.content_region.width
    assert line.message == f"Refused: it is the brief itself: {path}"


async def test_choices_that_cannot_be_taken_are_dimmed(
    dialog: tuple[BriefingApp, Pilot[None]],
) -> None:
    app, _ = dialog
    taken = app.screen.query_one("#brief", RadioButton)
    untaken = app.screen.query_one("#search", RadioButton)
    background = app.screen.query_one("#export-dialog").styles.background

    def contrast(option: RadioButton) -> float:
        return abs(option.rich_style.color.triplet.red - background.r)  # type: ignore[union-attr]

    assert contrast(untaken) < contrast(taken) * 0.7
