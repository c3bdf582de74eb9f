"""The split between list and detail, from the keyboard and remembered; z shows the detail alone."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief
from briefing_tui.widgets.detail_pane import DetailPane
from briefing_tui.widgets.item_list import ItemList
from briefing_tui.widgets.section_pane import SectionPane


def quotes(app: BriefingApp) -> SectionPane:
    return app.screen.query_one("#quotes-pane", SectionPane)


def footer_keys(app: BriefingApp) -> set[str]:
    return {binding.key for _, binding, enabled, _ in app.screen.active_bindings.values()}


async def test_angle_brackets_resize_the_list_and_the_split_is_remembered(
    summit: Brief, config_dir: Path
) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        before = quotes(app).list_share
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        wider = quotes(app).list_share
        assert wider >= before + 8
        await pilot.press("less_than_sign")
        await pilot.pause()
        share = quotes(app).list_share
        assert before < share < wider
        await pilot.press("4")  # every section pane has the same split
        await pilot.pause()
        analysis = app.screen.query_one("#analysis-pane", SectionPane)
        assert abs(analysis.list_share - share) <= 1
    saved = json.loads((config_dir / "settings.json").read_text())
    again = BriefingApp(summit)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert abs(quotes(again).list_share - saved["split"]) <= 1


async def test_the_split_stops_at_its_ends(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", *["less_than_sign"] * 20)
        await pilot.pause()
        narrowest = app.screen.query_one("#agreements-pane", SectionPane).list_share
        await pilot.press(*["greater_than_sign"] * 30)
        await pilot.pause()
        widest = app.screen.query_one("#agreements-pane", SectionPane).list_share
        assert 13 <= narrowest <= 17 and 83 <= widest <= 87


async def test_z_shows_the_detail_alone_and_again_brings_the_list_back(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "j")
        await pilot.pause()
        pane = quotes(app)
        width = pane.detail.size.width
        await pilot.press("z")
        await pilot.pause()
        assert not pane.item_list.display
        assert isinstance(app.focused, DetailPane) and pane.detail.size.width > width
        assert "less_than_sign" not in footer_keys(app)  # no split to change
        await pilot.press("5")  # the other panes show their detail alone too
        await pilot.pause()
        assert isinstance(app.focused, DetailPane)
        await pilot.press("3", "z")
        await pilot.pause()
        assert pane.item_list.display and isinstance(app.focused, ItemList)
        assert pane.index == 1


async def test_the_split_keys_do_nothing_and_are_not_offered_on_the_overview(
    summit: Brief,
) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not {"z", "less_than_sign", "greater_than_sign"} & footer_keys(app)
        await pilot.press("z", "greater_than_sign")
        await pilot.pause()
        assert app.screen.active_pane == "overview"
        await pilot.press("2")
        await pilot.pause()
        assert {"z", "less_than_sign", "greater_than_sign"} <= footer_keys(app)
