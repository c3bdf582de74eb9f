"""The way back of links, worked out once per brief: what refers to an item, what has a tag; and
a followed tag as a search result for exactly that tag."""

from __future__ import annotations

from collections.abc import Callable

from briefing_tui.model import Agreement, Brief, ItemRef, Lookup, Question, Quote
from briefing_tui.tag_search import tag_query, tag_result

BriefFactory = Callable[..., Brief]


def test_the_security_dialogue_is_named_by_thirteen_items(bundled_summit: Brief) -> None:
    lookup = Lookup(bundled_summit)
    refs = lookup.referenced_by("security-dialogue")
    assert len(refs) == 13
    assert refs == tuple(
        sorted(
            refs,
            key=lambda ref: (
                ["agreements", "quotes", "analysis", "questions"].index(ref.section),
                ref.index,
            ),
        )
    )
    assert all("security-dialogue" in lookup.item(ref).related for ref in refs)


def test_an_item_naming_another_twice_or_itself_counts_once_or_not(
    make_brief: BriefFactory,
) -> None:
    brief = make_brief(
        agreements=(
            Agreement(id="a", title="A", summary="s", related=("a", "b")),
            Agreement(id="b", title="B", summary="s"),
        ),
        questions=(Question(question="Q?", related=("b", "b", "a")),),
    )
    lookup = Lookup(brief)
    assert lookup.referenced_by("b") == (ItemRef("agreements", 0), ItemRef("questions", 0))
    assert lookup.referenced_by("a") == (ItemRef("questions", 0),)
    assert lookup.referenced_by(None) == ()
    assert lookup.referenced_by("nobody") == ()


def tagged(make_brief: BriefFactory) -> Brief:
    return make_brief(
        agreements=(
            Agreement(title="Grid", summary="s", tags=("energy",)),
            Agreement(title="Pipes", summary="s", tags=("energy-security", "Energy")),
        ),
        quotes=(Quote(speaker="p", text="Power.", tags=("energy", "energy")),),
    )


def test_tagged_means_exactly_that_tag(make_brief: BriefFactory) -> None:
    lookup = Lookup(tagged(make_brief))
    assert lookup.tagged("energy") == (ItemRef("agreements", 0), ItemRef("quotes", 0))
    assert lookup.tagged("Energy") == (ItemRef("agreements", 1),)
    assert lookup.tagged("ener") == ()


def test_a_tag_result_holds_exactly_the_tagged_items_marking_the_tag(
    make_brief: BriefFactory,
) -> None:
    lookup = Lookup(tagged(make_brief))
    result = tag_result(lookup, "energy")
    assert result.query.text == 'tag:"energy"'
    assert [hit.ref for hit in result.hits] == [ItemRef("agreements", 0), ItemRef("quotes", 0)]
    assert result.counts == {"agreements": 1, "quotes": 1, "analysis": 0, "questions": 0}
    assert result.indices("agreements") == [0]
    assert result.position(ItemRef("agreements", 1)) is None
    matches = result.hits[1].matches
    assert [(m.field, m.entry, m.spans) for m in matches] == [
        ("tags", 0, ((0, 6),)),
        ("tags", 1, ((0, 6),)),
    ]


def test_a_tag_with_a_double_quote_still_reads_as_one_phrase() -> None:
    assert tag_query('say "no"') == "tag:\"say 'no'\""
