"""The help screen lists every binding; the palette goes to panes and jumps to items."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Awaitable, Callable

import msgspec
from textual.binding import Binding
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.screen import ModalScreen

from briefing_tui.app import BriefingApp
from briefing_tui.model import Agreement, Brief
from briefing_tui.screens.help_screen import HelpScreen
from briefing_tui.widgets.section_pane import SectionPane

RunCommand = Callable[..., Awaitable[None]]
WaitUntil = Callable[[Pilot[None], Callable[[], object]], Awaitable[None]]


async def test_help_lists_every_binding_and_closes(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        shown = [
            ("?, f1", "Help"),
            ("^p", "Commands"),
            ("⌫, alt+←", "Back"),
            ("end, G", "Last item"),
        ]
        for keys, meaning in shown:
            assert re.search(rf"(^|  ){re.escape(keys)}  +{meaning}\b", text, re.MULTILINE)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")  # closes the help, does not quit
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, HelpScreen)


def classes_with_keys() -> list[type[DOMNode]]:
    """The app, and every screen and widget class of the package that declares keys of its own,
    but the dialogs (which name their keys in their own border)."""
    import briefing_tui.screens
    import briefing_tui.widgets

    found: list[type[DOMNode]] = [BriefingApp]
    for package in (briefing_tui.screens, briefing_tui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            found += [
                cls
                for _, cls in inspect.getmembers(module, inspect.isclass)
                if cls.__module__ == module.__name__
                and vars(cls).get("BINDINGS")
                and not issubclass(cls, ModalScreen)
            ]
    return found


LIBRARY = {"LibraryScreen", "LibraryList", "LibraryResults", "PeopleScreen", "PeopleList"}
"""Classes whose keys the library's help lists (tests/app/test_library_ui.py), not the reader's."""


async def test_help_shows_every_key_of_every_screen_and_widget(
    summit: Brief, wait_until: WaitUntil
) -> None:
    classes = [
        cls
        for cls in classes_with_keys()
        if cls.__name__ not in {*LIBRARY, "PersonItems", "LibraryBriefScreen"}
    ]
    names = {cls.__name__ for cls in classes}
    assert {"BriefScreen", "ItemList", "RelatedList", "SearchBar", "SearchResults"} <= names
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 80)) as pilot:
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        lines = str(app.screen.query_one("#help-text").render()).splitlines()
        missing = [
            (cls.__name__, binding.key, binding.description)
            for cls in classes
            for binding in Binding.make_bindings(cls.BINDINGS)
            if not any(
                app.get_key_display(binding) in line and binding.description in line
                for line in lines
            )
        ]
        assert missing == []


async def test_palette_goes_to_a_pane(summit: Brief, run_command: RunCommand) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 30)) as pilot:
        await run_command(pilot, "go to questions")
        assert app.screen.active_pane == "questions"


async def test_palette_jumps_to_an_item_and_back_returns(
    summit: Brief, run_command: RunCommand
) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 30)) as pilot:
        await run_command(pilot, "customs pilot is modest")
        assert app.screen.active_pane == "analysis"
        assert app.screen.query_one("#analysis-pane", SectionPane).index == 1
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen.active_pane == "overview"


async def test_palette_shows_item_headlines_literally(
    make_brief: Callable[..., Brief], run_command: RunCommand
) -> None:
    brief = make_brief(agreements=(Agreement(title="[@click=app.quit]zzz[/]", summary="s"),))
    app = BriefingApp(brief)
    async with app.run_test(size=(100, 30)) as pilot:
        # offered with its markup shown as text, and running it does not run the markup
        await run_command(pilot, "zzz", expect="[@click=app.quit]zzz[/]")
        assert app.is_running
        assert app.screen.active_pane == "agreements"


async def test_palette_reaches_deep_items_of_a_big_brief(
    big_brief: Callable[[int], Brief], run_command: RunCommand
) -> None:
    app = BriefingApp(big_brief(2000))
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "agreement number 1500")
        pane = app.screen.query_one("#agreements-pane", SectionPane)
        assert pane.index == 1500
        await pilot.pause()
        rows = [pane.item_list.render_line(y).text.strip() for y in range(15)]
        assert "Agreement number 1500" in rows


async def test_palette_opens_search_and_export(summit: Brief, run_command: RunCommand) -> None:
    from briefing_tui.screens.export_screen import ExportScreen
    from briefing_tui.widgets.search_bar import SearchBar

    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await run_command(pilot, "search the brief")
        await pilot.pause()
        bar = app.screen.query_one(SearchBar)
        assert bar.display and app.focused is bar.input
        await pilot.press("escape")
        await run_command(pilot, "export to markdown")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)


async def test_palette_lists_a_screenful_of_items_one_line_each_and_counts_the_rest(
    big_brief: Callable[[int], Brief], wait_until: WaitUntil
) -> None:
    from textual.command import CommandList

    from briefing_tui.commands import shown_items

    brief = big_brief(2000)
    long_title = Agreement(title="Agreement number 0x " + "very long words " * 20, summary="s")
    app = BriefingApp(msgspec.structs.replace(brief, agreements=(long_title, *brief.agreements)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"agreement")

        def listed() -> list[str]:
            options = app.screen.query(CommandList)
            if not options:
                return []
            listing = options.first()
            return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]

        await wait_until(pilot, lambda: any("more" in row for row in listed()))
        rows = listed()
        items = [row for row in rows if row.endswith("  agreement")]
        assert len(items) == shown_items(24)
        assert items[0].startswith("Agreement number 0x very long words")  # best first, in order
        assert items[0].endswith("…  agreement")  # cut to one line
        assert items[1].startswith("Agreement number 0")
        assert rows[-1] == f"… and {2001 - shown_items(24):,} more: refine the query"
        assert "Go to Agreements  Show the Agreements pane (key 2)" in rows
        assert all("\n" not in row for row in rows)  # one line each, the long title cut
        assert max(map(len, rows)) < 80


async def test_the_help_opens_at_a_group_and_scrolls_with_the_pager_keys(summit: Brief) -> None:
    from briefing_tui.query import QUERY_SYNTAX
    from briefing_tui.screens.help_screen import QUERY_HELP_TITLE, widget_key_groups
    from briefing_tui.widgets.key_table import KeyTable
    from briefing_tui.widgets.text_scroll import TextScroll

    app = BriefingApp(summit)
    async with app.run_test(size=(60, 18)) as pilot:
        help_screen = HelpScreen(
            widget_key_groups(), [(QUERY_HELP_TITLE, QUERY_SYNTAX)], start_at=QUERY_HELP_TITLE
        )
        await app.push_screen(help_screen)
        scroll = help_screen.query_one(TextScroll)
        title_line = help_screen.query_one(KeyTable).group_line(QUERY_HELP_TITLE)
        assert title_line is not None and title_line > scroll.size.height
        await pilot.pause()
        assert scroll.scroll_y == min(title_line, scroll.max_scroll_y) > 0
        assert app.focused is scroll
        await pilot.press("g")
        assert scroll.scroll_y == 0
        await pilot.press("space")
        assert scroll.scroll_y == scroll.scrollable_content_region.height
        await pilot.press("ctrl+u")
        assert 0 < scroll.scroll_y < scroll.scrollable_content_region.height
        await pilot.press("G")
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("k")
        assert scroll.scroll_y == scroll.max_scroll_y - 1


async def test_f1_in_the_palette_closes_it_and_ctrl_p_in_the_help_opens_one_over_it(
    summit: Brief,
) -> None:
    """ctrl+p, f1, ctrl+p: the help replaces the palette, then a palette opens over the help
    (a palette left under the help made a second one with the same id, and the app failed)."""
    from textual.command import CommandPalette

    app = BriefingApp(summit)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack][1:] == [HelpScreen]
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack][1:] == [HelpScreen, CommandPalette]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.screen_stack) == 1
        assert app.return_code is None
