"""Fixtures every layer of the tests shares: briefs built in code or read from YAML without the
loader, settings kept out of the user's home, and waiting on what the app shows."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import msgspec
import pytest
import yaml
from textual.app import App
from textual.pilot import Pilot

from briefing_tui.model import Agreement, Brief, Person, Quote

ROOT = Path(__file__).resolve().parent.parent
SMALL_SUMMIT = ROOT / "tests" / "app" / "data" / "summit.yaml"
BUNDLED_SUMMIT = ROOT / "briefs" / "eu-japan-summit-2023.yaml"
EXAMPLE_BRIEF = ROOT / "briefs" / "example-river-summit.yaml"

BriefFactory = Callable[..., Brief]
WaitUntil = Callable[[Pilot[None], Callable[[], object]], Awaitable[None]]


def brief_from_yaml(path: Path) -> Brief:
    """A Brief from a YAML file, converted straight to the model (not through the loader)."""
    return msgspec.convert(yaml.safe_load(path.read_text(encoding="utf-8")), Brief)


def make_brief(**fields: object) -> Brief:
    """A brief with just the given fields (items, people, title...); the rest are empty."""
    defaults: dict[str, object] = {
        "brief": 1,
        "title": "A brief",
        "date": dt.date(2024, 1, 2),
        "summary": "A summary.",
        "agreements": (),
        "quotes": (),
        "analysis": (),
        "questions": (),
    }
    return Brief(**{**defaults, **fields})  # type: ignore[arg-type]


def big_brief(count: int) -> Brief:
    """A brief with `count` agreements (numbered from 0), one person and one quote."""
    agreements = tuple(
        Agreement(id=f"a{n}", title=f"Agreement number {n}", summary=f"Summary {n}.")
        for n in range(count)
    )
    return make_brief(
        title="Dossier",
        agreements=agreements,
        people=(Person(id="p", name="Pat"),),
        quotes=(Quote(speaker="p", text="Hello."),),
    )


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], object], timeout: float = 5
) -> None:
    """Let the app run until `condition()` is true; fail after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    await pilot.pause()
    while not condition():
        if loop.time() > deadline:
            pytest.fail(f"waited {timeout} s and the app never got there")
        await pilot.pause(0.01)


def palette_offers(pilot: Pilot[None], text: str) -> bool:
    """Whether the open command palette lists a command whose prompt holds `text`."""
    from textual.command import CommandList

    lists = pilot.app.screen.query(CommandList)
    if not lists:
        return False
    options = lists.first()
    prompts = (str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
    return any(text.lower() in prompt.lower() for prompt in prompts)


async def run_command(pilot: Pilot[None], query: str, expect: str | None = None) -> None:
    """Open the command palette, type `query`, wait until it offers `expect` (the query itself by
    default), and press enter on the first command offered."""
    await pilot.press("ctrl+p")
    await pilot.press(*query)
    await wait_until(pilot, lambda: palette_offers(pilot, expect or query))
    await pilot.press("enter")
    await pilot.pause()


class Toasts:
    """The notifications on screen, oldest first, as (message, severity)."""

    def __call__(self, app: App[None]) -> list[tuple[str, str]]:
        shown = []
        for toast in app.screen.query("Toast"):
            text = str(toast.render()).splitlines()  # a title comes first, on a line of its own
            severity = next(name[1:] for name in toast.classes if name in _SEVERITIES)
            shown.append((text[-1] if text else "", severity))
        return shown

    async def wait(self, pilot: Pilot[None], count: int = 1) -> list[tuple[str, str]]:
        """The notifications on screen once there are `count` or more and they have settled
        (old ones cleared, new ones shown)."""
        shown: list[list[tuple[str, str]]] = [[]]

        def settled() -> bool:
            now = self(pilot.app)
            done = len(now) >= count and now == shown[0]
            shown[0] = now
            return done

        await wait_until(pilot, settled)
        return shown[0]


_SEVERITIES = {"-information", "-warning", "-error"}


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings go to a temp dir, never to the real home (nor a saved theme into a snapshot)."""
    path = tmp_path / "config"
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(path))
    return path


@pytest.fixture(name="make_brief", scope="session")
def make_brief_fixture() -> BriefFactory:
    """`make_brief`: a brief with just the given fields."""
    return make_brief


@pytest.fixture(name="big_brief", scope="session")
def big_brief_fixture() -> Callable[[int], Brief]:
    """`big_brief`: a brief with that many agreements."""
    return big_brief


@pytest.fixture
def summit() -> Brief:
    """The small summit brief: 3 agreements, 3 quotes, 2 analyses, 2 questions, 4 people."""
    return brief_from_yaml(SMALL_SUMMIT)


@pytest.fixture
def bundled_summit() -> Brief:
    """The bundled Japan–EU summit brief."""
    return brief_from_yaml(BUNDLED_SUMMIT)


@pytest.fixture(name="wait_until", scope="session")
def wait_until_fixture() -> WaitUntil:
    """`wait_until(pilot, condition)`: run the app until the condition holds."""
    return wait_until


@pytest.fixture(scope="session")
def toasts() -> Toasts:
    """`toasts(app)`, or `await toasts.wait(pilot)`: the notifications on screen."""
    return Toasts()


@pytest.fixture(name="run_command", scope="session")
def run_command_fixture() -> Callable[..., Awaitable[None]]:
    """`run_command(pilot, query)`: run the palette's first command for `query`."""
    return run_command


@pytest.fixture
def example_brief(tmp_path: Path) -> Path:
    """A copy of the example brief (brief.yaml in a temporary folder), its source article beside
    it under its own name, as the brief's source.file names it."""
    shutil.copy(EXAMPLE_BRIEF, tmp_path / "brief.yaml")
    shutil.copy(EXAMPLE_BRIEF.with_suffix(".txt"), tmp_path)
    return tmp_path / "brief.yaml"
