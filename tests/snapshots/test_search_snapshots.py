"""What searching looks like: the results where the list was, the hit under the cursor previewed
where the detail was, and the status line after n."""

from __future__ import annotations

from typing import Any

import pytest

from briefing_tui.app import BriefingApp

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_results_with_the_hit_under_the_cursor_previewed(
    snap_compare: Any, summit_app: BriefingApp, size: tuple[int, int]
) -> None:
    keys = ["slash", *"energy OR port", "tab", "down"]
    assert snap_compare(summit_app, press=keys, terminal_size=size)


def test_the_status_line_says_which_hit(snap_compare: Any, summit_app: BriefingApp) -> None:
    keys = ["slash", *"port", "escape", "n", "n"]
    assert snap_compare(summit_app, press=keys, terminal_size=(80, 24))
