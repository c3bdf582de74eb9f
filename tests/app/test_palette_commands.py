"""The palette holds the app's commands and those of Textual's that work here: one way to a
theme, the help for "Keys", a screenshot saved where it can be."""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.command import CommandList
from textual.pilot import Pilot

from briefing_tui.app import BriefingApp
from briefing_tui.loader import load_brief
from briefing_tui.model import Brief
from briefing_tui.resources import SUMMIT_BRIEF, bundled
from briefing_tui.screens.help_screen import HelpScreen

if TYPE_CHECKING:
    from conftest import Toasts

RunCommand = Callable[..., Awaitable[None]]
WaitUntil = Callable[[Pilot[None], Callable[[], object]], Awaitable[None]]


SMALL_SUMMIT = Path(__file__).resolve().parent / "data" / "summit.yaml"


def offered(app: BriefingApp) -> list[str]:
    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_one_way_to_a_theme(summit: Brief, wait_until: WaitUntil) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"theme")
        await wait_until(pilot, lambda: bool(app.screen.query(CommandList)) and offered(app))
        await pilot.pause(0.3)
        themes = [prompt for prompt in offered(app) if "theme" in prompt.lower()]
        assert [prompt.splitlines()[0] for prompt in themes] == ["Theme"]


async def test_keys_opens_the_help(summit: Brief, run_command: RunCommand) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 30)) as pilot:
        await run_command(pilot, "keys", expect="Keys")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert not app.screen.query("HelpPanel") and not app.screen_stack[0].query("HelpPanel")


async def test_a_screenshot_is_saved_next_to_the_brief_and_said_where(
    tmp_path: Path, run_command: RunCommand, toasts: Toasts, wait_until: WaitUntil
) -> None:
    path = tmp_path / "harbour.yaml"
    shutil.copy(SMALL_SUMMIT, path)
    app = BriefingApp(load_brief(path), brief_path=path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await run_command(pilot, "screenshot", expect="Screenshot")
        await wait_until(pilot, lambda: list(tmp_path.glob("harbour-*.svg")))
        [saved] = tmp_path.glob("harbour-*.svg")
        assert saved.read_text(encoding="utf-8").startswith("<svg")
        messages = [message for message, _ in await toasts.wait(pilot)]
        assert f"Screenshot saved: {saved}" in messages


async def test_a_screenshot_of_the_bundled_brief_goes_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_command: RunCommand, wait_until: WaitUntil
) -> None:
    monkeypatch.chdir(tmp_path)
    path = bundled("briefs") / SUMMIT_BRIEF
    app = BriefingApp(load_brief(path), brief_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await run_command(pilot, "screenshot", expect="Screenshot")
        await wait_until(pilot, lambda: list(tmp_path.glob("eu-japan-summit-2023-*.svg")))
