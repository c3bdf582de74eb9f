"""The palette's jump to any item: headlines ranked for a fuzzy query, the best few and a count."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.item_finder import HEADLINE_CHARS, ItemFinder
from briefing_tui.model import Agreement, Brief, ItemRef, Lookup, Person, Quote

BriefFactory = Callable[..., Brief]


@pytest.fixture
def finder(make_brief: BriefFactory) -> ItemFinder:
    return ItemFinder(
        Lookup(
            make_brief(
                agreements=(
                    Agreement(title="A new port authority", summary="s"),  # letters in order
                    Agreement(title="Shipping lanes of Zürich", summary="s"),
                    Agreement(title="Portugal joins", summary="s"),  # starts with "port"
                    Agreement(title="The airport deal", summary="s"),  # inside a word
                    Agreement(title="Ports of\ncall", summary="s"),
                ),
                quotes=(Quote(speaker="ann", text="Straße " * 40),),
                people=(Person(id="ann", name="Ann"),),
            )
        )
    )


def titles(finder: ItemFinder, query: str, limit: int = 10) -> list[str]:
    return [found.text for found in finder.find(query, limit)[0]]


def test_ranked_by_start_then_word_start_then_inside_then_letters(finder: ItemFinder) -> None:
    assert titles(finder, "port") == [
        "Portugal joins",
        "Ports of call",
        "A new port authority",
        "The airport deal",
    ]
    assert titles(finder, "prtl") == ["Portugal joins", "The airport deal", "Ports of call"]


def test_the_best_few_and_how_many_match(finder: ItemFinder) -> None:
    found, total = finder.find("port", 2)
    assert [item.text for item in found] == ["Portugal joins", "Ports of call"]
    assert total == 4
    assert finder.find("zzz", 5) == ([], 0)
    assert finder.find("   ", 5) == ([], 0)


def test_spans_mark_the_original_characters(finder: ItemFinder) -> None:
    (found,), _ = finder.find("zurich", 1)
    assert found.ref == ItemRef("agreements", 1)
    assert [found.text[start:end] for start, end in found.spans] == ["Zürich"]
    assert found.contiguous
    (found,), _ = finder.find("pgj", 1)
    assert [found.text[start:end] for start, end in found.spans] == ["P", "g", "j"]
    assert not found.contiguous


def test_headlines_are_one_line_and_cut(finder: ItemFinder) -> None:
    assert "Ports of call" in titles(finder, "of call")
    (quote,), _ = finder.find("strasse", 1)
    assert quote.text.startswith("Ann: Straße") and len(quote.text) <= HEADLINE_CHARS
    assert quote.text[slice(*quote.spans[0])] == "Straße"


def test_typing_on_narrows_and_deleting_widens_again(finder: ItemFinder) -> None:
    assert len(titles(finder, "p")) == 5
    assert titles(finder, "po") == titles(finder, "po")
    assert titles(finder, "portu") == ["Portugal joins", "A new port authority"]
    assert titles(finder, "portug") == ["Portugal joins"]
    assert len(titles(finder, "p")) == 5  # back to a shorter query
    assert titles(finder, "the") == ["The airport deal"]  # another query altogether


def test_one_finder_per_brief(make_brief: BriefFactory) -> None:
    lookup = Lookup(make_brief())
    assert ItemFinder.of(lookup) is ItemFinder.of(lookup)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text("abcß é", min_size=1, max_size=12), min_size=1, max_size=8),
    st.lists(st.text("abcs e", min_size=1, max_size=4), min_size=1, max_size=4),
)
def test_what_is_found_has_the_letters_in_order_and_nothing_is_missed(
    make_brief: BriefFactory, titles_: list[str], queries: list[str]
) -> None:
    from briefing_tui.folding import fold

    finder = ItemFinder(
        Lookup(make_brief(agreements=tuple(Agreement(title=t, summary="s") for t in titles_)))
    )

    def has_letters(text: str, query: str) -> bool:
        rest = iter(fold(" ".join(text.split())))
        return all(char in rest for char in " ".join(fold(query).split()))

    for query in queries:  # typed one after another, as the palette is
        found, total = finder.find(query, 100)
        expected = [text for text in finder.texts if has_letters(text, query)]
        assert total == len(found) == len(expected) if query.strip() else total == 0
        assert sorted(item.text for item in found) == sorted(expected if query.strip() else [])
