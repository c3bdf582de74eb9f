"""Nothing from a brief or a file name reaches the terminal as a control sequence.

A real pseudo-terminal runs the reader on a brief whose file name holds OSC 52 (a clipboard
write), OSC 8 (a hyperlink), CSI and C1 sequences, a line break and a tab. The test visits every
pane, the search, the help,
the palette and the export dialog (writing the file, then answering the replace question), reads
every byte the app wrote, and finds none of the sequences. An invalid brief holding them raw gets
its errors printed without them too.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from terminal import Terminal

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
OSC8 = "\x1b]8;;mailto:evil@example.org\x1b\\"
CSI = "\x1b[5;31;4242m"
C1 = "\u009b4242m\u009d52;c;x\u009c"
HOSTILE_NAME = f"brief{OSC52}{OSC8}{CSI}{C1}\nline\ttab"
# What must never be written: each sequence whole, and each introducer with what follows it.
FORBIDDEN = [
    *(s.encode() for s in (OSC52, OSC8, CSI, C1)),
    b"\x1b]52;",
    b"\x1b]8;;mailto",
    b"\x1b[5;31;4242m",
    b"\xc2\x9b",
    b"\xc2\x9d",
    b"\x9b4242",
]


def escape(terminal: Terminal) -> None:
    """Escape alone: a key sent right after it would read as alt+key."""
    terminal.press("\x1b")
    deadline = time.monotonic() + 0.3
    while time.monotonic() < deadline:
        terminal.pump(timeout=0.05)


def assert_clean(raw: bytes) -> None:
    for sequence in FORBIDDEN:
        assert sequence not in raw, f"{sequence!r} was written to the terminal"


def test_every_screen_of_the_reader_writes_no_sequence_from_a_file_name(
    briefing: list[str], config_env: dict[str, str], tmp_path: Path
) -> None:
    brief = tmp_path / f"{HOSTILE_NAME}.yaml"
    shutil.copy(ROOT / "tests" / "data" / "note.yaml", brief)
    terminal = Terminal([*briefing, str(brief)], env=config_env, cwd=str(tmp_path))
    try:
        terminal.wait_for("Harbour cleanup talks", "Overview")
        for key, shown in (("2", "Agreement 1 of"), ("3", "Quote 1 of"), ("5", "Question 1 of")):
            terminal.press(key)
            terminal.wait_for(shown)
        terminal.press("4")
        terminal.press("/", *"hydrogen")
        terminal.wait_for("Agreements 1")
        escape(terminal)
        escape(terminal)
        terminal.press("?")
        terminal.wait_for("Keys", "Anywhere")
        escape(terminal)
        terminal.wait_gone("Anywhere")
        terminal.press("\x10")  # ctrl+p
        terminal.wait_for("Search for commands")
        escape(terminal)
        terminal.wait_gone("Search for commands")
        terminal.press("e")
        terminal.wait_for("Export to Markdown", "Writes")
        terminal.press("\r")
        terminal.wait_for("Exported")
        terminal.wait_gone("Writes")
        terminal.press("e")
        terminal.wait_for("Export to Markdown")
        terminal.press("\r")
        terminal.wait_for("Replace")
        terminal.press("\t", "\r")
        terminal.wait_gone("Replace the file?")  # the first export's note may still show
        terminal.wait_gone("Export to Markdown")
        terminal.press("q")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()
    assert_clean(bytes(terminal.raw))
    exported = [p for p in tmp_path.iterdir() if p.suffix == ".md"]
    assert len(exported) == 1


def test_an_invalid_brief_with_raw_sequences_prints_errors_without_them(
    briefing: list[str], config_env: dict[str, str], tmp_path: Path
) -> None:
    brief = tmp_path / f"{HOSTILE_NAME}.yaml"
    text = (ROOT / "tests" / "data" / "note.yaml").read_text(encoding="utf-8")
    text = text.replace("Harbour cleanup talks", f"Harbour {OSC52}{OSC8}{CSI}{C1} talks")
    brief.write_text(text, encoding="utf-8")
    terminal = Terminal([*briefing, str(brief)], env=config_env, cwd=str(tmp_path))
    try:
        assert terminal.wait_exit() == 1
    finally:
        terminal.close()
    assert (
        b"error: control character U+001B (ESC) is not allowed"
        in terminal.raw.replace(b"\r\n", b"")
        or b"is not allowed" in terminal.raw
    )
    assert_clean(bytes(terminal.raw))
