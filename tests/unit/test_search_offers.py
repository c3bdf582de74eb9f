"""When nothing matches exactly: corrections per word, roles, the items holding most of the words,
and what the search bar says of every result, mistakes in the query included."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.model import (
    SECTIONS,
    Agreement,
    Analysis,
    Brief,
    ItemRef,
    Person,
    Question,
    Quote,
)
from briefing_tui.search import SearchIndex
from briefing_tui.search_result import Correction, Partial
from briefing_tui.search_state import is_miss, summary_line

BriefFactory = Callable[..., Brief]


@pytest.fixture(scope="module")
def index(make_brief: BriefFactory) -> SearchIndex:
    return SearchIndex(
        make_brief(
            summary="Ports and fleets.",
            agreements=(
                Agreement(title="Hydrogen hubs", summary="Green hydrogen for ports."),
                Agreement(title="Supply chains", summary="Chips and raw materials."),
                Agreement(
                    title="Coal", summary="Hydrogen instead of coal, in the supply of steel."
                ),
            ),
            quotes=(Quote(speaker="ann", text="We build hubs."),),
            analysis=(Analysis(expert="ann", summary="Ports matter most."),),
            questions=(Question(question="Who pays for the hubs?"),),
            people=(Person(id="ann", name="Ann Apfel", role="Harbour master"),),
        )
    )


def refs(index: SearchIndex, query: str) -> list[str]:
    return [f"{hit.ref.section} {hit.ref.index}" for hit in index.search(query).hits]


# --- corrections per word -------------------------------------------------------------------------


def test_each_mistyped_word_gets_its_own_correction(index: SearchIndex) -> None:
    result = index.search("hydrgen suply")
    assert result.corrections == (
        Correction("hydrgen", ("hydrogen",)),
        Correction("suply", ("supply",)),
    )
    assert result.fuzzy and result.partial is None
    assert refs(index, "hydrgen suply") == ["agreements 2"]
    assert summary_line(result) == (
        "No exact match for hydrgen suply — closest: hydrgen → hydrogen, suply → supply"
        " · Agreements 1 · Quotes 0 · Analysis 0 · Questions 0"
    )


def test_a_word_close_to_nothing_is_named_and_the_rest_still_offered(index: SearchIndex) -> None:
    result = index.search("zzzz hubs")
    assert result.unknown == ("zzzz",)
    assert result.partial == Partial(1, 2, ("zzzz", "hubs"))
    assert refs(index, "zzzz hubs") == ["agreements 0", "quotes 0", "questions 0"]
    assert [hit.missing for hit in result.hits] == [("zzzz",)] * 3
    assert summary_line(result).startswith(
        "No item has both zzzz and hubs — 3 have one of them; zzzz is in no item · Agreements 1"
    )


def test_a_word_found_only_in_a_role_is_offered_as_speaker(index: SearchIndex) -> None:
    result = index.search("harbour")
    assert result.corrections == (Correction("harbour", ("speaker:harbour",)),)
    assert refs(index, "harbour") == ["quotes 0", "analysis 0"]
    assert summary_line(result).startswith("No exact match for harbour — closest: speaker:harbour")


# --- partial matches ------------------------------------------------------------------------------


def test_when_no_item_holds_every_word_those_holding_most_are_offered(index: SearchIndex) -> None:
    result = index.search("hubs chips")
    assert result.fuzzy and not result.exact
    assert result.partial == Partial(1, 2, ("hubs", "chips"))
    assert refs(index, "hubs chips") == [
        "agreements 0",
        "agreements 1",
        "quotes 0",
        "questions 0",
    ]
    assert [hit.missing for hit in result.hits] == [("chips",), ("hubs",), ("chips",), ("chips",)]
    assert summary_line(result) == (
        "No item has both hubs and chips — 4 have one of them"
        " · Agreements 2 · Quotes 1 · Analysis 0 · Questions 1"
    )
    assert is_miss(result)


def test_only_the_items_holding_the_most_words_are_offered(index: SearchIndex) -> None:
    result = index.search("hydrogen supply chips")
    assert result.partial == Partial(2, 3, ("hydrogen", "supply", "chips"))
    assert refs(index, "hydrogen supply chips") == ["agreements 1", "agreements 2"]
    assert summary_line(result).startswith(
        "No item has all of hydrogen, supply, chips — 2 have 2 of the 3 ·"
    )


def test_exclusions_and_sections_still_apply_to_the_offer(index: SearchIndex) -> None:
    assert refs(index, "hubs chips -green") == ["agreements 1", "quotes 0", "questions 0"]
    assert refs(index, "hubs chips in:quo") == ["quotes 0"]


def test_the_overview_can_be_offered_too(index: SearchIndex) -> None:
    result = index.search("fleets hydrogen")
    assert result.overview is not None
    assert result.stop_count == 3  # the overview and two agreements, one word each


def test_a_single_word_is_never_partial(index: SearchIndex) -> None:
    result = index.search("zzzz")
    assert result.partial is None and not result.found
    assert summary_line(result) == "No match for zzzz"


def test_with_or_the_best_alternative_is_offered(index: SearchIndex) -> None:
    result = index.search("zzzz OR hubs chips")
    assert result.partial == Partial(1, 2, ("hubs", "chips"))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["hubs", "chips", "coal", "ports", "green", "steel"]),
        min_size=2,
        max_size=4,
        unique=True,
    )
)
def test_an_offer_holds_the_most_words_any_item_holds(index: SearchIndex, words: list[str]) -> None:
    result = index.search(" ".join(words))
    if result.partial is None:
        return
    for hit in result.hits:
        assert len(words) - len(hit.missing) == result.partial.held
    counts = [
        sum(word in fold_item(index, ItemRef(section, number)) for word in words)
        for section in SECTIONS
        for number in range(len(index.brief.section(section)))
    ]
    assert max(counts) <= result.partial.held < len(words)


def fold_item(index: SearchIndex, ref: ItemRef) -> str:
    item = index.brief.section(ref.section)[ref.index]
    names = {person.id: person.name for person in index.brief.people}
    fields = [getattr(item, name, None) for name in ("title", "summary", "text", "question")]
    fields.append(names.get(getattr(item, "speaker", None) or getattr(item, "expert", None) or ""))
    return " ".join(field for field in fields if field).lower()


# --- what the bar says ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "said"),
    [
        (
            "in:xyz hubs",
            "in:xyz names no section (one of agreements, quotes, analysis, questions)"
            " (at character 1) · Agreements 1 · Quotes 1 · Analysis 0 · Questions 1",
        ),
        (
            "hubs in:q",
            "in:q could be quotes or questions (at character 6)"
            " · Agreements 0 · Quotes 1 · Analysis 0 · Questions 1",
        ),
        (
            'hubs "we build',
            "unterminated quote (at character 6)"
            " · Agreements 0 · Quotes 1 · Analysis 0 · Questions 0",
        ),
        ("tag:", "nothing after tag: (at character 1)"),
        (
            "hubs OR",
            "nothing after OR (at character 6)"
            " · Agreements 1 · Quotes 1 · Analysis 0 · Questions 1",
        ),
        (
            "in:xyz",
            "in:xyz names no section (one of agreements, quotes, analysis, questions)"
            " (at character 1)",
        ),
    ],
)
def test_a_mistake_in_the_query_is_explained_as_the_command_line_does(
    index: SearchIndex, query: str, said: str
) -> None:
    result = index.search(query)
    assert summary_line(result) == said
    assert is_miss(result)


def test_the_counts_name_the_overview_when_it_matches(index: SearchIndex) -> None:
    assert summary_line(index.search("ports")) == (
        "Overview 1 · Agreements 1 · Quotes 0 · Analysis 1 · Questions 0"
    )
    assert not is_miss(index.search("ports"))
    assert summary_line(index.search("fleets")) == (
        "Overview 1 · Agreements 0 · Quotes 0 · Analysis 0 · Questions 0"
    )
    assert not is_miss(index.search("fleets"))


def test_no_search_says_how_to_start(index: SearchIndex) -> None:
    assert summary_line(None).startswith("Type to search")
    assert not is_miss(None)
