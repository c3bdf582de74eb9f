"""Searching a brief as the search bar does: what is found, where it is highlighted, what shows."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from briefing_tui.folding import fold
from briefing_tui.loader import load_brief
from briefing_tui.model import (
    SECTIONS,
    Agreement,
    Analysis,
    Brief,
    ItemRef,
    Lookup,
    Person,
    Question,
    Quote,
)
from briefing_tui.search import Match, SearchIndex, SearchResult
from briefing_tui.search_state import step_hit
from briefing_tui.snippet import snippet

BriefFactory = Callable[..., Brief]


@pytest.fixture(scope="module")
def searched(make_brief: BriefFactory) -> Brief:
    """A small brief of every kind of item, with accents, CJK, a URL and a line break."""
    return make_brief(
        agreements=(
            Agreement(
                title="Green Alliance",
                summary="Cooperation on hydrogen and\nclean energy.",
                details=("Hydrogen hubs in ports", "A fund for Łódź"),
                tags=("energy", "climate"),
            ),
            Agreement(
                title="Chips",
                summary="Semiconductor supply chains, 日本 and the café.",
                tags=("trade",),
            ),
            Agreement(
                title="Cables", summary="An Arctic subsea cable: see https://example.org/cable."
            ),
        ),
        quotes=(
            Quote(
                speaker="maslow", text="Japan is the partner of choice.", context="At the summit"
            ),
            Quote(speaker="vdl", text="Our security is indivisible.", tags=("security",)),
        ),
        analysis=(
            Analysis(
                expert="maslow", title="A pivot to Europe", summary="Hydrogen matters to Pejsová."
            ),
            Analysis(expert="pejsova", summary="Momentum is building; energy is the key."),
        ),
        questions=(
            Question(question="Will hydrogen pay off?", why="Maslow doubts the money is there."),
            Question(question="How fast?", tags=("energy",)),
        ),
        people=(
            Person(id="maslow", name="Sebastian Maslow", role="senior lecturer"),
            Person(id="vdl", name="Ursula von der Leyen", role="President of the Commission"),
            Person(id="pejsova", name="Ivana Pejsova"),
        ),
    )


@pytest.fixture(scope="module")
def index(searched: Brief) -> SearchIndex:
    """The search index of `searched`."""
    return SearchIndex(searched)


def found(index: SearchIndex, query: str) -> list[str]:
    """The hits of a query as "section index" strings, in the order given."""
    return [f"{hit.ref.section} {hit.ref.index}" for hit in index.search(query).hits]


def highlighted(result: SearchResult) -> list[tuple[str, int | None, list[str]]]:
    """Every match of every hit as (field, entry, highlighted texts)."""
    return [
        (match.field, match.entry, [match.text[start:end] for start, end in match.spans])
        for hit in result.hits
        for match in hit.matches
    ]


# --- what is found ------------------------------------------------------------------------------


def test_words_match_anywhere_in_any_field_as_substrings(index: SearchIndex) -> None:
    assert found(index, "hydrogen") == ["agreements 0", "analysis 0", "questions 0"]
    assert found(index, "hydro") == found(index, "hydrogen")
    assert found(index, "ydroge") == found(index, "hydrogen")


def test_words_are_anded(index: SearchIndex) -> None:
    assert found(index, "hydrogen energy") == ["agreements 0"]
    assert found(index, "hydrogen money") == ["questions 0"]


def test_a_name_finds_what_the_person_said_and_analysed(index: SearchIndex) -> None:
    result = index.search("maslow")
    assert found(index, "maslow") == ["quotes 0", "analysis 0", "questions 0"]
    assert highlighted(result)[:2] == [
        ("speaker", None, ["Maslow"]),
        ("expert", None, ["Maslow"]),
    ]
    assert result.hits[0].matches[0].text == "Sebastian Maslow, senior lecturer"


def test_a_role_is_searched_by_speaker_and_a_plain_word_in_a_role_is_offered_as_that(
    index: SearchIndex,
) -> None:
    assert found(index, "speaker:lecturer") == ["quotes 0", "analysis 0"]
    assert highlighted(index.search("speaker:lecturer")) == [
        ("speaker", None, ["lecturer"]),
        ("expert", None, ["lecturer"]),
    ]
    result = index.search("lecturer")  # in no item's own text
    assert result.fuzzy
    assert result.suggestions == ("speaker:lecturer",)
    assert found(index, "lecturer") == ["quotes 0", "analysis 0"]


def test_a_plain_word_marks_a_persons_name_never_their_role(index: SearchIndex) -> None:
    quote = next(hit for hit in index.search("se").hits if hit.ref == ItemRef("quotes", 0))
    speaker = next(match for match in quote.matches if match.field == "speaker")
    assert speaker.text == "Sebastian Maslow, senior lecturer"
    assert [speaker.text[start:end] for start, end in speaker.spans] == ["Se"]  # not "senior"


def test_counts_have_every_section(index: SearchIndex) -> None:
    result = index.search("maslow")
    assert result.counts == {"agreements": 0, "quotes": 1, "analysis": 1, "questions": 1}
    assert len(result) == 3


def test_hits_are_in_brief_order_and_grouped_by_section(index: SearchIndex) -> None:
    result = index.search("energy")
    refs = [hit.ref for hit in result.hits]
    assert refs == sorted(refs, key=lambda ref: (SECTIONS.index(ref.section), ref.index))
    assert [hit.ref for hit in result.in_section("questions")] == [ItemRef("questions", 1)]
    assert list(result.in_section("quotes")) == []
    assert result.indices("agreements") == [0]
    assert result.indices("analysis") == [1]


def test_position_tells_where_an_item_stands_among_the_hits(index: SearchIndex) -> None:
    result = index.search("hydrogen")
    assert result.position(ItemRef("analysis", 0)) == 1
    assert result.position(ItemRef("quotes", 0)) is None


def test_hits_before_counts_the_hits_ahead_of_any_item(index: SearchIndex) -> None:
    result = index.search("hydrogen")
    assert result.hits_before(ItemRef("agreements", 0)) == 0
    assert result.hits_before(ItemRef("quotes", 0)) == 1  # not a hit: after the first
    assert result.hits_before(ItemRef("analysis", 0)) == 1  # a hit: its own position
    assert result.hits_before(ItemRef("questions", 99)) == len(result.hits)


def test_hits_are_made_once_and_can_be_sliced(index: SearchIndex) -> None:
    hits = index.search("hydrogen").hits
    assert hits[0] is hits[0]
    assert hits[-1].ref == ItemRef("questions", 0)
    assert [hit.ref.index for hit in hits[1:]] == [0, 0]
    assert len(hits[5:]) == 0
    with pytest.raises(IndexError):
        hits[3]


def test_empty_query_matches_nothing(index: SearchIndex) -> None:
    for query in ("", "  ", "-", "tag:"):
        result = index.search(query)
        assert len(result) == 0
        assert result.counts == dict.fromkeys(SECTIONS, 0)
        assert not result.fuzzy


# --- smart case and accents ----------------------------------------------------------------


def test_lower_case_ignores_case_and_a_capital_makes_it_exact(index: SearchIndex) -> None:
    assert found(index, "hydrogen") == ["agreements 0", "analysis 0", "questions 0"]
    assert found(index, "Hydrogen") == ["agreements 0", "analysis 0"]
    assert highlighted(index.search("Hydrogen")) == [
        ("details", 0, ["Hydrogen"]),
        ("summary", None, ["Hydrogen"]),
    ]


def test_accents_are_ignored_both_ways_and_highlights_cover_the_original(
    index: SearchIndex,
) -> None:
    assert highlighted(index.search("pejsova"))[:2] == [
        ("summary", None, ["Pejsová"]),
        ("expert", None, ["Pejsova"]),
    ]
    assert found(index, "Pejsová") == found(index, "Pejsova") == ["analysis 0", "analysis 1"]
    assert highlighted(index.search("lodz")) == [("details", 1, ["Łódź"])]
    assert highlighted(index.search("cafe")) == [("summary", None, ["café"])]


def test_cjk_spans_are_right(index: SearchIndex) -> None:
    (match,) = index.search("日本").hits[0].matches
    assert [match.text[start:end] for start, end in match.spans] == ["日本"]


# --- phrases, exclusions, filters --------------------------------------------------------------


def test_phrase_needs_the_words_together_and_in_order(index: SearchIndex) -> None:
    assert found(index, '"clean energy"') == ["agreements 0"]
    assert found(index, '"and clean"') == ["agreements 0"]  # across a line break
    assert found(index, '"energy clean"') == []
    assert found(index, '"hydrogen energy"') == []
    assert highlighted(index.search('"and clean"')) == [("summary", None, ["and\nclean"])]


def test_unterminated_phrase_still_searches(index: SearchIndex) -> None:
    assert found(index, '"clean ener') == ["agreements 0"]


def test_exclusions(index: SearchIndex) -> None:
    assert found(index, "energy -hydrogen") == ["analysis 1", "questions 1"]
    assert found(index, 'hydrogen -"clean energy"') == ["analysis 0", "questions 0"]
    assert found(index, "energy -tag:energy") == ["analysis 1"]


def test_only_exclusions_match_everything_else(index: SearchIndex) -> None:
    assert found(index, "-hydrogen -energy") == [
        "agreements 1",
        "agreements 2",
        "quotes 0",
        "quotes 1",
    ]
    assert index.search("-hydrogen").hits[0].matches == ()


def test_speaker_filter_by_name_id_or_role_only_finds_what_they_said(index: SearchIndex) -> None:
    assert found(index, "speaker:maslow") == [
        "quotes 0",
        "analysis 0",
    ]  # not the question naming him
    assert found(index, "speaker:sebastian") == ["quotes 0", "analysis 0"]
    assert found(index, "expert:vdl") == ["quotes 1"]
    assert highlighted(index.search("speaker:seb")) == [
        ("speaker", None, ["Seb"]),
        ("expert", None, ["Seb"]),
    ]


def test_tag_filter(index: SearchIndex) -> None:
    assert found(index, "tag:ener") == ["agreements 0", "questions 1"]
    assert highlighted(index.search("tag:climate")) == [("tags", 1, ["climate"])]
    assert found(index, "tag:security") == ["quotes 1"]
    assert found(index, "security -tag:security") == []


def test_title_filter(index: SearchIndex) -> None:
    assert found(index, "title:europe") == ["analysis 0"]
    assert found(index, "title:hydrogen") == []


def test_section_filter(index: SearchIndex) -> None:
    assert found(index, "in:quotes") == ["quotes 0", "quotes 1"]
    assert found(index, "in:q energy") == ["questions 1"]
    assert found(index, "hydrogen -in:agreements") == ["analysis 0", "questions 0"]


def test_unknown_field_is_searched_as_text(index: SearchIndex) -> None:
    assert found(index, "https://example.org") == ["agreements 2"]
    assert found(index, "cable:") == ["agreements 2"]  # "subsea cable: see"
    assert found(index, "subsea:cable") == []  # no error, and not there as typed


def test_details_and_tags_match_entry_by_entry(index: SearchIndex) -> None:
    assert highlighted(index.search("hubs")) == [("details", 0, ["hubs"])]
    result = index.search("energy")
    assert ("tags", 0, ["energy"]) in highlighted(result)


def test_every_occurrence_is_highlighted(index: SearchIndex) -> None:
    result = index.search("en")
    first = result.hits[0].matches
    assert first[0].field == "title"
    assert [first[0].text[start:end] for start, end in first[0].spans] == ["en"]
    summary = first[1]
    assert len(summary.spans) == summary.text.lower().count("en")


def test_in_the_summit_brief_a_name_finds_all_the_person_said_and_analysed() -> None:
    path = Path(__file__).resolve().parents[2] / "briefs" / "eu-japan-summit-2023.yaml"
    brief = load_brief(path)
    maslow = next(person for person in brief.people if "Maslow" in person.name)
    theirs = Lookup(brief).by_person(maslow.id)
    index = SearchIndex(brief)
    assert theirs
    assert [hit.ref for hit in index.search("speaker:maslow").hits] == theirs
    assert set(theirs) <= {hit.ref for hit in index.search("maslow").hits}


# --- typos ---------------------------------------------------------------------------------------


def test_a_typo_finds_the_closest_word_and_says_so(index: SearchIndex) -> None:
    result = index.search("hydrgen")
    assert result.fuzzy
    assert result.suggestions == ("hydrogen",)
    assert found(index, "hydrgen") == found(index, "hydrogen")
    assert ("summary", None, ["hydrogen"]) in highlighted(result)


def test_a_typo_beside_a_good_word(index: SearchIndex) -> None:
    result = index.search("clean hydrogne")
    assert result.fuzzy
    assert [hit.ref for hit in result.hits] == [ItemRef("agreements", 0)]


def test_a_typo_within_a_section(index: SearchIndex) -> None:
    assert found(index, "in:questions hydrgen") == ["questions 0"]


def test_exact_matches_are_not_fuzzy(index: SearchIndex) -> None:
    result = index.search("hydrogen")
    assert not result.fuzzy
    assert result.suggestions == ()


def test_nothing_close_means_nothing_found(index: SearchIndex) -> None:
    result = index.search("zzzzzz")
    assert len(result) == 0
    assert not result.fuzzy
    assert result.suggestions == ()


def test_a_capitalised_word_found_only_in_lower_case_is_offered_in_lower_case(
    index: SearchIndex,
) -> None:
    result = index.search("Momentum Energy")
    assert result.fuzzy
    assert result.suggestions == ("energy",)
    assert found(index, "Momentum Energy") == ["analysis 1"]


def test_prepare_changes_no_result(searched: Brief) -> None:
    index = SearchIndex(searched)
    before = [found(index, query) for query in ("hydrgen", "Hydrogen", "tag:energy")]
    index.prepare()
    assert [found(index, query) for query in ("hydrgen", "Hydrogen", "tag:energy")] == before


# --- snippets ------------------------------------------------------------------------------------


LONG = (
    "The leaders met in Brussels on Thursday and agreed, after a long session on supply chains,\n"
    "to set up a hydrogen corridor between the two economies, with funding from both sides."
)


def test_snippet_of_short_text_is_the_text_on_one_line() -> None:
    match = Match("summary", "Cooperation on hydrogen and\nclean energy.", ((15, 23),))
    assert snippet(match, 80) == ("Cooperation on hydrogen and clean energy.", ((15, 23),))


def test_snippet_cuts_around_the_first_span_with_ellipses(index: SearchIndex) -> None:
    start = LONG.index("hydrogen")
    text, spans = snippet(Match("summary", LONG, ((start, start + 8),)), 40)
    assert cell_len(text) <= 40
    assert text.startswith("…") and text.endswith("…")
    assert [text[begin:end] for begin, end in spans] == ["hydrogen"]
    assert "\n" not in text
    assert spans[0][0] > 1  # some context before the match


def test_snippet_starts_at_a_word(index: SearchIndex) -> None:
    start = LONG.index("hydrogen")
    text, _ = snippet(Match("summary", LONG, ((start, start + 8),)), 40)
    assert text[1] != " "
    assert text[1:].split(" ")[0] in LONG.split()


def test_snippet_at_the_end_fills_with_earlier_text(index: SearchIndex) -> None:
    start = LONG.index("sides")
    text, spans = snippet(Match("summary", LONG, ((start, start + 5),)), 30)
    assert text.endswith("sides.")
    assert cell_len(text) >= 20
    assert [text[begin:end] for begin, end in spans] == ["sides"]


def test_snippet_counts_wide_characters_as_two_cells(index: SearchIndex) -> None:
    text = "経済安全保障について日本と欧州連合は水素で協力することに合意した"
    start = text.index("水素")
    line, spans = snippet(Match("summary", text, ((start, start + 2),)), 20)
    assert cell_len(line) <= 20
    assert [line[begin:end] for begin, end in spans] == ["水素"]


def test_snippet_keeps_spans_it_shows_and_clips_the_rest(index: SearchIndex) -> None:
    text = "hydrogen " * 30
    spans = tuple((index * 9, index * 9 + 8) for index in range(30))
    line, shown = snippet(Match("summary", text, spans), 30)
    assert shown[0] == (0, 8)
    assert all(line[begin:end] in "hydrogen" for begin, end in shown)
    assert shown[-1][1] <= len(line) - 1  # the trailing "…" is not highlighted


def test_snippet_blanks_control_characters() -> None:
    line, _ = snippet(Match("summary", "bell\x07and\x1b[31mred", ((0, 4),)), 80)
    assert line == "bell and [31mred"


def test_snippet_of_tiny_widths(index: SearchIndex) -> None:
    match = Match("summary", LONG, ((LONG.index("hydrogen"), LONG.index("hydrogen") + 8),))
    assert snippet(match, 0) == ("", ())
    assert snippet(match, 2) == ("hy", ((0, 2),))
    assert snippet(match, 3) == ("…h…", ((1, 2),))


@settings(max_examples=300)
@given(
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300),
    st.data(),
    st.integers(min_value=1, max_value=90),
)
def test_snippet_fits_and_its_spans_show_the_matched_text(
    text: str, data: st.DataObject, width: int
) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    line, spans = snippet(Match("summary", text, ((start, end),)), width)
    assert cell_len(line) <= width
    assert "\n" not in line
    for begin, stop in spans:
        assert 0 <= begin < stop <= len(line)
        assert line[begin:stop] in re.sub(r"[\s\x00-\x1f\x7f-\x9f]+", " ", text[start:end])


# --- properties over random briefs ----------------------------------------------------------

WORDS = ["ab", "ba", "abc", "cab", "Ab", "äb", "c d", "ca"]
texts = st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join)
names = st.sampled_from(["Ab Ca", "Bäc", "cab"])


@st.composite
def sections(draw: st.DrawFn) -> dict[str, object]:
    """People and items of every kind, their texts drawn from a few short words."""
    people = tuple(
        Person(id=f"p{number}", name=draw(names), role=draw(st.none() | texts))
        for number in range(2)
    )
    person = st.sampled_from(["p0", "p1", "p9"])  # p9 is in no people list
    tags = st.lists(texts, max_size=2).map(tuple)
    return dict(
        agreements=tuple(
            Agreement(title=t, summary=s, details=tuple(d), tags=g)
            for t, s, d, g in draw(
                st.lists(st.tuples(texts, texts, st.lists(texts, max_size=2), tags), max_size=3)
            )
        ),
        quotes=tuple(
            Quote(speaker=p, text=t, context=c, tags=g)
            for p, t, c, g in draw(
                st.lists(st.tuples(person, texts, st.none() | texts, tags), max_size=3)
            )
        ),
        analysis=tuple(
            Analysis(expert=p, summary=s, title=t)
            for p, s, t in draw(st.lists(st.tuples(person, texts, st.none() | texts), max_size=3))
        ),
        questions=tuple(
            Question(question=q, why=w, tags=g)
            for q, w, g in draw(st.lists(st.tuples(texts, st.none() | texts, tags), max_size=3))
        ),
        people=people,
    )


def searchable(brief: Brief, ref: ItemRef) -> list[str]:
    """Everything of an item a plain word may match: its texts, tags and its person's name."""
    item = brief.section(ref.section)[ref.index]
    people = {p.id: p.name for p in brief.people}
    values = [
        getattr(item, name, None)
        for name in ("title", "summary", "text", "context", "question", "why")
    ]
    values += list(getattr(item, "details", ())) + list(item.tags)
    values += [
        people.get(person, person)
        for person in (getattr(item, "speaker", None), getattr(item, "expert", None))
        if person
    ]
    return [value for value in values if value]


def contains(texts: list[str], word: str, cased: bool) -> bool:
    return any(fold(word, cased) in fold(text, cased) for text in texts)


@settings(max_examples=200)
@given(
    sections(),
    st.lists(
        st.sampled_from(["ab", "b", "Ab", "ä", "ca", "abc", "d", "zz"]), min_size=1, max_size=3
    ),
)
def test_hits_are_exactly_the_items_with_every_word(
    make_brief: BriefFactory, data: dict[str, object], words: list[str]
) -> None:
    brief = make_brief(**data)
    index = SearchIndex(brief)
    result = index.search(" ".join(words))
    cased = any(char.isupper() for word in words for char in word)
    expected = [
        ItemRef(section, number)
        for section in SECTIONS
        for number in range(len(brief.section(section)))
        if all(contains(searchable(brief, ItemRef(section, number)), word, cased) for word in words)
    ]
    if result.fuzzy:
        assert expected == []
        return
    assert [hit.ref for hit in result.hits] == expected
    for hit in result.hits:
        shown = [match.text[start:end] for match in hit.matches for start, end in match.spans]
        for word in words:
            assert contains(shown, word, cased)


@settings(max_examples=200)
@given(
    sections(), st.sampled_from(["ab", "b", "ä", "ca", "c d"]), st.sampled_from(["ab", "ca", "d"])
)
def test_exclusions_remove_exactly_the_items_with_the_word(
    make_brief: BriefFactory, data: dict[str, object], word: str, excluded: str
) -> None:
    brief = make_brief(**data)
    index = SearchIndex(brief)

    def exactly(query: str) -> set[ItemRef]:
        result = index.search(query)
        return set() if result.fuzzy else {hit.ref for hit in result.hits}

    kept, dropped = exactly(f'"{word}"'), exactly(excluded)
    assert {hit.ref for hit in index.search(f'"{word}" -{excluded}').hits} == kept - dropped
    everything = {ItemRef(s, n) for s in SECTIONS for n in range(len(brief.section(s)))}
    assert {hit.ref for hit in index.search(f"-{excluded}").hits} == everything - dropped


def test_n_and_shift_n_step_from_the_readers_place_and_wrap(index: SearchIndex) -> None:
    result = index.search("hydrogen")  # agreements 0, analysis 0, questions 0
    assert step_hit(result, 1, None) == (0, False)  # from the Overview: the first hit
    assert step_hit(result, -1, None) == (2, True)  # back from the top: the last
    assert step_hit(result, 1, ItemRef("analysis", 0)) == (2, False)  # on a hit: the next
    assert step_hit(result, 1, ItemRef("questions", 0)) == (0, True)
    assert step_hit(result, 1, ItemRef("quotes", 1)) == (1, False)  # between hits
    assert step_hit(result, -1, ItemRef("quotes", 1)) == (0, False)
    assert step_hit(result, 1, "quotes") == (1, False)  # a pane with nothing selected: its top
