"""The overview leads with what a reader wants first; panes keep their frames; text keeps a
reading measure; an empty list says why it is empty."""

from __future__ import annotations

from collections.abc import Callable

from textual.color import Color
from textual.widget import Widget

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief, Person, Quote
from briefing_tui.widgets.empty_state import EmptyState, empty_state_text
from briefing_tui.widgets.overview_pane import OverviewPane
from briefing_tui.widgets.section_pane import SectionPane
from briefing_tui.widgets.text_scroll import TextScroll

BriefFactory = Callable[..., Brief]


def quiet_first_brief(make_brief: BriefFactory) -> Brief:
    """Two people: the first said nothing, the second one thing."""
    return make_brief(
        people=(Person(id="quiet", name="Ada Quiet"), Person(id="pat", name="Pat Loud")),
        quotes=(Quote(speaker="pat", text="Hello."),),
    )


async def test_the_overview_leads_with_title_place_counts_and_source_then_the_summary(
    summit: Brief,
) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#overview-body").render())
        order = [
            "Harbour Cities Summit 2024",
            "2024-05-14 · Lisbon",
            "2 Agreements",
            "5 Questions",
            "People",
            "Joint statement of the Harbour Cities Summit",
            "Summary",
            "Leaders of six port cities",
        ]
        places = [text.index(part) for part in order]
        assert places == sorted(places)
        body = app.screen.query_one("#overview-body")
        source_line = text[: text.index("Joint statement")].count("\n")
        assert source_line < body.parent.size.height  # above the fold  # type: ignore[union-attr]


async def test_a_count_in_the_overview_opens_its_pane_when_clicked(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#overview-body").render()).splitlines()
        line = next(y for y, row in enumerate(text) if row.startswith("4 Analysis"))
        await pilot.click("#overview-body", offset=(4, line))
        await pilot.pause()
        assert app.screen.active_pane == "analysis"


async def test_the_people_list_starts_on_someone_who_said_something(
    make_brief: BriefFactory,
) -> None:
    app = BriefingApp(quiet_first_brief(make_brief))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        overview = app.screen.query_one(OverviewPane)
        assert overview.person_index == 1
        assert overview.person_items.display and overview.person_items.row_count == 1


async def test_a_person_who_said_nothing_gets_an_empty_state_that_says_why(
    make_brief: BriefFactory,
) -> None:
    app = BriefingApp(quiet_first_brief(make_brief))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("k")
        await pilot.pause()
        overview = app.screen.query_one(OverviewPane)
        empty = app.screen.query_one("#person-empty", EmptyState)
        assert overview.person_index == 0
        assert empty.display and not overview.person_items.display
        said = str(empty.render())
        assert "Nothing by Ada Quiet in this brief." in said
        assert "pick someone else above" in said
        await pilot.press("enter")  # nothing to list: the focus stays on the people
        await pilot.pause()
        assert app.focused is overview.people_list
        await pilot.press("j", "enter")
        await pilot.pause()
        assert app.focused is overview.person_items


def test_an_empty_state_says_what_is_empty_then_what_to_do_on_one_line_each() -> None:
    text = empty_state_text("No quotes\nhere.", "Press / to\nsearch.")
    assert text.plain == "No quotes here.\nPress / to search."


def border_colour(widget: Widget) -> Color:
    _, colour = widget.styles.border_top
    return colour


async def test_every_pane_keeps_a_visible_frame_and_the_focused_one_stands_out(
    summit: Brief,
) -> None:
    for theme in ("textual-dark", "textual-light"):
        app = BriefingApp(summit)
        app.theme = theme
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("2")
            await pilot.pause()
            pane = app.screen.query_one("#agreements-pane", SectionPane)
            background = app.screen.styles.background
            focused, blurred = border_colour(pane.item_list), border_colour(pane.detail)
            quiet = background + blurred  # the frame's colour as drawn over the screen
            lit = background + focused
            assert abs(quiet.brightness - background.brightness) > 0.08, theme
            assert (
                abs(lit.brightness - background.brightness)
                > abs(quiet.brightness - background.brightness)
                or lit.hsl.s > quiet.hsl.s + 0.3
            ), theme


async def test_text_keeps_a_reading_measure_and_the_list_takes_the_room(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        pane = app.screen.query_one("#agreements-pane", SectionPane)
        body = pane.detail.query_one("#detail-body")
        assert 60 <= body.size.width <= 82
        assert pane.item_list.size.width > pane.detail.size.width
        await pilot.press("1")
        await pilot.pause()
        overview_body = app.screen.query_one("#overview-body")
        assert 60 <= overview_body.size.width <= 82


async def test_the_overview_text_scrolls_with_the_pager_keys(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.pause()
        scroll = app.screen.query_one("#overview-text", TextScroll)
        scroll.focus()
        await pilot.press("j", "j")
        assert scroll.scroll_y == 2
        await pilot.press("ctrl+d")
        assert scroll.scroll_y == 2 + scroll.scrollable_content_region.height // 2
        await pilot.press("g")
        assert scroll.scroll_y == 0
