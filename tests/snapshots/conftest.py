"""Snapshot fixtures: a fixed brief, settings in a temp dir, no blinking cursor."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
import yaml
from textual.widgets import Input

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief

SUMMIT = Path(__file__).parent.parent / "app" / "data" / "summit.yaml"


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings go to a temp dir: a saved theme never leaks into a snapshot."""
    path = tmp_path / "config"
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(path))
    return path


@pytest.fixture(autouse=True)
def frozen_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inputs (the palette's) do not blink, so two runs draw the same frame."""
    monkeypatch.setattr(Input, "cursor_blink", False)


@pytest.fixture
def summit_app() -> BriefingApp:
    """The app on the fixed summit brief of tests/app/data."""
    brief = msgspec.convert(yaml.safe_load(SUMMIT.read_text(encoding="utf-8")), Brief)
    return BriefingApp(brief)
