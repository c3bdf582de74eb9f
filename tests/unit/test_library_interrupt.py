"""Ctrl-C while a large library loads in worker processes: a clean exit, no worker left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from library_briefs import brief_text, write

SCRIPT = """
import os
import sys
from briefing_tui.library import open_library
from briefing_tui.library.loading import choose

def progress(done, total, name):
    print(f"{done}/{total}", flush=True)

def main():
    files = [os.path.join(sys.argv[1], name) for name in os.listdir(sys.argv[1])]
    print(choose(files, "processes"), flush=True)
    try:
        open_library([sys.argv[1]], progress=progress, strategy="processes")
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        sys.exit(130)
    print("finished", flush=True)

if __name__ == "__main__":
    main()
"""


def processes_naming(token: str) -> list[int]:
    """Processes whose command line mentions ``token``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and token in (entry / "cmdline").read_bytes().decode():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_ctrl_c_during_loading_exits_cleanly_and_stops_every_worker(tmp_path: Path) -> None:
    library = tmp_path / "library-being-interrupted"
    agreements = [f"Agreement number {n} on ports" for n in range(1500)]
    for number in range(60):
        write(
            library,
            f"b{number:02d}.yaml",
            brief_text(f"B{number}", "2024-01-01", agreements=agreements),
        )
    script = tmp_path / "load.py"
    script.write_text(SCRIPT, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(script), str(library)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, which Ctrl-C in a terminal signals whole
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "processes\n"
    first = process.stdout.readline()
    assert first.endswith("/60\n"), first
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130, (out, err)
    assert "interrupted" in out
    assert "finished" not in out
    assert "Traceback" not in err, err
    assert "KeyboardInterrupt" not in err, err
    deadline = time.monotonic() + 5
    while processes_naming(str(library)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert processes_naming(str(library)) == []
