"""Search as a person feels it: from a key press in the search bar to the updated hits on screen.

Part 1, in a real pseudo-terminal (120x40): `briefing` runs on a 40-item and a 10,000-item
dossier; after `/`, queries are typed one key at a time, and each key is timed until the bar
shows that query and the counts line its result (both drawn in the same frame as the hits).
Prints the median per key for each size and their ratio (budget: 10,000 items within 2x).

Part 2, in process: the work one keystroke does in the app, the search plus drawing every
visible result row, at 10,000 items, in ms and as a share of a 16 ms frame.

    python bench/bench_search_e2e.py [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "bench"))

from dossier import make_dossier  # noqa: E402
from terminal import Terminal  # noqa: E402

from briefing_tui.loader import load_brief  # noqa: E402
from briefing_tui.model import SECTION_TITLES, SECTIONS  # noqa: E402
from briefing_tui.search import SearchIndex, SearchResult  # noqa: E402
from briefing_tui.search_state import summary_line  # noqa: E402

QUERIES = ("hydrogen", "supply chain", "speaker:p01", "zurich", "hydrgen")
CLEAR = "\x15"  # ctrl+u: the input clears
COLUMNS, LINES = 120, 40
FRAME_MS = 16.0


def fresh_settings() -> dict[str, str]:
    """A settings folder of its own for one run: the reader reopens a brief where the last run
    left it, which would change what is measured."""
    return {"BRIEFING_CONFIG_DIR": tempfile.mkdtemp(prefix="briefing-bench-")}


def briefing_command() -> list[str]:
    script = Path(sys.executable).parent / "briefing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing_tui"]


def expected(result: SearchResult) -> tuple[str, str]:
    """What shows once a result is drawn: the bar's counts line, and the first results row."""
    heading = next(
        (f"{SECTION_TITLES[s]} {result.counts[s]}" for s in SECTIONS if result.counts[s]), ""
    )
    if result.overview is not None:  # the brief's own title or summary comes first
        heading = "Overview 1"
    return summary_line(result)[: COLUMNS - 4], heading


def shows(terminal: Terminal, query: str, summary: str, heading: str) -> bool:
    """Whether the screen shows the query in the bar, its counts line and its first results."""
    rows = terminal.screen.display
    status, field, first = rows[LINES - 3], rows[LINES - 2], rows[3]
    return (
        status.strip().startswith(summary)
        and field.strip() == query.strip()
        and first.strip("│ ").startswith(heading)
    )


def key_times(path: Path, index: SearchIndex) -> list[float]:
    """Seconds from each key press to its result on screen, over every query typed."""
    terminal = Terminal(
        [*briefing_command(), str(path)], columns=COLUMNS, lines=LINES, env=fresh_settings()
    )
    times: list[float] = []
    try:
        terminal.wait_for("Overview", timeout=60)
        terminal.press("/")
        terminal.wait_for("Type to search", timeout=30)
        for query in QUERIES:
            for size in range(1, len(query) + 1):
                typed = query[:size]
                summary, heading = expected(index.search(typed))
                started = time.perf_counter()
                terminal.press(typed[-1])
                deadline = started + 10
                while not shows(terminal, typed, summary, heading):
                    if time.perf_counter() > deadline:
                        raise TimeoutError(f"{typed!r}: {summary!r} never showed:\n{terminal.text}")
                    terminal.pump(timeout=0.005)
                times.append(time.perf_counter() - started)
            terminal.press(CLEAR)
            terminal.wait_for("Type to search", timeout=10)
        terminal.press("\x1b")  # escape closes the bar, then q quits
        time.sleep(0.2)
        terminal.press("q")
        terminal.wait_exit()
    finally:
        terminal.close()
    return times


# The floor: a bare Textual app whose Input echoes each key, nothing else.
BARE_INPUT = """
from textual.app import App
from textual.widgets import Input, Static
class Bare(App):
    def compose(self):
        yield Static("bare input app")
        yield Input()
Bare().run()
"""


def echo_times() -> list[float]:
    """Seconds from each key press to its echo in a bare Textual Input."""
    terminal = Terminal([sys.executable, "-c", BARE_INPUT], columns=COLUMNS, lines=LINES)
    times: list[float] = []
    try:
        terminal.wait_for("bare input app", timeout=30)
        time.sleep(0.3)
        for query in QUERIES:
            for size in range(1, len(query) + 1):
                started = time.perf_counter()
                terminal.press(query[size - 1])
                while terminal.screen.display[2].strip("▊▎ ") != query[:size].strip():
                    if time.perf_counter() > started + 10:
                        raise TimeoutError(f"{query[:size]!r} never echoed:\n{terminal.text}")
                    terminal.pump(timeout=0.005)
                times.append(time.perf_counter() - started)
            terminal.press(CLEAR)
            terminal.wait_gone(query, timeout=10)
    finally:
        terminal.close()
    return times


async def in_process_ms(path: Path) -> list[float]:
    """Milliseconds of one keystroke's work (search, every visible result row drawn, and the
    hit under the cursor previewed)."""
    from briefing_tui.app import BriefingApp
    from briefing_tui.screens.brief_screen import BriefScreen
    from briefing_tui.search_state import SearchSession
    from briefing_tui.widgets.search_results import SearchResults
    from briefing_tui.widgets.search_view import SearchView

    brief = load_brief(path)
    session = SearchSession(brief)
    session.prepare()
    app = BriefingApp(brief)
    timings: list[float] = []
    async with app.run_test(size=(COLUMNS, LINES)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        results = screen.query_one(SearchResults)
        view = screen.query_one(SearchView)
        height = results.scrollable_content_region.height
        for query in QUERIES:
            for size in range(1, len(query) + 1):
                started = time.perf_counter()
                # what a keystroke does: search, the screen hands the result to the results
                screen.search_result = session.search(query[:size])
                for y in range(height):
                    results.render_line(y)
                if results.row_count:  # the preview follows the cursor (a message, in the app)
                    view.on_search_results_highlighted(SearchResults.Highlighted(results, 0))
                timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for items in (40, 10_000):
            paths[items] = Path(folder) / f"dossier-{items}.yaml"
            paths[items].write_text(make_dossier(items), encoding="utf-8")
        indexes = {items: SearchIndex(load_brief(path)) for items, path in paths.items()}
        per_key: dict[int, list[float]] = {40: [], 10_000: []}
        echo: list[float] = []
        for _ in range(args.runs):  # alternate, so all see the same machine load
            echo += echo_times()
            for items, path in paths.items():
                per_key[items] += key_times(path, indexes[items])
        work = asyncio.run(in_process_ms(paths[10_000]))

    small, large = (statistics.median(per_key[n]) * 1000 for n in (40, 10_000))
    keys = len(per_key[40])
    print(f"key press to hits on screen, pty {COLUMNS}x{LINES}, median of {keys} keys")
    floor = statistics.median(echo) * 1000
    print(f"  bare Textual Input echo (floor) {floor:7.1f} ms")
    print(f"  40 items       {small:7.1f} ms   {small / floor:.2f}x the floor")
    print(f"  10,000 items   {large:7.1f} ms   ratio {large / small:.2f}x   (budget 2x)")
    worst = max(per_key[10_000]) * 1000
    print(f"  10,000 items worst key {worst:.1f} ms")
    median, top = statistics.median(work), max(work)
    print("one keystroke's work in process at 10,000 items (search + visible rows drawn + preview)")
    print(
        f"  median {median:5.1f} ms ({median / FRAME_MS:.0%} of a frame)   "
        f"worst {top:5.1f} ms ({top / FRAME_MS:.0%})"
    )


if __name__ == "__main__":
    main()
