"""A file's state: equal while its content is, whatever happens to its times or inode."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing_tui.filestate import FileState, NotRegularFile, read_regular


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    path = tmp_path / "brief.yaml"
    path.write_bytes(b"title: Harbour talks\n")
    return path


def test_touching_or_rewriting_the_same_bytes_leaves_the_state_equal(brief: Path) -> None:
    before = FileState.of(brief)
    os.utime(brief, ns=(1, 1))
    replacement = brief.with_name("new.yaml")
    replacement.write_bytes(brief.read_bytes())
    os.replace(replacement, brief)  # another inode, the same content
    after = FileState.of(brief)
    assert after == before
    assert after.signature != before.signature


def test_other_bytes_are_another_state(brief: Path) -> None:
    before = FileState.of(brief)
    brief.write_bytes(b"title: Port talks\n")
    assert FileState.of(brief) != before
    assert FileState.of(brief).content.startswith("sha256:")


def test_a_missing_file_and_a_missing_folder_are_missing(tmp_path: Path) -> None:
    assert FileState.of(tmp_path / "none.yaml") == FileState("missing")
    assert not FileState.of(tmp_path / "none" / "brief.yaml").exists
    (tmp_path / "plain").write_text("x")
    assert FileState.of(tmp_path / "plain" / "brief.yaml") == FileState("missing")


def test_a_folder_or_a_fifo_in_its_place_is_unreadable_without_blocking(brief: Path) -> None:
    brief.unlink()
    os.mkfifo(brief)
    state = FileState.of(brief)
    assert state.exists
    assert state.content.startswith("unreadable: not a regular file")
    with pytest.raises(NotRegularFile):
        read_regular(brief)  # a FIFO with no writer: open would block without O_NONBLOCK
    brief.unlink()
    brief.mkdir()
    assert FileState.of(brief).content.startswith("unreadable: not a regular file")


def test_read_regular_stops_one_byte_past_the_limit(brief: Path) -> None:
    assert read_regular(brief, limit=4) == b"title"
    assert read_regular(brief) == b"title: Harbour talks\n"


def test_an_unchanged_stat_is_not_read_again_when_asked_so(brief: Path) -> None:
    state = FileState.of(brief)
    assert FileState.of(brief, previous=state) is state
    brief.write_bytes(b"title: Port talks, longer\n")
    assert FileState.of(brief, previous=state) != state
