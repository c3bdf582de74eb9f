"""The reader follows its brief's file: a save shows the new version where the reader was, a
broken save leaves the last good one under a banner until it is fixed, r reloads by hand."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from briefing_tui.app import BriefingApp
from briefing_tui.loader import load_brief
from briefing_tui.model import Brief, Lookup
from briefing_tui.source_passages import source_document
from briefing_tui.widgets.brief_header import BriefHeader
from briefing_tui.widgets.reload_banner import ReloadBanner
from briefing_tui.widgets.section_pane import SectionPane

if TYPE_CHECKING:
    from conftest import Toasts

WaitUntil = Callable[[Pilot[None], Callable[[], object]], Awaitable[None]]


@pytest.fixture
def brief_file(example_brief: Path) -> Path:
    return example_brief


def reader(path: Path) -> BriefingApp:
    return BriefingApp(load_brief(path), brief_path=path)


def title(app: BriefingApp) -> str:
    return str(app.screen.query_one(BriefHeader).render())


def banner(app: BriefingApp) -> str:
    shown = app.screen.query_one(ReloadBanner)
    return shown.message if shown.display else ""


def place(app: BriefingApp) -> tuple[str, int | None]:
    location = app.screen.panes.location()
    return location.pane, location.index


def searched(app: BriefingApp) -> str | None:
    result = app.screen.search_result
    return result.query.text if result is not None else None


def edit(path: Path, old: str, new: str, *, rename: bool = False) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    if rename:  # as vim, VS Code and JetBrains save
        temporary = path.with_name(".brief.yaml.swp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    else:
        path.write_text(text, encoding="utf-8")


async def test_a_save_shows_the_new_version_on_the_same_item(
    brief_file: Path, wait_until: WaitUntil
) -> None:
    app = reader(brief_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "j", "j")
        assert place(app) == ("quotes", 2)
        quote = app.screen.lookup.brief.quotes[2]
        # A new quote before it: the item is found again by its id, one further down.
        edit(brief_file, "quotes:\n", 'quotes:\n  - speaker: edvik\n    text: "A new quote."\n')
        await wait_until(pilot, lambda: app.screen.versions_shown == 1)
        assert len(app.screen.lookup.brief.quotes) == 6
        assert place(app) == ("quotes", 3)
        assert app.screen.lookup.brief.quotes[3] == quote
        assert app.screen.query_one("#quotes-pane", SectionPane).has_focus_within
        assert "3 Quotes 6" in str(app.screen.query_one("#pane-tabs").render())


async def test_a_rename_save_and_a_second_save_are_both_seen(
    brief_file: Path, wait_until: WaitUntil
) -> None:
    app = reader(brief_file)
    async with app.run_test(size=(100, 30)) as pilot:
        edit(brief_file, 'title: "Example:', 'title: "Renamed:', rename=True)
        await wait_until(pilot, lambda: "Renamed:" in title(app))
        edit(brief_file, 'title: "Renamed:', 'title: "Again:')
        await wait_until(pilot, lambda: "Again:" in title(app))


async def test_a_broken_save_keeps_the_view_under_a_banner_until_fixed(
    brief_file: Path, wait_until: WaitUntil
) -> None:
    app = reader(brief_file)
    good = brief_file.read_text(encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "j")
        edit(brief_file, "  - id: flood-warnings", "  - id: Flood Warnings")
        await wait_until(pilot, lambda: banner(app))
        assert banner(app).startswith(f"{brief_file}:")
        assert "slug" in banner(app) or "id" in banner(app)
        assert place(app) == ("agreements", 1)  # the last good version, as it was
        brief_file.write_text(good.replace('title: "Example:', 'title: "Fixed:'), "utf-8")
        await wait_until(pilot, lambda: app.screen.versions_shown == 1)
        assert not banner(app)
        assert "Fixed:" in title(app)
        assert place(app) == ("agreements", 1)


async def test_a_deleted_file_is_said_and_the_brief_stays(
    brief_file: Path, wait_until: WaitUntil
) -> None:
    app = reader(brief_file)
    async with app.run_test(size=(100, 30)) as pilot:
        brief_file.unlink()
        await wait_until(pilot, lambda: "is gone" in banner(app))
        assert "Example:" in title(app)


async def test_the_search_and_the_detail_scroll_survive_a_reload(
    brief_file: Path, wait_until: WaitUntil
) -> None:
    app = reader(brief_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"salmon")
        await wait_until(pilot, lambda: app.screen.search_result is not None)
        await pilot.press("enter")
        await pilot.pause()
        hits = len(app.screen.search_result.hits)
        before = place(app)
        edit(brief_file, "salmon can reach", "salmon and trout can reach")
        await wait_until(pilot, lambda: app.screen.versions_shown == 1)
        assert "trout" in app.screen.lookup.brief.summary
        assert app.screen.search_result is not None
        assert app.screen.search_result.query.text == "salmon"
        assert len(app.screen.search_result.hits) == hits
        assert place(app) == before


async def test_r_reloads_by_hand_and_says_so(
    brief_file: Path, wait_until: WaitUntil, toasts: Toasts
) -> None:
    app = reader(brief_file)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("r")
        assert ("Reloaded", "information") in await toasts.wait(pilot)
        assert not banner(app)
        assert app.screen.versions_shown == 0  # nothing changed: the panes stay as they are


async def test_a_brief_not_read_from_a_file_offers_no_reload_nor_edit(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "r" not in app.screen.active_bindings
        assert "E" not in app.screen.active_bindings
        assert "6" not in app.screen.active_bindings


async def test_a_new_version_straight_after_a_move_replaces_the_panes_cleanly(
    brief_file: Path,
) -> None:
    app = reader(brief_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        # j, and a new version before the detail has followed the cursor (next frame)
        app.screen.panes.section_pane("quotes").item_list.action_cursor_down()
        brief = load_brief(brief_file)
        await app.screen.show_brief(Lookup(brief), source_document(brief, brief_file))
        await pilot.pause()
        assert place(app) == ("quotes", 1)
        assert (
            app.screen.panes.section_pane("quotes").detail.item == app.screen.lookup.brief.quotes[1]
        )


async def test_back_after_a_reload_returns_to_the_same_item_where_it_now_stands(
    brief_file: Path, wait_until: WaitUntil
) -> None:
    app = reader(brief_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "j", "enter", "enter")  # quote 2's first link: a jump
        await pilot.pause()
        assert place(app) != ("quotes", 1)
        edit(brief_file, "quotes:\n", 'quotes:\n  - speaker: edvik\n    text: "A new quote."\n')
        await wait_until(pilot, lambda: app.screen.versions_shown == 1)
        await pilot.press("backspace")
        await pilot.pause()
        assert place(app) == ("quotes", 2)  # the same quote, one further down now


async def test_the_detail_stays_scrolled_where_it_was(
    brief_file: Path, wait_until: WaitUntil
) -> None:
    app = reader(brief_file)
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.press("2", "tab", "j", "j", "j")
        scroll = app.screen.panes.location().scroll
        assert scroll > 0
        edit(brief_file, 'title: "Example:', 'title: "Scrolled:')
        await wait_until(pilot, lambda: app.screen.versions_shown == 1)
        await pilot.pause()
        assert app.screen.panes.location().scroll == scroll


async def test_E_is_not_offered_in_a_browser(
    brief_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(BriefingApp, "is_web", property(lambda app: True))
    app = reader(brief_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "r" in app.screen.active_bindings
        assert "E" not in app.screen.active_bindings


async def test_waiting_for_the_workers_does_not_wait_for_the_watch(brief_file: Path) -> None:
    app = reader(brief_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await asyncio.wait_for(app.workers.wait_for_complete(), timeout=5)


async def test_a_reload_while_typing_a_search_leaves_the_focus_in_the_bar(
    brief_file: Path, wait_until: WaitUntil
) -> None:
    app = reader(brief_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"weir")
        await wait_until(pilot, lambda: searched(app) == "weir")
        edit(brief_file, 'title: "Example:', 'title: "Typed:')
        await wait_until(pilot, lambda: app.screen.versions_shown == 1)
        await pilot.press("s")
        assert isinstance(app.focused, Input) and app.focused.value == "weirs"
