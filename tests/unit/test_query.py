"""The query language as someone types it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_tui.query import QueryError, Term, parse_query


def terms(text: str) -> list[tuple[str, str, bool, bool]]:
    """A query's terms as (folded, field, phrase, exclude)."""
    return [(t.folded, t.field, t.phrase, t.exclude) for t in parse_query(text).terms]


# --- words, case and accents ------------------------------------------------------------------


def test_words_are_separate_terms_in_order() -> None:
    assert terms("green  hydrogen\tcorridor") == [
        ("green", "any", False, False),
        ("hydrogen", "any", False, False),
        ("corridor", "any", False, False),
    ]


def test_lower_case_query_ignores_case() -> None:
    query = parse_query("hydrogen")
    assert not query.case_sensitive
    assert query.terms[0].folded == "hydrogen"


def test_a_capital_anywhere_makes_the_query_case_sensitive() -> None:
    query = parse_query("green Hydrogen")
    assert query.case_sensitive
    assert [term.folded for term in query.terms] == ["green", "Hydrogen"]


def test_field_names_and_section_names_do_not_count_as_capitals() -> None:
    assert not parse_query("Speaker:maslow In:Quotes").case_sensitive
    assert parse_query("speaker:Maslow").case_sensitive


def test_accents_fold_away_in_queries() -> None:
    assert parse_query("Pejsová").terms[0].folded == "Pejsova"
    assert parse_query("pejsová").terms[0].folded == "pejsova"


# --- phrases ------------------------------------------------------------------------------------


def test_quoted_phrase_is_one_term_with_whitespace_collapsed() -> None:
    assert terms('"Green   Alliance" energy') == [
        ("Green Alliance", "any", True, False),
        ("energy", "any", False, False),
    ]


def test_unterminated_quote_runs_to_the_end() -> None:
    assert terms('energy "green all') == [
        ("energy", "any", False, False),
        ("green all", "any", True, False),
    ]


def test_unterminated_quote_is_an_error_when_strict() -> None:
    with pytest.raises(QueryError) as error:
        parse_query('energy "green all', strict=True)
    assert error.value.position == 7
    assert "unterminated" in str(error.value)


def test_quote_inside_a_word_is_literal() -> None:
    assert terms('don"t') == [('don"t', "any", False, False)]


# --- exclusions -----------------------------------------------------------------------------


def test_exclusions() -> None:
    assert terms('-coal -"fossil fuel" -tag:gas') == [
        ("coal", "any", False, True),
        ("fossil fuel", "any", True, True),
        ("gas", "tag", False, True),
    ]


def test_hyphen_inside_a_word_is_not_an_exclusion() -> None:
    assert terms("de-risking") == [("de-risking", "any", False, False)]


def test_lone_hyphen_is_ignored_but_strict_says_so() -> None:
    assert parse_query("energy - ").terms == (Term("energy", "energy"),)
    with pytest.raises(QueryError, match="nothing after -"):
        parse_query("energy - ", strict=True)


# --- field filters ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("speaker:maslow", "speaker"),
        ("expert:maslow", "speaker"),
        ("tag:energy", "tag"),
        ("tags:energy", "tag"),
        ("title:alliance", "title"),
        ("TAG:energy", "tag"),
    ],
)
def test_field_filters(text: str, field: str) -> None:
    (term,) = parse_query(text).terms
    assert term.field == field
    assert term.folded == text.split(":")[1]


def test_field_value_may_be_a_phrase() -> None:
    assert terms('speaker:"von der leyen"') == [("von der leyen", "speaker", True, False)]


def test_unknown_field_is_plain_text() -> None:
    assert terms("foo:bar https://example.org 10:30") == [
        ("foo:bar", "any", False, False),
        ("https://example.org", "any", False, False),
        ("10:30", "any", False, False),
    ]


def test_empty_field_value_is_ignored_while_typing_but_strict_says_so() -> None:
    assert parse_query("tag:").empty
    with pytest.raises(QueryError, match="nothing after tag:"):
        parse_query("energy tag:", strict=True)


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        ("in:quotes", ("quotes",)),
        ("in:quote", ("quotes",)),
        ("in:q", ("quotes", "questions")),
        ("in:a", ("agreements", "analysis")),
        ("in:analyses", ("analysis",)),
        ("in:Questions", ("questions",)),
        ("in:agreements in:questions", ("agreements", "questions")),
        ("-in:quotes", ("agreements", "analysis", "questions")),
        ("in:q -in:questions", ("quotes",)),
        ("energy", ("agreements", "quotes", "analysis", "questions")),
    ],
)
def test_in_selects_sections_by_prefix(text: str, sections: tuple[str, ...]) -> None:
    assert parse_query(text).sections == sections


def test_in_naming_no_section_is_plain_text_but_strict_says_so() -> None:
    query = parse_query("in:minutes")
    assert query.sections == ("agreements", "quotes", "analysis", "questions")
    assert terms("in:minutes") == [("in:minutes", "any", False, False)]
    with pytest.raises(QueryError, match="names no section"):
        parse_query("in:minutes", strict=True)


# --- empty queries -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "-", '""', "tag:", "\x00\x1b"])
def test_empty_queries(text: str) -> None:
    assert parse_query(text).empty


def test_control_characters_are_blanks() -> None:
    assert terms("green\x00hydrogen") == [
        ("green", "any", False, False),
        ("hydrogen", "any", False, False),
    ]


def test_strict_accepts_a_good_query() -> None:
    query = parse_query('in:q "green alliance" -coal speaker:maslow', strict=True)
    assert len(query.terms) == 4


@given(st.text(max_size=40))
def test_lenient_parsing_never_fails(text: str) -> None:
    query = parse_query(text)
    assert all(term.folded for term in query.terms)
