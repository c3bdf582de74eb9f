"""Keys typed in the same burst as `q` (a paste, a slow link, a macro): once quitting has begun
nothing else runs, the reader exits 0 and prints nothing; an error that does escape exits 1."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from terminal import Terminal

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]

# What a terminal sends for each key the reader binds (xterm); a key bound without an entry
# here fails the test, so a new key is burst-tested too.
SEQUENCES = {
    "tab": "\t",
    "shift+tab": "\x1b[Z",
    "backspace": "\x7f",
    "alt+left": "\x1b[1;3D",
    "alt+right": "\x1b[1;3C",
    "question_mark": "?",
    "f1": "\x1bOP",
    "slash": "/",
    "ctrl+f": "\x06",
    "ctrl+c": "\x03",
    "ctrl+d": "\x04",
    "ctrl+u": "\x15",
    "ctrl+p": "\x10",
    "ctrl+q": "\x11",
    "ctrl+pageup": "\x1b[5;5~",
    "ctrl+pagedown": "\x1b[6;5~",
    "left": "\x1b[D",
    "right": "\x1b[C",
    "escape": "\x1b",
    "enter": "\r",
    "space": " ",
    "up": "\x1b[A",
    "down": "\x1b[B",
    "home": "\x1b[H",
    "end": "\x1b[F",
    "pageup": "\x1b[5~",
    "pagedown": "\x1b[6~",
    "less_than_sign": "<",
    "greater_than_sign": ">",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
}


def bound_keys() -> list[str]:
    """Every key the reader's app, screen and widgets bind (inherited keys too), once each; not
    the super (command) keys, which a terminal does not send."""
    from briefing_tui.app import BriefingApp
    from briefing_tui.screens.brief_screen import BriefScreen
    from briefing_tui.widgets.brief_panes import BriefPanes
    from briefing_tui.widgets.detail_pane import DetailPane
    from briefing_tui.widgets.item_list import ItemList
    from briefing_tui.widgets.related_list import RelatedList

    owners = (BriefingApp, BriefScreen, BriefPanes, ItemList, RelatedList, DetailPane)
    keys = {key for owner in owners for key in owner._merge_bindings().key_to_bindings}
    return sorted(key for key in keys if not key.startswith("super+"))


def sequence(key: str) -> str:
    if len(key) == 1:
        return key
    assert key in SEQUENCES, f"no terminal sequence for the key {key!r}: add it to SEQUENCES"
    return SEQUENCES[key]


def batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def assert_quit_cleanly(terminal: Terminal, what: str) -> None:
    status = terminal.wait_exit(timeout=30)
    printed = terminal.raw.decode("utf-8", "replace")
    assert (what, status) == (what, 0)
    assert "Traceback" not in printed and "Error" not in printed, what


def test_every_key_typed_straight_after_q_is_dropped(
    briefing: list[str], config_env: dict[str, str], tmp_path: Path
) -> None:
    keys = bound_keys()
    assert {"e", "slash", "2", "f1", "y", "z", "o", "less_than_sign", "space"} <= set(keys)
    for batch in batches(keys, 6):  # a few readers at a time: the machine has two cores
        terminals = {key: Terminal(briefing, env=config_env, cwd=str(tmp_path)) for key in batch}
        try:
            for terminal in terminals.values():
                terminal.wait_for("Overview", "Quit", timeout=60)
            for key, terminal in terminals.items():
                terminal.press("q" + sequence(key))  # one write: read by the app at once
            for key, terminal in terminals.items():
                assert_quit_cleanly(terminal, key)
        finally:
            for terminal in terminals.values():
                terminal.close()


def test_a_burst_of_every_key_after_q_in_a_section_pane(
    briefing: list[str], config_env: dict[str, str], tmp_path: Path
) -> None:
    terminal = Terminal(briefing, env=config_env, cwd=str(tmp_path))
    try:
        terminal.wait_for("Overview", "Quit")
        terminal.press("3")
        terminal.wait_for("Quote 1 of 12")
        terminal.press("q" + "".join(sequence(key) for key in bound_keys()))
        assert_quit_cleanly(terminal, "every key")
    finally:
        terminal.close()


CRASHING_APP = """
import sys
import briefing_tui.app
from briefing_tui.reader import open_brief

class Crashing(briefing_tui.app.BriefingApp):
    def on_mount(self):
        secret = self.brief.title  # a local holding the brief's text
        raise RuntimeError("a bug")

briefing_tui.app.BriefingApp = Crashing  # the reader's own way in, with an app that fails
sys.exit(open_brief(sys.argv[1]))
"""


def test_an_error_that_escapes_exits_1_without_the_briefs_text(
    config_env: dict[str, str], tmp_path: Path
) -> None:
    script = tmp_path / "crash.py"
    script.write_text(CRASHING_APP, encoding="utf-8")
    brief = ROOT / "briefs" / "eu-japan-summit-2023.yaml"
    terminal = Terminal([sys.executable, str(script), str(brief)], env=config_env)
    try:
        status = terminal.wait_exit(timeout=30)
    finally:
        terminal.close()
    printed = terminal.raw.decode("utf-8", "replace")
    assert status == 1
    assert "RuntimeError" in printed and "a bug" in printed
    assert "Japan–EU summit 2023" not in printed  # the locals (the brief's title) are not shown
