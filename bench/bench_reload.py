"""Live reload: how long from a save of the brief to the reader showing the new version.

Part 1, in process, on the summit brief and on a 10,000-item dossier: a FileWatcher runs in a
thread as it will in the reader; each run saves a changed brief (in place, then as editors do:
a temporary file renamed over it) and times the save to the watcher's event, and the save to
a loaded Brief (event + reload_brief). The floor is PyYAML's C loader on the same text with
the collector paused, as bench_load.py measures it. Also the cost of finding an item's line
for ``E`` (item_position) on each.

Part 2: the watcher's CPU use while nothing changes (should be about nothing).

Part 3, in a real pseudo-terminal (tests/e2e/terminal.py), on both briefs: save to screen, the
time from a save until the reader's header shows the new title, against part 1's save -> Brief
of the same file as the floor (what the screen adds: swapping in the new version and drawing).

    python bench/bench_reload.py [--runs 9] [--idle 5]
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "e2e"))
from bench_load import without_gc
from dossier import make_dossier
from timing import median_ms

from briefing_tui.editor import item_position
from briefing_tui.filewatch import CHANGED, FileWatcher, WatchEvent
from briefing_tui.model import Brief
from briefing_tui.reload import reload_brief
from briefing_tui.resources import SUMMIT_BRIEF, bundled

Save = Callable[[Path, str], None]
TITLE = re.compile(r"^title: .*$", re.MULTILINE)


def save_in_place(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def save_by_rename(path: Path, text: str) -> None:
    """As vim, VS Code and JetBrains save: a new file renamed over the old one."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


class Watched:
    """A FileWatcher iterating in a thread, its events in a queue."""

    def __init__(self, path: Path) -> None:
        self.watcher = FileWatcher(path)
        self.events: queue.Queue[WatchEvent] = queue.Queue()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        time.sleep(0.2)  # the watch is up

    def _run(self) -> None:
        for event in self.watcher:
            self.events.put(event)

    def stop(self) -> None:
        self.watcher.stop()
        self.thread.join()


def time_saves(path: Path, text: str, save: Save, runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds from each save to its event, and to the new Brief loaded."""
    watched = Watched(path)
    to_event, to_brief = [], []
    try:
        for run in range(runs):
            title = f"Reload run {run} {save.__name__}"
            start = time.perf_counter()
            save(path, TITLE.sub(f"title: {title}", text, count=1))
            event = watched.events.get(timeout=10)
            to_event.append((time.perf_counter() - start) * 1000)
            brief = reload_brief(path)
            to_brief.append((time.perf_counter() - start) * 1000)
            assert event.kind == CHANGED and isinstance(brief, Brief) and title in brief.title
            time.sleep(0.1)  # the next save is a separate burst
    finally:
        watched.stop()
    return to_event, to_brief


def report(name: str, path: Path, text: str, runs: int) -> dict[str, float]:
    """Print the in-process figures; return the median save -> Brief by way of saving."""

    def parse() -> object:
        return yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)

    floor = median_ms(without_gc(parse), runs)  # as load_brief runs: the collector paused
    to_brief_ms = {}
    print(f"\n{name}: {len(text.encode()):,} bytes")
    print(f"  floor   yaml.load(CSafeLoader), no GC {floor:8.1f} ms")
    for save in (save_in_place, save_by_rename):
        to_event, to_brief = time_saves(path, text, save, runs)
        event_ms, brief_ms = statistics.median(to_event), statistics.median(to_brief)
        to_brief_ms[save.__name__] = brief_ms
        worst = max(to_event)
        print(f"  {save.__name__:15} save -> event        {event_ms:8.1f} ms  (max {worst:.1f})")
        print(
            f"  {save.__name__:15} save -> Brief        {brief_ms:8.1f} ms"
            f"  ({brief_ms / floor:.2f}x the floor, {brief_ms - event_ms:.1f} ms loading)"
        )
    section = "quotes"
    position_ms = median_ms(lambda: item_position(path, section, 3), runs)
    print(f"  E: item_position({section}[3])          {position_ms:8.1f} ms")
    return to_brief_ms


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def idle_cpu(path: Path, seconds: float) -> None:
    """CPU used by this process over `seconds` of nothing changing, without and with a watcher."""
    start, began = cpu_seconds(), time.perf_counter()
    time.sleep(seconds)
    bare = (cpu_seconds() - start) / (time.perf_counter() - began)
    watched = Watched(path)
    try:
        start, began = cpu_seconds(), time.perf_counter()
        time.sleep(seconds)
        watching = (cpu_seconds() - start) / (time.perf_counter() - began)
    finally:
        watched.stop()
    print(f"\nidle CPU over {seconds:g} s (one core = 1000 ms/s)")
    print(f"  floor   this process, no watcher     {bare * 1000:8.2f} ms/s")
    print(f"  with a FileWatcher                   {watching * 1000:8.2f} ms/s")


def briefing_command() -> list[str]:
    script = Path(sys.executable).parent / "briefing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing_tui"]


def screen_latency(path: Path, text: str, runs: int, floors: dict[str, float]) -> None:
    """Save to screen in a real pty (120x40): `briefing PATH` runs; each run saves the brief
    with a new title (in place, then by rename) and times the save until the header shows it.
    Printed against `floors`, the in-process save -> Brief of the same file and way of saving
    measured above (the watcher and the loader, no screen)."""
    from terminal import Terminal

    settings = {"BRIEFING_CONFIG_DIR": tempfile.mkdtemp(prefix="briefing-bench-")}
    path.write_text(text, encoding="utf-8")
    terminal = Terminal([*briefing_command(), str(path)], columns=120, lines=40, env=settings)
    print(f"\nsave -> screen in a pty, 120x40 ({path.name})")
    try:
        terminal.wait_for("Overview", timeout=60)
        time.sleep(0.5)  # the watch is up, the first frames are drawn
        for save in (save_in_place, save_by_rename):
            times = []
            for run in range(runs):
                title = f"Reload run {run} {save.__name__}"
                started = time.perf_counter()
                save(path, TITLE.sub(f"title: {title}", text, count=1))
                while title not in terminal.screen.display[0]:
                    if time.perf_counter() > started + 20:
                        raise TimeoutError(f"{title!r} never showed:\n{terminal.text}")
                    terminal.pump(timeout=0.005)
                times.append((terminal.read_at - started) * 1000)
                time.sleep(0.1)  # the next save is a separate burst
            shown, floor = statistics.median(times), floors[save.__name__]
            print(
                f"  {save.__name__:15} save -> screen       {shown:8.1f} ms  (max {max(times):.1f};"
                f" {shown / floor:.2f}x the save -> Brief floor, {shown - floor:.1f} ms drawing)"
            )
        terminal.press("q")
        terminal.wait_exit(timeout=30)
    finally:
        terminal.close()


def main(argv: list[str] | None = None) -> int:
    """Measure and print; always exit status 0 (the figures are indicative)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--idle", type=float, default=5.0, help="seconds of idle CPU measured")
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        summit = Path(folder) / "summit" / "brief.yaml"
        dossier = Path(folder) / "dossier" / "dossier.yaml"
        briefs = (
            (summit, (bundled("briefs") / SUMMIT_BRIEF).read_text(encoding="utf-8")),
            (dossier, make_dossier(args.items)),
        )
        floors = {}
        for path, text in briefs:
            path.parent.mkdir()
            path.write_text(text, encoding="utf-8")
            floors[path] = report(path.name, path, text, args.runs)
        idle_cpu(summit, args.idle)
        for path, text in briefs:
            screen_latency(path, text, args.runs, floors[path])
    return 0


if __name__ == "__main__":
    sys.exit(main())
