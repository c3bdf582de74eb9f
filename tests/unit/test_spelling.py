"""Typo correction: the closest words of a brief's vocabulary to a misspelt one."""

from __future__ import annotations

import pytest

from briefing_tui.spelling import Speller, edit_distance


@pytest.mark.parametrize(
    ("first", "second", "distance"),
    [
        ("hydrogen", "hydrogen", 0),
        ("hydrgen", "hydrogen", 1),  # a letter missing
        ("hydrogne", "hydrogen", 1),  # two letters swapped
        ("hidrogen", "hydrogen", 1),
        ("hdrogne", "hydrogen", 2),
        ("carbon", "hydrogen", 3),  # beyond the limit of 2
    ],
)
def test_edit_distance(first: str, second: str, distance: int) -> None:
    assert edit_distance(first, second, 2) == distance


def test_corrections_prefer_the_closest_then_the_most_frequent() -> None:
    speller = Speller("hydrogen hydrogen hydrogen hydrogel\x00trade trades tirade\x01grade")
    assert speller.corrections("hydrgen") == (("hydrogen",), 1)
    assert speller.corrections("hydrogem") == (("hydrogen", "hydrogel"), 1)
    assert speller.corrections("trde") == (("trade",), 1)


def test_long_words_may_be_two_edits_off_short_ones_one_tiny_ones_none() -> None:
    speller = Speller("semiconductors ship ox")
    assert speller.corrections("semicondcutrs") == (("semiconductors",), 2)
    assert speller.corrections("shp") == (("ship",), 1)
    assert speller.corrections("shep") == (("ship",), 1)
    assert speller.corrections("sxp") == ((), 0)  # two edits off a short word
    assert speller.corrections("ax") == ((), 0)


def test_vocabulary_is_words_of_letters_and_digits() -> None:
    speller = Speller("g7 leaders' (hydrogen), co-operation\x00x")
    assert speller.words == ["co", "g7", "hydrogen", "leaders", "operation"]
