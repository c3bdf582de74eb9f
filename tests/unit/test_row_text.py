"""Rows of a list on at most two lines: the words first, the speaker kept at the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content

from briefing_tui.model import SECTIONS, Lookup
from briefing_tui.widgets.item_rows import item_row, item_row_cells, row_spans
from briefing_tui.widgets.row_text import INDENT, RowText, row_height, row_lines

ROOT = Path(__file__).resolve().parents[2]


def plain(lines: list[Content]) -> list[str]:
    return [line.plain for line in lines]


def test_a_row_that_fits_takes_one_line() -> None:
    row = RowText(Content("Shore power"), Content(" — Rita"))
    assert plain(row_lines(row, 20)) == ["Shore power — Rita"]
    assert row_height(row.whole.cell_length, 20) == 1


def test_a_longer_row_wraps_at_a_word_onto_an_indented_second_line() -> None:
    row = RowText(Content("Every ship that plugs in is a street"), Content(" — Rita"))
    assert plain(row_lines(row, 24)) == ["Every ship that plugs in", "  is a street — Rita"]
    assert row_height(row.whole.cell_length, 24) == 2


def test_a_row_too_long_for_two_lines_is_cut_and_keeps_its_speaker() -> None:
    words = "We (Japan and the EU) need each other more than ever for our security"
    row = RowText(Content(words), Content(" — Ursula von der Leyen"))
    first, second = plain(row_lines(row, 46))
    assert first == "We (Japan and the EU) need each other more"
    assert second.startswith(" " * INDENT + "than ever") and "…" in second
    assert second.endswith("— Ursula von der Leyen") and len(second) <= 46


def test_a_speaker_too_long_for_the_room_left_is_cut_instead() -> None:
    row = RowText(Content("We did not solve the channel today at all"), Content(" — Jonas Brandt"))
    first, second = plain(row_lines(row, 20))
    assert first == "We did not solve the"
    assert second.endswith("…") and len(second) == 20


def test_the_tail_never_splits_across_the_lines() -> None:
    row = RowText(Content("the political will and momentum is there"), Content(" — Eva Pejsova"))
    assert plain(row_lines(row, 44)) == [
        "the political will and momentum is there",
        "  — Eva Pejsova",
    ]


def test_a_lead_comes_first_and_both_lead_and_tail_are_dimmed() -> None:
    row = RowText(Content("words"), Content(" — Pat"), Content("Quote · "))
    assert row.whole.plain == "Quote · words — Pat"
    assert row.dimmed() == ((0, 8), (13, 19))


@pytest.mark.parametrize(
    "path",
    [
        "briefs/eu-japan-summit-2023.yaml",
        "briefs/example-river-summit.yaml",
        "tests/data/hostile.yaml",
    ],
)
def test_the_measured_width_of_every_row_is_the_width_drawn(path: str) -> None:
    from briefing_tui.loader import load_brief

    lookup = Lookup(load_brief(ROOT / path))
    for section in SECTIONS:
        for item in lookup.brief.section(section):
            assert item_row_cells(item, lookup) == item_row(item, lookup).whole.cell_length


def test_search_spans_move_with_the_speaker_to_the_end(make_brief: object) -> None:
    from briefing_tui.model import Person, Quote

    brief = make_brief(  # type: ignore[operator]
        people=(Person(id="p", name="Pat Lee"),),
        quotes=(Quote(speaker="p", text="Ships plug in."),),
    )
    lookup = Lookup(brief)
    quote = brief.quotes[0]
    # the headline reads "Pat Lee: Ships plug in."; the row "Ships plug in. — Pat Lee"
    spans = row_spans(quote, lookup, ((0, 3), (9, 14)))
    whole = item_row(quote, lookup).whole.plain
    assert [whole[start:end] for start, end in spans] == ["Ships", "Pat"]
