"""Where loading a brief in a forked child pays: time to "brief loaded and Textual imported".

Usage: ``python bench/bench_preload.py [--runs N]``. For briefs of growing size (the summit
brief, then dossiers), a fresh interpreter measures from just before the brief is asked for to
the moment both the brief and the app module are ready, once with the brief loaded in a forked
child while Textual is imported (``Preload(path, fork=True)``) and once loading it in-process
(``fork=False``), the two alternating. Prints both medians and their difference. Measured so far:
no size below which loading in-process wins when a CPU is free (the child takes the loader's
import off the parent too), and no size at which forking wins when every CPU is busy; so
preload forks when the load average leaves a CPU free (preload.cpu_free), whatever the size.
Run it on a quiet machine, and once more with the CPUs kept busy, to see both.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dossier import make_dossier

ROOT = Path(__file__).resolve().parents[1]
SUMMIT = ROOT / "briefs" / "eu-japan-summit-2023.yaml"

PROBE = """
import sys, time
start = time.perf_counter()
from briefing_tui.collector import pause_for_start
pause_for_start()
from briefing_tui.preload import Preload
with Preload(sys.argv[1], fork=sys.argv[2] == "fork") as preload:
    import briefing_tui.app
    preload.result()
print((time.perf_counter() - start) * 1000)
"""


def ready_ms(path: Path, runs: int) -> tuple[float, float]:
    """Median milliseconds from start to brief and app ready, in fresh interpreters, loading
    in-process and in a child; the two alternate, so a busy moment slows both alike."""
    times: dict[str, list[float]] = {"plain": [], "fork": []}
    for _ in range(runs + 1):
        for mode, found in times.items():
            out = subprocess.run(
                [sys.executable, "-c", PROBE, str(path), mode],
                capture_output=True,
                text=True,
                check=True,
            )
            found.append(float(out.stdout))
    return statistics.median(times["plain"][1:]), statistics.median(times["fork"][1:])


def main(argv: list[str] | None = None) -> int:
    """Measure and print one row per brief size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        briefs = [("summit", SUMMIT)]
        for items in (100, 200, 300, 500, 1000, 3000, 10000):
            path = Path(folder) / f"dossier-{items}.yaml"
            path.write_text(make_dossier(items), encoding="utf-8")
            briefs.append((f"{items} items", path))
        print(f"{'brief':12} {'bytes':>10} {'in-process':>11} {'forked':>9} {'fork gains':>11}")
        for label, path in briefs:
            plain, forked = ready_ms(path, args.runs)
            size = path.stat().st_size
            print(f"{label:12} {size:10,} {plain:9.1f}ms {forked:7.1f}ms {plain - forked:9.1f}ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
