"""The paging keys of less and vim in every list: space and b a page, ctrl+d and ctrl+u half a
page, as pagedown and pageup do."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief
from briefing_tui.widgets.item_list import ItemList
from briefing_tui.widgets.overview_pane import OverviewPane


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_space_b_ctrl_d_ctrl_u_page_through_an_item_list(
    big_brief: Callable[[int], Brief], size: tuple[int, int]
) -> None:
    app = BriefingApp(big_brief(300))
    async with app.run_test(size=size) as pilot:
        await pilot.press("2")
        await pilot.pause()
        item_list = app.screen.query_one("#agreements-pane ItemList", ItemList)
        await pilot.press("pagedown")
        await pilot.pause()
        page = item_list.cursor
        assert page > 5
        await pilot.press("home", "space")
        await pilot.pause()
        assert item_list.cursor == page
        await pilot.press("space", "b")
        await pilot.pause()
        assert item_list.cursor == page
        await pilot.press("home", "ctrl+d")
        await pilot.pause()
        half = item_list.cursor
        assert half == page // 2
        await pilot.press("ctrl+d", "ctrl+u")
        await pilot.pause()
        assert item_list.cursor == half
        await pilot.press("ctrl+u", "ctrl+u")
        await pilot.pause()
        assert item_list.cursor == 0


async def test_the_people_list_pages_with_space_too(make_brief: Callable[..., Brief]) -> None:
    from briefing_tui.model import Person

    people = tuple(Person(id=f"p{n}", name=f"Person {n}") for n in range(60))
    app = BriefingApp(make_brief(people=people))
    async with app.run_test(size=(80, 24)) as pilot:
        people_list = app.screen.query_one(OverviewPane).people_list
        await pilot.press("space")
        await pilot.pause()
        assert people_list.cursor > 3
        await pilot.press("b")
        await pilot.pause()
        assert people_list.cursor == 0
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert people_list.cursor > 1


async def test_the_links_of_an_item_page_with_space_and_ctrl_d(bundled_summit: Brief) -> None:
    from briefing_tui.widgets.related_list import RelatedList

    app = BriefingApp(bundled_summit)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "enter")  # the security dialogue: 2 related, 13 referring, 4 tags
        await pilot.pause()
        links = app.screen.query_one("#agreements-pane RelatedList", RelatedList)
        assert app.focused is links
        await pilot.press("space")
        await pilot.pause()
        page = links.cursor
        assert page > 1
        await pilot.press("b")
        await pilot.pause()
        assert links.cursor == 0
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert 0 < links.cursor < page
        await pilot.press("G", "ctrl+u")
        await pilot.pause()
        assert links.cursor < links.row_count - 1
