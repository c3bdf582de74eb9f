"""What the export dialog says of a path before it writes: checked against a real folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing_tui.export_target import check_target, export_target, failure_reason, shorten_middle
from briefing_tui.files import WriteError


def test_a_new_file_in_an_existing_folder_is_written(tmp_path: Path) -> None:
    assert check_target(tmp_path / "new.md") == check_target(tmp_path / "other.md")
    check = check_target(tmp_path / "new.md")
    assert (check.says, check.blocked, check.warns) == ("Writes", False, False)


def test_an_existing_file_is_replaced_after_a_warning(tmp_path: Path) -> None:
    (tmp_path / "old.md").write_text("x", encoding="utf-8")
    check = check_target(tmp_path / "old.md")
    assert (check.says, check.blocked, check.warns) == ("Replaces an existing file", False, True)


def test_what_cannot_be_written_is_said_and_blocked(tmp_path: Path) -> None:
    brief = tmp_path / "brief.yaml"
    brief.write_text("brief", encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    os.mkfifo(tmp_path / "pipe")
    cases = {
        tmp_path / "." / "brief.yaml": "Refused: it is the brief itself",
        tmp_path / "dir": "That is a folder: add a file name",
        tmp_path / "pipe": "Refused: not a regular file",
        tmp_path / "nowhere" / "x.md": "No such folder",
        tmp_path / "file" / "x.md": "A part of the path is not a folder",
    }
    for path, says in cases.items():
        check = check_target(path, [brief])
        assert (check.says, check.blocked) == (says, True), path


def test_a_failure_is_never_said_to_be_a_missing_folder_when_the_folder_is_there(
    tmp_path: Path,
) -> None:
    there = WriteError(tmp_path / "x.md", "the folder does not exist")
    gone = WriteError(tmp_path / "gone" / "x.md", "the folder does not exist")
    assert failure_reason(there) == "That folder takes no new files"
    assert failure_reason(gone) == "The folder does not exist"
    assert failure_reason(WriteError(tmp_path, "permission denied")) == "Permission denied"


@pytest.mark.parametrize("width", [1, 5, 12, 30, 60])
def test_shorten_middle_keeps_the_start_and_more_of_the_end(width: int) -> None:
    text = "/home/analyst/briefs/archive/2023/eu-japan-summit-2023.yaml"
    short = shorten_middle(text, width)
    assert len(short) <= width
    if width < len(text) and width > 1:
        head, tail = short.split("…")
        assert text.startswith(head) and text.endswith(tail) and len(tail) >= len(head)
    assert shorten_middle(text, len(text)) == text


def test_shorten_middle_counts_cells_not_characters() -> None:
    short = shorten_middle("/報告/" + "東京" * 10 + ".md", 15)
    assert sum(2 if ord(c) > 0x2E80 else 1 for c in short) <= 15


def test_export_target_expands_home_and_keeps_absolute_paths(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert export_target("~/out.md", Path("/elsewhere")) == tmp_path / "out.md"
    assert export_target("/abs/out.md", Path("/elsewhere")) == Path("/abs/out.md")
    assert export_target("sub/out.md", Path("/elsewhere")) == Path("/elsewhere/sub/out.md")


def test_shorten_middle_keeps_a_file_name_whole_when_it_can() -> None:
    text = "/home/analyst/briefs/archive/2023/eu-japan-summit-2023.yaml"
    assert shorten_middle(text, 32, keep_end="/eu-japan-summit-2023.yaml") == (
        "/home…/eu-japan-summit-2023.yaml"
    )
    assert shorten_middle(text, 20, keep_end="/eu-japan-summit-2023.yaml").startswith("/home")
