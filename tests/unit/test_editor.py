"""The editor command: $VISUAL or $EDITOR, with the line in the form each editor takes."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from brief_text import MINIMAL

from briefing_tui.editor import NoEditor, editor_command, item_position

BRIEF = "/notes/brief.yaml"


def which(*installed: str) -> Callable[[str], str | None]:
    """A PATH lookup that finds exactly `installed`, in /usr/bin."""
    return lambda name: (name if "/" in name else f"/usr/bin/{name}") if name in installed else None


def command(editor: str, line: int | None = 12, column: int | None = 5) -> list[str]:
    program = editor.split()[0]
    return editor_command(BRIEF, line, column, environ={"EDITOR": editor}, which=which(program))


@pytest.mark.parametrize(
    ("editor", "expected"),
    [
        ("vi", ["vi", "+12", BRIEF]),
        ("vim", ["vim", "+12", BRIEF]),
        ("nvim", ["nvim", "+12", BRIEF]),
        ("/usr/bin/vim.basic", ["/usr/bin/vim.basic", "+12", BRIEF]),
        ("nano", ["nano", "+12,5", BRIEF]),
        ("emacs -nw", ["emacs", "-nw", "+12:5", BRIEF]),
        ("emacsclient -t", ["emacsclient", "-t", "+12:5", BRIEF]),
        ("micro", ["micro", "+12:5", BRIEF]),
        ("kak", ["kak", "+12:5", BRIEF]),
        ("hx", ["hx", f"{BRIEF}:12:5"]),
        ("subl -w", ["subl", "-w", f"{BRIEF}:12:5"]),
        ("zed --wait", ["zed", "--wait", f"{BRIEF}:12:5"]),
        ("code --wait", ["code", "--wait", "--goto", f"{BRIEF}:12:5"]),
        ("codium -w", ["codium", "-w", "--goto", f"{BRIEF}:12:5"]),
        ("idea --wait", ["idea", "--wait", "--line", "12", "--column", "5", BRIEF]),
        ("pycharm.sh", ["pycharm.sh", "--line", "12", "--column", "5", BRIEF]),
        ("idea64.exe", ["idea64.exe", "--line", "12", "--column", "5", BRIEF]),
        ("ed", ["ed", BRIEF]),
        ("my-editor --flag", ["my-editor", "--flag", BRIEF]),
    ],
)
def test_each_editor_gets_the_line_in_its_own_form(editor: str, expected: list[str]) -> None:
    assert command(editor) == expected


@pytest.mark.parametrize(
    ("editor", "expected"),
    [
        ("vim", ["vim", "+12", BRIEF]),
        ("nano", ["nano", "+12", BRIEF]),
        ("emacs", ["emacs", "+12", BRIEF]),
        ("hx", ["hx", f"{BRIEF}:12"]),
        ("code", ["code", "--goto", f"{BRIEF}:12"]),
        ("idea", ["idea", "--line", "12", BRIEF]),
    ],
)
def test_without_a_column_only_the_line_is_given(editor: str, expected: list[str]) -> None:
    assert command(editor, column=None) == expected


def test_without_a_line_the_file_alone_is_given() -> None:
    assert command("code --wait", line=None) == ["code", "--wait", BRIEF]
    assert command("vim", line=None) == ["vim", BRIEF]


def test_visual_comes_before_editor_and_a_blank_one_is_ignored() -> None:
    found = which("vim", "nano")
    both = {"VISUAL": "vim", "EDITOR": "nano"}
    assert editor_command(BRIEF, 3, environ=both, which=found)[0] == "vim"
    blank = {"VISUAL": "  ", "EDITOR": "nano"}
    assert editor_command(BRIEF, 3, environ=blank, which=found)[0] == "nano"


def test_quoted_words_and_paths_with_spaces_stay_whole(tmp_path: Path) -> None:
    editor = "'/opt/My Editor/vim' -c 'set nowrap'"
    found = which("/opt/My Editor/vim")
    path = tmp_path / "my notes" / "brief.yaml"
    assert editor_command(path, 4, environ={"EDITOR": editor}, which=found) == [
        "/opt/My Editor/vim",
        "-c",
        "set nowrap",
        "+4",
        str(path),
    ]


def test_a_relative_path_is_made_absolute_so_no_name_is_an_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    argv = editor_command("-rf.yaml", 2, environ={"EDITOR": "vim"}, which=which("vim"))
    assert argv == ["vim", "+2", str(tmp_path / "-rf.yaml")]


def test_a_link_is_followed_to_recognise_the_editor(tmp_path: Path) -> None:
    nano = tmp_path / "nano"
    nano.write_text("")
    (tmp_path / "editor").symlink_to(nano)
    found = str(tmp_path / "editor")
    argv = editor_command(BRIEF, 7, 3, environ={"EDITOR": found}, which=which(found))
    assert argv == [found, "+7,3", BRIEF]


def test_with_no_variable_set_the_first_editor_found_is_used() -> None:
    assert editor_command(BRIEF, 9, environ={}, which=which("nano", "vi")) == [
        "/usr/bin/nano",
        "+9",
        BRIEF,
    ]
    assert editor_command(BRIEF, 9, environ={}, which=which("vi"))[:2] == ["/usr/bin/vi", "+9"]


def test_no_editor_at_all_is_one_clear_line() -> None:
    with pytest.raises(NoEditor) as caught:
        editor_command(BRIEF, 9, environ={}, which=which())
    assert str(caught.value) == (
        "no editor found: set $VISUAL or $EDITOR (for example: export EDITOR=nano)"
    )


def test_an_editor_not_installed_is_named() -> None:
    with pytest.raises(NoEditor) as caught:
        editor_command(BRIEF, 9, environ={"VISUAL": "subl -w"}, which=which("vim"))
    assert str(caught.value) == "$VISUAL names 'subl', not found"


def test_a_variable_that_is_not_a_command_is_named_printably() -> None:
    with pytest.raises(NoEditor) as caught:
        editor_command(BRIEF, 9, environ={"EDITOR": 'code "--wait\x1b'}, which=which("code"))
    message = str(caught.value)
    assert message == "$EDITOR ('code \"--wait␛') cannot be read as a command: No closing quotation"


AGREEMENTS = """\
agreements:
  - title: Ferries
    summary: Every hour.
  - id: quays
    title: Quays
    summary: Two more.
people:
  - id: ana
    name: Ana
"""


def test_an_items_position_is_its_first_key(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(MINIMAL.replace("agreements: []\n", AGREEMENTS), encoding="utf-8")
    assert item_position(path, "agreements", 0) == (6, 5)
    assert item_position(path, "agreements", 1) == (8, 5)
    assert item_position(path, "overview", 0) == (12, 5)


def test_no_position_where_there_is_no_such_item_or_no_readable_brief(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert item_position(path, "agreements", 0) is None
    assert item_position(path, "overview", None) is None
    assert item_position(path, "nowhere", 0) is None
    path.write_text("agreements: [", encoding="utf-8")
    assert item_position(path, "agreements", 0) is None
    path.unlink()
    os.mkfifo(path)
    assert item_position(path, "agreements", 0) is None
