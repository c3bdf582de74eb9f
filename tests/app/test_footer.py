"""The footer names the keys that apply where the focus is, and never one that would do nothing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from textual.widgets import Footer

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief

WaitUntil = Callable[[Pilot[None], Callable[[], object]], Awaitable[None]]


def footer(app: BriefingApp) -> list[str]:
    """The keys the footer offers on the screen on top, by their descriptions, in order (one per
    action, as the footer shows them)."""
    shown: dict[str, str] = {}
    for _, binding, enabled, _ in app.screen.active_bindings.values():
        if binding.show:
            assert enabled, binding  # offered means it works
            shown.setdefault(binding.action, binding.description)
    return list(shown.values())


async def test_a_list_offers_its_keys_then_the_readers(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(80, 24)) as pilot:
        assert footer(app) == ["Open", "Help", "Search", "Quit", "Export"]  # no back, no copy
        await pilot.press("2")
        await pilot.pause()
        assert footer(app) == ["Open", "Zoom", "Copy", "Help", "Search", "Quit", "Export"]
        await pilot.press("tab")  # the detail: its text
        await pilot.pause()
        assert footer(app)[:2] == ["Zoom", "Copy"] and "Open" not in footer(app)
        await pilot.press("shift+tab", "enter")  # the links
        await pilot.pause()
        assert footer(app)[0] == "Follow"
        await pilot.press("enter")  # a jump: back is offered now
        await pilot.pause()
        assert "Back" in footer(app)
        await pilot.press("z")
        await pilot.pause()
        assert footer(app)[0] == "Unzoom"


async def test_while_typing_a_search_it_offers_enter_tab_escape_and_f1(
    summit: Brief, wait_until: WaitUntil
) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "enter", "enter", "slash", *"port")  # with a place to go back to
        await wait_until(pilot, lambda: app.screen.search_result is not None)
        assert footer(app) == ["Open hit", "Results", "Close search", "Help"]
        keys = [b.key for _, b, _, _ in app.screen.active_bindings.values() if b.show]
        assert "f1" in keys and "question_mark" not in keys and "slash" not in keys
        await pilot.press("enter")
        await pilot.pause()
        assert "Clear" in footer(app)  # the search marks the panes: escape clears it


async def test_a_dialog_has_a_footer_of_its_own_keys(summit: Brief, wait_until: WaitUntil) -> None:
    from briefing_tui.screens.export_screen import ExportScreen

    app = BriefingApp(summit)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
        await wait_until(pilot, lambda: bool(app.screen.query(Footer)))
        assert footer(app)[:2] == ["Export", "Cancel"]
        assert "Quit" not in footer(app) and "Zoom" not in footer(app)
