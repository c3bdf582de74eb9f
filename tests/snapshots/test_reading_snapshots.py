"""What reading looks like: rows of two lines, an item's links with what refers to it, the
detail alone; at 80x24 and 120x40."""

from __future__ import annotations

from typing import Any

import pytest

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


@SIZES
def test_two_line_rows(snap_compare: Any, bundled_summit: Brief, size: tuple[int, int]) -> None:
    """The quotes: their words first, two lines at most, the speaker dimmed after them."""
    assert snap_compare(BriefingApp(bundled_summit), press=["3", "j"], terminal_size=size)


@SIZES
def test_referenced_by(snap_compare: Any, bundled_summit: Brief, size: tuple[int, int]) -> None:
    """The security dialogue's links: related, the thirteen items that refer to it, its tags."""
    app = BriefingApp(bundled_summit)
    assert snap_compare(app, press=["2", "enter", "j", "j"], terminal_size=size)


@SIZES
def test_detail_alone(snap_compare: Any, bundled_summit: Brief, size: tuple[int, int]) -> None:
    """z: the quote's detail across the whole width, its speaker among its links."""
    assert snap_compare(BriefingApp(bundled_summit), press=["3", "z"], terminal_size=size)
