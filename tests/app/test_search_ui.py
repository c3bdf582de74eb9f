"""Searching from the keyboard: the bar, live results, opening hits, n/N, filter mode, history."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from briefing_tui.app import BriefingApp
from briefing_tui.model import Agreement, Analysis, Brief, Person, Quote
from briefing_tui.widgets.item_list import ItemList
from briefing_tui.widgets.search_results import SearchResults
from briefing_tui.widgets.search_view import SearchView
from briefing_tui.widgets.section_pane import SectionPane
from briefing_tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from conftest import Toasts

BriefFactory = Callable[..., Brief]
WaitUntil = Callable[[Pilot[None], Callable[[], object]], Awaitable[None]]


def status(app: BriefingApp) -> str:
    return str(app.screen.query_one("#search-status").render())


def results_text(app: BriefingApp) -> list[str]:
    results = app.screen.query_one(SearchResults)
    lines = [results.render_line(y).text for y in range(results.scrollable_content_region.height)]
    return [line.strip() for line in lines if line.strip()]


def marked_in_rows(app: BriefingApp) -> list[tuple[str, list[str]]]:
    """Each hit row shown (headings left out), with the words marked on it as matching."""
    results = app.screen.query_one(SearchResults)
    rows = []
    for y in range(results.scrollable_content_region.height):
        strip = results.render_line(y)
        if strip.text.startswith("   ") and strip.text.strip():
            marked = [s.text for s in strip if s.style is not None and s.style.bold]
            rows.append((strip.text.strip(), marked))
    return rows


def marked_on(item_list: ItemList, row: int) -> list[str]:
    """The words marked as matching on a row of a list (not the cursor's row)."""
    strip = item_list.render_line(row - item_list.scroll_offset.y)
    return [segment.text for segment in strip if segment.style and segment.style.bold]


def pane(app: BriefingApp, section: str) -> SectionPane:
    return app.screen.query_one(f"#{section}-pane", SectionPane)


def detail_text(app: BriefingApp, section: str) -> str:
    return str(pane(app, section).detail.query_one("#detail-body").render())


def said(app: BriefingApp) -> str:
    """What the status line above the footer says (empty: it is hidden)."""
    line = app.screen.query_one(StatusLine)
    return str(line.render()) if line.display else ""


async def search(pilot: Pilot[None], text: str) -> None:
    await pilot.press("slash", *text)
    await pilot.pause()


@pytest.fixture
def fruit_brief(make_brief: BriefFactory) -> Brief:
    """Three agreements and two quotes about fruit, for exact counts."""
    return make_brief(
        agreements=(
            Agreement(title="Apple orchards", summary="Planting apple trees."),
            Agreement(title="Pear harvest", summary="Pears, and an apple or two."),
            Agreement(title="Grain stores", summary="Wheat only."),
        ),
        quotes=(
            Quote(speaker="ann", text="We love apples."),
            Quote(speaker="ann", text="Hydrogen for the orchards.", tags=("energy",)),
        ),
        people=(Person(id="ann", name="Ann Apfel", role="Grower"),),
    )


async def test_slash_opens_the_bar_in_place_of_the_panes_and_results_update_as_you_type(
    fruit_brief: Brief,
) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(150, 30), notifications=True) as pilot:
        await search(pilot, "pear")
        view = app.screen.query_one(SearchView)
        assert view.is_open and not app.screen.query_one("#panes").display
        assert isinstance(app.focused, Input)
        assert status(app) == "Agreements 1 · Quotes 0 · Analysis 0 · Questions 0"
        assert results_text(app) == [
            "Agreements 1",
            "Pear harvest  summary: Pears, and an apple or two.",
        ]
        await pilot.press(*" wheat")  # no item has both words: those with one are offered
        await pilot.pause()
        assert status(app) == (
            "No item has both pear and wheat — 2 have one of them"
            " · Agreements 2 · Quotes 0 · Analysis 0 · Questions 0"
        )
        assert results_text(app) == [  # each row says which word it lacks
            "Agreements 2",
            "no wheat · Pear harvest  summary: Pears, and an apple or t…",
            "no pear · Grain stores  summary: Wheat only.",
        ]
        await pilot.press("ctrl+u", *"apple")
        await pilot.pause()
        assert status(app) == "Agreements 2 · Quotes 1 · Analysis 0 · Questions 0"
        assert results_text(app) == [
            "Agreements 2",
            "Apple orchards  summary: Planting apple trees.",
            "Pear harvest  summary: Pears, and an apple or two.",
            "Quotes 1",
            "Ann Apfel: We love apples.",
        ]
        assert app.screen.search_result is not None and len(app.screen.search_result.hits) == 3
        await pilot.press(*" -pear")
        await pilot.pause()
        assert app.screen.search_result is not None and len(app.screen.search_result.hits) == 2


async def test_maslow_finds_his_quote_and_his_analysis(bundled_summit: Brief) -> None:
    app = BriefingApp(bundled_summit)
    async with app.run_test(size=(150, 30), notifications=True) as pilot:
        await search(pilot, "maslow")
        result = app.screen.search_result
        assert result is not None
        assert result.counts["quotes"] == 1 and result.counts["analysis"] == 2
        lines = results_text(app)
        assert "Quotes 1" in lines and "Analysis 2" in lines
        assert any(line.startswith("Sebastian Maslow: With the EU") for line in lines)
        assert any(line.startswith("Sebastian Maslow: An") for line in lines)


async def test_enter_opens_the_first_hit_with_matches_highlighted(
    bundled_summit: Brief, toasts: Toasts
) -> None:
    app = BriefingApp(bundled_summit)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await search(pilot, "maslow")  # the summary names him: the overview's row is first
        await pilot.press("tab", "down", "enter")
        await pilot.pause()
        assert app.screen.active_pane == "quotes"
        assert not app.screen.query_one(SearchView).is_open
        assert app.screen.query_one("#panes").display
        quotes = pane(app, "quotes")
        assert app.focused is quotes.item_list
        assert "Sebastian Maslow" in detail_text(app, "quotes")
        body = quotes.detail.query_one("#detail-body").render()
        marked = [body.plain[s.start : s.end] for s in body.spans if "reverse" in str(s.style)]
        assert "Maslow" in marked
        first, count = quotes.item_list.row_lines(quotes.item_list.cursor)
        lines = [
            quotes.item_list.render_line(first + n - quotes.item_list.scroll_offset.y)
            for n in range(count)
        ]
        row = " ".join(line.text.strip() for line in lines)
        assert row.endswith("— Sebastian Maslow")  # the words first, who said them after
        assert said(app) == "hit 2 of 6 · maslow"


async def test_tab_moves_into_the_results_and_enter_or_a_click_opens_one(
    fruit_brief: Brief, toasts: Toasts
) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await search(pilot, "apple")
        await pilot.press("tab")
        results = app.screen.query_one(SearchResults)
        assert app.focused is results
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.screen.active_pane == "quotes"
        assert pane(app, "quotes").index == 0
        assert said(app) == "hit 3 of 3 · apple"
        await search(pilot, "")  # the bar reopens on the same query
        assert app.screen.query_one(Input).value == "apple"
        await pilot.click(SearchResults, offset=(5, 3))  # the second agreement (in a border)
        await pilot.pause()
        assert app.screen.active_pane == "agreements"
        assert pane(app, "agreements").index == 1


async def test_n_and_shift_n_walk_the_hits_across_panes(fruit_brief: Brief, toasts: Toasts) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await search(pilot, "orchards")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert (app.screen.active_pane, pane(app, "agreements").index) == ("agreements", 0)
        assert said(app) == "hit 1 of 2 · orchards"
        await pilot.press("n")
        await pilot.pause()
        assert (app.screen.active_pane, pane(app, "quotes").index) == ("quotes", 1)
        assert said(app) == "hit 2 of 2 · orchards"
        await pilot.press("n")  # wraps round
        await pilot.pause()
        assert app.screen.active_pane == "agreements"
        assert said(app) == "hit 1 of 2 · from the top · orchards"
        await pilot.press("N")
        await pilot.pause()
        assert app.screen.active_pane == "quotes"
        assert said(app) == "hit 2 of 2 · from the bottom · orchards"


@pytest.fixture
def numbered_brief(make_brief: BriefFactory) -> Brief:
    """Five agreements and two quotes; "even" is in agreements 1 and 3 and in quote 1."""
    return make_brief(
        agreements=tuple(
            Agreement(title=f"Deal {n}", summary="An even one." if n % 2 else "An odd one.")
            for n in range(5)
        ),
        quotes=(Quote(speaker="ann", text="Odd."), Quote(speaker="ann", text="Even so.")),
        people=(Person(id="ann", name="Ann", role="Grower"),),
    )


async def walk(pilot: Pilot[None], toasts: Toasts, *keys: str) -> tuple[str, int | None, str]:
    """Press `keys` (ending in n or N): the pane and item shown then, and what the app said."""
    await pilot.press(*keys)
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, BriefingApp)
    shown = pane(app, app.screen.active_pane).index
    return app.screen.active_pane, shown, said(app).removesuffix(" · even")


async def test_n_and_shift_n_go_from_the_item_the_reader_is_on(
    numbered_brief: Brief, toasts: Toasts
) -> None:
    app = BriefingApp(numbered_brief)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await search(pilot, "even")
        await pilot.press("escape", "2", "down", "down")  # agreement 2: not a hit
        assert await walk(pilot, toasts, "n") == ("agreements", 3, "hit 2 of 3")
        assert await walk(pilot, toasts, "up", "N") == (
            "agreements",
            1,
            "hit 1 of 3",
        )  # from agreement 2
        # quote 0: between the last agreement hit and quote 1
        assert await walk(pilot, toasts, "3", "N") == ("agreements", 3, "hit 2 of 3")


async def test_n_and_shift_n_wrap_at_the_ends_of_the_brief_and_say_so(
    numbered_brief: Brief, toasts: Toasts
) -> None:
    app = BriefingApp(numbered_brief)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await search(pilot, "even")
        await pilot.press("escape")
        # the empty Questions pane is after every hit, the Overview before every hit
        assert await walk(pilot, toasts, "5", "n") == ("agreements", 1, "hit 1 of 3 · from the top")
        assert await walk(pilot, toasts, "5", "N") == ("quotes", 1, "hit 3 of 3")
        assert await walk(pilot, toasts, "1", "N") == ("quotes", 1, "hit 3 of 3 · from the bottom")
        assert await walk(pilot, toasts, "1", "n") == ("agreements", 1, "hit 1 of 3")


async def test_escape_closes_the_bar_then_clears_the_highlights(fruit_brief: Brief) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("2")
        await search(pilot, "pear")
        await pilot.press("escape")
        await pilot.pause()
        agreements = pane(app, "agreements")
        assert not app.screen.query_one(SearchView).is_open
        assert app.focused is agreements.item_list
        assert app.screen.search_result is not None
        assert marked_on(agreements.item_list, 1) == ["Pear"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.search_result is None
        assert marked_on(agreements.item_list, 1) == []


async def test_filter_mode_narrows_every_pane_and_is_lifted_by_the_toggle_or_escape(
    fruit_brief: Brief,
) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await search(pilot, "apple")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert "filter on" in str(app.screen.query_one(SearchResults).border_title)
        await pilot.press("escape", "2")
        await pilot.pause()
        title = str(pane(app, "agreements").item_list.border_title)
        assert title == "Agreements 2/3 · filter: apple"
        assert str(pane(app, "quotes").item_list.border_title) == "Quotes 1/2 · filter: apple"
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert str(pane(app, "agreements").item_list.border_title) == "Agreements 3"
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert str(pane(app, "agreements").item_list.border_title).endswith("filter: apple")
        await pilot.press("escape")
        await pilot.pause()
        assert str(pane(app, "agreements").item_list.border_title) == "Agreements 3"
        assert app.screen.search_result is None


async def test_up_and_down_recall_earlier_searches(fruit_brief: Brief) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for query in ("pear", "grain"):
            await search(pilot, query)
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("slash", "ctrl+u", *"whe")
        field = app.screen.query_one(Input)
        await pilot.press("up")
        assert field.value == "grain"
        await pilot.press("up")
        assert field.value == "pear"
        await pilot.press("up")  # the oldest stays
        assert field.value == "pear"
        await pilot.press("down")
        assert field.value == "grain"
        await pilot.press("down")  # back to what was being typed
        assert field.value == "whe"
        await pilot.pause()
        assert status(app) == "Agreements 1 · Quotes 0 · Analysis 0 · Questions 0"


async def test_a_match_in_a_persons_role_by_speaker_shows_on_the_row_as_context(
    make_brief: BriefFactory,
) -> None:
    brief = make_brief(
        quotes=(Quote(speaker="ann", text="We love apples."),),
        analysis=(
            Analysis(expert="ann", title="Soil first", summary="Roots."),
            Analysis(expert="ann", summary="Hedges keep the soil."),
        ),
        people=(Person(id="ann", name="Ann Apfel", role="Grower"),),
    )
    app = BriefingApp(brief)
    async with app.run_test(size=(150, 30), notifications=True) as pilot:
        await search(pilot, "speaker:grower")
        assert marked_in_rows(app) == [
            ("Ann Apfel: We love app…  speaker: Ann Apfel, Grower", ["Grower"]),
            ("Ann Apfel: Soil first  expert: Ann Apfel, Grower", ["Grower"]),
            ("Ann Apfel: Hedges keep…  expert: Ann Apfel, Grower", ["Grower"]),
        ]
        await pilot.press("ctrl+u", *"ann soil")  # the headline marks these: no context line
        await pilot.pause()
        assert marked_in_rows(app) == [
            ("Ann Apfel: Soil first", ["Ann", "Soil"]),
            ("Ann Apfel: Hedges keep the soil.", ["Ann", "soil"]),
        ]


async def test_a_typo_says_no_exact_match_and_offers_the_closest(fruit_brief: Brief) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(150, 30), notifications=True) as pilot:
        await search(pilot, "hydrgen")
        assert status(app).startswith("No exact match for hydrgen — closest: hydrogen")
        assert results_text(app)[1].startswith("Ann Apfel: Hydrogen for the orchards.")
        await pilot.press("ctrl+u", *"zzzz")
        await pilot.pause()
        assert status(app) == "No match for zzzz"
        assert results_text(app) == ["Nothing matches “zzzz”.", "Edit the query; escape goes back."]


async def test_search_text_is_never_markup(make_brief: BriefFactory) -> None:
    brief = make_brief(
        agreements=(Agreement(title="[@click=app.quit]Deal[/] [b]x", summary="[red]s[/red]"),)
    )
    app = BriefingApp(brief)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await search(pilot, "[b]")
        assert results_text(app)[1] == "[@click=app.quit]Deal[/] [b]x"
        await pilot.click(SearchResults, offset=(5, 2))
        await pilot.pause()
        assert app.is_running and app.screen.active_pane == "agreements"


async def test_help_documents_the_search_keys_and_query_language(fruit_brief: Brief) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(120, 60), notifications=True) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = str(app.screen.query_one("#help-text").render())
        assert "Next hit" in text and "Filter" in text
        for syntax in ('"a phrase"', "speaker:", "tag:", "in:", "-word", "smart case"):
            assert syntax in text
        assert "What search shows" in text
        assert "What search shows" in text and "status line says which" in text


async def test_a_pane_key_in_the_results_leaves_them_for_that_pane(summit: Brief) -> None:
    from briefing_tui.widgets.item_list import ItemList
    from briefing_tui.widgets.search_view import SearchView

    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("slash", *"port", "tab")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert not app.screen.query_one(SearchView).display
        assert app.screen.active_pane == "agreements"
        assert isinstance(app.focused, ItemList) and app.focused.display


async def test_searches_are_recalled_after_a_restart(
    fruit_brief: Brief, config_dir: Path, wait_until: WaitUntil
) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await search(pilot, "pear")
        await pilot.press("enter")
        await wait_until(pilot, lambda: (config_dir / "search-history.json").exists())
    again = BriefingApp(fruit_brief)
    async with again.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("slash", "up")
        assert again.screen.query_one(Input).value == "pear"


async def test_a_match_in_the_summary_is_listed_first_as_the_overview(
    make_brief: BriefFactory,
) -> None:
    brief = make_brief(
        summary="Trade equal to a quarter of world GDP.",
        agreements=(Agreement(title="Ports", summary="Shore power."),),
    )
    app = BriefingApp(brief)
    async with app.run_test(size=(150, 30), notifications=True) as pilot:
        await search(pilot, "gdp OR shore")
        assert status(app) == "Overview 1 · Agreements 1 · Quotes 0 · Analysis 0 · Questions 0"
        assert results_text(app) == [
            "Overview 1",
            "summary: Trade equal to a quarter of world GDP.",
            "Agreements 1",
            "Ports  summary: Shore power.",
        ]
        results = app.screen.query_one(SearchResults)
        assert results.cursor == 0 and results.row_count == 2  # the overview is a row
        assert str(app.screen.query_one("#preview-overview-text").render()).endswith("world GDP.")
        await pilot.press("enter")  # opens the Overview
        await pilot.pause()
        assert app.screen.active_pane == "overview"
        assert said(app) == "hit 1 of 2 · Overview · gdp OR shore"


async def test_a_mistake_in_the_query_is_explained_in_the_bar(fruit_brief: Brief) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await search(pilot, "in:q apple")
        assert status(app) == (
            "in:q could be quotes or questions (at character 1)"
            " · Agreements 0 · Quotes 1 · Analysis 0 · Questions 0"
        )
        assert app.screen.query_one("#search-status").has_class("-nothing")
