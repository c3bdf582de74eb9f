"""Every jump is a history entry: a followed link, a search hit, n and N, a palette jump, a person.
Back returns to the exact item, the detail scrolled where it was."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief
from briefing_tui.widgets.item_list import ItemList
from briefing_tui.widgets.section_pane import SectionPane

WaitUntil = Callable[[Pilot[None], Callable[[], object]], Awaitable[None]]
RunCommand = Callable[..., Awaitable[None]]


def pane(app: BriefingApp, section: str) -> SectionPane:
    return app.screen.query_one(f"#{section}-pane", SectionPane)


def place(app: BriefingApp) -> tuple[str, int | None]:
    active = app.screen.active_pane
    return active, pane(app, active).index if active != "overview" else None


async def search(pilot: Pilot[None], query: str, wait_until: WaitUntil) -> None:
    app = pilot.app
    await pilot.press("slash", *query)
    await wait_until(pilot, lambda: app.screen.search_result is not None)
    await pilot.press("enter")
    await pilot.pause()


async def test_back_after_a_search_hit_returns_to_the_item_read_before(
    bundled_summit: Brief, wait_until: WaitUntil
) -> None:
    app = BriefingApp(bundled_summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "j", "j")
        await search(pilot, "hydrogen", wait_until)
        assert place(app) == ("agreements", 10)
        await pilot.press("backspace")
        await pilot.pause()
        assert place(app) == ("quotes", 3)
        assert isinstance(app.focused, ItemList) and app.focused.index == 3
        await pilot.press("alt+right")
        await pilot.pause()
        assert place(app) == ("agreements", 10)


async def test_n_and_N_are_jumps_back_undoes_one_at_a_time(
    bundled_summit: Brief, wait_until: WaitUntil
) -> None:
    app = BriefingApp(bundled_summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await search(pilot, "hydrogen", wait_until)
        first = place(app)
        await pilot.press("n")
        await pilot.pause()
        second = place(app)
        assert second != first
        await pilot.press("N", "N")
        await pilot.pause()
        await pilot.press("backspace")
        await pilot.pause()
        assert place(app) == first
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert place(app) == first  # before n came the hit, before that Agreement 1
        await pilot.press("backspace")
        await pilot.pause()
        assert place(app) == ("agreements", 0)


async def test_back_restores_how_far_the_detail_was_scrolled(
    bundled_summit: Brief, run_command: RunCommand, wait_until: WaitUntil
) -> None:
    app = BriefingApp(bundled_summit)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "j", "tab")
        detail = pane(app, "agreements").detail
        await wait_until(pilot, lambda: detail.max_scroll_y >= 3)
        await pilot.press("down", "down", "down")
        await wait_until(pilot, lambda: detail.scroll_y == 3)
        await run_command(pilot, "green alliance cooperation", expect="Green Alliance")
        assert place(app) == ("agreements", 10)
        await wait_until(pilot, lambda: detail.scroll_y == 0)
        await pilot.press("backspace")
        await wait_until(pilot, lambda: place(app) == ("agreements", 1))
        await wait_until(pilot, lambda: detail.scroll_y == 3)
