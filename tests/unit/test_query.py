"""The query language as someone types it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_tui.query import (
    Problem,
    QueryError,
    SectionError,
    Term,
    parse_query,
    resolve_section,
)


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


def test_in_naming_no_section_is_left_out_and_explained() -> None:
    query = parse_query("in:minutes energy")
    assert query.sections == ("agreements", "quotes", "analysis", "questions")
    assert terms("in:minutes energy") == [("energy", "any", False, False)]
    assert query.problem == Problem(
        "in:minutes names no section (one of agreements, quotes, analysis, questions)", 0
    )
    with pytest.raises(QueryError, match="names no section"):
        parse_query("in:minutes", strict=True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("in:q", "in:q could be quotes or questions"),
        ("in:a", "in:a could be agreements or analysis"),
        ("-in:qu", "in:qu could be quotes or questions"),
    ],
)
def test_an_ambiguous_in_names_the_candidates(text: str, message: str) -> None:
    assert parse_query(text).problem == Problem(message, 0)
    with pytest.raises(QueryError, match=message):
        parse_query(text, strict=True)


@pytest.mark.parametrize(
    ("name", "section"),
    [
        ("quotes", "quotes"),
        ("quo", "quotes"),
        ("QUE", "questions"),
        ("ag", "agreements"),
        ("an", "analysis"),
        ("analyses", "analysis"),
        (" analysis ", "analysis"),
    ],
)
def test_resolve_section_takes_a_name_or_a_prefix_naming_only_it(name: str, section: str) -> None:
    assert resolve_section(name) == section


def test_resolve_section_names_the_candidates_or_the_sections() -> None:
    with pytest.raises(SectionError, match=r"^q could be quotes or questions$") as error:
        resolve_section("q")
    assert error.value.candidates == ("quotes", "questions")
    with pytest.raises(
        SectionError, match=r"^--section x: x names no section \(one of agreements, quotes"
    ):
        resolve_section("x", shown="--section x: x")
    with pytest.raises(SectionError, match="names no section"):
        resolve_section("")


# --- OR -----------------------------------------------------------------------------------------


def groups(text: str) -> list[list[str]]:
    """A query's alternatives, each as its terms' folded forms (exclusions with a -)."""
    return [
        [("-" if term.exclude else "") + term.folded for term in group]
        for group in parse_query(text).groups
    ]


def test_or_and_the_bar_join_alternatives() -> None:
    assert groups("fukushima OR hydrogen") == [["fukushima"], ["hydrogen"]]
    assert groups("fukushima | hydrogen") == [["fukushima"], ["hydrogen"]]
    assert groups("fukushima|hydrogen") == [["fukushima"], ["hydrogen"]]


def test_and_binds_tighter_than_or_and_exclusions_stay_in_their_alternative() -> None:
    assert groups("green hydrogen -coal OR ammonia tag:ship") == [
        ["green", "hydrogen", "-coal"],
        ["ammonia", "ship"],
    ]


def test_in_narrows_the_whole_query_wherever_it_stands() -> None:
    query = parse_query("hydrogen OR ammonia in:quo")
    assert groups("hydrogen OR ammonia in:quo") == [["hydrogen"], ["ammonia"]]
    assert query.sections == ("quotes",)
    assert not query.overview
    assert groups("in:quotes OR ammonia") == [["ammonia"]]


def test_or_is_a_word_in_lower_case_in_a_phrase_or_with_a_field() -> None:
    assert groups("black or white") == [["black", "or", "white"]]
    assert groups('"this OR that"') == [["this OR that"]]  # a capital: case counts
    assert groups("title:OR -OR") == [["OR", "-OR"]]


def test_the_or_keyword_does_not_make_the_search_case_sensitive() -> None:
    assert not parse_query("gas OR oil").case_sensitive
    assert parse_query("Gas OR oil").case_sensitive


@pytest.mark.parametrize(
    ("text", "message", "position", "kept"),
    [
        ("OR hydrogen", "nothing before OR", 0, [["hydrogen"]]),
        ("hydrogen |", "nothing after |", 9, [["hydrogen"]]),
        ("gas OR OR oil", "nothing before OR", 7, [["gas"], ["oil"]]),
    ],
)
def test_an_or_with_nothing_on_a_side_is_ignored_and_explained(
    text: str, message: str, position: int, kept: list[list[str]]
) -> None:
    assert parse_query(text).problem == Problem(message, position)
    assert groups(text) == kept
    with pytest.raises(QueryError, match=message):
        parse_query(text, strict=True)


# --- prefixes -------------------------------------------------------------------------------------


def test_a_trailing_star_makes_a_word_a_prefix() -> None:
    (term,) = parse_query("hydro*").terms
    assert (term.folded, term.prefix, term.phrase) == ("hydro", True, False)
    (term,) = parse_query("tag:ener*").terms
    assert (term.folded, term.field, term.prefix) == ("ener", "tag", True)
    assert not parse_query("hy*dro").terms[0].prefix  # only at the end
    assert not parse_query('"raw mat*"').terms[0].prefix  # literal in a phrase


def test_a_lone_star_is_ignored_and_explained() -> None:
    assert parse_query("*").empty
    assert parse_query("gas *").problem == Problem("nothing before *", 4)


# --- typography -----------------------------------------------------------------------------------


def test_typographic_quotes_make_phrases_and_fold_inside_words() -> None:
    assert groups("“critical raw” «a b» „c d“") == [["critical raw", "a b", "c d"]]
    assert groups("EU’s 2019–2023") == [["EU's", "2019-2023"]]


# --- problems -------------------------------------------------------------------------------------


def test_problems_are_listed_in_the_order_they_are_typed() -> None:
    query = parse_query('tag: in:xyz "open')
    assert [problem.message for problem in query.problems] == [
        "nothing after tag:",
        "in:xyz names no section (one of agreements, quotes, analysis, questions)",
        "unterminated quote",
    ]
    assert terms('tag: in:xyz "open') == [("open", "any", True, False)]


def test_a_good_query_has_no_problem() -> None:
    assert parse_query('in:quo "green alliance" -coal OR hydro* speaker:maslow').problem is None


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
    query = parse_query('in:quo "green alliance" -coal speaker:maslow', strict=True)
    assert len(query.terms) == 4


@given(st.text(st.sampled_from('ab *-|":“»OR tag:in:q'), max_size=40) | st.text(max_size=40))
def test_lenient_parsing_never_fails_and_strict_fails_just_when_it_notes_a_problem(
    text: str,
) -> None:
    query = parse_query(text)
    assert all(term.folded for term in query.terms)
    assert all(term.field != "in" for group in query.groups for term in group)
    if query.problem is None:
        assert parse_query(text, strict=True) == query
    else:
        with pytest.raises(QueryError) as error:
            parse_query(text, strict=True)
        assert (str(error.value), error.value.position) == (
            query.problem.message,
            query.problem.position,
        )
