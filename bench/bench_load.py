"""How long load_brief takes on a 10,000-item dossier, against PyYAML's C loader on the same text.

Usage: ``python bench/bench_load.py [ITEMS] [--runs N]``. Prints the floor (median of
``yaml.load(text, Loader=yaml.CSafeLoader)``), load_brief's median, their ratio, and the peak
memory of each measured with tracemalloc (in separate runs: tracing slows everything down).
The floor is measured in the same run, so the ratio holds on any machine. The target is 1.15.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dossier import make_dossier
from timing import median_ms

from briefing_tui.loader import load_brief


def peak_mib(run: Callable[[], object]) -> float:
    """Peak memory allocated while ``run`` runs, in MiB (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        result = run()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del result
    return peak / (1024 * 1024)


def without_gc(run: Callable[[], object]) -> Callable[[], object]:
    """``run`` with the cyclic garbage collector paused, as load_brief does."""

    def paused() -> object:
        gc.disable()
        try:
            return run()
        finally:
            gc.enable()

    return paused


def main(argv: list[str] | None = None) -> int:
    """Measure and print; exit status 1 when load_brief is over 1.15x the floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("items", type=int, nargs="?", default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    text = make_dossier(args.items)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dossier.yaml"
        path.write_text(text, encoding="utf-8")

        def floor() -> object:
            return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        def ours() -> object:
            return load_brief(path)

        counts = load_brief(path).counts()
        print(f"dossier: {args.items:,} items, {len(text.encode()):,} bytes, {counts}")
        del text  # nothing large stays alive to slow the collector down for either side
        gc.collect()
        floor_ms = median_ms(floor, args.runs)
        floor_nogc_ms = median_ms(without_gc(floor), args.runs)
        ours_ms = median_ms(ours, args.runs)
        ratio = ours_ms / floor_ms
        print(f"floor  yaml.load(CSafeLoader)        {floor_ms:8.1f} ms")
        print(f"floor  same, garbage collector off   {floor_nogc_ms:8.1f} ms")
        print(f"load_brief                           {ours_ms:8.1f} ms")
        print(f"ratio  load_brief / floor            {ratio:8.2f}   (target <= 1.15)")
        print(f"ratio  load_brief / floor without GC {ours_ms / floor_nogc_ms:8.2f}")
        print(f"peak memory: floor {peak_mib(floor):.1f} MiB, load_brief {peak_mib(ours):.1f} MiB")
    return 0 if ratio <= 1.15 else 1


if __name__ == "__main__":
    sys.exit(main())
