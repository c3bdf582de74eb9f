"""y copies the item on show as the Markdown its export would be; o opens the brief's source
in the browser, only a web address."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from briefing_tui.app import BriefingApp
from briefing_tui.export import to_markdown
from briefing_tui.model import Agreement, Brief, ItemRef, Source

if TYPE_CHECKING:
    from conftest import Toasts

BriefFactory = Callable[..., Brief]


def offered(app: BriefingApp, key: str) -> bool:
    return key in app.screen.active_bindings


async def test_y_copies_the_item_on_show_as_its_markdown_and_says_so(
    summit: Brief, toasts: Toasts
) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        assert not offered(app, "y")  # the Overview has no item of its own
        await pilot.press("3", "j", "y")
        await pilot.pause()
        assert app.clipboard == to_markdown(summit, refs=[ItemRef("quotes", 1)])
        assert "> Paper manifests cost us two days per ship." in app.clipboard
        message = (await toasts.wait(pilot))[-1][0]
        assert message.startswith("Copied as Markdown (") and "Paper manifests" in message


async def test_y_in_the_detail_copies_the_same_item(summit: Brief) -> None:
    app = BriefingApp(summit)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "j", "tab", "y")
        await pilot.pause()
        assert app.clipboard == to_markdown(summit, refs=[ItemRef("agreements", 1)])


async def test_o_opens_the_source_in_the_browser(
    summit: Brief, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    app = BriefingApp(summit)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(100, 30)) as pilot:
        assert offered(app, "o")
        await pilot.press("o")
        await pilot.pause()
        assert opened == ["https://example.org/harbour-cities/2024"]


@pytest.mark.parametrize(
    "url",
    [None, "javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x", "https://"],
)
async def test_o_is_not_offered_without_a_web_address(
    make_brief: BriefFactory, monkeypatch: pytest.MonkeyPatch, url: str | None
) -> None:
    brief = make_brief(
        source=Source(title="A statement", url=url),
        agreements=(Agreement(title="A", summary="s"),),
    )
    opened: list[str] = []
    app = BriefingApp(brief)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(100, 30)) as pilot:
        assert not offered(app, "o")
        await pilot.press("o", "2", "o")
        await pilot.pause()
        assert opened == []
