"""F1 is not a printable key: it opens the help from anywhere, the search bar and the dialogs
included; from the search bar, at the query syntax."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from textual.widgets import Input

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief
from briefing_tui.screens.help_screen import QUERY_HELP_TITLE, HelpScreen
from briefing_tui.widgets.key_table import KeyTable
from briefing_tui.widgets.text_scroll import TextScroll

WaitUntil = Callable[[Pilot[None], Callable[[], object]], Awaitable[None]]


async def test_f1_in_the_search_bar_opens_the_help_and_types_nothing(
    summit: Brief, wait_until: WaitUntil
) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", "p", "o", "r", "t", "f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, HelpScreen))
        assert isinstance(app.focused, Input) and app.focused.value == "port"


async def test_f1_in_the_search_bar_opens_the_help_at_the_query_syntax(
    summit: Brief, wait_until: WaitUntil
) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press("slash", "f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        scroll = app.screen.query_one(TextScroll)
        title = app.screen.query_one(KeyTable).group_line(QUERY_HELP_TITLE)
        assert title is not None and title > scroll.scrollable_content_region.height
        assert scroll.scroll_y <= title < scroll.scroll_y + scroll.scrollable_content_region.height


async def test_f1_in_the_export_dialog_opens_the_help_over_it(
    summit: Brief, wait_until: WaitUntil
) -> None:
    from briefing_tui.screens.export_screen import ExportScreen

    app = BriefingApp(summit)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
        assert isinstance(app.focused, Input)
        value = app.focused.value
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("f1")  # closes the help, back in the dialog
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
        assert isinstance(app.focused, Input) and app.focused.value == value


async def test_f1_in_the_command_palette_opens_the_help(
    summit: Brief, wait_until: WaitUntil
) -> None:
    from textual.command import CommandPalette

    app = BriefingApp(summit)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
