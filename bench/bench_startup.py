"""Time to first paint and peak memory of `briefing`, as ratios against a bare Textual app.

Both programs run in a real pseudo-terminal (120x40) in the same run, alternately; a program has
painted when its marker text is on the pyte screen. Figures are medians.

    python bench/bench_startup.py [--runs 7] [--items 10000]

Prints:
  summit   first paint vs the bare app               (budget 1.25x)
  10k      first paint vs bare app + PyYAML C parse  (budget 1.30x)
  memory   peak RSS at 10k items minus the bare app's (budget 150 MB)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "bench"))

from dossier import make_dossier  # noqa: E402
from terminal import Terminal  # noqa: E402

BARE = [sys.executable, str(ROOT / "bench" / "bare_app.py")]
# A program has painted when its text and its footer (the last line drawn) are both on screen.
BARE_MARKERS = ("bare textual app", "Quit")
SUMMIT_MARKERS = ("Japan", "Quit")
DOSSIER_MARKERS = ("Overview", "Quit")


def briefing_command() -> list[str]:
    script = Path(sys.executable).parent / "briefing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing_tui"]


def first_paint(argv: list[str], markers: tuple[str, ...]) -> tuple[float, int]:
    """Seconds until all `markers` are on screen, and peak memory (KiB) at that moment."""
    terminal = Terminal(argv)
    try:
        seconds = terminal.wait_for(*markers, timeout=60)
        memory = terminal.peak_memory_kib()
        terminal.press("q")
        terminal.wait_exit()
    finally:
        terminal.close()
    return seconds, memory


def parse_seconds(text: str, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        yaml.load(text, Loader=yaml.CSafeLoader)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "dossier.yaml"
        text = make_dossier(args.items)
        big.write_text(text, encoding="utf-8")

        first_paint(BARE, BARE_MARKERS)  # warm the file cache
        bare, summit, dossier = [], [], []
        bare_mem, dossier_mem = [], []
        for _ in range(args.runs):
            seconds, memory = first_paint(BARE, BARE_MARKERS)
            bare.append(seconds)
            bare_mem.append(memory)
            summit.append(first_paint(briefing_command(), SUMMIT_MARKERS)[0])
            seconds, memory = first_paint([*briefing_command(), str(big)], DOSSIER_MARKERS)
            dossier.append(seconds)
            dossier_mem.append(memory)
        parse = parse_seconds(text, args.runs)

    bare_s, summit_s, dossier_s = (statistics.median(x) for x in (bare, summit, dossier))
    floor_10k = bare_s + parse
    extra_mb = (statistics.median(dossier_mem) - statistics.median(bare_mem)) / 1024
    print(f"bare Textual app first paint   {bare_s * 1000:8.0f} ms")
    print(f"PyYAML C parse, {args.items} items  {parse * 1000:8.0f} ms  ({len(text) / 1e6:.1f} MB)")
    print(
        f"summit first paint             {summit_s * 1000:8.0f} ms  ratio {summit_s / bare_s:.2f}x"
    )
    print(
        f"{args.items}-item first paint      {dossier_s * 1000:8.0f} ms  "
        f"ratio {dossier_s / floor_10k:.2f}x of bare + parse"
    )
    print(f"peak memory above bare app     {extra_mb:8.0f} MB")


if __name__ == "__main__":
    main()
