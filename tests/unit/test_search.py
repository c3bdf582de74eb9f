"""Searching a brief as the search bar does: what is found, where it is highlighted, what shows."""

from __future__ import annotations

import datetime as dt
import re
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
from briefing_tui.snippet import snippet


def make_brief(
    agreements: tuple[Agreement, ...] = (),
    quotes: tuple[Quote, ...] = (),
    analysis: tuple[Analysis, ...] = (),
    questions: tuple[Question, ...] = (),
    people: tuple[Person, ...] = (),
) -> Brief:
    return Brief(
        brief=1,
        title="Test brief",
        date=dt.date(2023, 7, 13),
        summary="Not searched.",
        agreements=agreements,
        quotes=quotes,
        analysis=analysis,
        questions=questions,
        people=people,
    )


SUMMIT = make_brief(
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
        Agreement(title="Cables", summary="An Arctic subsea cable: see https://example.org/cable."),
    ),
    quotes=(
        Quote(speaker="maslow", text="Japan is the partner of choice.", context="At the summit"),
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
INDEX = SearchIndex(SUMMIT)


def found(query: str, index: SearchIndex = INDEX) -> list[str]:
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


def test_words_match_anywhere_in_any_field_as_substrings() -> None:
    assert found("hydrogen") == ["agreements 0", "analysis 0", "questions 0"]
    assert found("hydro") == found("hydrogen")
    assert found("ydroge") == found("hydrogen")


def test_words_are_anded() -> None:
    assert found("hydrogen energy") == ["agreements 0"]
    assert found("hydrogen money") == ["questions 0"]


def test_a_name_finds_what_the_person_said_and_analysed() -> None:
    result = INDEX.search("maslow")
    assert found("maslow") == ["quotes 0", "analysis 0", "questions 0"]
    assert highlighted(result)[:2] == [
        ("speaker", None, ["Maslow"]),
        ("expert", None, ["Maslow"]),
    ]
    assert result.hits[0].matches[0].text == "Sebastian Maslow, senior lecturer"


def test_roles_are_searchable() -> None:
    assert found("lecturer") == ["quotes 0", "analysis 0"]


def test_counts_have_every_section() -> None:
    result = INDEX.search("maslow")
    assert result.counts == {"agreements": 0, "quotes": 1, "analysis": 1, "questions": 1}
    assert len(result) == 3


def test_hits_are_in_brief_order_and_grouped_by_section() -> None:
    result = INDEX.search("energy")
    refs = [hit.ref for hit in result.hits]
    assert refs == sorted(refs, key=lambda ref: (SECTIONS.index(ref.section), ref.index))
    assert [hit.ref for hit in result.in_section("questions")] == [ItemRef("questions", 1)]
    assert list(result.in_section("quotes")) == []
    assert result.indices("agreements") == [0]
    assert result.indices("analysis") == [1]


def test_position_tells_where_an_item_stands_among_the_hits() -> None:
    result = INDEX.search("hydrogen")
    assert result.position(ItemRef("analysis", 0)) == 1
    assert result.position(ItemRef("quotes", 0)) is None


def test_hits_before_counts_the_hits_ahead_of_any_item() -> None:
    result = INDEX.search("hydrogen")
    assert result.hits_before(ItemRef("agreements", 0)) == 0
    assert result.hits_before(ItemRef("quotes", 0)) == 1  # not a hit: after the first
    assert result.hits_before(ItemRef("analysis", 0)) == 1  # a hit: its own position
    assert result.hits_before(ItemRef("questions", 99)) == len(result.hits)


def test_hits_are_made_once_and_can_be_sliced() -> None:
    hits = INDEX.search("hydrogen").hits
    assert hits[0] is hits[0]
    assert hits[-1].ref == ItemRef("questions", 0)
    assert [hit.ref.index for hit in hits[1:]] == [0, 0]
    assert len(hits[5:]) == 0
    with pytest.raises(IndexError):
        hits[3]


def test_empty_query_matches_nothing() -> None:
    for query in ("", "  ", "-", "tag:"):
        result = INDEX.search(query)
        assert len(result) == 0
        assert result.counts == dict.fromkeys(SECTIONS, 0)
        assert not result.fuzzy


# --- smart case and accents ----------------------------------------------------------------


def test_lower_case_ignores_case_and_a_capital_makes_it_exact() -> None:
    assert found("hydrogen") == ["agreements 0", "analysis 0", "questions 0"]
    assert found("Hydrogen") == ["agreements 0", "analysis 0"]
    assert highlighted(INDEX.search("Hydrogen")) == [
        ("details", 0, ["Hydrogen"]),
        ("summary", None, ["Hydrogen"]),
    ]


def test_accents_are_ignored_both_ways_and_highlights_cover_the_original() -> None:
    assert highlighted(INDEX.search("pejsova"))[:2] == [
        ("summary", None, ["Pejsová"]),
        ("expert", None, ["Pejsova"]),
    ]
    assert found("Pejsová") == found("Pejsova") == ["analysis 0", "analysis 1"]
    assert highlighted(INDEX.search("lodz")) == [("details", 1, ["Łódź"])]
    assert highlighted(INDEX.search("cafe")) == [("summary", None, ["café"])]


def test_cjk_spans_are_right() -> None:
    (match,) = INDEX.search("日本").hits[0].matches
    assert [match.text[start:end] for start, end in match.spans] == ["日本"]


# --- phrases, exclusions, filters --------------------------------------------------------------


def test_phrase_needs_the_words_together_and_in_order() -> None:
    assert found('"clean energy"') == ["agreements 0"]
    assert found('"and clean"') == ["agreements 0"]  # across a line break
    assert found('"energy clean"') == []
    assert found('"hydrogen energy"') == []
    assert highlighted(INDEX.search('"and clean"')) == [("summary", None, ["and\nclean"])]


def test_unterminated_phrase_still_searches() -> None:
    assert found('"clean ener') == ["agreements 0"]


def test_exclusions() -> None:
    assert found("energy -hydrogen") == ["analysis 1", "questions 1"]
    assert found('hydrogen -"clean energy"') == ["analysis 0", "questions 0"]
    assert found("energy -tag:energy") == ["analysis 1"]


def test_only_exclusions_match_everything_else() -> None:
    assert found("-hydrogen -energy") == [
        "agreements 1",
        "agreements 2",
        "quotes 0",
        "quotes 1",
    ]
    assert INDEX.search("-hydrogen").hits[0].matches == ()


def test_speaker_filter_by_name_or_id_only_finds_what_they_said() -> None:
    assert found("speaker:maslow") == ["quotes 0", "analysis 0"]  # not the question naming him
    assert found("speaker:sebastian") == ["quotes 0", "analysis 0"]
    assert found("expert:vdl") == ["quotes 1"]
    assert found("speaker:lecturer") == []  # the role is not the person
    assert highlighted(INDEX.search("speaker:seb")) == [
        ("speaker", None, ["Seb"]),
        ("expert", None, ["Seb"]),
    ]


def test_tag_filter() -> None:
    assert found("tag:ener") == ["agreements 0", "questions 1"]
    assert highlighted(INDEX.search("tag:climate")) == [("tags", 1, ["climate"])]
    assert found("tag:security") == ["quotes 1"]
    assert found("security -tag:security") == []


def test_title_filter() -> None:
    assert found("title:europe") == ["analysis 0"]
    assert found("title:hydrogen") == []


def test_section_filter() -> None:
    assert found("in:quotes") == ["quotes 0", "quotes 1"]
    assert found("in:q energy") == ["questions 1"]
    assert found("hydrogen -in:agreements") == ["analysis 0", "questions 0"]


def test_unknown_field_is_searched_as_text() -> None:
    assert found("https://example.org") == ["agreements 2"]
    assert found("cable:") == ["agreements 2"]  # "subsea cable: see"
    assert found("subsea:cable") == []  # no error, and not there as typed


def test_details_and_tags_match_entry_by_entry() -> None:
    assert highlighted(INDEX.search("hubs")) == [("details", 0, ["hubs"])]
    result = INDEX.search("energy")
    assert ("tags", 0, ["energy"]) in highlighted(result)


def test_every_occurrence_is_highlighted() -> None:
    result = INDEX.search("en")
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


def test_a_typo_finds_the_closest_word_and_says_so() -> None:
    result = INDEX.search("hydrgen")
    assert result.fuzzy
    assert result.suggestions == ("hydrogen",)
    assert found("hydrgen") == found("hydrogen")
    assert ("summary", None, ["hydrogen"]) in highlighted(result)


def test_a_typo_beside_a_good_word() -> None:
    result = INDEX.search("clean hydrogne")
    assert result.fuzzy
    assert [hit.ref for hit in result.hits] == [ItemRef("agreements", 0)]


def test_a_typo_within_a_section() -> None:
    assert found("in:questions hydrgen") == ["questions 0"]


def test_exact_matches_are_not_fuzzy() -> None:
    result = INDEX.search("hydrogen")
    assert not result.fuzzy
    assert result.suggestions == ()


def test_nothing_close_means_nothing_found() -> None:
    result = INDEX.search("zzzzzz")
    assert len(result) == 0
    assert not result.fuzzy
    assert result.suggestions == ()


def test_a_capitalised_word_found_only_in_lower_case_is_offered_in_lower_case() -> None:
    result = INDEX.search("Momentum Energy")
    assert result.fuzzy
    assert result.suggestions == ("energy",)
    assert found("Momentum Energy") == ["analysis 1"]


def test_prepare_changes_no_result() -> None:
    index = SearchIndex(SUMMIT)
    before = [found(query, index) for query in ("hydrgen", "Hydrogen", "tag:energy")]
    index.prepare()
    assert [found(query, index) for query in ("hydrgen", "Hydrogen", "tag:energy")] == before


# --- snippets ------------------------------------------------------------------------------------


LONG = (
    "The leaders met in Brussels on Thursday and agreed, after a long session on supply chains,\n"
    "to set up a hydrogen corridor between the two economies, with funding from both sides."
)


def test_snippet_of_short_text_is_the_text_on_one_line() -> None:
    match = Match("summary", "Cooperation on hydrogen and\nclean energy.", ((15, 23),))
    assert snippet(match, 80) == ("Cooperation on hydrogen and clean energy.", ((15, 23),))


def test_snippet_cuts_around_the_first_span_with_ellipses() -> None:
    start = LONG.index("hydrogen")
    text, spans = snippet(Match("summary", LONG, ((start, start + 8),)), 40)
    assert cell_len(text) <= 40
    assert text.startswith("…") and text.endswith("…")
    assert [text[begin:end] for begin, end in spans] == ["hydrogen"]
    assert "\n" not in text
    assert spans[0][0] > 1  # some context before the match


def test_snippet_starts_at_a_word() -> None:
    start = LONG.index("hydrogen")
    text, _ = snippet(Match("summary", LONG, ((start, start + 8),)), 40)
    assert text[1] != " "
    assert text[1:].split(" ")[0] in LONG.split()


def test_snippet_at_the_end_fills_with_earlier_text() -> None:
    start = LONG.index("sides")
    text, spans = snippet(Match("summary", LONG, ((start, start + 5),)), 30)
    assert text.endswith("sides.")
    assert cell_len(text) >= 20
    assert [text[begin:end] for begin, end in spans] == ["sides"]


def test_snippet_counts_wide_characters_as_two_cells() -> None:
    text = "経済安全保障について日本と欧州連合は水素で協力することに合意した"
    start = text.index("水素")
    line, spans = snippet(Match("summary", text, ((start, start + 2),)), 20)
    assert cell_len(line) <= 20
    assert [line[begin:end] for begin, end in spans] == ["水素"]


def test_snippet_keeps_spans_it_shows_and_clips_the_rest() -> None:
    text = "hydrogen " * 30
    spans = tuple((index * 9, index * 9 + 8) for index in range(30))
    line, shown = snippet(Match("summary", text, spans), 30)
    assert shown[0] == (0, 8)
    assert all(line[begin:end] in "hydrogen" for begin, end in shown)
    assert shown[-1][1] <= len(line) - 1  # the trailing "…" is not highlighted


def test_snippet_blanks_control_characters() -> None:
    line, _ = snippet(Match("summary", "bell\x07and\x1b[31mred", ((0, 4),)), 80)
    assert line == "bell and [31mred"


def test_snippet_of_tiny_widths() -> None:
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
def briefs(draw: st.DrawFn) -> Brief:
    people = tuple(
        Person(id=f"p{number}", name=draw(names), role=draw(st.none() | texts))
        for number in range(2)
    )
    person = st.sampled_from(["p0", "p1", "p9"])  # p9 is in no people list
    tags = st.lists(texts, max_size=2).map(tuple)
    return make_brief(
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
    """Everything of an item a plain word may match: its texts, tags and people as Name, role."""
    item = brief.section(ref.section)[ref.index]
    people = {p.id: f"{p.name}, {p.role}" if p.role else p.name for p in brief.people}
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
    briefs(),
    st.lists(
        st.sampled_from(["ab", "b", "Ab", "ä", "ca", "abc", "d", "zz"]), min_size=1, max_size=3
    ),
)
def test_hits_are_exactly_the_items_with_every_word(brief: Brief, words: list[str]) -> None:
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
@given(briefs(), st.sampled_from(["ab", "b", "ä", "ca", "c d"]), st.sampled_from(["ab", "ca", "d"]))
def test_exclusions_remove_exactly_the_items_with_the_word(
    brief: Brief, word: str, excluded: str
) -> None:
    index = SearchIndex(brief)
    kept = {hit.ref for hit in index.search(f'"{word}"').hits}
    dropped = {hit.ref for hit in index.search(excluded).hits}
    assert {hit.ref for hit in index.search(f'"{word}" -{excluded}').hits} == kept - dropped
    everything = {ItemRef(s, n) for s in SECTIONS for n in range(len(brief.section(s)))}
    assert {hit.ref for hit in index.search(f"-{excluded}").hits} == everything - dropped
