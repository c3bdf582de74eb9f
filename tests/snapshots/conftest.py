"""Snapshot fixtures: a fixed brief and no blinking cursor (settings go to a temp dir for every
test, tests/conftest.py)."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief


@pytest.fixture(autouse=True)
def frozen_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inputs (the palette's) do not blink, so two runs draw the same frame."""
    monkeypatch.setattr(Input, "cursor_blink", False)


@pytest.fixture
def summit_app(summit: Brief) -> BriefingApp:
    """The app on the fixed summit brief of tests/app/data."""
    return BriefingApp(summit)
