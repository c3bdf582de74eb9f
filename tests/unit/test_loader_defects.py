"""Regressions from fuzzing the loader: each input once made it hang, crash or misreport."""

from __future__ import annotations

import pytest
from brief_text import MINIMAL, errors, only_error
from yaml.constructor import SafeConstructor

from briefing_tui import suggestions, validation
from briefing_tui.loader import parse_brief


def refuse_to_build_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make building a YAML int fail loudly: long values must be described by their text."""

    def explode(*_: object) -> object:
        raise AssertionError("a long number was built")

    monkeypatch.setattr(SafeConstructor, "construct_yaml_int", explode)
    monkeypatch.setattr(SafeConstructor, "construct_yaml_float", explode)


def test_a_base60_title_of_a_million_groups_is_described_by_its_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refuse_to_build_numbers(monkeypatch)
    text = MINIMAL.replace("title: Harbour talks", "title: 1" + ":59" * 1_000_000)
    line, col, path, message = only_error(text)
    assert (line, col, path) == (2, 8, "$.title")
    assert message == (
        "expected text, got a YAML number of 3,000,001 characters (1:59:59:59:59:59:59:59:…)"
        " — put it in quotes"
    )


def test_a_base60_version_is_not_built(monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_to_build_numbers(monkeypatch)
    text = MINIMAL.replace("brief: 1", "brief: 1" + ":59" * 100_000)
    line, col, path, message = only_error(text)
    assert (line, col, path) == (1, 8, "$.brief")
    assert message.startswith("expected the format version 1, got a YAML number of 300,001")


@pytest.mark.parametrize(
    "value", ["0x" + "f" * 5000, "0b" + "1" * 5000, "0" + "7" * 5000, "1" + ":59" * 5000]
)
def test_integers_past_pythons_digit_limit_are_located_errors(value: str) -> None:
    line, col, path, message = only_error(
        MINIMAL.replace("title: Harbour talks", f"title: {value}")
    )
    assert (line, col, path) == (2, 8, "$.title")
    assert message.startswith("expected text, got a YAML number of")


def test_short_numbers_are_still_shown_as_yaml_reads_them() -> None:
    message = (
        'expected text, got the number 7199 (YAML reads 1:59:59 as 7199) — quote it: "1:59:59"'
    )
    assert only_error(MINIMAL.replace("title: Harbour talks", "title: 1:59:59"))[3] == message


def test_did_you_mean_is_worked_out_only_for_the_errors_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = []
    real = validation.close_match

    def counting(word: str, choices: object) -> str | None:
        calls.append(word)
        return real(word, choices)  # type: ignore[arg-type]

    monkeypatch.setattr(validation, "close_match", counting)
    keys = "".join(f"  titel{i}: x\n" for i in range(5000))
    found = errors(MINIMAL + f"source:\n{keys}")
    assert len(found) == validation.MAX_PROBLEMS + 1
    assert found[-1].message == "5000 errors; the first 100 follow" or found[0].line is None
    assert len(calls) <= 2 * validation.MAX_PROBLEMS


def test_a_broken_reference_among_many_ids_finds_its_id_without_a_scan() -> None:
    people = "".join(f"  - {{id: person-{i:05d}, name: P{i}}}\n" for i in range(20_000))
    text = MINIMAL.replace("quotes: []", "quotes:\n  - {speaker: persn-01234, text: Hi}")
    found = errors(text + "people:\n" + people)
    assert [error.message for error in found] == [
        "no person has the id 'persn-01234' — did you mean 'person-01234'?"
    ]
    finder = suggestions.Suggester([f"person-{i:05d}" for i in range(20_000)])
    assert finder.closest("prson-01234") == "person-01234"
    assert finder.closest("zzzz") is None


def test_an_error_at_the_end_of_a_file_without_a_final_newline_is_on_its_last_line() -> None:
    for text in ('a: "x', 'a: "x\n'):
        assert errors(text)[0].message == (
            "this quote is never closed (the file ends at line 1, column 6)"
        )


def test_lines_are_counted_as_editors_count_them_not_at_u2028() -> None:
    # libyaml breaks the line at U+2028 and stumbles on "port" at its line 5, column 1.
    text = MINIMAL.replace("summary: The port", "summary: The\u2028port")
    line, col, _, message = only_error(text)
    assert (line, col) == (4, 14)
    assert message == "this key has no ':' after it (by line 5, column 1)"


@pytest.mark.parametrize(
    ("bom", "name"),
    [(b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16")],
)
def test_byte_order_marks_name_their_encoding(bom: bytes, name: str) -> None:
    found = errors_of(bom + MINIMAL.encode("utf-8"))
    assert [str(error) for error in found] == [
        f"b.yaml: error: the file is {name}: save it as UTF-8"
    ]


def test_two_utf8_byte_order_marks_are_refused() -> None:
    found = errors_of(b"\xef\xbb\xbf\xef\xbb\xbf" + MINIMAL.encode())
    assert [str(error) for error in found] == [
        "b.yaml:1:1: error: a second byte order mark (U+FEFF) follows the first: remove it"
    ]
    assert parse_brief(b"\xef\xbb\xbf" + MINIMAL.encode()).title == "Harbour talks"


def test_noncharacters_are_refused_written_as_escapes_too() -> None:
    text = MINIMAL.replace("title: Harbour talks", 'title: "a\\uffff\\ufffe"')
    assert only_error(text) == (
        2,
        8,
        "$.title",
        "noncharacter U+FFFF at character 2 is not allowed",
    )


def test_a_tag_is_shown_as_written_not_as_its_expansion() -> None:
    text = "%TAG !e! tag:example.com,2000:\n---\n" + MINIMAL.replace(
        "title: Harbour talks", "title: &t !e!word talks"
    )
    (error,) = errors(text)
    assert error.message.startswith("the tag !e!word is not allowed")
    assert (error.line, error.col) == (4, 8)


def errors_of(data: bytes) -> list[object]:
    from briefing_tui.loader import BriefInvalid

    with pytest.raises(BriefInvalid) as caught:
        parse_brief(data, name="b.yaml")
    return list(caught.value.errors)
