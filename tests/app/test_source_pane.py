"""The Source pane (6): the brief's source article, every quoted passage lit; s on a quote goes
to its passage, enter on a passage goes back to its quote."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefing_tui.app import BriefingApp
from briefing_tui.loader import load_brief
from briefing_tui.widgets.source_view import SourceView, wrap_spans

WaitUntil = Callable[[Pilot[None], Callable[[], object]], Awaitable[None]]


@pytest.fixture
def brief_file(example_brief: Path) -> Path:
    return example_brief


def place(app: BriefingApp) -> tuple[str, int | None]:
    location = app.screen.panes.location()
    return location.pane, location.index


def shown_lines(view: SourceView) -> list[str]:
    return [view.render_line(y).text for y in range(view.size.height)]


async def test_6_shows_the_article_with_a_tab_counting_its_passages(brief_file: Path) -> None:
    app = BriefingApp(load_brief(brief_file), brief_path=brief_file)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "6 Source 5" in str(app.screen.query_one("#pane-tabs").render())
        await pilot.press("6")
        view = app.screen.query_one(SourceView)
        assert app.focused is view
        assert app.screen.panes.location().pane == "source"
        await pilot.pause()
        lines = [line.rstrip() for line in shown_lines(view)]
        assert " Arvenia and Kostmark sign a pact to share the Ossel river" in lines


async def test_s_on_a_quote_shows_its_passage_and_enter_goes_back(brief_file: Path) -> None:
    app = BriefingApp(load_brief(brief_file), brief_path=brief_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "j", "j", "s")
        await pilot.pause()
        view = app.screen.query_one(SourceView)
        passage = view.document.passages[view.cursor]
        assert passage.quote == 2
        assert app.focused is view
        top = view.line_of(passage.start)
        assert view.scroll_offset.y <= top < view.scroll_offset.y + view.size.height
        await pilot.press("right_square_bracket", "enter")
        await pilot.pause()
        assert place(app) == ("quotes", 3)
        await pilot.press("backspace")  # the passage, then the quote s was pressed on
        await pilot.pause()
        assert place(app) == ("source", 3)
        await pilot.press("backspace")
        await pilot.pause()
        assert place(app) == ("quotes", 2)


async def test_no_source_pane_without_the_article(brief_file: Path) -> None:
    (brief_file.parent / "example-river-summit.txt").unlink()
    app = BriefingApp(load_brief(brief_file), brief_path=brief_file)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "Source" not in str(app.screen.query_one("#pane-tabs").render())
        await pilot.press("3", "s", "6")
        assert app.screen.panes.location().pane == "quotes"
        assert not app.screen.query(SourceView)


def test_the_article_is_wrapped_at_spaces_and_long_words_are_cut() -> None:
    text = "one two three\n\nfour"
    assert [text[a:b] for a, b in wrap_spans(text, 7)] == ["one two", "three", "", "four"]
    word = "abcdefghij"
    assert [word[a:b] for a, b in wrap_spans(word, 4)] == ["abcd", "efgh", "ij"]


async def test_r_reads_the_article_again_and_marks_a_quote_it_no_longer_holds(
    brief_file: Path, wait_until: WaitUntil
) -> None:
    app = BriefingApp(load_brief(brief_file), brief_path=brief_file)
    article = brief_file.parent / "example-river-summit.txt"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        article.write_text(article.read_text().replace("stop at the", "halt at the"), "utf-8")
        await pilot.press("r")
        await wait_until(pilot, lambda: app.screen.versions_shown == 1)
        view = app.screen.query_one(SourceView)
        assert view.document.misquotes == 1
        assert "1 misquoted" in str(view.border_subtitle)
        assert place(app)[0] == "source"
