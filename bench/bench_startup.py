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
import gc
import statistics
import subprocess
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
# First paint: the header and the body are on screen. Textual draws the footer's keys a frame or
# two later in every app (bare included), once the bindings have settled: that is "ready".
BARE_MARKERS = ("bare textual app",)
SUMMIT_MARKERS = ("Japan", "People", "Prime Minister")
DOSSIER_MARKERS = ("Overview", "People")
READY_MARKER = "Quit"


def fresh_settings() -> dict[str, str]:
    """A settings folder of its own for one run: the reader reopens a brief where the last run
    left it, which would change what is measured."""
    return {"BRIEFING_CONFIG_DIR": tempfile.mkdtemp(prefix="briefing-bench-")}


def briefing_command() -> list[str]:
    script = Path(sys.executable).parent / "briefing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing_tui"]


def first_paint(argv: list[str], markers: tuple[str, ...]) -> tuple[float, float, int]:
    """Seconds until all `markers` are on screen, until the footer is, and peak memory (KiB)."""
    terminal = Terminal(argv, env=fresh_settings())
    try:
        seconds = terminal.wait_for(*markers, timeout=60)
        ready = terminal.wait_for(READY_MARKER, timeout=60)
        memory = terminal.peak_memory_kib()
        terminal.press("q")
        terminal.wait_exit()
    finally:
        terminal.close()
    return seconds, ready, memory


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

        programs = {
            "bare": (BARE, BARE_MARKERS),
            "summit": (briefing_command(), SUMMIT_MARKERS),
            "dossier": ([*briefing_command(), str(big)], DOSSIER_MARKERS),
        }
        first_paint(BARE, BARE_MARKERS)  # warm the file cache
        runs: dict[str, list[tuple[float, float, int]]] = {name: [] for name in programs}
        for _ in range(args.runs):
            for name, (argv, markers) in programs.items():
                runs[name].append(first_paint(argv, markers))
        parse = parse_seconds(text, args.runs)
        gc.disable()
        parse_no_gc = parse_seconds(text, args.runs)
        gc.enable()
        child_mb = loader_peak_mb(big)

    paint, ready, memory = (
        {name: statistics.median(run[i] for run in results) for name, results in runs.items()}
        for i in range(3)
    )
    floor = paint["bare"] + parse
    print(
        f"bare Textual app    first paint {paint['bare'] * 1000:6.0f} ms   "
        f"ready {ready['bare'] * 1000:6.0f} ms"
    )
    print(
        f"summit brief        first paint {paint['summit'] * 1000:6.0f} ms   ready "
        f"{ready['summit'] * 1000:6.0f} ms   ratio {paint['summit'] / paint['bare']:.2f}x "
        f"(ready {ready['summit'] / ready['bare']:.2f}x)   budget 1.25x"
    )
    print(
        f"PyYAML C parse      {args.items} items, {len(text) / 1e6:.1f} MB: {parse * 1000:.0f} ms "
        f"({parse_no_gc * 1000:.0f} ms with the garbage collector off)"
    )
    print(
        f"{args.items}-item brief   first paint {paint['dossier'] * 1000:6.0f} ms   "
        f"ratio {paint['dossier'] / floor:.2f}x of bare + parse "
        f"({paint['dossier'] / (paint['bare'] + parse_no_gc):.2f}x of bare + parse without "
        "collector)   budget 1.30x"
    )
    print(
        f"peak memory         {(memory['dossier'] - memory['bare']) / 1024:.0f} MB above the bare "
        f"app at {args.items} items (budget 150 MB); the loading child, which exits before the "
        f"first paint, peaks at {child_mb:.0f} MB"
    )


def loader_peak_mb(path: Path) -> float:
    """Peak resident memory of a process that only loads the brief at `path`, in MB."""
    code = (
        "import resource, sys; from briefing_tui.loader import load_brief; "
        "load_brief(sys.argv[1]); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    return int(result.stdout) / 1024


if __name__ == "__main__":
    main()
