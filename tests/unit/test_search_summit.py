"""Search on the bundled summit brief, as a new reader tries it: the README's examples, the words
a reader of the summit types, and the mistakes they make."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing_tui.folding import fold
from briefing_tui.loader import load_brief
from briefing_tui.model import Brief, ItemRef, Lookup, kind_of
from briefing_tui.search import SearchIndex
from briefing_tui.search_state import summary_line

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def summit() -> Brief:
    return load_brief(ROOT / "briefs" / "eu-japan-summit-2023.yaml")


@pytest.fixture(scope="module")
def index(summit: Brief) -> SearchIndex:
    return SearchIndex(summit)


def readme_queries() -> list[str]:
    """Every query in the first column of the README's table of search examples."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Searching", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    cells = [row.split(" | ", 1)[0] for row in rows]
    return [code.replace("\\|", "|") for cell in cells for code in re.findall(r"`([^`]+)`", cell)]


def test_the_readme_has_examples_of_every_operator() -> None:
    queries = readme_queries()
    assert len(queries) >= 8
    for operator in ('"', " OR ", "*", "speaker:", "tag:", "title:", "in:", "-"):
        assert any(operator in query for query in queries), operator


@pytest.mark.parametrize("query", readme_queries())
def test_every_readme_example_finds_something_exactly(index: SearchIndex, query: str) -> None:
    result = index.search(query)
    assert result.query.problem is None
    assert result.exact and result.found, summary_line(result)


def own_text(index: SearchIndex, ref: ItemRef) -> str:
    """An item's own text: every searchable field but its person."""
    item = index.brief.section(ref.section)[ref.index]
    kind = kind_of(item)
    values = [getattr(item, field) for field in kind.fields if field != kind.person]
    return fold(" ".join(" ".join(v) if isinstance(v, tuple) else v or "" for v in values))


def test_a_topic_finds_what_is_about_it_not_what_its_experts_said(index: SearchIndex) -> None:
    result = index.search("security")
    assert all("security" in own_text(index, hit.ref) for hit in result.hits)
    quotes, analyses = len(index.brief.quotes), len(index.brief.analysis)
    assert result.counts["quotes"] < quotes and result.counts["analysis"] < analyses
    # what a "Japan security expert" said without the word is found by speaker:
    by_role = {hit.ref for hit in index.search("speaker:security").hits}
    assert by_role - {hit.ref for hit in result.hits}
    for hit in result.hits:  # and never for a person's role
        item = index.brief.section(hit.ref.section)[hit.ref.index]
        assert all(match.field != kind_of(item).person for match in hit.matches)


def test_a_name_still_finds_everything_the_person_said(index: SearchIndex, summit: Brief) -> None:
    maslow = next(person for person in summit.people if "Maslow" in person.name)
    theirs = Lookup(summit).by_person(maslow.id)
    assert set(theirs) <= {hit.ref for hit in index.search("maslow").hits}
    assert [hit.ref for hit in index.search("speaker:maslow").hits] == theirs


def test_gdp_is_found_in_the_summary(index: SearchIndex, summit: Brief) -> None:
    result = index.search("GDP")
    assert result.exact and not result.hits and result.overview is not None
    (match,) = result.overview.matches
    assert match.field == "summary"
    assert [summit.summary[start:end] for start, end in match.spans] == ["GDP"]
    assert summary_line(result) == "Overview 1 · Agreements 0 · Quotes 0 · Analysis 0 · Questions 0"


def test_eus_typed_straight_finds_it_written_curly(index: SearchIndex) -> None:
    result = index.search("EU's")
    assert result.exact and result.hits
    marked = [m.text[a:b] for hit in result.hits for m in hit.matches for a, b in m.spans]
    assert "EU’s" in marked


def test_hydrogen_supply_offers_the_items_with_either(index: SearchIndex) -> None:
    result = index.search("hydrogen supply")
    assert result.partial is not None and (result.partial.held, result.partial.needed) == (1, 2)
    assert summary_line(result).startswith("No item has both hydrogen and supply — ")
    assert {hit.missing for hit in result.hits} == {("hydrogen",), ("supply",)}


def test_fukushima_or_hydrogen_and_a_prefix(index: SearchIndex) -> None:
    either = {hit.ref for hit in index.search("fukushima OR hydrogen").hits}
    assert either == {hit.ref for hit in index.search("fukushima").hits} | {
        hit.ref for hit in index.search("hydrogen").hits
    }
    assert {hit.ref for hit in index.search("hydro*").hits} == {
        hit.ref for hit in index.search("hydrogen").hits
    }


def test_in_q_is_a_mistake_that_names_both_sections(index: SearchIndex) -> None:
    result = index.search("in:q nato")
    assert summary_line(result).startswith("in:q could be quotes or questions (at character 1) · ")
    assert result.query.sections == ("quotes", "questions")
