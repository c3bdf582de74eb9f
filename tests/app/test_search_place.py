"""Search keeps the reader's place: results where the list was, the hit previewed beside them,
escape back to the same item and scroll, a status line for n and N, a bar that says why."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from briefing_tui.app import BriefingApp
from briefing_tui.history import Location
from briefing_tui.model import Agreement, Brief, Person, Quote
from briefing_tui.widgets.search_preview import SearchPreview
from briefing_tui.widgets.search_view import SearchView
from briefing_tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from conftest import Toasts

BriefFactory = Callable[..., Brief]


@pytest.fixture
def fruit_brief(make_brief: BriefFactory) -> Brief:
    return make_brief(
        agreements=(
            Agreement(title="Apple orchards", summary="Planting apple trees."),
            Agreement(title="Pear harvest", summary="Pears, and an apple or two."),
            Agreement(title="Grain stores", summary="Wheat only."),
        ),
        quotes=(Quote(speaker="ann", text="We love apples."),),
        people=(Person(id="ann", name="Ann Apfel", role="Grower"),),
    )


def bar_status(app: BriefingApp) -> str:
    return str(app.screen.query_one("#search-status").render())


def said(app: BriefingApp) -> str:
    line = app.screen.query_one(StatusLine)
    return str(line.render()) if line.display else ""


def previewed(app: BriefingApp) -> tuple[str, list[str]]:
    """The preview's title and the words it marks as matching."""
    detail = app.screen.query_one(SearchPreview).detail
    body = detail.query_one("#detail-body").render()
    marked = [body.plain[s.start : s.end] for s in body.spans if "reverse" in str(s.style)]
    return str(detail.border_title), marked


async def test_the_hit_under_the_cursor_is_previewed_beside_the_results(
    fruit_brief: Brief,
) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"apple")
        await pilot.pause()
        results = app.screen.query_one("#search-results")
        preview = app.screen.query_one(SearchPreview)
        assert results.region.right <= preview.region.x  # side by side, as list and detail
        assert previewed(app) == ("Agreement 1 · hit 1", ["Apple", "apple"])
        await pilot.press("tab", "down")
        await pilot.pause()
        assert previewed(app) == ("Agreement 2 · hit 2", ["apple"])
        await pilot.press("down")
        await pilot.pause()
        assert previewed(app) == ("Quote 1 · hit 3", ["apple"])


async def test_escape_returns_to_the_pane_item_scroll_and_focus_left(bundled_summit: Brief) -> None:
    app = BriefingApp(bundled_summit)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "j", "j", "enter")  # analysis 3, the focus in its detail
        await pilot.pause()
        detail = app.screen.panes.section_pane("analysis").detail
        detail.focus()
        await pilot.press("j", "j", "j")
        await pilot.pause()
        before = app.screen.panes.location()
        assert before.index == 2 and before.scroll > 0
        await pilot.press("slash", *"hydrogen", "tab", "down")
        await pilot.pause()
        assert not app.screen.query_one("#panes").display
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.panes.location() == before
        assert app.focused is detail
        assert app.screen.active_pane == "analysis"


async def test_n_in_a_burst_says_which_hit_on_one_line_and_stacks_no_toasts(
    fruit_brief: Brief, toasts: Toasts
) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("slash", *"apple", "escape")
        await pilot.press(*"n" * 10)
        await pilot.pause()
        assert toasts(app) == []
        assert said(app) == "hit 1 of 3 · from the top · apple"  # ten steps round three
        location = app.screen.panes.location()
        assert location == Location("agreements", 0, 0)
        await pilot.press("escape")  # the search is cleared: the line goes
        await pilot.pause()
        assert said(app) == ""


async def test_enter_on_a_query_that_finds_nothing_keeps_the_bar_open_and_says_so(
    fruit_brief: Brief, toasts: Toasts
) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("slash", *"zzzz", "enter")
        await pilot.pause()
        assert app.screen.query_one(SearchView).is_open
        assert bar_status(app) == "Not found: zzzz — edit the query, or escape"
        await pilot.press("escape", "n")
        await pilot.pause()
        assert said(app) == "Nothing found for “zzzz” · / edits it"
        assert toasts(app) == []


async def test_n_without_a_search_says_so_on_the_status_line(fruit_brief: Brief) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert said(app) == "No search · / starts one"


@pytest.mark.parametrize(
    ("query", "explained"),
    [
        ("in:xyz", "in:xyz names no section (one of agreements, quotes, analysis, questions)"),
        ('"unterminated', "unterminated quote (at character 1)"),
        ("tag:", "nothing after tag: (at character 1)"),
        ("in:q apple", "in:q could be quotes or questions (at character 1)"),
    ],
)
async def test_the_bar_explains_a_mistake_in_the_query(
    fruit_brief: Brief, query: str, explained: str
) -> None:
    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("slash", *query)
        await pilot.pause()
        assert bar_status(app).startswith(explained)
        assert app.screen.query_one("#search-status").has_class("-nothing")


async def test_a_match_in_the_summary_opens_the_overview_with_it_marked(
    make_brief: BriefFactory,
) -> None:
    brief = make_brief(
        summary="Trade equal to a quarter of world GDP.",
        agreements=(Agreement(title="Ports", summary="Shore power."),),
    )
    app = BriefingApp(brief)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "slash", *"gdp", "enter")
        await pilot.pause()
        assert app.screen.active_pane == "overview"
        body = app.screen.query_one("#overview-body").render()
        marked = [body.plain[s.start : s.end] for s in body.spans if "reverse" in str(s.style)]
        assert marked == ["GDP"]
        assert said(app) == "hit 1 of 1 · Overview · gdp"


async def test_no_tab_is_lit_while_the_results_show(fruit_brief: Brief) -> None:
    from briefing_tui.widgets.pane_tabs import PaneTabs

    app = BriefingApp(fruit_brief)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "slash", *"apple")
        await pilot.pause()
        assert app.screen.query_one(PaneTabs).active == ""
        assert app.screen.active_pane == "quotes"  # where escape returns
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(PaneTabs).active == "quotes"


async def test_the_preview_scrolls_to_a_match_below_the_fold(make_brief: BriefFactory) -> None:
    details = (*(f"Point number {n}." for n in range(40)), "The hidden walrus.")
    brief = make_brief(agreements=(Agreement(title="Long", summary="Many.", details=details),))
    app = BriefingApp(brief)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"walrus")
        await pilot.pause()
        await pilot.pause()
        detail = app.screen.query_one(SearchPreview).detail
        body = detail.query_one("#detail-body")
        lines = [body.render_line(y).text for y in range(body.size.height)]
        walrus = next(y for y, line in enumerate(lines) if "walrus" in line)
        top = detail.scroll_y
        assert top > 20 and top <= walrus < top + detail.scrollable_content_region.height
