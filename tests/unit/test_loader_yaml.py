"""YAML-level mistakes and attacks: syntax, tags, duplicate keys, documents, aliases, nesting."""

from __future__ import annotations

import pytest
from brief_text import MINIMAL, errors, only_error

from briefing_tui import yamlnodes
from briefing_tui.loader import parse_brief


@pytest.mark.parametrize(
    ("tagged", "shown"),
    [
        ("!!python/object/apply:os.system ['echo hi']", "!!python/object/apply:os.system"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!str yes", "!!str"),
        ("!foo bar", "!foo"),
    ],
)
def test_explicit_tags_are_refused_where_they_stand(tagged: str, shown: str) -> None:
    text = MINIMAL.replace("title: Harbour talks", f"title: {tagged}")
    message = (
        f"the tag {shown} is not allowed: remove it (quote the value if it must be read as text)"
    )
    assert only_error(text) == (2, 8, None, message)


def test_duplicate_keys_name_both_lines() -> None:
    text = MINIMAL + "title: Other talks\n"
    assert only_error(text) == (9, 1, "$.title", "duplicate key 'title' (first at line 2)")


def test_a_second_document_is_refused() -> None:
    text = MINIMAL + "---\nbrief: 1\n"
    message = "a brief is one YAML document, but a second one starts here"
    assert only_error(text) == (9, 1, None, message)


@pytest.mark.parametrize("text", ["", "\n\n", "# just a comment\n  # and another\n"])
def test_an_empty_file_is_refused_without_a_position(text: str) -> None:
    assert only_error(text) == (None, None, None, "the brief is empty: it holds no YAML document")
    assert str(errors(text)[0]) == "b.yaml: error: the brief is empty: it holds no YAML document"


def test_the_top_level_must_be_a_mapping() -> None:
    message = "the top level must be a mapping of keys (brief:, title:, date:, ...), got a list"
    assert only_error("- brief: 1\n") == (1, 1, "$", message)


def test_an_unclosed_bracket_is_reported_where_it_opens() -> None:
    text = MINIMAL.replace("quotes: []", "quotes: [a, b")
    message = "this '[' is never closed: expected ',' or ']' by line 7, column 9"
    assert only_error(text) == (6, 9, None, message)


def test_a_colon_in_plain_text_says_to_quote() -> None:
    text = MINIMAL.replace("title: Harbour talks", "title: Talks: day one")
    message = "a ': ' is not allowed here (quote text that holds one)"
    assert only_error(text) == (2, 13, None, message)


def test_tab_indentation_is_named() -> None:
    text = MINIMAL + "people:\n\t- id: p\n"
    message = "tab characters are not allowed for indentation here"
    assert only_error(text) == (10, 1, None, message)


def test_plain_alias_reuse_is_allowed() -> None:
    text = MINIMAL.replace(
        "questions: []",
        "questions:\n  - question: Who?\n    tags: &t [energy, trade]\n  - question: How?\n"
        "    tags: *t",
    )
    brief = parse_brief(text.encode())
    assert [q.tags for q in brief.questions] == [("energy", "trade"), ("energy", "trade")]


def test_a_self_referencing_alias_is_refused() -> None:
    text = MINIMAL.replace("questions: []", "questions: &q [*q]")
    message = "alias *q refers to a node that contains it (recursive reference)"
    assert only_error(text) == (8, 16, None, message)


def test_an_alias_without_anchor_is_refused() -> None:
    text = MINIMAL.replace("quotes: []", "quotes: *nope")
    assert only_error(text) == (6, 9, None, "alias *nope has no anchor &nope before it")


def test_a_billion_laughs_file_is_refused_before_expanding() -> None:
    # Nine levels of nine: 9**9 (387 million) copies of "lol" if it were ever expanded.
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{refs}]")
    text = MINIMAL.replace("questions: []", "questions:\n  - question: Q\n    tags: *l9")
    found = errors("\n".join(lines) + "\n" + text)
    assert [(e.line, e.col, e.path) for e in found] == [(6, 30, None)]  # the 5th *l4 of l5
    assert found[0].message == (
        "aliases expand the brief to more than 400,000 values (a 'billion laughs' file?)"
    )


def test_nesting_1000_levels_deep_is_refused() -> None:
    deep = "".join("  " * level + "-\n" for level in range(1000))
    message = "nesting is too deep (more than 64 levels)"
    assert only_error(deep) == (65, 129, None, message)


def test_flow_nesting_5000_levels_deep_is_refused_by_the_parser() -> None:
    # libyaml reads a whole flow collection ahead, so its own limit of 1000 levels comes first.
    deep = "[" * 5000 + "]" * 5000
    message = "nesting is too deep (1000 levels or more)"
    assert only_error("brief: 1\nsummary: " + deep) == (2, 1009, None, message)


def test_merge_keys_are_refused() -> None:
    text = MINIMAL + "people:\n  - <<: {role: R}\n    id: p\n    name: P\n"
    message = "merge keys (<<) are not supported: write the keys out"
    assert only_error(text) == (10, 5, "$.people[0]", message)


def test_windows_line_endings_and_a_bom_are_fine() -> None:
    data = b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode()
    assert parse_brief(data).title == "Harbour talks"


def test_positions_count_characters_not_bytes() -> None:
    text = MINIMAL.replace("title: Harbour talks", "title: [日本, {a: 1}]")
    assert only_error(text) == (2, 8, "$.title", "expected text, got a list")
    text = MINIMAL + "people:\n  - {id: nihon, name: no}\n"
    message = 'expected text, got the boolean false (YAML reads no as false) — quote it: "no"'
    assert only_error(text) == (10, 23, "$.people[0].name", message)


def test_a_character_that_cannot_start_a_value_says_to_quote() -> None:
    text = MINIMAL.replace("title: Harbour talks", "title: @home")
    assert only_error(text) == (2, 8, None, "'@' cannot start a value here (quote the text)")


def test_an_unclosed_quote_names_where_it_opened() -> None:
    text = MINIMAL.replace("title: Harbour talks", "title: 'Harbour talks")
    message = "this quote is never closed (the file ends at line 8, column 14)"
    assert only_error(text) == (2, 8, None, message)


def test_the_number_of_values_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlnodes, "MAX_VALUES", 50)
    tags = ", ".join(["energy"] * 60)
    text = MINIMAL.replace("questions: []", f"questions:\n  - question: Q\n    tags: [{tags}]")
    # 22 values come before the tags (keys count too): the 29th tag is the 51st value.
    at = 12 + len("energy, ") * 28
    assert only_error(text) == (10, at, None, "the brief holds more than 50 values")


def test_a_file_with_hundreds_of_mistakes_reports_the_first_hundred() -> None:
    tags = ", ".join(["1"] * 300)
    text = MINIMAL.replace("questions: []", f"questions:\n  - question: Q\n    tags: [{tags}]")
    found = errors(text)
    assert str(found[0]) == "b.yaml: error: 300 errors; the first 100 follow"
    assert len(found) == 101
    assert str(found[1]) == (
        "b.yaml:10:12: error: $.questions[0].tags[0]:"
        ' expected text, got the number 1 — quote it: "1"'
    )
