"""`briefing DIR` and `briefing PATH PATH` as a user types them, in a real terminal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from terminal import Terminal

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def test_a_folder_without_briefs_is_one_line_and_exit_1(
    briefing: list[str], config_env: dict[str, str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a brief\n", encoding="utf-8")
    terminal = Terminal([*briefing, str(empty)], env=config_env, cwd=str(tmp_path))
    try:
        status = terminal.wait_exit()
    finally:
        terminal.close()
    assert status == 1
    assert f"briefing: error: no briefs (*.yaml, *.yml) in {empty}" in terminal.text
    assert b"\x1b[?1049h" not in terminal.raw  # the screen was never taken over


def test_two_paths_open_a_library_that_lists_a_missing_one_with_its_error(
    briefing: list[str], config_env: dict[str, str], tmp_path: Path
) -> None:
    summit = tmp_path / "summit.yaml"
    shutil.copy(ROOT / "briefs" / "eu-japan-summit-2023.yaml", summit)
    terminal = Terminal([*briefing, str(summit), "missing.yaml"], env=config_env, cwd=str(tmp_path))
    try:
        terminal.wait_for("1 brief · 1 not valid", "Japan–EU summit 2023", "missing.yaml")
        terminal.press("\r")
        terminal.wait_for("summit.yaml", "People 8")
        terminal.press("\x1b")
        terminal.wait_for("1 brief · 1 not valid")
        terminal.press("q")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()
