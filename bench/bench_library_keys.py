"""A keystroke in the library's search box, in the app: from the key to the hits listed and the
lines on screen drawn, across 500 briefs, against the 16 ms frame.

The app runs headless (Textual's test driver, 120x40) on bench_library.py's library; each query
of a typing sequence is typed as the box's new value, and the time is taken until the screen
shows its result (the search runs in a thread) and the visible lines are drawn.

    python bench/bench_library_keys.py [BRIEFS] [ITEMS] [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_library import make_library
from bench_search import FRAME_MS, TYPING

from briefing_tui.app import BriefingApp
from briefing_tui.library import open_library
from briefing_tui.screens.library_screen import LibraryScreen
from briefing_tui.widgets.library_results import LibraryResults


async def measure(folder: Path, runs: int) -> None:
    app = BriefingApp(None, library=open_library([folder]))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press("slash")
        box = screen.query_one("#library-query")
        results = screen.query_one(LibraryResults)
        screen._search.prepare()  # as the first / does in the background
        print(f"{'query':40} {'hits':>6} {'ms (median)':>12} {'max':>7} {'/frame':>6}")
        worst = 0.0
        for query in TYPING:
            times = []
            for _ in range(runs):
                box.value = ""  # type: ignore[attr-defined]
                await pilot.pause()
                start = time.perf_counter()
                box.value = query  # type: ignore[attr-defined]
                while screen.found is None or screen.found.query.text != query:
                    await asyncio.sleep(0.0005)
                for y in range(results.size.height):
                    results.render_line(y)
                times.append((time.perf_counter() - start) * 1000)
            found = screen.found
            median = statistics.median(times)
            worst = max(worst, median)
            print(
                f"{query!r:40} {len(found) if found else 0:>6} {median:12.2f} {max(times):7.2f}"
                f" {median / FRAME_MS:6.2f}"
            )
        print(f"worst keystroke (median): {worst:.2f} ms = {worst / FRAME_MS:.2f} of a frame")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("briefs", type=int, nargs="?", default=500)
    parser.add_argument("items", type=int, nargs="?", default=40)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        make_library(Path(folder), args.briefs, args.items)
        asyncio.run(measure(Path(folder), args.runs))


if __name__ == "__main__":
    main()
