"""What the search looks like: live results with the matches marked, grouped by section."""

from __future__ import annotations

from typing import Any

from briefing_tui.app import BriefingApp


def test_search_results_highlighted(snap_compare: Any, summit_app: BriefingApp) -> None:
    assert snap_compare(summit_app, press=["slash", *"port"], terminal_size=(120, 40))
