"""Slow loads in a real terminal: a library (`briefing DIR`) or one big brief shows a progress
bar naming the file and how far it has got; Ctrl-C during it exits 130, no traceback, no worker
left and no bar on the screen; once loaded, the library or the reader."""

from __future__ import annotations

import importlib.util
import re
import shutil
import time
from pathlib import Path

import pytest
from terminal import Terminal

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
FILES = 40


def make_dossier(items: int) -> str:
    """bench/dossier.py's brief of `items` items."""
    spec = importlib.util.spec_from_file_location("dossier", ROOT / "bench" / "dossier.py")
    assert spec is not None and spec.loader is not None
    dossier = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dossier)
    text: str = dossier.make_dossier(items)
    return text


@pytest.fixture(scope="module")
def big_brief(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One brief of 20,000 items (7.4 MB, under the loader's limit): about a second to load."""
    path = tmp_path_factory.mktemp("big") / "big-brief.yaml"
    path.write_text(make_dossier(20_000), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def slow_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of 40 briefs of 3,000 items each (about 45 MB): over half a second to load."""
    folder = tmp_path_factory.mktemp("slow-library")
    first = folder / "brief-00.yaml"
    first.write_text(make_dossier(3_000), encoding="utf-8")
    for number in range(1, FILES):
        shutil.copy(first, folder / f"brief-{number:02d}.yaml")
    return folder


def workers_of(folder: Path) -> list[int]:
    """The processes whose command line names `folder` (the program or a worker of it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if str(folder).encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to look for workers")
def test_a_slow_library_shows_progress_and_ctrl_c_stops_it_cleanly(
    briefing: list[str], config_env: dict[str, str], slow_library: Path, tmp_path: Path
) -> None:
    terminal = Terminal([*briefing, str(slow_library)], env=config_env, cwd=str(tmp_path))
    try:
        terminal.wait_for("Loading [")
        line = next(row for row in terminal.screen.display if "Loading [" in row)
        assert re.search(rf"\] \d+/{FILES} brief-\d\d\.yaml", line), line
        terminal.press("\x03")
        status = terminal.wait_exit()
    finally:
        terminal.close()
    assert status == 130, terminal.text
    assert b"Traceback" not in terminal.raw
    assert b"\x1b[?1049h" not in terminal.raw  # the screen was never taken over
    time.sleep(0.2)
    assert workers_of(slow_library) == []


def test_the_library_opens_once_loaded_with_every_brief(
    briefing: list[str], config_env: dict[str, str], slow_library: Path, tmp_path: Path
) -> None:
    terminal = Terminal([*briefing, str(slow_library)], env=config_env, cwd=str(tmp_path))
    try:
        terminal.wait_for(f"{FILES} briefs", timeout=60)
        assert "Loading [" not in terminal.text
        terminal.press("q")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()


def test_one_big_brief_shows_progress_then_the_reader(
    briefing: list[str], config_env: dict[str, str], big_brief: Path, tmp_path: Path
) -> None:
    terminal = Terminal([*briefing, str(big_brief)], env=config_env, cwd=str(tmp_path))
    try:
        terminal.wait_for("Loading [")
        line = next(row for row in terminal.screen.display if "Loading [" in row)
        assert "big-brief.yaml (7.4 MB)" in line
        terminal.wait_for("Agreements 6000", timeout=60)
        terminal.press("q")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()


def test_ctrl_c_during_the_bar_of_one_brief_leaves_a_clean_line(
    briefing: list[str], config_env: dict[str, str], big_brief: Path, tmp_path: Path
) -> None:
    terminal = Terminal([*briefing, str(big_brief)], env=config_env, cwd=str(tmp_path))
    try:
        terminal.wait_for("Loading [")
        terminal.press("\x03")
        status = terminal.wait_exit()
    finally:
        terminal.close()
    assert status == 130
    assert b"Traceback" not in terminal.raw
    assert "Loading [" not in terminal.text  # erased before the program left
