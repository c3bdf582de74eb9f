"""Text from a brief is shown literally, wide characters keep the layout aligned, sizes hold."""

from __future__ import annotations

from collections.abc import Callable

from briefing_tui.app import BriefingApp
from briefing_tui.model import Agreement, Brief, Person, Question, Quote
from briefing_tui.widgets.item_list import ItemList
from briefing_tui.widgets.section_pane import SectionPane

BriefFactory = Callable[..., Brief]

CLICK_TITLE = "[@click=app.quit]see details[/]"
BRACKETS = "Agreement [/] signed"


def markup_brief(make_brief: BriefFactory) -> Brief:
    return make_brief(
        title="[b]Not bold[/b] [@click=app.quit]x[/]",
        agreements=(
            Agreement(title=CLICK_TITLE, summary="[red]not red[/red]", tags=("[i]tag[/i]",)),
            Agreement(title=BRACKETS, summary="Text with [/] and [link] and \x1b[31mescape"),
        ),
        people=(Person(id="p", name="[bold]Pat[/bold]", role="[/role]"),),
        quotes=(Quote(speaker="p", text="[@click=app.quit]q[/]"),),
    )


def rows(item_list: ItemList) -> list[str]:
    return [item_list.render_line(y).text for y in range(item_list.row_count)]


async def test_markup_in_a_title_is_shown_literally_and_clicking_it_does_nothing(
    make_brief: BriefFactory,
) -> None:
    app = BriefingApp(markup_brief(make_brief))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        pane = app.screen.query_one("#agreements-pane", SectionPane)
        assert rows(pane.item_list)[0].strip() == CLICK_TITLE
        body = str(pane.detail.query_one("#detail-body").render())
        assert CLICK_TITLE in body
        assert "[red]not red[/red]" in body
        links = [pane.detail.links.render_line(y).text for y in range(pane.detail.links.line_count)]
        assert any(line.strip().startswith("[i]tag[/i] · 1 item") for line in links)
        await pilot.click(pane.item_list, offset=(6, 1))
        await pilot.click(pane.detail, offset=(4, 1))
        await pilot.pause()
        assert app.is_running


async def test_closing_brackets_neither_crash_nor_vanish(
    make_brief: BriefFactory,
) -> None:
    app = BriefingApp(markup_brief(make_brief))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "j")
        await pilot.pause()
        pane = app.screen.query_one("#agreements-pane", SectionPane)
        assert rows(pane.item_list)[1].strip() == BRACKETS
        body = str(pane.detail.query_one("#detail-body").render())
        assert BRACKETS in body
        assert "Text with [/] and [link] and" in body
        assert "\x1b" not in body


async def test_header_people_and_quotes_are_literal_too(
    make_brief: BriefFactory,
) -> None:
    app = BriefingApp(markup_brief(make_brief))
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        header = str(app.screen.query_one("BriefHeader").render())
        assert "[b]Not bold[/b] [@click=app.quit]x[/]" in header
        people = app.screen.query_one("#people", ItemList)
        assert rows(people)[0].strip() == "[bold]Pat[/bold], [/role]"
        said = app.screen.query_one("#person-items", ItemList)
        assert rows(said)[0].strip() == "Quote     “[@click=app.quit]q[/]”"
        await pilot.press("3")
        await pilot.pause()
        pane = app.screen.query_one("#quotes-pane", SectionPane)
        assert rows(pane.item_list)[0].strip() == "[@click=app.quit]q[/] — [bold]Pat[/bold]"


def wide_brief(make_brief: BriefFactory) -> Brief:
    return make_brief(
        title="日EU首脳会議 🇯🇵🇪🇺 2023",
        agreements=(
            Agreement(title="水素の協力 🌱 " * 10, summary="日本と欧州連合は水素で協力する。" * 20),
            Agreement(title="Short 😀 title", summary="Emoji 🎉 summary."),
        ),
        questions=(Question(question="誰が払うのか？"),),
    )


def pane_right_edge(app: BriefingApp) -> int:
    return app.screen.query_one("#agreements-pane DetailPane").region.right


async def test_wide_characters_keep_rows_aligned_and_cut_with_an_ellipsis(
    make_brief: BriefFactory,
) -> None:
    app = BriefingApp(wide_brief(make_brief))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        item_list = app.screen.query_one("#agreements-pane ItemList", ItemList)
        width = item_list.scrollable_content_region.width
        strips = [item_list.render_line(y) for y in range(item_list.line_count)]
        assert all(strip.cell_length == width for strip in strips)
        assert item_list.row_lines(0) == (0, 2)  # a long title takes two lines, then is cut
        assert not strips[0].text.rstrip().endswith("…")
        assert strips[1].text.rstrip().endswith("…")
        assert strips[2].text.strip() == "Short 😀 title"
        assert pane_right_edge(app) == 80  # nothing wide pushed the detail out of the screen


async def test_long_texts_wrap_in_the_detail(
    make_brief: BriefFactory,
) -> None:
    app = BriefingApp(wide_brief(make_brief))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        body = app.screen.query_one("#agreements-pane #detail-body")
        assert body.size.height > 5  # the long summary takes several lines
        assert body.size.width < 80


async def test_resizing_to_20x6_and_back_keeps_working(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(80, 24)) as pilot:
        for pane in "12345":
            await pilot.press(pane)
            await pilot.resize_terminal(20, 6)
            await pilot.pause()
            await pilot.press("j", "G", "tab", "enter")
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
        await pilot.press("3", "G")
        await pilot.pause()
        assert app.screen.query_one("#quotes-pane", SectionPane).index == 2


async def test_a_2000_item_brief_scrolls_to_the_end_with_G(
    big_brief: Callable[[int], Brief],
) -> None:
    app = BriefingApp(big_brief(2000))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "G")
        await pilot.pause()
        pane = app.screen.query_one("#agreements-pane", SectionPane)
        assert pane.index == 1999
        assert "Agreement number 1999" in str(pane.detail.query_one("#detail-body").render())
        item_list = pane.item_list
        height = item_list.scrollable_content_region.height
        assert item_list.render_line(height - 1).text.strip() == "Agreement number 1999"
        assert item_list.render_line(0).text.strip() == f"Agreement number {2000 - height}"
        await pilot.press("g")
        await pilot.pause()
        assert item_list.render_line(0).text.strip() == "Agreement number 0"


async def test_the_item_list_never_mounts_a_widget_per_item(
    big_brief: Callable[[int], Brief],
) -> None:
    app = BriefingApp(big_brief(2000))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert len(list(app.screen.walk_children())) < 150
