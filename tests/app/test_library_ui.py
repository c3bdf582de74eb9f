"""The library in the reader, as a new user tries it: a folder with the summit, a second brief
and a broken file lists all three; a search finds hits in both briefs; n walks them across
briefs; a person in both briefs shows both; back returns to the library at the same row."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from briefing_tui.app import BriefingApp
from briefing_tui.library import Library, open_library
from briefing_tui.library.export import results_to_markdown
from briefing_tui.screens.library_brief_screen import LibraryBriefScreen
from briefing_tui.screens.library_screen import LibraryScreen
from briefing_tui.screens.people_screen import PeopleScreen
from briefing_tui.widgets.brief_header import BriefHeader
from briefing_tui.widgets.library_list import LibraryList
from briefing_tui.widgets.library_results import LibraryResults
from briefing_tui.widgets.people_list import PeopleList
from briefing_tui.widgets.person_items import PersonItems
from tests.conftest import BUNDLED_SUMMIT, ROOT, WaitUntil

SECOND = ROOT / "tests" / "data" / "library" / "harbour-trade-talks-2024.yaml"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """The summit, the invented harbour talks and a broken file, in one folder."""
    shutil.copy(BUNDLED_SUMMIT, tmp_path / "summit.yaml")
    shutil.copy(SECOND, tmp_path / "harbour.yaml")
    (tmp_path / "broken.yaml").write_text("brief: 1\ntitle: [not, closed\n", encoding="utf-8")
    return open_library([tmp_path])


def rows(app: BriefingApp) -> list[str]:
    """The lines the library list shows, as text."""
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    briefs = screen.query_one(LibraryList)
    return [briefs.render_line(y).text for y in range(briefs.line_count)]


async def test_the_folder_lists_every_brief_newest_first_and_the_broken_one(
    library: Library,
) -> None:
    app = BriefingApp(None, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = rows(app)
        assert "2024-03-05" in shown[1] and "Harbour trade talks" in shown[1]
        assert "2023-07-13" in shown[2] and "Japan–EU summit" in shown[2]
        assert "invalid" in shown[3] and "broken.yaml" in shown[3] and "line 2" in shown[3]
        await pilot.press("G", "enter")  # the broken file does not open, and says why
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert any("not a valid brief" in str(n.message) for n in app._notifications)


async def test_a_brief_opens_with_its_file_name_and_back_returns_to_the_same_row(
    library: Library, wait_until: WaitUntil
) -> None:
    app = BriefingApp(None, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryBriefScreen))
        assert app.screen.query_one(BriefHeader).file_name == "summit.yaml"
        assert "summit.yaml" in app.screen.query_one(BriefHeader).render().plain
        await pilot.press("backspace")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert app.screen.query_one(LibraryList).cursor == 1
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryBriefScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))


async def test_sanctions_finds_hits_in_both_briefs_and_n_crosses_them(
    library: Library, wait_until: WaitUntil
) -> None:
    app = BriefingApp(None, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"sanctions")
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: screen.found is not None)
        found = screen.found
        assert found is not None
        titles = [group.entry.title or "" for group in found.groups]
        assert len(titles) == 2
        assert titles[0].startswith("Harbour") and titles[1].startswith("Japan–EU")
        assert screen.query_one(LibraryResults).display
        assert not screen.query_one(LibraryList).display
        await pilot.press("enter", "enter")  # into the results, then open the first hit
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryBriefScreen))
        first = app.screen
        assert isinstance(first, LibraryBriefScreen) and first.number == 0
        for _ in range(len(found) - 1):
            await pilot.press("n")
            await pilot.pause()
        await wait_until(pilot, lambda: getattr(app.screen, "number", None) == 1)
        assert app.screen is not first


async def test_a_person_in_both_briefs_shows_both(library: Library, wait_until: WaitUntil) -> None:
    app = BriefingApp(None, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PeopleScreen))
        people = app.screen.query_one(PeopleList)
        names = [person.name for person in people.people]
        people.move_cursor(names.index("Ursula von der Leyen"))
        await pilot.pause()
        items = app.screen.query_one(PersonItems)
        shown = [items.render_line(y).text for y in range(items.line_count)]
        assert any("Harbour trade talks" in line for line in shown)
        assert any("Japan–EU summit" in line for line in shown)
        await pilot.press("tab", "enter")  # her first item opens in its brief
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryBriefScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, PeopleScreen))


async def test_the_search_results_export_to_one_markdown_file(
    library: Library, tmp_path: Path, wait_until: WaitUntil
) -> None:
    app = BriefingApp(None, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"sanctions")
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: screen.found is not None)
        await pilot.press("enter", "e")
        await wait_until(pilot, lambda: bool(app.screen.query(Input)) and app.screen is not screen)
        target = tmp_path / "out.md"
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, target.exists)
    assert screen.found is not None
    assert target.read_text(encoding="utf-8") == results_to_markdown(library, screen.found)


async def test_the_library_help_lists_every_key_of_its_screens_and_lists(
    library: Library, wait_until: WaitUntil
) -> None:
    from textual.binding import Binding

    from briefing_tui.screens.help_screen import HelpScreen

    app = BriefingApp(None, library=library)
    async with app.run_test(size=(120, 80)) as pilot:
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        lines = str(app.screen.query_one("#help-text").render()).splitlines()
        classes = [
            LibraryScreen,
            LibraryList,
            LibraryResults,
            PeopleScreen,
            PeopleList,
            PersonItems,
        ]
        missing = [
            (cls.__name__, binding.key)
            for cls in classes
            for binding in Binding.make_bindings(cls.BINDINGS)
            if not any(
                app.get_key_display(binding) in line and binding.description in line
                for line in lines
            )
        ]
        assert missing == []
        assert any("Search queries" in line for line in lines)


async def test_the_palette_opens_people_and_any_brief_by_title(
    library: Library, wait_until: WaitUntil
) -> None:
    from tests.conftest import run_command

    app = BriefingApp(None, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await run_command(pilot, "people across", expect="People across briefs")
        await wait_until(pilot, lambda: isinstance(app.screen, PeopleScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await run_command(pilot, "open harbour", expect="Harbour trade talks")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryBriefScreen))
        assert app.screen.query_one(BriefHeader).file_name == "harbour.yaml"


async def test_a_brief_left_for_the_library_reopens_where_it_was(
    library: Library, wait_until: WaitUntil
) -> None:
    app = BriefingApp(None, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryBriefScreen))
        await pilot.press("3", "j", "j", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryBriefScreen))
        reader = app.screen
        assert isinstance(reader, LibraryBriefScreen)
        await wait_until(pilot, lambda: reader.active_pane == "quotes")
        assert reader.panes.location().index == 2


def test_files_of_the_same_name_are_told_apart_by_their_paths() -> None:
    from briefing_tui.library import LibraryEntry
    from briefing_tui.widgets.library_list import shown_names

    entries = [LibraryEntry(path=Path(p)) for p in ("a/broken.yaml", "b/broken.yaml", "c/x.yaml")]
    assert shown_names(entries) == ["a/broken.yaml", "b/broken.yaml", "x.yaml"]


async def test_escape_clears_the_reader_s_own_search_then_returns_to_the_library(
    library: Library, wait_until: WaitUntil
) -> None:
    app = BriefingApp(None, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryBriefScreen))
        reader = app.screen
        assert isinstance(reader, LibraryBriefScreen)
        await pilot.press("slash", *"trade")
        await wait_until(pilot, lambda: reader.search_result is not None)
        await pilot.press("escape", "escape")  # the search bar closes, then its marks go
        await wait_until(pilot, lambda: reader.search_result is None)
        assert reader.check_action("leave", ()) and isinstance(app.screen, LibraryBriefScreen)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
