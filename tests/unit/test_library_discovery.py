"""Which files a library holds, and files that are not briefs listed with their reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from library_briefs import brief_text, write

from briefing_tui.library import discover, open_library

VALID = brief_text("Talks", "2024-01-01")


def names(folder: Path, paths: list[Path]) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in paths)


def test_yaml_and_yml_in_any_case_and_subfolders_count_hidden_ones_do_not(tmp_path: Path) -> None:
    for name in [
        "a.yaml",
        "b.yml",
        "C.YAML",
        "notes.txt",
        "brief.yaml.bak",
        ".hidden.yaml",
        "sub/d.yaml",
        "sub/deeper/e.yml",
        ".git/f.yaml",
        "sub/.cache/g.yaml",
    ]:
        write(tmp_path, name, VALID)
    found = discover([tmp_path])
    assert all(item.problem is None for item in found)
    assert names(tmp_path, [item.path for item in found]) == [
        "C.YAML",
        "a.yaml",
        "b.yml",
        "sub/d.yaml",
        "sub/deeper/e.yml",
    ]


def test_a_file_named_on_the_command_line_counts_whatever_its_name(tmp_path: Path) -> None:
    note = write(tmp_path, "note.txt", VALID)
    hidden = write(tmp_path, ".draft.yaml", VALID)
    assert [item.path for item in discover([note, hidden])] == [note, hidden]


def test_a_symlink_loop_ends_and_each_brief_is_listed_once(tmp_path: Path) -> None:
    write(tmp_path, "top.yaml", VALID)
    write(tmp_path, "sub/inner.yaml", VALID)
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "sub" / "self").symlink_to(tmp_path / "sub", target_is_directory=True)
    (tmp_path / "again.yaml").symlink_to(tmp_path / "top.yaml")
    found = discover([tmp_path, tmp_path / "sub"])
    assert names(tmp_path, [item.path for item in found]) == ["sub/inner.yaml", "top.yaml"]


def test_a_linked_folder_is_walked(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere, "x.yaml", VALID)
    library = tmp_path / "library"
    library.mkdir()
    (library / "linked").symlink_to(elsewhere, target_is_directory=True)
    assert [item.path for item in discover([library])] == [library / "linked" / "x.yaml"]


def test_a_fifo_a_broken_link_and_a_missing_path_are_listed_with_their_reason(
    tmp_path: Path,
) -> None:
    write(tmp_path, "good.yaml", VALID)
    os.mkfifo(tmp_path / "pipe.yaml")  # opening it for reading would block: it must not be
    (tmp_path / "broken.yaml").symlink_to(tmp_path / "nowhere.yaml")
    library = open_library([tmp_path, tmp_path / "missing.yaml"], strategy="sequential")
    assert [entry.title for entry in library.valid] == ["Talks"]
    reasons = {entry.path.name: entry.error.message for entry in library.invalid if entry.error}
    assert reasons == {
        "broken.yaml": "no such file",
        "missing.yaml": "no such file",
        "pipe.yaml": "not a regular file: it is a named pipe (FIFO)",
    }


def test_a_folder_that_cannot_be_listed_is_an_entry_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "good.yaml", VALID)
    locked = tmp_path / "locked"
    write(locked, "secret.yaml", VALID)
    scandir = os.scandir

    def refusing(path: str | os.PathLike[str]) -> object:
        if Path(path) == locked:  # as for another user's folder (the tests may run as root)
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    library = open_library([tmp_path], strategy="sequential")
    assert [entry.title for entry in library.valid] == ["Talks"]
    [problem] = library.invalid
    assert problem.path == locked
    assert problem.error is not None
    assert str(problem.error) == f"{locked}: error: cannot list the folder: permission denied"
