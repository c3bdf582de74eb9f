"""positions: JSON paths of a brief to the line and column an editor should open at."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.positions import PathError, Positions, parse_path

ROOT = Path(__file__).resolve().parents[2]
SUMMIT = ROOT / "briefs" / "eu-japan-summit-2023.yaml"


@pytest.fixture(scope="module")
def summit() -> Positions:
    positions = Positions.of_text(SUMMIT.read_text(encoding="utf-8"))
    assert positions is not None
    return positions


def line_of(text: str, words: str) -> int:
    """The 1-based line of the summit brief holding `words`."""
    (line,) = [n for n, line in enumerate(text.splitlines(), 1) if words in line]
    return line


@pytest.mark.parametrize(
    ("path", "words", "col"),
    [
        ("$.brief", "brief: 1", 8),
        ("$.source.publisher", "publisher: The Japan Times", 14),
        ("$.people[7].role", "Japan expert at the French Institute", 11),
        ("$.quotes[0].text", "We (Japan and the EU) need each other", None),
        ("$.people[0].name", "name: Fumio Kishida", 11),
    ],
)
def test_a_value_is_where_it_is_written(
    summit: Positions, path: str, words: str, col: int | None
) -> None:
    text = SUMMIT.read_text(encoding="utf-8")
    position = summit.line_col(path)
    assert position is not None
    if col is None:  # a block scalar starts at its >- on the line of its key
        line = line_of(text, words) - 1
        assert text.splitlines()[line - 1].endswith("text: >-")
        assert position == (line, len("    text: ") + 1)
    else:
        assert position == (line_of(text, words), col)


def test_an_item_is_at_its_first_key_after_the_dash(summit: Positions) -> None:
    text = SUMMIT.read_text(encoding="utf-8")
    assert summit.line_col("$.agreements[0]") == (line_of(text, "- id: security-dialogue"), 5)
    assert summit.line_col("$.quotes[0]") == (line_of(text, "- id: need-each-other"), 5)
    assert summit.line_col("$.questions[7]") is not None
    assert summit.line_col(("quotes", 0)) == summit.line_col("$.quotes[0]")


def test_the_document_and_a_quoted_key(summit: Positions) -> None:
    assert summit.line_col("$") == (3, 1)  # the comments above are no value
    assert summit.line_col('$["title"]') == summit.line_col("$.title")


@pytest.mark.parametrize("path", ["$.quotes[99]", "$.nothing", "$.title.more", "$.quotes.text"])
def test_a_path_the_brief_does_not_have_is_none(summit: Positions, path: str) -> None:
    assert summit.line_col(path) is None


@pytest.mark.parametrize("path", ["quotes[0]", "$.quotes[x]", "$..title", "$.quotes[0"])
def test_a_path_that_is_not_one_is_refused(path: str) -> None:
    with pytest.raises(PathError):
        parse_path(path)


def test_paths_read_as_the_error_lines_write_them() -> None:
    assert parse_path("$") == ()
    assert parse_path("$.quotes[3].text") == ("quotes", 3, "text")
    assert parse_path('$.source["odd key"]') == ("source", "odd key")


def test_the_last_of_a_repeated_key_counts_and_bad_yaml_has_no_positions() -> None:
    positions = Positions.of_text("a: 1\nb: 2\na: 3\n")
    assert positions is not None
    assert positions.line_col("$.a") == (3, 4)
    assert Positions.of_text("a: [1,\n") is None
    assert Positions.of_text("") is None
