"""Where a screenshot goes: next to the brief, else a folder that exists and can be written."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from briefing_tui.resources import SUMMIT_BRIEF, bundled
from briefing_tui.screenshots import screenshot_folder, screenshot_name


def test_next_to_the_brief(tmp_path: Path) -> None:
    assert screenshot_folder(tmp_path / "brief.yaml", fallbacks=[Path("/nowhere")]) == tmp_path


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_folder_that_cannot_be_written_gives_way(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    assert screenshot_folder(locked / "brief.yaml", fallbacks=[tmp_path]) == tmp_path


def test_never_among_the_bundled_briefs_nor_a_folder_that_is_not_there(tmp_path: Path) -> None:
    brief = bundled("briefs") / SUMMIT_BRIEF
    assert screenshot_folder(brief, fallbacks=[tmp_path / "gone", tmp_path]) == tmp_path
    assert screenshot_folder(None, fallbacks=[tmp_path / "gone"]) is None


def test_the_name_is_the_briefs_and_the_time() -> None:
    when = dt.datetime(2024, 5, 14, 10, 15)
    assert screenshot_name(Path("/b/summit.yaml"), when) == "summit-2024-05-14_101500.svg"
    assert screenshot_name(None, when) == "briefing-2024-05-14_101500.svg"
