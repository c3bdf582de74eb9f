"""The help screen lists every binding; the palette goes to panes and jumps to items."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding

from briefing_tui.app import BriefingApp
from briefing_tui.model import Agreement, Brief
from briefing_tui.screens.help_screen import HelpScreen
from briefing_tui.widgets.section_pane import SectionPane


async def test_help_lists_every_binding_and_closes(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        groups = app.help_groups()
        for _, bindings in groups:
            for binding in Binding.make_bindings(bindings):
                assert binding.description in text
                assert app.get_key_display(binding) in text
        lines = text.splitlines()
        shown = ["?, f1  Help", "^p     Commands", "⌫, alt+←   Back", "end, G   Last item"]
        for expected in shown:
            assert expected in lines
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")  # closes the help, does not quit
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, HelpScreen)


def test_help_groups_hold_every_declared_binding() -> None:
    from briefing_tui.screens.brief_screen import BriefScreen
    from briefing_tui.widgets.item_list import ItemList

    declared = {
        b.key
        for cls in (BriefingApp, BriefScreen, ItemList)
        for b in Binding.make_bindings(cls.BINDINGS)
    }
    app = BriefingApp.__new__(BriefingApp)
    listed = {b.key for _, bs in BriefingApp.help_groups(app) for b in Binding.make_bindings(bs)}
    assert declared <= listed


async def palette_run(app: BriefingApp, pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_palette_goes_to_a_pane(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 30)) as pilot:
        await palette_run(app, pilot, "go to questions")
        assert app.screen.active_pane == "questions"


async def test_palette_jumps_to_an_item_and_back_returns(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 30)) as pilot:
        await palette_run(app, pilot, "customs pilot is modest")
        assert app.screen.active_pane == "analysis"
        assert app.screen.query_one("#analysis-pane", SectionPane).index == 1
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen.active_pane == "overview"


async def test_palette_shows_item_headlines_literally(
    brief_factory: Callable[..., Brief],
) -> None:
    brief = brief_factory(agreements=(Agreement(title="[@click=app.quit]zzz[/]", summary="s"),))
    app = BriefingApp(brief)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"zzz")
        await pilot.pause(0.3)
        from textual.command import CommandList

        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("[@click=app.quit]zzz[/]" in prompt for prompt in prompts)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert app.screen.active_pane == "agreements"


async def test_palette_reaches_deep_items_of_a_big_brief(
    big_brief_factory: Callable[[int], Brief],
) -> None:
    app = BriefingApp(big_brief_factory(2000))
    async with app.run_test(size=(80, 24)) as pilot:
        await palette_run(app, pilot, "agreement number 1500")
        pane = app.screen.query_one("#agreements-pane", SectionPane)
        assert pane.index == 1500
        await pilot.pause()
        rows = [pane.item_list.render_line(y).text.strip() for y in range(15)]
        assert "Agreement number 1500" in rows


async def test_palette_opens_search_and_export(summit: Brief) -> None:
    from briefing_tui.screens.export_screen import ExportScreen
    from briefing_tui.widgets.search_bar import SearchBar

    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await palette_run(app, pilot, "search the brief")
        await pilot.pause()
        bar = app.screen.query_one(SearchBar)
        assert bar.display and app.focused is bar.input
        await pilot.press("escape")
        await palette_run(app, pilot, "export to markdown")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
