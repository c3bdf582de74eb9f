"""Moving through a list as a person feels it: from `j` to the change on screen.

In a real pseudo-terminal (120x40), `briefing` runs on a 40-item and a 10,000-item dossier with
the Agreements pane open; `j` is pressed once at a time, the screen quiet before each press.
For each press it times, from the key to when the bytes arrive:

  first change   the first bytes the program writes (the cursor row moving)
  settled        the last bytes before it stays quiet, the detail showing the new item

The floor is a bare Textual app whose `j` rewrites one line of text (bench/bare_app.py --move),
measured in the same run. Then `j` is held down (30 keys a second for 2 s, as a keyboard
repeats) and the time from the last key to the screen settling says whether keys queue up.

    python bench/bench_move.py [--runs 3] [--presses 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "bench"))

from dossier import make_dossier  # noqa: E402
from terminal import Terminal  # noqa: E402

COLUMNS, LINES = 120, 40
BARE = [sys.executable, str(ROOT / "bench" / "bare_app.py"), "--move"]
FRAME_MS = 1000 / 60
REPEAT_HZ, HOLD_SECONDS = 30, 2.0

Times = list[tuple[float, float]]


def fresh_settings() -> dict[str, str]:
    """A settings folder of its own for one run: the reader reopens a brief where the last run
    left it, which would change what is measured."""
    return {"BRIEFING_CONFIG_DIR": tempfile.mkdtemp(prefix="briefing-bench-")}


def briefing_command() -> list[str]:
    script = Path(sys.executable).parent / "briefing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing_tui"]


def started(argv: list[str], ready: tuple[str, ...], keys: str = "", shown: str = "") -> Terminal:
    """A program in a pty, on screen (`ready`), `keys` pressed until `shown` shows, quiet.
    Keys go out at once (pexpect otherwise waits 50 ms before each)."""
    terminal = Terminal(argv, columns=COLUMNS, lines=LINES, env=fresh_settings())
    terminal.child.delaybeforesend = None
    terminal.wait_for(*ready, timeout=60)
    if keys:
        terminal.press(keys)
        terminal.wait_for(shown, timeout=30)
    terminal.drain(0.5)
    return terminal


def press_and_time(terminal: Terminal, key: str, marker: str) -> tuple[float, float]:
    """Seconds from pressing `key` to the first and the last bytes written (once `marker` is on
    screen and the program has gone quiet)."""
    pressed = time.perf_counter()
    terminal.press(key)
    arrivals = terminal.drain()
    if not arrivals or marker not in terminal.text:
        raise RuntimeError(f"{marker!r} did not show after {key!r}:\n{terminal.text}")
    return arrivals[0] - pressed, arrivals[-1] - pressed


def move_times(argv: list[str], markers: list[str], ready: tuple[str, ...], pane: bool) -> Times:
    """(first change, settled) of `j` pressed once per marker, each marker what it shows."""
    keys, shown = ("2", "Agreement 1 of") if pane else ("", "")
    terminal = started(argv, ready, keys, shown)
    try:
        times = [press_and_time(terminal, "j", marker) for marker in markers]
        terminal.press("q")
        terminal.wait_exit()
    finally:
        terminal.close()
    return times


def held_lag(path: Path, total: int) -> tuple[float, int]:
    """`j` held down: seconds from the last repeat to the screen settled, and the keys sent."""
    count = min(int(REPEAT_HZ * HOLD_SECONDS), total - 1)
    terminal = started([*briefing_command(), str(path)], ("Overview", "Quit"), "2", "Agreement 1")
    try:
        for _ in range(count):
            sent = time.perf_counter()
            terminal.press("j")
            while time.perf_counter() < sent + 1 / REPEAT_HZ:
                terminal.pump(timeout=0.002)
        last = time.perf_counter()
        arrivals = terminal.drain()
        settled = arrivals[-1] if arrivals else terminal.read_at
        marker = f"Agreement {count + 1} of {total}"
        if marker not in terminal.text:
            raise RuntimeError(f"{marker!r} did not show:\n{terminal.text}")
        terminal.press("q")
        terminal.wait_exit()
    finally:
        terminal.close()
    return max(0.0, settled - last), count


def medians(times: Times) -> tuple[float, float]:
    """Median first change and settled, in ms."""
    first = statistics.median(t[0] for t in times) * 1000
    return first, statistics.median(t[1] for t in times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--presses", type=int, default=10)
    args = parser.parse_args()

    sizes = (40, 10_000)
    with tempfile.TemporaryDirectory() as folder:
        paths, agreements = {}, {}
        for items in sizes:
            paths[items] = Path(folder) / f"dossier-{items}.yaml"
            text = make_dossier(items)
            paths[items].write_text(text, encoding="utf-8")
            agreements[items] = text.split("\nquotes:")[0].count("\n  - id: ag")
        bare: Times = []
        moves: dict[int, Times] = {items: [] for items in sizes}
        presses = min(args.presses, *(count - 1 for count in agreements.values()))
        for _ in range(args.runs):  # alternate, so all see the same machine load
            rows = [f"row {n}" for n in range(1, presses + 1)]
            bare += move_times(BARE, rows, ("bare textual app",), pane=False)
            for items in sizes:
                total = agreements[items]
                markers = [f"Agreement {n} of {total}" for n in range(2, presses + 2)]
                argv = [*briefing_command(), str(paths[items])]
                moves[items] += move_times(argv, markers, ("Overview", "Quit"), pane=True)
        held = {items: held_lag(paths[items], agreements[items]) for items in sizes}

    floor, _ = medians(bare)
    print(f"`j` to the screen, pty {COLUMNS}x{LINES}, median of {len(bare)} presses")
    print(f"  bare Textual app, j rewrites a line (floor)   first change {floor:6.1f} ms")
    for items in sizes:
        first, settled = medians(moves[items])
        print(
            f"  {items:>6} items   first change {first:6.1f} ms (floor +{first - floor:5.1f} ms)"
            f"   settled {settled:6.1f} ms ({(settled - first) / FRAME_MS:.1f} frames later)"
        )
    print("  budget: first change within 16 ms of the floor; the detail one frame after it")
    for items in sizes:
        lag, count = held[items]
        print(
            f"  {items:>6} items, j held ({count} keys at {REPEAT_HZ}/s): "
            f"settled {lag * 1000:5.1f} ms after the last key"
        )


if __name__ == "__main__":
    main()
