"""OR, prefixes, typography and the brief's own title and summary, as the search finds them."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.folding import fold
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
from briefing_tui.search import SearchIndex, SearchResult
from briefing_tui.search_state import overview_highlights, step_stop

BriefFactory = Callable[..., Brief]


@pytest.fixture(scope="module")
def index(make_brief: BriefFactory) -> SearchIndex:
    """A brief whose title and summary say things no item does, with typographic punctuation."""
    brief = make_brief(
        title="Harbour summit — the EU’s ports",
        summary="Trade equal to a quarter of world GDP… and the port of Rotterdam.",
        agreements=(
            Agreement(
                title="Hydrogen hubs", summary="Dehydrated fuels stay out.", tags=("energy",)
            ),
            Agreement(title="Shore power", summary="Cables to every berth by 2030–2035."),
            Agreement(title="Pilots", summary="The EU's pilots train together."),
        ),
        quotes=(Quote(speaker="ann", text="“Hydrogenation” is not the plan.", tags=("energy",)),),
        analysis=(Analysis(expert="ann", summary="Fukushima food imports resume."),),
        questions=(Question(question="Who pays for the hydrogen?"),),
        people=(Person(id="ann", name="Ann Apfel", role="Port expert"),),
    )
    return SearchIndex(brief)


def found(index: SearchIndex, query: str) -> list[str]:
    """The hits of a query as "section index" strings, in brief order."""
    return [f"{hit.ref.section} {hit.ref.index}" for hit in index.search(query).hits]


def marked(result: SearchResult) -> list[list[str]]:
    """The marked texts of each hit."""
    return [
        [match.text[start:end] for match in hit.matches for start, end in match.spans]
        for hit in result.hits
    ]


# --- OR -------------------------------------------------------------------------------------------


def test_or_finds_the_items_with_either(index: SearchIndex) -> None:
    assert found(index, "fukushima OR berth") == ["agreements 1", "analysis 0"]
    assert found(index, "fukushima | berth") == found(index, "fukushima OR berth")
    assert marked(index.search("fukushima OR berth")) == [["berth"], ["Fukushima"]]


def test_and_binds_tighter_than_or(index: SearchIndex) -> None:
    # (hydrogen AND pays) OR shore
    assert found(index, "hydrogen pays OR shore") == ["agreements 1", "questions 0"]
    assert found(index, "shore OR hydrogen pays") == ["agreements 1", "questions 0"]


def test_an_exclusion_belongs_to_its_alternative(index: SearchIndex) -> None:
    assert found(index, "hydrogen -pays OR shore") == [
        "agreements 0",
        "agreements 1",
        "quotes 0",
    ]


def test_in_and_field_terms_with_or(index: SearchIndex) -> None:
    assert found(index, "hydrogen OR fukushima in:quo") == ["quotes 0"]  # in: narrows both
    assert found(index, "tag:energy OR pilots") == ["agreements 0", "agreements 2", "quotes 0"]


# --- prefixes -------------------------------------------------------------------------------------


def test_a_prefix_matches_only_where_a_word_begins(index: SearchIndex) -> None:
    assert found(index, "hydro") == ["agreements 0", "quotes 0", "questions 0"]  # Dehydrated too
    assert found(index, "hydro*") == ["agreements 0", "quotes 0", "questions 0"]
    assert found(index, "hydrat*") == []  # inside "Dehydrated" only
    assert found(index, "hydrat") == ["agreements 0"]
    assert marked(index.search("hydro*"))[0] == ["Hydro"]  # not "hydra" in Dehydrated
    assert found(index, "deh*") == ["agreements 0"]


def test_a_prefix_of_a_field_term(index: SearchIndex) -> None:
    assert found(index, "tag:ener*") == ["agreements 0", "quotes 0"]
    assert found(index, "tag:nergy*") == []
    assert found(index, "speaker:apf*") == ["quotes 0", "analysis 0"]


# --- typography -----------------------------------------------------------------------------------


def test_straight_and_curly_apostrophes_find_each_other_and_mark_the_original(
    index: SearchIndex,
) -> None:
    assert found(index, "EU's") == found(index, "EU’s") == ["agreements 2"]
    assert index.search("EU's").overview is not None  # "the EU’s ports"
    title = index.brief.title
    start = title.index("EU’s")
    assert overview_highlights(index.search("EU's")) == {"title": ((start, start + 4),)}


def test_quotes_dashes_and_the_ellipsis_as_typed_on_a_plain_keyboard(index: SearchIndex) -> None:
    assert found(index, "“is not the”") == found(index, '"is not the"') == ["quotes 0"]
    assert found(index, "«not is»") == []
    assert found(index, "2030-2035") == ["agreements 1"]
    assert marked(index.search("2030-2035")) == [["2030–2035"]]
    result = index.search("GDP...")
    assert [m.text[a:b] for m in result.overview.matches for a, b in m.spans] == ["GDP…"]  # type: ignore[union-attr]


# --- the overview ---------------------------------------------------------------------------------


def test_the_summary_and_title_are_searched_as_their_own_group(index: SearchIndex) -> None:
    result = index.search("gdp")
    assert result.found and result.exact and not result.hits
    assert result.overview is not None
    assert [(m.field, m.text[a:b]) for m in result.overview.matches for a, b in m.spans] == [
        ("summary", "GDP")
    ]
    assert result.group_counts == {"overview": 1, **dict.fromkeys(SECTIONS, 0)}
    assert result.stop_count == 1
    assert len(result) == 0  # what an export writes: items only


def test_the_overview_comes_first_and_items_keep_their_counts(index: SearchIndex) -> None:
    result = index.search("port*")  # not "imports"
    assert result.overview is not None
    title, summary = index.brief.title, index.brief.summary
    assert overview_highlights(result) == {
        "title": ((title.index("port"), title.index("port") + 4),),
        "summary": ((summary.index("port"), summary.index("port") + 4),),
    }
    assert list(result.group_counts) == ["overview", *SECTIONS]
    assert result.counts == {"agreements": 0, "quotes": 0, "analysis": 0, "questions": 0}
    assert found(index, "speaker:port") == ["quotes 0", "analysis 0"]  # the role, by speaker:


def test_title_finds_the_briefs_title_and_in_leaves_the_overview_out(index: SearchIndex) -> None:
    assert index.search("title:harbour").overview is not None
    assert index.search("title:rotterdam").overview is None  # in the summary only
    assert index.search("rotterdam in:agreements").overview is None
    assert index.search("rotterdam -in:quotes").overview is not None
    assert index.search("tag:gdp").overview is None
    assert index.search("gdp -rotterdam").overview is None


def test_no_overview_match_is_none(index: SearchIndex) -> None:
    result = index.search("hydrogen")
    assert result.overview is None
    assert overview_highlights(result) == {}
    assert overview_highlights(None) == {}


def test_n_and_shift_n_walk_the_overview_first(index: SearchIndex) -> None:
    result = index.search("pilots OR rotterdam")  # the overview, then agreements 2
    assert step_stop(result, 1, None) == (0, False)  # on the Overview: the first hit
    assert step_stop(result, -1, None) == (0, True)  # back from the Overview: wraps to the last
    assert step_stop(result, 1, ItemRef("agreements", 2)) == (None, True)  # wraps to the Overview
    assert step_stop(result, -1, ItemRef("agreements", 2)) == (None, False)
    assert step_stop(result, -1, "agreements") == (None, False)  # a pane's top
    assert step_stop(result, 1, "questions") == (None, True)
    items_only = index.search("pilots")
    assert step_stop(items_only, 1, None) == (0, False)
    assert step_stop(items_only, -1, None) == (0, True)


# --- properties over random briefs ----------------------------------------------------------------

WORDS = ["ab", "ba", "abc", "cab", "Ab", "äb", "c d", "ca", "a’b", "c–d"]
texts = st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join)


@st.composite
def briefs(draw: st.DrawFn) -> dict[str, object]:
    """Items of every kind, a title and a summary, their texts drawn from a few short words."""
    people = (Person(id="p0", name=draw(st.sampled_from(["Ab Ca", "Bäc"])), role=draw(texts)),)
    tags = st.lists(texts, max_size=2).map(tuple)
    return dict(
        title=draw(texts) or "x",
        summary=draw(texts) or "x",
        agreements=tuple(
            Agreement(title=t, summary=s, tags=g)
            for t, s, g in draw(st.lists(st.tuples(texts, texts, tags), max_size=3))
        ),
        quotes=tuple(
            Quote(speaker="p0", text=t, context=c)
            for t, c in draw(st.lists(st.tuples(texts, st.none() | texts), max_size=3))
        ),
        questions=tuple(
            Question(question=q, why=w)
            for q, w in draw(st.lists(st.tuples(texts, texts), max_size=2))
        ),
        people=people,
    )


def own_texts(brief: Brief, ref: ItemRef | None) -> list[str]:
    """What a plain word may match in an item (its texts, tags and its person's name, not the
    role), or in the overview (None): the brief's title and summary."""
    if ref is None:
        return [brief.title, brief.summary]
    item = brief.section(ref.section)[ref.index]
    names = {person.id: person.name for person in brief.people}
    values = [
        getattr(item, name, None)
        for name in ("title", "summary", "text", "context", "question", "why")
    ]
    values += [*item.tags, names.get(getattr(item, "speaker", None) or "")]
    return [value for value in values if value]


def holds(texts: list[str], word: str, cased: bool) -> bool:
    """Whether a query word (``-`` excludes, a trailing ``*`` is a prefix) holds for texts."""
    plain = word.lstrip("-").rstrip("*")
    pattern = re.escape(fold(plain, cased))
    if word.endswith("*"):
        pattern = r"(?<![^\W_])" + pattern
    present = any(re.search(pattern, fold(text, cased)) for text in texts)
    return not present if word.startswith("-") else present


QUERY_WORDS = ["ab", "b", "Ab", "ä", "ca", "ab*", "b*", "a'b", "c-d", "-ca", "-b*", "zz"]
alternatives = st.lists(st.sampled_from(QUERY_WORDS), min_size=1, max_size=3)


@settings(max_examples=250, deadline=None)
@given(briefs(), st.lists(alternatives, min_size=1, max_size=3))
def test_hits_are_exactly_the_items_holding_every_term_of_an_alternative(
    make_brief: BriefFactory, data: dict[str, object], groups: list[list[str]]
) -> None:
    brief = make_brief(**data)
    result = SearchIndex(brief).search(" OR ".join(" ".join(group) for group in groups))
    cased = any(char.isupper() for group in groups for word in group for char in word)

    def matches(ref: ItemRef | None) -> bool:
        texts = own_texts(brief, ref)
        return any(all(holds(texts, word, cased) for word in group) for group in groups)

    expected = [
        ItemRef(section, number)
        for section in SECTIONS
        for number in range(len(brief.section(section)))
        if matches(ItemRef(section, number))
    ]
    if result.fuzzy:  # an offer: nothing matched exactly
        assert expected == [] and not matches(None)
        return
    assert [hit.ref for hit in result.hits] == expected
    assert (result.overview is not None) == matches(None)
    for hit in result.hits:  # every hit shows the terms of an alternative it holds
        shown = [m.text[a:b] for m in hit.matches for a, b in m.spans]
        assert any(
            all(holds(shown, word, cased) for word in group if not word.startswith("-"))
            for group in groups
            if all(holds(own_texts(brief, hit.ref), word, cased) for word in group)
        )
