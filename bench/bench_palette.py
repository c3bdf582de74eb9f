"""The command palette's jump to any item: one keystroke, from the key to the filled list.

In process, in a running app (120x40): the palette is opened on a dossier, then words are typed
into its input a key at a time (emptied between words). A keystroke is timed from the input's
change until the palette's search is done and its list is laid out and drawn (the wrapped height
of every row measured, as a frame does): wall time, and the CPU time the process spent
meanwhile (what keeps the next key from echoing). Prints, per query, the rows listed and the
medians, for the large dossier and for the bundled 40-item summit brief (the floor, same run),
with their ratio and the worst as a share of a 16 ms frame.

    python bench/bench_palette.py [ITEMS] [ROUNDS]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from dossier import make_dossier  # noqa: E402

from briefing_tui.loader import load_brief, parse_brief  # noqa: E402
from briefing_tui.model import Brief  # noqa: E402

FRAME_MS = 16.0
SIZE = (120, 40)
WORDS = ("hydrogen", "e", "joint", "jnt", "agreement", "zzz")
"""Typed a key at a time, the palette emptied between words."""
TYPING = tuple(dict.fromkeys(word[:size] for word in WORDS for size in range(1, len(word) + 1)))


async def keystroke_ms(brief: Brief, rounds: int) -> dict[str, tuple[float, float, int]]:
    """For each query: the median wall and CPU milliseconds of a keystroke, and the rows listed."""
    from textual.command import CommandInput, CommandList, CommandPalette

    from briefing_tui.app import BriefingApp

    app = BriefingApp(brief)
    wall: dict[str, list[float]] = {query: [] for query in TYPING}
    cpu: dict[str, list[float]] = {query: [] for query in TYPING}
    rows: dict[str, int] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        field = palette.query_one(CommandInput)
        listed = palette.query_one(CommandList)
        for _ in range(rounds):
            for query in TYPING:
                if len(query) == 1:  # a new word: the palette emptied first
                    field.value = ""
                    await pilot.pause()
                started, used = time.perf_counter(), time.process_time()
                field.value = query  # Input.Changed: the palette starts its search worker
                while not palette.workers:
                    await asyncio.sleep(0)
                for worker in list(palette.workers):
                    await worker.wait()
                # a frame: the list is laid out (every row measured) and its lines drawn
                listed.get_content_height(palette.size, palette.size, listed.size.width)
                for y in range(listed.size.height):
                    listed.render_line(y)
                wall[query].append((time.perf_counter() - started) * 1000)
                cpu[query].append((time.process_time() - used) * 1000)
                rows[query] = listed.option_count
        await pilot.press("escape")
    median = statistics.median
    return {query: (median(wall[query]), median(cpu[query]), rows[query]) for query in TYPING}


def main() -> None:
    items = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    large = parse_brief(make_dossier(items).encode(), name="dossier.yaml")
    small = load_brief(ROOT / "briefs" / "eu-japan-summit-2023.yaml")
    floor = asyncio.run(keystroke_ms(small, rounds))
    measured = asyncio.run(keystroke_ms(large, rounds))
    total = sum(large.counts().values())
    print(f"palette keystroke, key to list drawn, {SIZE[0]}x{SIZE[1]}, median of {rounds}")
    print("wall: until the list is drawn; cpu: the work done meanwhile (the event loop busy)")
    print(
        f"{'query':12} {'rows':>5} {'40 items wall/cpu ms':>21}"
        f" {f'{total:,} items wall/cpu ms':>25} {'cpu ratio':>9}"
    )
    worst = 0.0
    for query in TYPING:
        (base_wall, base_cpu, _), (ms, used, count) = floor[query], measured[query]
        worst = max(worst, used)
        print(
            f"{query!r:12} {count:5} {base_wall:12.1f} {base_cpu:8.1f}"
            f" {ms:16.1f} {used:8.1f} {used / base_cpu:9.1f}"
        )
    print(
        f"worst keystroke's work at {total:,} items: {worst:.1f} ms = {worst / FRAME_MS:.2f} frame"
    )
    print("(a query nothing matches waits 100 ms in Textual's palette before it says so)")


if __name__ == "__main__":
    main()
