"""Panes, list keys, master-detail and the follow/back/forward history, driven by keys."""

from __future__ import annotations

from collections.abc import Callable

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief
from briefing_tui.screens.brief_screen import BriefScreen
from briefing_tui.widgets.detail_pane import DetailPane
from briefing_tui.widgets.item_list import ItemList
from briefing_tui.widgets.overview_pane import OverviewPane
from briefing_tui.widgets.pane_tabs import PaneTabs
from briefing_tui.widgets.related_list import RelatedList
from briefing_tui.widgets.section_pane import SectionPane

BriefFactory = Callable[..., Brief]


def detail_text(app: BriefingApp, section: str) -> str:
    pane = app.screen.query_one(f"#{section}-pane", SectionPane)
    return str(pane.detail.query_one("#detail-body").render())


def rows(item_list: ItemList) -> list[str]:
    """The rows of a list as drawn (its width permitting), without the margin."""
    return [item_list.render_line(y).text.strip() for y in range(item_list.row_count)]


def active(app: BriefingApp) -> str:
    return app.screen.active_pane


async def test_opens_on_the_overview_with_title_summary_people_and_counts(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert active(app) == "overview"
        header = str(app.screen.query_one("BriefHeader").render())
        assert "Harbour Cities Summit 2024" in header
        assert "2024-05-14 · Lisbon" in header
        overview = app.screen.query_one(OverviewPane)
        text = str(overview.query_one("#overview-text Static").render())
        assert "Leaders of six port cities" in text
        assert "2 Agreements  3" in text and "5 Questions   2" in text and "People      4" in text
        assert "Harbour Cities Secretariat" in text
        assert rows(overview.people_list) == [
            "Rita Almeida, Mayor of Lisbon",
            "Daniel Okafor, Port Authority director, Lagos",
            "Sara Lindqvist, Maritime economist",
            "Jonas Brandt",
        ]
        assert overview.person_items.border_title == "By Rita Almeida (1)"


async def test_tab_labels_show_keys_and_counts(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)):
        tabs = app.screen.query_one(PaneTabs)
        labels = [tabs.label(pane) for pane in ("overview", "agreements", "quotes")]
        assert labels == ["1 Overview", "2 Agreements 3", "3 Quotes 3"]


async def test_number_keys_show_each_pane_and_focus_its_list(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        panes = [("2", "agreements"), ("3", "quotes"), ("4", "analysis"), ("5", "questions")]
        for key, pane in panes:
            await pilot.press(key)
            await pilot.pause()
            assert active(app) == pane
            assert isinstance(app.focused, ItemList)
            assert app.focused.parent is app.screen.query_one(f"#{pane}-pane")
        await pilot.press("1")
        await pilot.pause()
        assert active(app) == "overview"
        assert app.focused is app.screen.query_one(OverviewPane).people_list


async def test_detail_follows_the_cursor_without_enter(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert "Every ship that plugs in" in detail_text(app, "quotes")
        assert "Rita Almeida, Mayor of Lisbon" in detail_text(app, "quotes")
        await pilot.press("j")
        await pilot.pause()
        text = detail_text(app, "quotes")
        assert "Paper manifests cost us two days" in text
        assert "Press conference after the signing." in text
        await pilot.press("k")
        await pilot.pause()
        assert "Every ship that plugs in" in detail_text(app, "quotes")


async def test_every_list_key_moves_the_cursor(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        item_list = app.screen.query_one("#agreements-pane ItemList", ItemList)
        moves = [
            ("down", 1), ("up", 0), ("j", 1), ("k", 0), ("G", 2), ("g", 0), ("end", 2),
            ("home", 0), ("pagedown", 2), ("pageup", 0),
        ]  # fmt: skip
        for key, expected in moves:
            await pilot.press(key)
            await pilot.pause()
            assert item_list.index == expected, key
        await pilot.press("k")
        assert item_list.index == 0  # stays on the first row


async def test_every_field_of_an_agreement_is_shown(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        text = detail_text(app, "agreements")
        for expected in [
            "Shore power at every cruise berth by 2030",
            "Each city will equip its cruise berths",
            "• Berths handling more than 50 calls a year come first.",
            "• Cities report progress every year at the summit.",
            "shore-power",
        ]:
            assert expected in text
        related = app.screen.query_one("#agreements-pane RelatedList", RelatedList)
        lines = [related.render_line(y).text.strip() for y in range(related.line_count)]
        assert lines[:4] == [
            "Related 2",
            "Quote: Every ship that plugs in is a street that breathes again.",
            "— Rita Almeida",
            "Analysis: The grid is the bottleneck — Sara Lindqvist",
        ]
        assert lines[-3:] == ["Tags", "energy · 3 items", "emissions · 1 item"]


async def test_analysis_and_question_details(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        text = detail_text(app, "analysis")
        assert "The grid is the bottleneck" in text
        assert "Sara Lindqvist, Maritime economist" in text
        await pilot.press("5")
        await pilot.pause()
        text = detail_text(app, "questions")
        assert "Who pays for dredging the estuary channel?" in text
        assert "Why it matters" in text and "largest ships will bypass" in text


async def test_follow_related_then_back_and_forward(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "enter")  # Enter on the item focuses its related list
        await pilot.pause()
        assert isinstance(app.focused, RelatedList)
        await pilot.press("j", "enter")  # the second related item: the grid analysis
        await pilot.pause()
        assert active(app) == "analysis"
        assert "The grid is the bottleneck" in detail_text(app, "analysis")
        await pilot.press("backspace")
        await pilot.pause()
        assert active(app) == "agreements"
        assert "Shore power at every cruise berth" in detail_text(app, "agreements")
        await pilot.press("alt+right")
        await pilot.pause()
        assert active(app) == "analysis"
        await pilot.press("alt+left")
        await pilot.pause()
        assert active(app) == "agreements"


async def test_back_returns_to_where_the_cursor_was(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "enter", "j", "enter")  # Okafor's quote -> customs agreement
        await pilot.pause()
        assert active(app) == "agreements"
        assert "A shared customs data exchange" in detail_text(app, "agreements")
        await pilot.press("backspace")
        await pilot.pause()
        assert active(app) == "quotes"
        assert "Paper manifests" in detail_text(app, "quotes")
        assert isinstance(app.focused, ItemList)


async def test_a_related_person_opens_them_in_the_overview(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "j", "enter", "enter")  # customs agreement -> Daniel Okafor
        await pilot.pause()
        assert active(app) == "overview"
        overview = app.screen.query_one(OverviewPane)
        assert overview.person_index == 1
        items = overview.person_items
        assert app.focused is items
        assert "Paper manifests" in rows(items)[0]


async def test_enter_on_a_person_lists_what_they_said_and_follows_it(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "down", "down", "enter")  # Jonas Brandt
        await pilot.pause()
        items = app.screen.query_one(OverviewPane).person_items
        assert app.focused is items
        assert items.border_title == "By Jonas Brandt (2)"
        labels = [items.row_label(i).plain for i in range(items.row_count)]
        assert labels == [  # their name is the list's title: each row says what they said
            "Quote     “We did not solve the channel today, and we should say so plainly.”",
            "Analysis  The customs pilot is modest, but it is the first shared system among "
            "these ports.",
        ]
        drawn = rows(items)  # wrapped to the list's width: the first row takes two lines
        assert drawn[0].startswith("Quote     “We did not") and not drawn[0].endswith("…")
        assert drawn[1].endswith("plainly.”")
        await pilot.press("j", "enter")
        await pilot.pause()
        assert active(app) == "analysis"
        assert "The customs pilot is modest" in detail_text(app, "analysis")
        await pilot.press("backspace")
        await pilot.pause()
        assert active(app) == "overview"
        assert app.screen.query_one(OverviewPane).person_index == 3


async def test_list_keys_on_the_people_show_each_persons_items(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        overview = app.screen.query_one(OverviewPane)
        steps = [
            ("j", 1, "By Daniel Okafor (1)"),
            ("G", 3, "By Jonas Brandt (2)"),
            ("k", 2, "By Sara Lindqvist (1)"),
            ("g", 0, "By Rita Almeida (1)"),
            ("end", 3, "By Jonas Brandt (2)"),
            ("pageup", 0, "By Rita Almeida (1)"),
            ("pagedown", 3, "By Jonas Brandt (2)"),
        ]
        for key, person, title in steps:
            await pilot.press(key)
            await pilot.pause()
            assert (key, overview.person_index) == (key, person)
            assert overview.person_items.border_title == title
        assert overview.person_items.row_label(1).plain.startswith("Analysis  The customs")
        await pilot.press("enter", "j", "k")  # the items list takes the keys now
        await pilot.pause()
        assert app.focused is overview.person_items
        assert overview.person_items.index == 0


async def test_an_overview_without_people_says_so(make_brief: BriefFactory) -> None:
    app = BriefingApp(make_brief(quotes=()))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
        overview = app.screen.query_one(OverviewPane)
        assert overview.person_index is None
        assert overview.person_items.border_title == "Nobody selected"
        assert overview.person_items.row_count == 0
        assert app.focused is overview.people_list


async def test_back_with_no_history_does_nothing(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "backspace", "alt+right")
        await pilot.pause()
        assert active(app) == "quotes"


async def test_tab_moves_the_focus_between_list_and_detail(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.focused, ItemList)
        await pilot.press("tab")
        assert isinstance(app.focused, DetailPane)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ItemList)


async def test_clicking_a_row_selects_it(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        item_list = app.screen.query_one("#agreements-pane ItemList", ItemList)
        await pilot.click(item_list, offset=(5, 3))  # border, then rows 0, 1, 2
        await pilot.pause()
        assert item_list.index == 2
        assert "Exchange of harbour pilots" in detail_text(app, "agreements")


async def test_q_and_ctrl_c_quit(summit: Brief) -> None:
    for key in ("q", "ctrl+c"):
        app = BriefingApp(summit)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", key)
            await pilot.pause()
            assert not app.is_running, key


async def test_clicking_a_tab_shows_its_pane_and_focuses_its_list(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        tabs = app.screen.query_one(PaneTabs)
        label = tabs.label("quotes")
        line = str(tabs.render())
        await pilot.click(tabs, offset=(line.index(label) + 2, 0))
        await pilot.pause()
        assert active(app) == "quotes"
        assert isinstance(app.focused, ItemList)
