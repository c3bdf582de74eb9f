"""Reading the file: anything but a readable UTF-8 regular file is refused in one line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing_tui.loader import (
    MAX_BRIEF_BYTES,
    BriefError,
    BriefInvalid,
    load_brief,
    parse_brief,
)

NOTE = Path(__file__).resolve().parents[1] / "data" / "note.yaml"


def failure(path: str | Path) -> list[str]:
    """The error lines for loading ``path`` (which must fail)."""
    with pytest.raises(BriefInvalid) as caught:
        load_brief(path)
    return str(caught.value).splitlines()


def test_the_note_loads_from_a_str_or_a_path() -> None:
    assert load_brief(str(NOTE)) == load_brief(NOTE)


def test_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    assert failure(path) == [f"{path}: error: no such file"]


def test_a_folder(tmp_path: Path) -> None:
    assert failure(tmp_path) == [f"{tmp_path}: error: is a folder, not a brief file"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # opening it for reading would block until a writer came
    assert failure(fifo) == [f"{fifo}: error: not a regular file: it is a named pipe (FIFO)"]


def test_a_device_is_refused() -> None:
    assert failure("/dev/null") == [
        "/dev/null: error: not a regular file: it is a character device"
    ]


def test_a_file_over_the_limit_states_its_size_and_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as out:
        out.truncate(MAX_BRIEF_BYTES + 1)  # sparse: nothing is written
    assert failure(big) == [
        f"{big}: error: the file is too large: 8,388,609 bytes,"
        " and a brief may be at most 8 MiB (8,388,608 bytes)"
    ]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("brief: 1\n")
    secret.chmod(0)
    assert failure(secret) == [f"{secret}: error: permission denied"]


def test_bad_utf8_names_the_byte_and_where_it_is() -> None:
    data = "brief: 1\ntitle: Caf\u00e9 ".encode() + b"\xe9t\xe9\n"
    with pytest.raises(BriefInvalid) as caught:
        parse_brief(data, name="b.yaml")
    assert str(caught.value) == (
        "b.yaml:2:13: error: not valid UTF-8: byte 0xE9 (invalid continuation byte);"
        " save the file as UTF-8"
    )


def test_utf16_is_named() -> None:
    with pytest.raises(BriefInvalid) as caught:
        parse_brief("brief: 1\n".encode("utf-16"), name="b.yaml")
    assert str(caught.value) == "b.yaml: error: the file is UTF-16: save it as UTF-8"


def test_raw_control_characters_are_refused_before_parsing() -> None:
    with pytest.raises(BriefInvalid) as caught:
        parse_brief(b"brief: 1\ntitle: a\x1b[2Jb\n# \x07\n", name="b.yaml")
    assert str(caught.value).splitlines() == [
        "b.yaml:2:9: error: control character U+001B (ESC) is not allowed",
        "b.yaml:3:3: error: control character U+0007 (BEL) is not allowed",
    ]


def test_error_lines_leave_out_what_is_unknown() -> None:
    full = BriefError("b.yaml", 3, 7, "$.date", "bad")
    assert str(full) == "b.yaml:3:7: error: $.date: bad"
    assert str(BriefError("b.yaml", 3, None, None, "bad")) == "b.yaml:3: error: bad"
    assert str(BriefError("b.yaml", None, None, None, "bad")) == "b.yaml: error: bad"


def test_a_file_name_with_control_characters_is_shown_as_symbols() -> None:
    assert str(BriefError("a\x1b]0;b.yaml", None, None, None, "bad")) == "a␛]0;b.yaml: error: bad"
    assert str(BriefError("a\nb\tc.yaml", 1, 2, None, "bad")) == "a b c.yaml:1:2: error: bad"


def test_errors_are_sorted_and_joined_one_per_line() -> None:
    late = BriefError("b.yaml", 9, 1, None, "late")
    early = BriefError("b.yaml", 2, 5, None, "early")
    invalid = BriefInvalid([late, early])
    assert invalid.errors == [early, late]
    assert str(invalid) == "b.yaml:2:5: error: early\nb.yaml:9:1: error: late"
