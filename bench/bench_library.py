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
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_search import FRAME_MS, SHOWN, TYPING, WIDTH
from dossier import ADJECTIVES, NOUNS, PLACES, make_dossier
from timing import median_ms

from briefing_tui.library import LibrarySearch, Loaded, load_all, open_library
from briefing_tui.library.loading import choose, load_one
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


class Cost(NamedTuple):
    """One way of loading, measured: wall time, and CPU time of this process and of its children.

    On a machine whose two cores are busy with other work, wall times say little about what
    workers gain; CPU times do: on two idle cores the wall time would be about ``estimate``.
    """

    wall: float
    parent: float
    children: float

    @property
    def estimate(self) -> float:
        return max(self.parent, (self.parent + self.children) / 2)


def _usage() -> tuple[resource.struct_rusage, resource.struct_rusage]:
    return resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)


def _cost(run: Callable[[], object], runs: int) -> Cost:
    """The run with the least CPU time in all of ``runs`` runs, after a warm-up (ms)."""
    run()
    costs = []
    for _ in range(runs):
        before = (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
        start = time.perf_counter()
        run()
        wall = time.perf_counter() - start
        after = (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
        parent, children = (
            (late.ru_utime + late.ru_stime - early.ru_utime - early.ru_stime) * 1000
            for early, late in zip(before, after, strict=True)
        )
        costs.append(Cost(wall * 1000, parent, max(0.0, children)))
    return min(costs, key=lambda cost: cost.parent + cost.children)


def _pool(paths: list[str]) -> list[Loaded]:
    """A multiprocessing pool over ``load_one``: the obvious way, for comparison."""
    with multiprocessing.get_context("fork").Pool(2) as pool:
        return pool.map(load_one, paths)


def _loading(paths: list[str], runs: int) -> None:
    """Every way of loading ``paths``."""
    ways: dict[str, Callable[[], object]] = {
        "one after the other": lambda: load_all(paths, strategy="sequential"),
        "2 threads": lambda: list(ThreadPoolExecutor(2).map(load_one, paths)),
        "multiprocessing pool of 2": lambda: _pool(paths),
        "2 forked workers (processes)": lambda: load_all(paths, strategy="processes"),
        "auto (what open_library does)": lambda: load_all(paths),
    }
    print(f"loading {len(paths)} briefs ({choose(paths)} for auto); ms, least CPU of {runs}:")
    print(f"  {'':32} {'wall':>8} {'this cpu':>8} {'workers':>8} {'2 idle cores':>12} {'ratio':>6}")
    floor = None
    for label, run in ways.items():
        cost = _cost(run, runs)
        floor = floor or cost.estimate
        print(
            f"  {label:32} {cost.wall:8.1f} {cost.parent:8.1f} {cost.children:8.1f}"
            f" {cost.estimate:12.1f} {cost.estimate / floor:6.2f}"
        )


def _crossover(paths: list[str], runs: int) -> None:
    """Where the workers start to pay: both ways over growing parts of the library."""
    print("\nworkers against one after the other, on two idle cores (< 1: the workers win):")
    print(f"  {'briefs':>6} {'bytes':>10} {'one by one':>10} {'workers':>8} {'ratio':>6}")
    for count in (4, 8, 16, 32, 64, 128):
        part = paths[:count]
        size = sum(os.path.getsize(path) for path in part)
        alone = _cost(lambda part=part: load_all(part, strategy="sequential"), runs).estimate
        forked = _cost(lambda part=part: load_all(part, strategy="processes"), runs).estimate
        print(f"  {count:6} {size:10,} {alone:8.1f}ms {forked:6.1f}ms {forked / alone:6.2f}")


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
        floor = _cost(lambda: load_brief(one), args.runs)
        listing = _cost(lambda: open_library([folder]), args.runs)
        print(f"{'ms, least CPU of ' + str(args.runs):34} {'wall':>8} {'on 2 idle cores':>16}")
        print(f"{'load_brief, the one brief':34} {floor.wall:8.1f} {floor.estimate:16.1f}")
        label = f"open_library, the {args.briefs} briefs"
        print(f"{label:34} {listing.wall:8.1f} {listing.estimate:16.1f}")
        print(
            f"{'ratio  library / one brief':34} {listing.wall / floor.wall:8.2f}"
            f" {listing.estimate / floor.estimate:16.2f}\n"
        )
        paths = sorted(os.fspath(path) for path in folder.iterdir())
        _loading(paths, args.runs)
        _loading(paths[:3], args.runs * 3)
        _crossover(paths, args.runs)
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
