"""The data layer never imports Textual: it stays fast to import and testable without an app.

pyproject.toml declares the same rule for `lint-imports` (import-linter contracts); these tests
check it at run time and keep both lists whole.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA_LAYER = [
    "briefing_tui.model",
    "briefing_tui.limits",
    "briefing_tui.loader",
    "briefing_tui.search",
    "briefing_tui.near_matches",
    "briefing_tui.item_finder",
    "briefing_tui.search_history",
    "briefing_tui.query",
    "briefing_tui.folding",
    "briefing_tui.spelling",
    "briefing_tui.history",
    "briefing_tui.search_result",
    "briefing_tui.snippet",
    "briefing_tui.search_state",
    "briefing_tui.export",
    "briefing_tui.export_target",
    "briefing_tui.markdown_text",
    "briefing_tui.files",
    "briefing_tui.cli",
    "briefing_tui.launch",
    "briefing_tui.preload",
    "briefing_tui.settings",
    "briefing_tui.printable",
    "briefing_tui.reader",
    "briefing_tui.library_reader",
    "briefing_tui.load_progress",
    "briefing_tui.wording",
    "briefing_tui.editor_positions",
    "briefing_tui.collector",
    "briefing_tui.recordspecs",
    "briefing_tui.references",
    "briefing_tui.suggestions",
    "briefing_tui.positions",
    "briefing_tui.sourcetext",
    "briefing_tui.quotematch",
    "briefing_tui.alignment",
    "briefing_tui.sourcecheck",
    "briefing_tui.source_passages",
    "briefing_tui.template",
    "briefing_tui.tag_search",
    "briefing_tui.places",
    "briefing_tui.screenshots",
    "briefing_tui.library",
    "briefing_tui.serve",
    "briefing_tui.filestate",
    "briefing_tui.mounts",
    "briefing_tui.filewatch",
    "briefing_tui.reload",
    "briefing_tui.editor",
    "briefing_tui.resources",
    "briefing_tui.validation",
    "briefing_tui.yamlnodes",
]
UI = {"briefing_tui.app", "briefing_tui.commands", "briefing_tui.__main__"}


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


def test_every_module_outside_the_ui_is_in_the_data_layer_lists() -> None:
    import briefing_tui

    modules = {
        f"briefing_tui.{info.name}"
        for info in pkgutil.iter_modules(briefing_tui.__path__)
        if info.name not in ("screens", "widgets")
    }
    assert modules - UI == set(DATA_LAYER)
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    forbidden = next(c for c in contracts if c["type"] == "forbidden")
    assert set(forbidden["source_modules"]) == set(DATA_LAYER)
