"""The lists with a cursor (items, search results) repaint only the rows a move changes, and
those rows are the right ones however far the list is scrolled."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.geometry import Region
from textual.pilot import Pilot

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief
from briefing_tui.widgets.cursor_list import CursorList
from briefing_tui.widgets.search_results import SearchResults
from briefing_tui.widgets.section_pane import SectionPane

WaitUntil = Callable[[Pilot[None], Callable[[], object]], Awaitable[None]]


def lit_lines(cursor_list: CursorList) -> list[str]:
    """The lines on screen drawn in the cursor's colour (as the screen has them: only lines a
    refresh marked are drawn again)."""
    cursor = cursor_list.get_visual_style(cursor_list.CURSOR_CLASS).rich_style.bgcolor
    strips = cursor_list.render_lines(Region(0, 0, *cursor_list.size))
    return [
        strip.text.strip("│ ▁▂▃▄▅▆▇█▔▕▏▎▍▌▋▊▉")  # the border and the scrollbar
        for strip in strips
        if any(segment.style and segment.style.bgcolor == cursor for segment in strip)
    ]


async def test_moving_in_a_scrolled_item_list_lights_one_row(
    big_brief: Callable[[int], Brief],
) -> None:
    app = BriefingApp(big_brief(500))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "pagedown", "pagedown", "pagedown", "j", "j", "k")
        await pilot.pause()
        item_list = app.screen.query_one("#agreements-pane ItemList", CursorList)
        assert item_list.scroll_offset.y > 0
        assert lit_lines(item_list) == [f"Agreement number {item_list.cursor}"]
        await pilot.press("G", "k")
        await pilot.pause()
        assert lit_lines(item_list) == ["Agreement number 498"]


async def test_moving_in_scrolled_search_results_lights_one_hit(
    big_brief: Callable[[int], Brief], wait_until: WaitUntil
) -> None:
    app = BriefingApp(big_brief(300))
    async with app.run_test(size=(150, 30)) as pilot:
        await pilot.press("slash", *"number 1", "tab")
        results = app.screen.query_one(SearchResults)
        await wait_until(pilot, lambda: app.focused is results)
        await pilot.press("pagedown", "pagedown", "down", "down", "up")
        await pilot.pause()
        assert results.scroll_offset.y > 0
        assert results.result is not None
        index = results.result.hits[results.cursor].ref.index
        assert lit_lines(results) == [f"Agreement number {index}  summary: Summary {index}."]


async def test_the_detail_follows_where_a_run_of_keys_stops(
    big_brief: Callable[[int], Brief], wait_until: WaitUntil
) -> None:
    app = BriefingApp(big_brief(500))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", *"j" * 30, "k")  # j held down, then one back
        pane = app.screen.query_one("#agreements-pane", SectionPane)
        await wait_until(pilot, lambda: pane.detail.border_title == "Agreement 30 of 500")
        body = str(pane.detail.query_one("#detail-body").render())
        assert body.startswith("Agreement number 29\n")
        assert pane.index == 29
