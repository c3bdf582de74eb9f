"""What reading looks like on the bundled brief, whose items refer to each other: rows of two
lines, an item's links with what refers to it, the detail alone; at 80x24 and 120x40, in the
dark and the light theme (as the matrix of test_snapshots.py)."""

from __future__ import annotations

from typing import Any

import pytest

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief

SIZES = [(80, 24), (120, 40)]
EACH_THEME = pytest.mark.parametrize(
    "theme", ["textual-dark", "textual-light"], ids=["dark", "light"]
)
EACH_SIZE = pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])


@pytest.fixture
def bundled_app(bundled_summit: Brief) -> BriefingApp:
    """The app on the bundled summit brief."""
    return BriefingApp(bundled_summit)


@EACH_THEME
@EACH_SIZE
def test_two_line_rows(
    snap_compare: Any, bundled_app: BriefingApp, size: tuple[int, int], theme: str
) -> None:
    """The quotes: their words first, two lines at most, the speaker dimmed after them."""
    bundled_app.theme = theme
    assert snap_compare(bundled_app, press=["3", "j"], terminal_size=size)


@EACH_THEME
@EACH_SIZE
def test_referenced_by(
    snap_compare: Any, bundled_app: BriefingApp, size: tuple[int, int], theme: str
) -> None:
    """The security dialogue's links: related, the thirteen items that refer to it, its tags."""
    bundled_app.theme = theme
    assert snap_compare(bundled_app, press=["2", "enter", "j", "j"], terminal_size=size)


@EACH_THEME
@EACH_SIZE
def test_detail_alone(
    snap_compare: Any, bundled_app: BriefingApp, size: tuple[int, int], theme: str
) -> None:
    """z: the quote's detail across the whole width, its speaker among its links."""
    bundled_app.theme = theme
    assert snap_compare(bundled_app, press=["3", "z"], terminal_size=size)
