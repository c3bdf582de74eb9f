"""Back and forward over the places jumped to."""

from __future__ import annotations

from briefing_tui.history import History, Location

START = Location("overview", 0)
QUOTE = Location("quotes", 3, scroll=4)
HIT = Location("agreements", 10)


def test_back_and_forward_return_to_each_place_as_it_was_left() -> None:
    history = History(START)
    history.visit(QUOTE, HIT)
    assert history.back(Location("agreements", 10, scroll=2)) == QUOTE
    assert history.forward(QUOTE) == Location("agreements", 10, scroll=2)
    assert not history.can_go_forward


def test_a_jump_drops_the_places_ahead() -> None:
    history = History(START)
    history.visit(START, QUOTE)
    history.visit(QUOTE, HIT)
    history.back(HIT)
    history.visit(QUOTE, Location("questions", 1))
    assert not history.can_go_forward
    assert history.back(Location("questions", 1)) == QUOTE


def test_a_jump_to_the_item_on_show_adds_no_entry() -> None:
    history = History(START)
    history.visit(QUOTE, Location("quotes", 3))
    assert history.current == QUOTE
    assert not history.can_go_back


def test_the_oldest_places_go_past_the_limit() -> None:
    history = History(START, limit=3)
    for index in range(5):
        history.visit(history.current, Location("agreements", index))
    steps = 0
    while history.back(history.current) is not None:
        steps += 1
    assert steps == 2
    assert history.current == Location("agreements", 2)
