"""Ctrl-C at any moment: exit status 130, no traceback, no child left, the terminal untouched."""

from __future__ import annotations

import importlib.util
import os
import random
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest
from terminal import Terminal

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
ALTERNATE_SCREEN = b"\x1b[?1049h"
ROUNDS = 100 if os.environ.get("BRIEFING_LONG_TESTS") == "1" else 12


@pytest.fixture(scope="module")
def big_brief(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid brief of 10,000 items (3.7 MB): it takes a while to load."""
    spec = importlib.util.spec_from_file_location("dossier", ROOT / "bench" / "dossier.py")
    assert spec is not None and spec.loader is not None
    dossier = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dossier)
    path = tmp_path_factory.mktemp("big") / "big-brief.yaml"
    path.write_text(dossier.make_dossier(10_000), encoding="utf-8")
    return path


def processes_reading(path: Path) -> list[int]:
    """The processes whose command line names `path` (a preloading child left running)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if str(path).encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to look for children")
def test_ctrl_c_while_the_reader_loads_exits_130_and_leaves_no_child(
    briefing: list[str], config_env: dict[str, str], big_brief: Path, tmp_path: Path
) -> None:
    terminal = Terminal([*briefing, str(big_brief)], env=config_env, cwd=str(tmp_path))
    try:
        time.sleep(0.4)  # importing Textual, the child parsing the brief
        terminal.press("\x03")
        status = terminal.wait_exit()
    finally:
        terminal.close()
    assert status == 130, terminal.text
    assert "Traceback" not in terminal.text and "KeyboardInterrupt" not in terminal.text
    assert ALTERNATE_SCREEN not in terminal.raw
    deadline = time.monotonic() + 5
    while processes_reading(big_brief) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert processes_reading(big_brief) == []


@pytest.mark.parametrize("command", [["validate"], ["export"], []])
def test_ctrl_c_at_random_moments_of_start_up_never_prints_a_traceback(
    briefing: list[str], big_brief: Path, command: list[str]
) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    before_ours = 0
    for round_number in range(ROUNDS):
        child = subprocess.Popen(
            [*briefing, *command, str(big_brief)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(rng.uniform(0, 0.25))
        child.send_signal(signal.SIGINT)
        _, errors = child.communicate(timeout=30)
        where = f"seed {seed}, round {round_number}: {errors[-800:]}"
        if "Traceback" in errors and not re.search(
            r'launch\.py", line \d+, in (?!<module>)', errors
        ):
            # Python's own start-up (site, the entry script's imports, launch.py's own lines)
            # was interrupted: `main`, whose first line takes over Ctrl-C, had not run yet.
            before_ours += 1
            continue
        assert "Traceback" not in errors and "KeyboardInterrupt" not in errors, where
        # 1: no terminal for the reader; -SIGINT: stopped before Python set up its handler
        assert child.returncode in (0, 1, 130, -signal.SIGINT), where
    print(
        f"Ctrl-C during start-up: {ROUNDS} rounds of {command or ['open']}, seed {seed},"
        f" {before_ours} in Python's own start-up"
    )
