"""The README's pictures, taken from the real app on the bundled summit brief.

    python docs/screenshots.py            # write docs/*.svg
    python docs/screenshots.py --check    # exit 1 if a picture is out of date

Each picture is Textual's SVG screenshot of a scene: the keys pressed from the start, at a
fixed size, in the dark theme. The random id Rich gives each SVG is replaced by a fixed one,
so a picture changes only when the look does (tests/app/test_docs_pictures.py checks it).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

DOCS = Path(__file__).resolve().parent
BRIEF = DOCS.parent / "briefs" / "eu-japan-summit-2023.yaml"


@dataclass(frozen=True)
class Scene:
    """One picture: its file, the keys that bring it up, and the terminal's size."""

    name: str
    keys: tuple[str, ...]
    size: tuple[int, int] = (120, 34)
    caption: str = ""


SCENES = (
    Scene(
        "agreements",
        ("2", "j", "j", "j", "j"),
        caption="The Agreements pane: the list, and the item in full with what it relates to",
    ),
    Scene(
        "search",
        ("slash", *"raw materials"),
        size=(120, 24),
        caption="Search: hits grouped by section, the matching words marked in context",
    ),
)
"""The pictures, in the order the README shows them."""


def normalize(svg: str) -> str:
    """`svg` with Rich's random id (terminal-1234567-...) made fixed, as pytest-textual-snapshot
    compares them."""
    return re.sub(r"\bterminal-\d+-([\w-]+)", r"terminal-briefing-\1", svg)


async def take(scene: Scene) -> str:
    """The SVG of one scene, from the app on the bundled brief."""
    from textual.widgets import Input

    from briefing_tui.app import BriefingApp
    from briefing_tui.loader import load_brief

    Input.cursor_blink = False  # one frame, the same on every run
    app = BriefingApp(load_brief(BRIEF), brief_path=BRIEF)
    app.theme = "textual-dark"
    async with app.run_test(size=scene.size) as pilot:
        await pilot.pause()
        for key in scene.keys:
            await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        return normalize(app.export_screenshot(title="briefing"))


def take_all() -> dict[Path, str]:
    """Every picture: its path in docs/ and its SVG."""
    # The pictures must not depend on the settings of whoever takes them.
    before = os.environ.get("BRIEFING_CONFIG_DIR")
    with tempfile.TemporaryDirectory() as config:
        os.environ["BRIEFING_CONFIG_DIR"] = config
        try:
            return {DOCS / f"{scene.name}.svg": asyncio.run(take(scene)) for scene in SCENES}
        finally:
            if before is None:
                del os.environ["BRIEFING_CONFIG_DIR"]
            else:
                os.environ["BRIEFING_CONFIG_DIR"] = before


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if a picture is stale")
    check = parser.parse_args().check
    stale = []
    for path, svg in take_all().items():
        old = normalize(path.read_text(encoding="utf-8")) if path.exists() else None
        if old == svg:
            continue
        stale.append(path.name)
        if not check:
            path.write_text(svg, encoding="utf-8")
    if check and stale:
        print(f"out of date: {', '.join(stale)} (run python docs/screenshots.py)")
        return 1
    print(f"{'wrote' if stale else 'up to date'}: {', '.join(stale) or 'every picture'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
