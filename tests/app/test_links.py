"""Links that run both ways: what refers to an item, grouped by kind; the person an item is by;
its tags, each a search for exactly that tag that n and N walk. Every link is a jump."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from briefing_tui.app import BriefingApp
from briefing_tui.model import Agreement, Brief, ItemRef, Person, Quote
from briefing_tui.widgets.item_list import ItemList
from briefing_tui.widgets.overview_pane import OverviewPane
from briefing_tui.widgets.related_list import RelatedList, TagLink
from briefing_tui.widgets.section_pane import SectionPane

WaitUntil = Callable[[Pilot[None], Callable[[], object]], Awaitable[None]]
BriefFactory = Callable[..., Brief]


def pane(app: BriefingApp, section: str) -> SectionPane:
    return app.screen.query_one(f"#{section}-pane", SectionPane)


def link_lines(links: RelatedList) -> list[str]:
    return [links.render_line(y).text.strip() for y in range(links.line_count)]


async def test_the_security_dialogue_lists_the_thirteen_items_that_name_it(
    bundled_summit: Brief,
) -> None:
    app = BriefingApp(bundled_summit)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        links = pane(app, "agreements").detail.links
        lines = link_lines(links)
        at = lines.index("Referenced by 13")
        kinds = ("Agreements ", "Quotes ", "Analysis ", "Questions ")
        headings = [line for line in lines[at:] if line.startswith(kinds) and line[-1].isdigit()]
        assert headings == ["Agreements 2", "Quotes 5", "Analysis 4", "Questions 2"]
        assert lines[at + 2] == "No unilateral change of the status quo"
        assert sum(isinstance(target, ItemRef) for target in links.targets) == 2 + 13


async def test_enter_follows_a_referring_item_and_back_returns(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "enter")  # Shore power: related, referenced by, then tags
        await pilot.pause()
        links = pane(app, "agreements").detail.links
        assert app.focused is links
        lines = link_lines(links)
        assert lines[lines.index("Referenced by 2") + 1 : lines.index("Tags") - 1] == [
            "Quotes 1",
            "Every ship that plugs in is a street that breathes again.",
            "— Rita Almeida",  # two lines: the speaker kept whole on the second
            "Analysis 1",
            "The grid is the bottleneck — Sara Lindqvist",
        ]
        await pilot.press("j", "j", "enter")  # the first item referring to it
        await pilot.pause()
        assert app.screen.active_pane == "quotes"
        assert pane(app, "quotes").index == 0
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen.active_pane == "agreements"


async def test_the_speaker_of_a_quote_is_a_link_to_what_they_said(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "enter")  # Okafor's quote: the links, the speaker first
        await pilot.pause()
        links = pane(app, "quotes").detail.links
        assert link_lines(links)[:2] == ["Speaker", "Daniel Okafor · 1 quote"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.active_pane == "overview"
        overview = app.screen.query_one(OverviewPane)
        assert overview.person_index == 1
        assert app.focused is overview.person_items
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen.active_pane == "quotes" and pane(app, "quotes").index == 1


async def test_an_experts_analysis_links_to_the_expert(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "j")
        await pilot.pause()
        lines = link_lines(pane(app, "analysis").detail.links)
        assert lines[:2] == ["Expert", "Jonas Brandt · 1 quote, 1 analysis"]


def tagged_brief(make_brief: BriefFactory) -> Brief:
    return make_brief(
        people=(Person(id="p", name="Pat"),),
        agreements=(
            Agreement(title="Grid", summary="s", tags=("energy",)),
            Agreement(title="Pipelines", summary="s", tags=("energy-security",)),
            Agreement(title="Solar", summary="s", tags=("solar", "energy")),
        ),
        quotes=(Quote(speaker="p", text="Power to all.", tags=("energy",)),),
    )


async def test_a_tag_is_a_search_for_exactly_that_tag_that_n_walks(
    make_brief: BriefFactory, wait_until: WaitUntil
) -> None:
    app = BriefingApp(tagged_brief(make_brief))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "enter")  # Grid: its one tag is the first link
        await pilot.pause()
        links = pane(app, "agreements").detail.links
        assert links.targets[0] == TagLink("energy")
        assert link_lines(links)[:2] == ["Tags", "energy · 3 items"]
        await pilot.press("enter")
        await pilot.pause()
        result = app.screen.search_result
        assert result is not None and result.query.text == 'tag:"energy"'
        assert [(hit.ref.section, hit.ref.index) for hit in result.hits] == [
            ("agreements", 0),
            ("agreements", 2),  # not Pipelines, tagged energy-security
            ("quotes", 0),
        ]
        assert isinstance(app.focused, ItemList) and pane(app, "agreements").index == 0
        await pilot.press("n")
        await pilot.pause()
        assert pane(app, "agreements").index == 2
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.active_pane == "quotes"
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert (app.screen.active_pane, pane(app, "agreements").index) == ("agreements", 0)


async def test_after_a_followed_tag_the_search_bar_holds_its_query(
    make_brief: BriefFactory, wait_until: WaitUntil
) -> None:
    app = BriefingApp(tagged_brief(make_brief))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "enter", "enter", "slash")
        await pilot.pause()
        bar = app.screen.query_one("#search-input")
        await wait_until(pilot, lambda: getattr(bar, "value", "") == 'tag:"energy"')
        result = app.screen.search_result
        assert result is not None and len(result.hits) == 3  # still exactly the tag
