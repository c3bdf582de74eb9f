"""Lists you can read: a row shows up to two lines before it is cut, a quote's row leads with its
words and dims the speaker, a move repaints only the rows it changes, search matches stay marked."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from textual.strip import Strip

from briefing_tui.app import BriefingApp
from briefing_tui.model import Agreement, Brief, Person, Quote
from briefing_tui.widgets.item_list import ItemList
from briefing_tui.widgets.overview_pane import OverviewPane

WaitUntil = Callable[[Pilot[None], Callable[[], object]], Awaitable[None]]
BriefFactory = Callable[..., Brief]


def drawn_rows(item_list: ItemList) -> list[str]:
    """Each row of the list as drawn, its lines joined, from the top of the list."""
    rows = []
    for row in range(item_list.row_count):
        first, count = item_list.row_lines(row)
        lines = [item_list.render_line(first + n - item_list.scroll_offset.y) for n in range(count)]
        rows.append(" ".join(line.text.strip() for line in lines))
    return rows


async def open_list(pilot: Pilot[None], key: str, section: str) -> ItemList:
    await pilot.press(key)
    await pilot.pause()
    return pilot.app.screen.query_one(f"#{section}-pane ItemList", ItemList)


async def test_long_questions_take_two_lines_before_they_are_cut(bundled_summit: Brief) -> None:
    app = BriefingApp(bundled_summit)
    async with app.run_test(size=(120, 40)) as pilot:
        questions = await open_list(pilot, "5", "questions")
        rows = drawn_rows(questions)
        assert rows[0] == "How will the deals reached at the summit be implemented?"
        assert rows[1] == (
            "How can the two sides show substantial progress in the near to medium term?"
        )
        assert all(questions.row_lines(row)[1] == 2 for row in range(8))
        assert questions.line_count == 16


async def test_at_60_columns_quotes_lead_with_their_words(bundled_summit: Brief) -> None:
    app = BriefingApp(bundled_summit)
    async with app.run_test(size=(60, 18)) as pilot:
        quotes = await open_list(pilot, "3", "quotes")
        rows = drawn_rows(quotes)[:3]
        assert rows[0].startswith("We (Japan and the EU) need")
        assert rows[1].startswith("We are")
        assert rows[2].startswith("unprecedented challenges")
        assert not any(row.startswith("Ursula") for row in rows)


def dim_text(strip: Strip, body: Strip) -> str:
    """The text of `strip` drawn in another colour than the list's body text."""
    colour = next(seg.style.color for seg in body if seg.text.strip() and seg.style)
    return "".join(seg.text for seg in strip if seg.style and seg.style.color != colour).strip()


async def test_the_speaker_follows_the_words_dimmed(bundled_summit: Brief) -> None:
    app = BriefingApp(bundled_summit)
    async with app.run_test(size=(120, 40)) as pilot:
        quotes = await open_list(pilot, "3", "quotes")
        await pilot.press("G")  # the cursor off the first rows
        await pilot.pause()
        rows = drawn_rows(quotes)
        assert rows[3] == "anywhere in the world — Joint statement"
        assert rows[1].endswith("— Ursula von der Leyen") and "…" in rows[1]
        first, _ = quotes.row_lines(3)
        line = quotes.render_line(first - quotes.scroll_offset.y)
        assert dim_text(line, line) == "— Joint statement"


async def test_what_one_person_said_does_not_repeat_their_name(bundled_summit: Brief) -> None:
    app = BriefingApp(bundled_summit)
    async with app.run_test(size=(120, 40)) as pilot:
        overview = app.screen.query_one(OverviewPane)
        people = [person.name for person in bundled_summit.people]
        overview.select_person(people.index("Eva Pejsova"))
        await pilot.pause()
        rows = drawn_rows(overview.person_items)
        assert rows and all(row.startswith(("Quote     “", "Analysis  ")) for row in rows)
        assert not any("Eva Pejsova" in row for row in rows)


async def test_search_matches_are_marked_on_both_lines_and_in_the_speaker(
    make_brief: BriefFactory, wait_until: WaitUntil
) -> None:
    words = "Ships plug in and the harbour breathes"
    brief = make_brief(
        people=(Person(id="p", name="Rita Almeida"),),
        quotes=(Quote(speaker="p", text=words),),
        agreements=(Agreement(title="Unrelated", summary="s"),),
    )
    app = BriefingApp(brief)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"ships harbour almeida", "escape", "3", "tab")
        quotes = app.screen.query_one("#quotes-pane ItemList", ItemList)
        await wait_until(pilot, lambda: quotes.row_lines(0)[1] == 2)
        marked = [
            segment.text
            for y in range(2)
            for segment in quotes.render_line(y)
            if segment.style and segment.style.bold
        ]
        assert marked == ["Ships", "harbour", "Almeida"]


async def test_a_move_repaints_the_lines_of_two_rows_only(bundled_summit: Brief) -> None:
    app = BriefingApp(bundled_summit)
    async with app.run_test(size=(120, 40)) as pilot:
        quotes = await open_list(pilot, "3", "quotes")
        await pilot.pause()
        repainted: list[tuple[int, int]] = []
        original = quotes.refresh_lines

        def spy(y: int, count: int = 1) -> None:
            repainted.append((y, count))
            original(y, count)

        quotes.refresh_lines = spy  # type: ignore[method-assign]
        await pilot.press("j")
        assert repainted == [quotes.row_lines(0), quotes.row_lines(1)]
