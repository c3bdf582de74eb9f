"""Writes killed at random moments (SIGKILL, SIGTERM) leave the old file or the new one, whole.

Each round starts a process that replaces a file with `write_text_atomic` and kills it after a
random delay. The folder then holds the target with either its old or its new contents, nothing
else (a temporary file left by a kill between naming it and moving it into place is removed by
the next write, which the test checks too). BRIEFING_LONG_TESTS=1 runs ten times as many rounds.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from briefing_tui.files import write_text_atomic

ROUNDS = 400 if os.environ.get("BRIEFING_LONG_TESTS") == "1" else 40
OLD = "old\n" * 200_000
NEW = "new\n" * 200_000

WRITER = """
import sys
from pathlib import Path
from briefing_tui.files import write_text_atomic
print("ready", flush=True)
write_text_atomic(Path(sys.argv[1]), "new\\n" * 200_000, replace=True)
"""


def test_killed_writes_leave_the_old_or_the_new_file_and_nothing_else(tmp_path: Path) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    target = tmp_path / "out.md"
    outcomes = {"old": 0, "new": 0}
    for round_number in range(ROUNDS):
        target.write_text(OLD)
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0, 0.03))
        child.send_signal(rng.choice([signal.SIGKILL, signal.SIGTERM]))
        child.wait()
        child.stdout.close()
        context = f"seed {seed}, round {round_number}"
        contents = target.read_text()
        assert contents in (OLD, NEW), context
        outcomes["old" if contents == OLD else "new"] += 1
        others = sorted(p.name for p in tmp_path.iterdir() if p != target)
        if others:  # killed between naming the file and moving it: the next write clears it
            write_text_atomic(tmp_path / "next.md", "x", replace=True)
            (tmp_path / "next.md").unlink()
            assert sorted(p.name for p in tmp_path.iterdir() if p != target) == [], context
    print(f"killed writes: {ROUNDS} rounds, seed {seed}: {outcomes}")
