"""The data layer never imports Textual: it stays fast to import and testable without an app."""

from __future__ import annotations

import subprocess
import sys

import pytest

DATA_LAYER = [
    "briefing_tui.model",
    "briefing_tui.loader",
    "briefing_tui.search",
    "briefing_tui.query",
    "briefing_tui.search_result",
    "briefing_tui.snippet",
    "briefing_tui.search_state",
    "briefing_tui.export",
    "briefing_tui.files",
    "briefing_tui.cli",
    "briefing_tui.launch",
    "briefing_tui.preload",
    "briefing_tui.settings",
    "briefing_tui.printable",
    "briefing_tui.reader",
    "briefing_tui.wording",
    "briefing_tui.validation",
    "briefing_tui.editor_positions",
    "briefing_tui.collector",
]


@pytest.mark.parametrize("module", DATA_LAYER)
def test_data_layer_does_not_import_textual(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual'); "
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
