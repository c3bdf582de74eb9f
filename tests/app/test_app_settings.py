"""The theme: switched from the palette, remembered in the settings file between runs."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief
from briefing_tui.settings import Settings, load_settings, save_settings, settings_path

RunCommand = Callable[..., Awaitable[None]]


async def pick_theme(pilot: Pilot[None], run_command: RunCommand, theme: str) -> None:
    """Pick `theme` in Textual's theme picker, the palette's one way to a theme."""
    from textual.command import CommandList

    await run_command(pilot, "theme", expect="Theme")
    await pilot.press(*theme)
    for _ in range(500):  # until the picker offers the theme (at most 5 s)
        lists = pilot.app.screen.query(CommandList)
        if lists and lists.first().option_count == 1:
            break
        await pilot.pause(0.01)
    await pilot.press("enter")
    await pilot.pause()


def test_settings_path_honours_the_config_dir_override(config_dir: Path) -> None:
    assert settings_path() == config_dir / "settings.json"


def test_missing_or_corrupt_settings_give_the_defaults(config_dir: Path) -> None:
    assert load_settings() == Settings()
    config_dir.mkdir()
    for text in ["{not json", "[1, 2]", '{"theme": 3}', "\xff"]:
        (config_dir / "settings.json").write_text(text)
        assert load_settings() == Settings(theme="textual-dark")
    (config_dir / "settings.json").write_bytes(b"\xff\xfe")
    assert load_settings() == Settings()


def test_save_then_load_round_trips_and_leaves_no_temp_file(config_dir: Path) -> None:
    save_settings(Settings(theme="textual-light"))
    assert load_settings() == Settings(theme="textual-light")
    assert [p.name for p in config_dir.iterdir()] == ["settings.json"]


async def test_theme_switched_in_the_palette_is_saved_and_used_next_run(
    summit: Brief, config_dir: Path, run_command: RunCommand
) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == "textual-dark"
        await pick_theme(pilot, run_command, "textual-light")
        assert app.theme == "textual-light"
    saved = json.loads((config_dir / "settings.json").read_text())
    assert saved == {"theme": "textual-light"}
    again = BriefingApp(summit)
    async with again.run_test(size=(100, 30)):
        assert again.theme == "textual-light"


async def test_an_unknown_saved_theme_falls_back_to_dark(summit: Brief) -> None:
    save_settings(Settings(theme="no-such-theme"))
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 30)):
        assert app.theme == "textual-dark"


def list_colours(app: BriefingApp) -> list[list[tuple[str, str, str]]]:
    """The Agreements list as drawn: each line's segments as (text, colour, background)."""
    item_list = app.screen.query_one("#agreements-pane ItemList")
    height = item_list.scrollable_content_region.height
    return [
        [(seg.text, str(seg.style.color), str(seg.style.bgcolor)) for seg in strip if seg.style]
        for strip in map(item_list.render_line, range(height))
    ]


async def test_a_theme_switch_redraws_every_row_in_the_new_colours(
    summit: Brief, run_command: RunCommand
) -> None:
    switched = BriefingApp(summit)
    async with switched.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "j", "j", "k")
        await pilot.pause()
        dark = list_colours(switched)
        await pick_theme(pilot, run_command, "textual-light")
        assert switched.theme == "textual-light"
        after = list_colours(switched)
    started_light = BriefingApp(summit)  # the switch was saved: this one starts light
    async with started_light.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "j", "j", "k")
        await pilot.pause()
        light = list_colours(started_light)
    assert light != dark
    assert after == light


def test_a_saved_split_is_read_back_and_a_strange_one_ignored(config_dir: Path) -> None:
    save_settings(Settings(split=55))
    assert load_settings() == Settings(split=55)
    for text in ['{"split": "55"}', '{"split": 3}', '{"split": 55.5}', '{"split": true}']:
        (config_dir / "settings.json").write_text(text)
        assert load_settings().split is None, text
