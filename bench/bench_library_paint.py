"""`briefing DIR` on a library of 500 briefs against `briefing ONE.yaml` on one brief of the same
items: time until the library's list, or the brief's Overview, is on screen in a real terminal.

Both run in a pseudo-terminal (120x40) alternately, each with a settings folder of its own;
figures are medians. The briefs are bench_library.py's (40 items each, their own titles, dates
and places); the one brief holds as many items (20,000: 7.4 MB, under the loader's 8 MiB).

    python bench/bench_library_paint.py [--briefs 500] [--items 40] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_library import make_library  # noqa: E402
from bench_startup import briefing_command, first_paint  # noqa: E402
from dossier import make_dossier  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--briefs", type=int, default=500)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "library"
        library.mkdir()
        size = make_library(library, args.briefs, args.items)
        one = Path(folder) / "one.yaml"
        text = make_dossier(args.briefs * args.items)
        one.write_text(text, encoding="utf-8")
        programs = {
            "library": ([*briefing_command(), str(library)], (f"{args.briefs} briefs", "Date")),
            "one brief": ([*briefing_command(), str(one)], ("Overview", "People")),
        }
        paints: dict[str, list[float]] = {name: [] for name in programs}
        readies: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(args.runs):
            for name, (argv, markers) in programs.items():
                paint, ready, _ = first_paint(argv, markers)
                paints[name].append(paint)
                readies[name].append(ready)
    library_ms = statistics.median(paints["library"]) * 1000
    one_ms = statistics.median(paints["one brief"]) * 1000
    print(
        f"{args.briefs} briefs, {size / 1e6:.1f} MB, against one brief of {len(text) / 1e6:.1f} MB"
    )
    print(f"library   first paint {library_ms:6.0f} ms")
    print(f"one brief first paint {one_ms:6.0f} ms")
    print(f"ratio {library_ms / one_ms:.2f}x (1.00: as fast as the one brief)")


if __name__ == "__main__":
    main()
