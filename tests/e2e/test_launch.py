"""`briefing` started in a real pseudo-terminal, the screen read as a person sees it."""

from __future__ import annotations

from pathlib import Path

import pytest
from terminal import Terminal

pytestmark = pytest.mark.e2e

ALTERNATE_SCREEN = b"\x1b[?1049h"


def test_summit_opens_switches_panes_and_quits(
    briefing: list[str], config_env: dict[str, str], tmp_path: Path
) -> None:
    terminal = Terminal(briefing, columns=120, lines=40, env=config_env, cwd=str(tmp_path))
    try:
        terminal.wait_for("Brussels", "Overview", "Quit")
        terminal.press("3")
        terminal.wait_for("Quote 1 of 12", "We (Japan and the EU) need each other")
        terminal.press("4G")  # one write: G must reach the Analysis list, not the Quotes one
        terminal.wait_for("Analysis 8 of 8")
        terminal.press("5")
        terminal.wait_for("Question 1 of 8")
        terminal.press("?")
        terminal.wait_for("Commands")
        terminal.press("\x1b")
        terminal.wait_gone("Commands")
        terminal.press("q")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()


def test_invalid_brief_prints_its_error_and_never_takes_the_screen(
    briefing: list[str], config_env: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("brief: 1\ntitel: x\n", encoding="utf-8")
    terminal = Terminal([*briefing, str(bad)], env=config_env, cwd=str(tmp_path))
    try:
        status = terminal.wait_exit()
    finally:
        terminal.close()
    assert status == 1
    assert ALTERNATE_SCREEN not in terminal.raw
    printed = "".join(line.rstrip() for line in terminal.screen.display)
    assert f"{bad}:2:1: error: $.titel: unknown key 'titel' — did you mean 'title'?" in printed
    assert "Traceback" not in terminal.text


def test_keys_typed_straight_after_slash_land_in_the_search_bar(
    briefing: list[str], config_env: dict[str, str], tmp_path: Path
) -> None:
    terminal = Terminal(briefing, env=config_env, cwd=str(tmp_path))
    try:
        terminal.wait_for("Overview", "Quit")
        terminal.press("/hydrogen")  # one write: the app reads all nine keys at once
        terminal.wait_for("Agreements 2", "Hydrogen as a key future energy source")
        assert "Export to Markdown" not in terminal.text
        terminal.press("\r")
        terminal.wait_for("Agreement 11 of 14", "Green Alliance cooperation framework")
        terminal.press("n")
        terminal.wait_for("Agreement 12 of 14")
        terminal.press("q")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()
