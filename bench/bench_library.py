"""A library of 500 briefs: listing it against loading one brief of the same total size, the
ways of loading it (one after the other, threads, worker processes) for 500 briefs and for 3,
and one search per keystroke across all of them against the same search in the one brief and
against the 16 ms frame.

    python bench/bench_library.py [BRIEFS] [ITEMS] [--runs N]

The briefs are bench/dossier.py's, ITEMS items each (40, about the summit brief's size), with
their own titles, dates and places; people's names recur across briefs, as in a real library.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_search import FRAME_MS, SHOWN, TYPING, WIDTH
from dossier import ADJECTIVES, NOUNS, PLACES, make_dossier
from timing import median_ms

from briefing_tui.library import LibrarySearch, load_all, open_library
from briefing_tui.library.loading import load_one
from briefing_tui.loader import load_brief
from briefing_tui.search import SearchIndex
from briefing_tui.snippet import snippet

MEETINGS = ("Summit", "Ministerial", "Council", "Dialogue", "Forum", "Round of talks")


def make_library(folder: Path, briefs: int, items: int) -> int:
    """Write ``briefs`` briefs of ``items`` items into ``folder``; their total size in bytes."""
    total = 0
    for number in range(briefs):
        rng = random.Random(number)
        place = rng.choice(PLACES)
        title = f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} {rng.choice(MEETINGS)}"
        date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = make_dossier(items, seed=number)
        text = text.replace(
            "title: A dossier of EU–Japan cooperation, hydrogen to semiconductors",
            f"title: {title} in {place}",
            1,
        )
        text = text.replace("date: 2023-07-13", f"date: {date}", 1)
        text = text.replace("location: Brussels", f"location: {place}", 1)
        path = folder / f"{date}-{number:04d}.yaml"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode())
    return total


def _in_a_thread(run: Callable[[], object]) -> Callable[[], object]:
    """``run`` from a second thread, as an app loads: the workers then come from a fork server."""

    def threaded() -> object:
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(run).result()

    return threaded


def _loading(paths: list[str], runs: int) -> None:
    """Every way of loading ``paths``, median ms each."""
    ways: dict[str, Callable[[], object]] = {
        "one after the other": lambda: load_all(paths, strategy="sequential"),
        "2 threads": lambda: list(ThreadPoolExecutor(2).map(load_one, paths)),
        "processes (forked)": lambda: load_all(paths, strategy="processes"),
        "processes (fork server)": _in_a_thread(lambda: load_all(paths, strategy="processes")),
        "auto (what open_library does)": lambda: load_all(paths),
    }
    floor = None
    print(f"loading {len(paths)} briefs:")
    for label, run in ways.items():
        ms = median_ms(run, runs)
        floor = floor or ms
        print(f"  {label:32} {ms:8.1f} ms   {ms / floor:5.2f} x one after the other")


def _screen(search: LibrarySearch, query: str) -> None:
    result = search.search(query)
    for position in range(min(SHOWN, len(result))):
        for match in result.hit(position).matches[:1]:
            snippet(match, WIDTH)


def _keystrokes(search: LibrarySearch, one: SearchIndex, runs: int) -> None:
    """Each query of a typing sequence across the library, against the one brief's index."""
    header = f"{'query':28} {'hits':>6} {'briefs':>6}  {'library ms':>17} {'one brief':>9}"
    print(f"\n{header} {'ratio':>5}  {'+ screen':>8} {'/frame':>6}")
    worst = 0.0
    for query in TYPING:
        search.search(query)  # warm-up, as median_ms does: a field filter's texts are made once
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            search.search(query)
            times.append((time.perf_counter() - start) * 1000)
        floor = median_ms(lambda query=query: one.search(query), runs)
        shown = median_ms(lambda query=query: _screen(search, query), runs)
        result = search.search(query)
        hits = f"{len(result)}{'~' if result.fuzzy else ''}"
        worst = max(worst, shown)
        library = statistics.median(times)
        print(
            f"{query!r:28} {hits:>6} {len(result.groups):>6}"
            f"  {library:6.2f} (max {max(times):6.2f}) {floor:9.2f} {library / floor:5.2f}"
            f"  {shown:8.2f} {shown / FRAME_MS:6.2f}"
        )
    print(f"worst keystroke (median, search + screen): {worst:.2f} ms = {worst / FRAME_MS:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("briefs", type=int, nargs="?", default=500)
    parser.add_argument("items", type=int, nargs="?", default=40)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "library"
        folder.mkdir()
        size = make_library(folder, args.briefs, args.items)
        one = Path(temporary) / "one.yaml"
        one.write_text(make_dossier(args.briefs * args.items), encoding="utf-8")
        print(
            f"library: {args.briefs} briefs of {args.items} items, {size:,} bytes;"
            f" one brief of {args.briefs * args.items:,} items, {one.stat().st_size:,} bytes"
        )
        floor = median_ms(lambda: load_brief(one), args.runs)
        listing = median_ms(lambda: open_library([folder]), args.runs)
        print(f"load_brief, the one brief          {floor:8.1f} ms")
        print(f"open_library, the {args.briefs} briefs     {listing:8.1f} ms")
        print(f"ratio  library / one brief         {listing / floor:8.2f}\n")
        paths = sorted(os.fspath(path) for path in folder.iterdir())
        _loading(paths, args.runs)
        _loading(paths[:3], args.runs * 3)
        library = open_library([folder])
        search = LibrarySearch(library)
        start = time.perf_counter()
        search.prepare()
        print(f"\nprepare() (every index, once): {(time.perf_counter() - start) * 1000:.0f} ms")
        one_index = SearchIndex(load_brief(one))
        one_index.prepare()
        _keystrokes(search, one_index, args.runs)
    print(f"(cores: {os.cpu_count()}, threads alive: {threading.active_count()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
