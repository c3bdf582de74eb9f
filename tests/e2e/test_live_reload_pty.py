"""Live reload seen in a real terminal: another process saves the brief the reader shows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from terminal import Terminal

pytestmark = pytest.mark.e2e


@pytest.fixture
def brief_file(example_brief: Path) -> Path:
    return example_brief


def save(path: Path, old: str, new: str, *, rename: bool = False) -> None:
    """Change the file as another program would: in place, or a new file renamed over it."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new)
    if rename:
        temporary = path.with_name(".brief.yaml.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    else:
        path.write_text(text, encoding="utf-8")


def test_saves_in_place_and_by_rename_update_the_screen(
    briefing: list[str], config_env: dict[str, str], brief_file: Path
) -> None:
    terminal = Terminal(
        [*briefing, "brief.yaml"], columns=120, lines=40, env=config_env, cwd=str(brief_file.parent)
    )
    try:
        terminal.wait_for("Overview", "Mira Solberg")
        terminal.press("2")
        terminal.wait_for("Agreement 1 of 4")
        save(brief_file, "title: A joint river commission", "title: A river board")
        terminal.wait_for("A river board")
        save(brief_file, "title: A river board", "title: A joint river board", rename=True)
        terminal.wait_for("A joint river board", "Agreement 1 of 4")
        terminal.press("q")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()


def test_a_broken_save_shows_the_banner_and_a_fix_clears_it(
    briefing: list[str], config_env: dict[str, str], brief_file: Path
) -> None:
    good = brief_file.read_text(encoding="utf-8")
    terminal = Terminal(
        [*briefing, "brief.yaml"], columns=120, lines=40, env=config_env, cwd=str(brief_file.parent)
    )
    try:
        terminal.wait_for("Overview", "Mira Solberg")
        terminal.press("3")
        terminal.wait_for("Quote 1 of 5")
        save(brief_file, "id: no-border", "id: No Border", rename=True)
        terminal.wait_for("Not reloaded", "'No Border' is not an id", "Quote 1 of 5")
        brief_file.write_text(good, encoding="utf-8")
        terminal.wait_gone("Not reloaded")
        terminal.wait_for("Quote 1 of 5")
        terminal.press("q")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()
