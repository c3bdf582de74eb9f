"""Search across a library: the reader's query language, hits grouped by brief (newest first)
then section, and n/N positions that run across briefs."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_briefs import brief_text, write

from briefing_tui.library import LibrarySearch, open_library
from briefing_tui.model import ItemRef
from briefing_tui.search import SearchIndex


@pytest.fixture
def search(tmp_path: Path) -> LibrarySearch:
    # Both briefs have a person with the id "hansen", but they are different people.
    write(
        tmp_path,
        "oslo.yaml",
        brief_text(
            "Oslo grid talks",
            "2023-03-01",
            people=[("hansen", "Kari Hansen", "Energy minister")],
            agreements=["Grid pact", "Hydrogen corridor"],
            quotes=[("hansen", "The grid is ours."), ("hansen", "Hydrogen next.")],
        ),
    )
    write(
        tmp_path,
        "bergen.yaml",
        brief_text(
            "Bergen port summit",
            "2024-09-10",
            people=[("hansen", "Ole Berg", "Mayor")],
            agreements=["Hydrogen ferries", "Shore power"],
            quotes=[("hansen", "Hydrogen ferries by 2030.")],
        ),
    )
    write(tmp_path, "empty.yaml", brief_text("Quiet day", "2025-01-01"))
    write(tmp_path, "broken.yaml", "brief: 1\n")
    return LibrarySearch(open_library([tmp_path]))


def listing(search: LibrarySearch, query: str) -> list[tuple[str, str, int]]:
    """Every hit in order: (brief title, section, index in the brief)."""
    result = search.search(query)
    hits = [result.hit(position) for position in range(len(result))]
    return [(hit.entry.title or "", hit.ref.section, hit.ref.index) for hit in hits]


def test_hits_are_grouped_by_brief_newest_first_then_by_section(search: LibrarySearch) -> None:
    assert listing(search, "hydrogen") == [
        ("Bergen port summit", "agreements", 0),
        ("Bergen port summit", "quotes", 0),
        ("Oslo grid talks", "agreements", 1),
        ("Oslo grid talks", "quotes", 1),
    ]
    result = search.search("hydrogen")
    assert result.counts == {"agreements": 2, "quotes": 2, "analysis": 0, "questions": 0}
    assert [group.entry.title for group in result.groups] == [
        "Bergen port summit",
        "Oslo grid talks",
    ]
    bergen = result.groups[0]
    assert bergen.counts == {"agreements": 1, "quotes": 1, "analysis": 0, "questions": 0}
    [quote] = bergen.in_section("quotes")
    assert quote.ref == ItemRef("quotes", 0)
    assert [match.text for match in quote.matches] == ["Hydrogen ferries by 2030."]


def test_each_brief_finds_what_its_own_search_finds(search: LibrarySearch) -> None:
    library = search.library
    for query in ["hydrogen", "grid -pact", '"shore power"', "in:q hydrogen", "Hydrogen"]:
        result = search.search(query)
        for number, brief in library.held():
            alone = SearchIndex(brief).search(query)
            group = result.group(number)
            refs = (
                []
                if group is None
                else [hit.ref for s in alone.counts for hit in group.in_section(s)]
            )
            assert refs == [hit.ref for hit in alone.hits], (query, brief.title)


def test_a_person_is_found_by_name_in_their_own_brief_only(search: LibrarySearch) -> None:
    # Both briefs call their person "hansen": the name decides, not the id.
    assert listing(search, "speaker:berg") == [("Bergen port summit", "quotes", 0)]
    assert listing(search, "speaker:kari") == [
        ("Oslo grid talks", "quotes", 0),
        ("Oslo grid talks", "quotes", 1),
    ]
    result = search.search("speaker:kari")
    assert [m.text for m in result.hit(0).matches if m.field == "speaker"] == [
        "Kari Hansen, Energy minister"
    ]


def test_next_and_previous_hit_cross_briefs_and_wrap(search: LibrarySearch) -> None:
    result = search.search("hydrogen")
    bergen, oslo = result.groups[0].number, result.groups[1].number
    assert result.position(bergen, ItemRef("quotes", 0)) == 1
    assert result.position(bergen, ItemRef("agreements", 1)) is None
    # From Bergen's last hit, the next is Oslo's first; from Oslo's last, back to Bergen's first.
    assert result.hit(result.next_after(bergen, ItemRef("quotes", 0)) or 0).entry.title == (
        "Oslo grid talks"
    )
    assert result.next_after(oslo, ItemRef("quotes", 1)) == 0
    assert result.previous_before(bergen, ItemRef("agreements", 0)) == len(result) - 1
    # From an item that is no hit: the hits around it.
    assert result.next_after(oslo, ItemRef("agreements", 0)) == 2
    assert result.previous_before(oslo, ItemRef("agreements", 0)) == 1
    quiet = next(entry for entry, e in enumerate(search.library.entries) if e.title == "Quiet day")
    assert result.next_after(quiet, ItemRef("agreements", 0)) == 0  # newest brief: before all


def test_invalid_briefs_are_not_searched_and_nothing_is_none(search: LibrarySearch) -> None:
    assert len(search.numbers) == 3
    assert search.left_out == 0
    nothing = search.search("zzzzqqq")
    assert len(nothing) == 0
    assert list(nothing.groups) == []
    assert nothing.next_after(search.numbers[0], ItemRef("agreements", 0)) is None
    assert len(search.search("")) == 0


def test_a_typo_is_corrected_from_the_whole_library(search: LibrarySearch) -> None:
    result = search.search("ferriez")
    assert result.fuzzy
    assert "ferries" in result.suggestions
    assert listing(search, "ferriez") == [
        ("Bergen port summit", "agreements", 0),
        ("Bergen port summit", "quotes", 0),
    ]


def test_briefs_whose_own_title_or_summary_match_are_named_apart_from_the_hits(
    search: LibrarySearch,
) -> None:
    result = search.search("port")
    titles = [search.library.entries[number].title for number in result.overviews]
    assert titles == ["Bergen port summit"]
    assert len(result) == 0  # no item mentions a port: the title is no hit
    every = search.search("meeting")  # every brief's summary is "A meeting."
    assert len(every.overviews) == 3
    assert search.search("in:quotes port").overviews == ()
    assert search.search("prot").overviews == ()  # corrections find items, not titles
