"""Filter mode counts within the filter: the detail's title, the tabs, and the export of a pane."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import RadioButton

from briefing_tui.app import BriefingApp
from briefing_tui.loader import load_brief
from briefing_tui.model import Agreement, Brief, ItemRef, Person, Quote
from briefing_tui.screens.export_screen import ExportScreen, export_scopes
from briefing_tui.search import SearchIndex
from briefing_tui.widgets.pane_tabs import PaneTabs
from briefing_tui.widgets.section_pane import SectionPane

BriefFactory = Callable[..., Brief]


@pytest.fixture
def fruit_brief(make_brief: BriefFactory) -> Brief:
    return make_brief(
        agreements=(
            Agreement(title="Apple orchards", summary="Planting apple trees."),
            Agreement(title="Pear harvest", summary="Pears, and an apple or two."),
            Agreement(title="Grain stores", summary="Wheat only."),
        ),
        quotes=(
            Quote(speaker="ann", text="We love apples."),
            Quote(speaker="ann", text="Hydrogen for the orchards."),
        ),
        people=(Person(id="ann", name="Ann Apfel", role="Grower"),),
    )


@pytest.fixture
def note_brief() -> Brief:
    """tests/data/note.yaml: a brief with no analysis."""
    return load_brief(Path(__file__).resolve().parents[1] / "data" / "note.yaml")


def tab_labels(app: BriefingApp) -> list[str]:
    tabs = app.screen.query_one(PaneTabs)
    return [tabs.label(pane) for pane in ("agreements", "quotes", "analysis", "questions")]


async def test_filter_mode_counts_within_the_filter_in_the_detail_and_the_tabs(
    fruit_brief: Brief,
) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("slash", *"apple", "escape", "ctrl+f", "2")
        await pilot.pause()
        agreements = app.screen.query_one("#agreements-pane", SectionPane)
        assert str(agreements.detail.border_title) == "Agreement 1 of 2 (3 in all)"
        await pilot.press("down")
        await pilot.pause()
        await pilot.pause()
        assert str(agreements.detail.border_title) == "Agreement 2 of 2 (3 in all)"
        assert tab_labels(app) == [
            "2 Agreements 2/3",
            "3 Quotes 1/2",
            "4 Analysis 0/0",
            "5 Questions 0/0",
        ]
        assert "2 Agreements 2/3" in str(app.screen.query_one(PaneTabs).render())
        await pilot.press("ctrl+f")  # the filter lifted: the whole again
        await pilot.pause()
        assert tab_labels(app)[:2] == ["2 Agreements 3", "3 Quotes 2"]
        assert str(agreements.detail.border_title) == "Agreement 2 of 3"


async def test_the_export_of_this_pane_in_filter_mode_is_what_the_pane_shows(
    fruit_brief: Brief,
) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("slash", *"apple", "escape", "ctrl+f", "2", "e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        option = app.screen.query_one("#pane", RadioButton)
        assert str(option.label) == "This pane, Agreements filtered by “apple”: 2 items"
        scope = next(scope for scope in app.screen.scopes if scope.id == "pane")
        assert scope.refs() == [ItemRef("agreements", 0), ItemRef("agreements", 1)]
        assert scope.query == "apple"


def test_the_export_dialog_labels_the_closest_matches_as_not_exact(fruit_brief: Brief) -> None:
    result = SearchIndex(fruit_brief).search("hydrgen")
    assert result.fuzzy
    search = export_scopes(fruit_brief, "quotes", result)[2]
    assert str(search.label) == "The closest matches to “hydrgen” (none is exact): 1 item"


def list_lines(app: BriefingApp, section: str) -> list[str]:
    item_list = app.screen.query_one(f"#{section}-pane", SectionPane).item_list
    lines = [item_list.render_line(y).text.strip() for y in range(4)]
    return [line for line in lines if line]


async def test_an_empty_section_says_so_and_what_to_do(note_brief: Brief) -> None:
    app = BriefingApp(note_brief)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert list_lines(app, "analysis") == [
            "This brief has no analysis.",
            "Press 1 for the overview, / to search.",
        ]
        assert not app.screen.query_one("#analysis-pane", SectionPane).detail.display


async def test_a_filter_that_leaves_nothing_says_so_and_how_to_lift_it(
    fruit_brief: Brief,
) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.press("slash", *"wheat", "escape", "ctrl+f", "3")
        await pilot.pause()
        assert list_lines(app, "quotes") == [
            "No quote matches “wheat”.",
            "ctrl+f shows every item; escape clears the search.",
        ]


async def test_results_that_find_nothing_say_so_in_place_of_rows(fruit_brief: Brief) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("slash", *"zzzz")
        await pilot.pause()
        results = app.screen.query_one("#search-results")
        lines = [results.render_line(y).text.strip() for y in range(3)]
        assert lines == ["", "Nothing matches “zzzz”.", "Edit the query; escape goes back."]


def test_a_filtered_pane_of_closest_matches_says_so(fruit_brief: Brief) -> None:
    result = SearchIndex(fruit_brief).search("hydrgen")
    pane = export_scopes(fruit_brief, "quotes", result, filtering=True)[1]
    assert str(pane.label) == (
        "This pane, Quotes filtered by “hydrgen” (closest matches, none exact): 1 item"
    )
