"""E opens the user's editor at the item on show and shows what was saved there on return."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.pilot import Pilot

from briefing_tui.app import BriefingApp
from briefing_tui.loader import load_brief

if TYPE_CHECKING:
    from conftest import Toasts

WaitUntil = Callable[[Pilot[None], Callable[[], object]], Awaitable[None]]


@pytest.fixture
def brief_file(example_brief: Path) -> Path:
    return example_brief


def fake_editor(folder: Path) -> Path:
    """An editor that notes its arguments and renames the example's title, as a user would."""
    script = folder / "vi"  # named as vi: it is given +LINE
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{folder}/args"\n'
        "for file; do :; done\n"
        'sed "s/^title: \\"Example:/title: \\"Edited:/" "$file" > "$file.new"\n'
        'mv "$file.new" "$file"\n'
    )
    script.chmod(0o755)
    return script


async def test_E_opens_the_editor_at_the_item_and_reloads_on_return(
    brief_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wait_until: WaitUntil
) -> None:
    monkeypatch.setenv("VISUAL", str(fake_editor(tmp_path)))
    app = BriefingApp(load_brief(brief_file), brief_path=brief_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "j", "E")
        await wait_until(pilot, lambda: "Edited:" in app.screen.lookup.brief.title)
        line = brief_file.read_text().splitlines().index("  - id: compromise") + 1
        assert (tmp_path / "args").read_text().split() == [f"+{line}", str(brief_file)]
        assert app.screen.panes.location().index == 1  # still on the same quote


async def test_E_without_an_editor_says_how_to_set_one(
    brief_file: Path, monkeypatch: pytest.MonkeyPatch, toasts: Toasts
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    app = BriefingApp(load_brief(brief_file), brief_path=brief_file)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("E")
        message, severity = (await toasts.wait(pilot))[-1]
        assert "set $VISUAL or $EDITOR" in message and severity == "warning"
