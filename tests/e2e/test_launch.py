"""`briefing` started in a real pseudo-terminal, the screen read as a person sees it."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
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


EMOJI_BRIEF = """\
brief: 1
title: Emoji in a title
date: 2024-05-01
summary: A brief whose list rows hold emoji that terminals draw differently.
agreements:
  - title: "A wave 👋🏽, a family 👨‍👩‍👧 and a heart ❤️ in one row"
    summary: "Thumbs 👍🏽👍🏿 up."
  - title: A plain row
    summary: Nothing special.
quotes: []
analysis: []
questions: []
"""


def tmux_screen(argv: list[str], keys: list[str], wait_for: str, env: dict[str, str]) -> str:
    """What tmux shows of `argv` in a 100x20 window once `wait_for` is on it, `keys` typed."""
    session = f"briefing-test-{os.getpid()}"
    command = " ".join(shlex.quote(part) for part in argv)
    environment = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
    tmux = ["tmux", "-L", session, "-f", "/dev/null"]
    # The window takes its size a moment after the session starts: the program starts after.
    start = f"sleep 0.5; exec env {environment} {command}"
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", session, "-x", "100", "-y", "20", start], check=True
    )
    subprocess.run([*tmux, "resize-window", "-t", session, "-x", "100", "-y", "20"], check=True)
    try:
        screen = ""
        for key in ["", *keys]:
            if key:
                subprocess.run([*tmux, "send-keys", "-t", session, key], check=True)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                time.sleep(0.2)
                shown = [*tmux, "capture-pane", "-p", "-t", session]
                screen = subprocess.run(shown, capture_output=True, text=True).stdout
                if "Quit" in screen and (key == "" or wait_for in screen):
                    break
        return screen
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_emoji_clusters_keep_the_frames_whole_in_tmux(
    briefing: list[str], config_env: dict[str, str], tmp_path: Path
) -> None:
    """tmux (as VTE and xterm) draws a skin tone, a family joined by ZWJ or a heart's VS16 as
    parts of their own, wider than the one picture Textual measures: every row of the list
    and the detail must still meet the frames where the others do."""
    brief = tmp_path / "emoji.yaml"
    brief.write_text(EMOJI_BRIEF, encoding="utf-8")
    screen = tmux_screen([*briefing, str(brief)], ["2"], "Agreement 1 of 2", config_env)
    rows = screen.splitlines()
    assert any(row.startswith("╭") for row in rows), screen
    body = rows[rows.index(next(r for r in rows if r.startswith("╭"))) + 1 :]
    body = body[: next((n for n, row in enumerate(body) if row.startswith("╰")), 0)]
    assert body and all("││" in row and row.rstrip().endswith("│") for row in body), screen
