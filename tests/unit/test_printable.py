"""Text and paths are shown literally: no control code ever reaches the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.printable import printable, printable_path


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b[31mred", "a␛[31mred"),
        ("osc\x1b]52;c;aGk=\x07", "osc␛]52;c;aGk=␇"),
        ("c1\x9b2J", "c1\ufffd2J"),
        ("bidi\u202eevil", "bidi\ufffdevil"),
        ("not utf-8 \udcff", "not utf-8 \ufffd"),
    ],
)
def test_control_codes_become_symbols_of_the_same_length(raw: str, shown: str) -> None:
    assert printable(raw) == shown
    assert len(printable(raw)) == len(raw)


def test_one_line_turns_every_line_break_into_a_space() -> None:
    assert printable("a\nb\u2028c\u2029d\re\tf", one_line=True) == "a b c d e f"
    assert printable("a\nb\u2028c") == "a\nb\nc"


def test_a_path_is_one_printable_line() -> None:
    name = Path("/tmp/x\x1b]52;c;aGk=\x07\ny.yaml")
    assert printable_path(name) == "/tmp/x␛]52;c;aGk=␇ y.yaml"
