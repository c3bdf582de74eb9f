"""Search speed on a 10,000-item dossier: index build, then one query per keystroke.

Someone typing in the search bar sends a query per keystroke; each must finish well inside one
16 ms frame (60 Hz), leaving room to draw. For each query of a typing sequence this prints the
median and worst time over several rounds, in ms and as a share of the frame, for ``search()``
alone and for ``search()`` plus what a screen shows (the first 20 hits' matches and snippets).
The floor is a bare substring scan of pre-folded item texts, measured in the same run.

    python bench/bench_search.py [ITEMS] [ROUNDS]
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import msgspec

from briefing_tui.folding import fold
from briefing_tui.model import SECTIONS, Brief
from briefing_tui.search import SearchIndex
from briefing_tui.snippet import snippet

FRAME_MS = 16.0
SHOWN = 20  # hits a screen shows, with their matches and snippets
WIDTH = 80

TYPING = [
    *("hydrogen"[:size] for size in range(1, 9)),  # h, hy, hyd, ... hydrogen
    "hydrogen c",
    "hydrogen cor",
    "hydrogen corridor",
    "speaker:t",
    "speaker:tan",
    "speaker:tanaka",
    "speaker:tanaka energy",
    "tag:ene",
    "in:q hydrogen",
    "Hydrogen",  # smart case: capital, so case-sensitive
    "zurich",  # accents folded: finds Zürich
    "kyushu",
    '"supply chain"',
    '"supply chain" -hydrogen',
    "-hydrogen",
    "e",
    "zzzz",
    "hydrgen",  # a typo: corrected, fuzzy
    "semicondcutor plant",
    "hydrogen OR zurich",  # alternatives
    "hydrogen corridor | tag:trade -kyushu",
    "hydro*",  # a prefix: where a word begins
    "semi* pla*",
    "in:quo minister",  # a word found only in roles: offered as speaker:minister
    "hydrogen zzzz",  # no item has both: those with one are offered
    "hydrogen corridor semiconductor plant",  # partial: the items with most of the four
    "gdp",  # the overview only
    '"supply chain',  # an unterminated quote, explained
]


def _dossier(items: int) -> Brief:
    """bench/dossier.py's dossier, loaded as the app loads a brief."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from dossier import make_dossier  # type: ignore[import-not-found]

    from briefing_tui.loader import parse_brief

    brief: Brief = parse_brief(make_dossier(items).encode(), name="dossier.yaml")
    return brief


def _folded_texts(brief: Brief) -> list[str]:
    """Each item's texts folded, for the floor: what a bare scan goes through."""
    return [
        fold(" ".join(str(value) for value in msgspec.structs.astuple(item) if value))
        for section in SECTIONS
        for item in brief.section(section)
    ]


def _timed(action: Callable[[], object], rounds: int) -> list[float]:
    """Milliseconds of each of ``rounds`` runs of ``action``."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _screen(index: SearchIndex, query: str) -> None:
    """A search as the app runs it on a keystroke: the result and what its first screen shows."""
    result = index.search(query)
    for hit in result.hits[:SHOWN]:
        for match in hit.matches[:1]:
            snippet(match, WIDTH)


def _once(action: Callable[[], object]) -> float:
    """Milliseconds of one run of ``action``."""
    return _timed(action, 1)[0]


def main() -> None:
    items = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    brief = _dossier(items)
    total = sum(brief.counts().values())
    texts = _folded_texts(brief)
    gc.collect()
    floor = statistics.median(
        _timed(lambda: [n for n, text in enumerate(texts) if "hydrogen" in text], rounds)
    )
    build = _timed(lambda: SearchIndex(brief), rounds)
    fresh = SearchIndex(brief)
    first_typo = _once(lambda: fresh.search("hydrgen"))
    first_capital = _once(lambda: fresh.search("Hydrogen"))
    index = SearchIndex(brief)
    prepare = _once(index.prepare)
    print(f"{total} items, {rounds} rounds; frame = {FRAME_MS:.0f} ms")
    print(f"floor: bare substring scan of folded texts  {floor:6.2f} ms")
    print(f"index build         median {statistics.median(build):6.1f} ms  max {max(build):6.1f}")
    print(f"prepare() once      {prepare:6.1f} ms  (vocabulary for typos, cased texts)")
    print(
        f"without prepare(): first typo {first_typo:6.1f} ms, first capital {first_capital:6.1f} ms"
    )
    print()
    print(
        f"{'query':28} {'hits':>5}  {'search ms':>16} {'/floor':>6}"
        f"  {'+ screen ms':>16} {'/frame':>6}"
    )
    worst = 0.0
    for query in TYPING:
        alone = _timed(lambda query=query: index.search(query), rounds)
        shown = _timed(lambda query=query: _screen(index, query), rounds)
        result = index.search(query)
        hits = f"{len(result)}{'~' if result.fuzzy else ''}{'+' if result.overview else ''}"
        worst = max(worst, *shown)
        print(
            f"{query!r:28} {hits:>5}  {statistics.median(alone):6.2f} (max {max(alone):5.2f})"
            f" {statistics.median(alone) / floor:6.2f}"
            f"  {statistics.median(shown):6.2f} (max {max(shown):5.2f})"
            f" {statistics.median(shown) / FRAME_MS:6.2f}"
        )
    print()
    print(f"worst keystroke (search + screen): {worst:.2f} ms = {worst / FRAME_MS:.2f} frame")
    print("~ marks offers (typo corrections, roles, partial matches), + a match in the overview")


if __name__ == "__main__":
    main()
