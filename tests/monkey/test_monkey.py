"""Monkey tests: thousands of random keys, clicks and resizes, and the reader stays usable.

Each run starts the reader on a brief (the summit brief, or a generated one with long, wide,
right-to-left and combining text) in one state (a pane, the search, the help, the palette, the
export dialog), then sends random keys, clicks and terminal sizes from 10x4 to 300x100. Afterwards
no exception has happened, a probe key still answers (the help opens and closes), and the app
quits with q. Only keys and clicks are used, never the app's insides: the UI may change shape.

The seed of each run is printed: MONKEY_SEED=N replays its events (their timing against the app
may differ). In an ordinary run each start has a seed of its own that stays the same from run to
run, so that CI tries the same events each time; BRIEFING_LONG_TESTS=1 runs every start on both
briefs with thirty times as many events and new seeds each time.
"""

from __future__ import annotations

import contextlib
import os
import random
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.drivers.headless_driver import HeadlessDriver
from textual.errors import NoWidget
from textual.geometry import Size
from textual.pilot import OutOfBounds
from textual.worker import WorkerFailed

from briefing_tui.app import BriefingApp
from briefing_tui.loader import load_brief
from briefing_tui.model import Agreement, Analysis, Brief, Person, Question, Quote

ROOT = Path(__file__).resolve().parents[2]
SUMMIT = ROOT / "briefs" / "eu-japan-summit-2023.yaml"
LONG = os.environ.get("BRIEFING_LONG_TESTS") == "1"
EVENTS = 120 * (30 if LONG else 1)

KEYS = [
    *"12345",
    "tab",
    "shift+tab",
    "j",
    "k",
    "g",
    "G",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "enter",
    "backspace",
    "alt+left",
    "alt+right",
    "slash",
    "n",
    "N",
    "ctrl+f",
    "escape",
    "escape",
    "e",
    "question_mark",
    "f1",
    "ctrl+p",
    "space",
    "delete",
    *'hydrogen tag:energy -in:analysis "',
    "ctrl+a",
    "ctrl+e",
    "ctrl+u",
    "ctrl+w",
]
STARTS = {
    "overview": [],
    "agreements": ["2"],
    "quotes": ["3", "j", "enter"],
    "analysis": ["4", "G"],
    "questions": ["5", "tab", "enter"],
    "search": ["slash", *"hydrogen"],
    "help": ["question_mark"],
    "palette": ["ctrl+p", *"alliance"],
    "export": ["e"],
}


def strange_brief() -> Brief:
    """A brief of long, wide (CJK, emoji), right-to-left and combining text."""
    long = "A sentence that goes on and on, " * 60
    wide = "日本と欧州連合の首脳会談🎌🇪🇺 " * 20
    rtl = "الاتحاد الأوروبي واليابان يوقعان اتفاقية שלום עולם " * 10
    combining = "e\u0301a\u0300o\u0308u\u0323 Z\u0335\u0361a\u0337l\u0334g\u0336o\u0338 " * 30
    people = (Person(id="wide", name=wide[:40], role=rtl[:60]), Person(id="z", name=combining[:30]))
    texts = [long, wide, rtl, combining]
    return Brief(
        brief=1,
        title=wide[:120] + rtl[:40],
        date=__import__("datetime").date(2024, 1, 2),
        summary="\n\n".join(texts),
        location=combining[:80],
        people=people,
        agreements=tuple(
            Agreement(
                id=f"a{n}",
                title=texts[n % 4][:200],
                summary=texts[(n + 1) % 4],
                details=tuple(texts),
                tags=("日本", "עולם", "e\u0301"),
                related=("wide", f"a{(n + 1) % 12}"),
            )
            for n in range(12)
        ),
        quotes=tuple(
            Quote(speaker=("wide", "z")[n % 2], text=texts[n % 4], context=texts[(n + 2) % 4])
            for n in range(8)
        ),
        analysis=tuple(
            Analysis(expert="z", summary=texts[n % 4], title=texts[(n + 3) % 4][:90])
            for n in range(5)
        ),
        questions=tuple(
            Question(question=texts[n % 4][:300], why=texts[(n + 1) % 4]) for n in range(5)
        ),
    )


BRIEFS = {
    "summit": lambda: (load_brief(SUMMIT), SUMMIT),
    "strange": lambda: (strange_brief(), None),
}


# Textual 8.2.8's CommandPalette raises KeyError in OptionList._move_page when pageup/pagedown
# arrive before its list has laid out its lines; not ours to fix, so the monkey avoids it.
PAGE_KEYS = frozenset({"pageup", "pagedown"})
CHARACTERS = {"space": " ", "slash": "/", "question_mark": "?"}


def send_key(app: BriefingApp, key: str) -> None:
    """A key as the terminal driver delivers it: at once, without waiting for the app."""
    char = CHARACTERS.get(key, key if len(key) == 1 else None)
    event = events.Key(key, char)
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)


def send_resize(app: BriefingApp, width: int, height: int) -> None:
    """The terminal resized, as the driver reports it."""
    size = Size(width, height)
    if isinstance(app._driver, HeadlessDriver):
        app._driver._size = size
    app.post_message(events.Resize(size, size))


async def monkey(app: BriefingApp, rng: random.Random, start: list[str], sent: list[int]) -> None:
    """Send random events until `sent[0]` reaches EVENTS, or until the app quits (a click can
    land on Quit). A run that lasts checks the probe and quits with q."""
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*start)
        width, height = 100, 30
        recent_palette = 0
        while sent[0] < EVENTS and app.return_code is None:
            recent_palette = max(0, recent_palette - 1)  # keys may still be queued behind it
            palette = recent_palette > 0 or isinstance(app.screen, CommandPalette)
            for _ in range(rng.randint(1, 12)):  # a burst: typed faster than the app reads
                roll = rng.random()
                sent[0] += 1
                if roll < 0.85:
                    key = rng.choice(KEYS)
                    if key == "ctrl+p":
                        palette, recent_palette = True, 3
                    if key in PAGE_KEYS and palette:
                        continue  # Textual 8.2.8: page keys in a palette still filling fail
                    send_key(app, key)
                elif roll < 0.95:
                    width, height = rng.randint(10, 300), rng.randint(4, 100)
                    if palette:  # rich 15: a palette option narrower than its padding fails
                        width = max(width, 24)
                    send_resize(app, width, height)
                else:
                    with contextlib.suppress(NoWidget, OutOfBounds):  # nothing drawn there
                        await pilot.click(offset=(rng.randrange(width), rng.randrange(height)))
                    break
            await pilot.pause()
        if app.return_code is not None:
            return
        await pilot.resize_terminal(100, 30)
        await probe(pilot, app)
        await pilot.press("escape", "escape", "escape", "escape")
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


def known_upstream(failed: WorkerFailed) -> bool:
    """Textual 8.2.8's CommandPalette: closed while its search worker runs, the worker's update
    of the list fails (NoMatches for CommandList in _watch__list_visible). Not ours to fix."""
    error = failed.error
    return isinstance(error, NoMatches) and "CommandList" in str(error)


async def probe(pilot: Any, app: BriefingApp) -> None:
    """The app still answers: escape closes what is open, f1 opens the help, escape closes it.

    f1 does nothing while a text box has the focus (the help key is a command key), so the probe
    moves the focus on with tab before trying again.
    """
    for _ in range(6):
        if len(app.screen_stack) == 1:
            break
        await pilot.press("escape")
    await pilot.press("escape", "escape")
    depth = len(app.screen_stack)
    for _ in range(4):
        await pilot.press("f1")
        if await settled(pilot, lambda: len(app.screen_stack) == depth + 1):
            break
        await pilot.press("tab")
    assert len(app.screen_stack) == depth + 1, "the help did not open"
    await pilot.press("escape")
    assert await settled(pilot, lambda: len(app.screen_stack) == depth), "the help did not close"


async def settled(pilot: Any, condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Wait until `condition` holds (a busy machine may take a while); whether it did."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        await pilot.pause(0.05)
    return True


# Every start on both briefs in the long run; in CI each start once, the briefs taking turns.
RUNS = [
    (start, brief)
    for number, start in enumerate(sorted(STARTS))
    for brief in sorted(BRIEFS)
    if LONG or brief == sorted(BRIEFS)[number % 2]
]


@pytest.mark.parametrize(("start", "brief_name"), RUNS)
async def test_random_keys_clicks_and_resizes_leave_the_reader_usable(
    brief_name: str, start: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # exports land here
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(tmp_path / "config"))
    fixed = zlib.crc32(f"{brief_name}/{start}".encode()) % (1 << 30)
    seed = int(os.environ.get("MONKEY_SEED", random.randrange(1 << 30) if LONG else fixed))
    print(f"monkey {brief_name}/{start}: MONKEY_SEED={seed}, {EVENTS} events")
    brief, path = BRIEFS[brief_name]()
    rng = random.Random(seed)
    sent = [0]
    while sent[0] < EVENTS:  # a new app whenever a click quit the last one
        try:
            await monkey(BriefingApp(brief, brief_path=path), rng, STARTS[start], sent)
        except WorkerFailed as failed:
            if not known_upstream(failed):
                raise
            print(f"  Textual's own palette race, known and not ours: {failed.error!r}")


async def test_every_pane_survives_the_narrowest_terminals(tmp_path: Path) -> None:
    """Found by the monkey: the related list failed to wrap its options at widths under 3."""
    brief, path = BRIEFS["summit"]()
    app = BriefingApp(brief, brief_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        for pane in "12345":
            await pilot.press(pane)
            for width, height in ((10, 4), (22, 30), (24, 30)):  # 22, 24: 2 columns for it
                await pilot.resize_terminal(width, height)
                await pilot.press("j", "tab")
        await pilot.resize_terminal(100, 30)
        await probe(pilot, app)
