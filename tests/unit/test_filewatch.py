"""The file watcher against real folders: every way editors save, and the ways files go away."""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from brief_text import MINIMAL

from briefing_tui import filewatch
from briefing_tui.filestate import FileState
from briefing_tui.filewatch import CHANGED, GONE, NOTICE, FileWatcher, WatchEvent
from briefing_tui.loader import load_brief

WAIT = 3.0  # the longest any expected event may take, even on a busy machine
QUIET = 0.15  # how long "nothing happens" is watched for: 3 quiet periods of the watcher


class Watching:
    """A FileWatcher iterated in a thread, its events collected in a queue."""

    def __init__(self, path: Path, **options: Any) -> None:
        self.watcher = FileWatcher(path, **options)
        self.events: queue.Queue[WatchEvent] = queue.Queue()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        for event in self.watcher:
            self.events.put(event)

    def next(self, timeout: float = WAIT) -> WatchEvent:
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"no event within {timeout} s")

    def quiet(self, seconds: float = QUIET) -> list[WatchEvent]:
        """The events that come within `seconds` (expected: none)."""
        time.sleep(seconds)
        found = []
        while not self.events.empty():
            found.append(self.events.get())
        return found

    def settle(self) -> list[WatchEvent]:
        """Every event until the watcher has been quiet for QUIET seconds."""
        found = [self.next()]
        while True:
            try:
                found.append(self.events.get(timeout=QUIET))
            except queue.Empty:
                return found

    def __enter__(self) -> Watching:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def stop(self) -> float:
        """Stop the watcher; how long its iteration took to end."""
        start = time.perf_counter()
        self.watcher.stop()
        self.thread.join(WAIT)
        assert not self.thread.is_alive(), "the watcher did not stop"
        return time.perf_counter() - start


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    path = tmp_path / "notes" / "brief.yaml"
    path.parent.mkdir()
    path.write_text(MINIMAL, encoding="utf-8")
    return path


@pytest.fixture
def watching(brief: Path) -> Iterator[Watching]:
    with Watching(brief) as running:
        yield running


def changed_to(brief: Path, text: str) -> str:
    return MINIMAL.replace("Harbour talks", text)


def test_a_write_in_place_is_one_change_and_the_new_text_is_there_to_load(
    brief: Path, watching: Watching
) -> None:
    brief.write_text(changed_to(brief, "Port talks"), encoding="utf-8")
    assert watching.next() == WatchEvent(CHANGED)
    assert load_brief(brief).title == "Port talks"


def test_a_vim_save_is_one_change_never_gone(brief: Path, watching: Watching) -> None:
    # vim (backupcopy=auto): swap file, the brief renamed to a backup, the new brief written.
    swap, backup = brief.with_name(".brief.yaml.swp"), brief.with_name("brief.yaml~")
    swap.write_bytes(b"swap")
    brief.rename(backup)
    brief.write_text(changed_to(brief, "Port talks"), encoding="utf-8")
    backup.unlink()
    swap.unlink()
    # One change; on a busy machine the steps may fall in two bursts, so two: never "gone", and
    # the last state the watcher reports is the new file's.
    events = watching.settle()
    assert set(events) == {WatchEvent(CHANGED)}
    assert 1 <= len(events) <= 2
    assert watching.watcher.state == FileState.of(brief)
    assert load_brief(brief).title == "Port talks"


def test_an_atomic_save_is_one_change(brief: Path, watching: Watching) -> None:
    # VS Code, JetBrains, `briefing export`: a temporary file renamed over the brief.
    temporary = brief.with_name(".brief.yaml.tmp1234")
    temporary.write_text(changed_to(brief, "Port talks"), encoding="utf-8")
    os.replace(temporary, brief)
    assert watching.settle() == [WatchEvent(CHANGED)]


def test_saves_in_a_row_end_on_the_last_version(brief: Path, watching: Watching) -> None:
    brief.write_text(changed_to(brief, "First"), encoding="utf-8")
    brief.write_text(changed_to(brief, "Second"), encoding="utf-8")
    events = watching.settle()
    assert set(events) == {WatchEvent(CHANGED)}
    assert 1 <= len(events) <= 2
    assert watching.watcher.state == FileState.of(brief)
    assert load_brief(brief).title == "Second"


def test_a_save_after_an_event_is_another_event(brief: Path, watching: Watching) -> None:
    for title in ("First", "Second", "Third"):
        brief.write_text(changed_to(brief, title), encoding="utf-8")
        assert watching.next() == WatchEvent(CHANGED)
        assert load_brief(brief).title == title


def test_a_long_run_of_writes_ends_with_an_event_for_the_final_text(
    brief: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filewatch, "BURST_MS", 200)
    with Watching(brief) as watching:
        deadline = time.monotonic() + 0.3
        count = 0
        while time.monotonic() < deadline:  # writes 20 ms apart, for longer than a burst lasts
            count += 1
            brief.write_text(changed_to(brief, f"Version {count}"), encoding="utf-8")
            time.sleep(0.02)
        events = watching.settle()
        assert set(events) == {WatchEvent(CHANGED)}
        assert len(events) < count
        assert watching.watcher.state == FileState.of(brief)


def test_touching_or_reading_the_file_is_no_change(brief: Path, watching: Watching) -> None:
    os.utime(brief)
    load_brief(brief)
    brief.read_bytes()
    assert watching.quiet() == []
    brief.write_text(changed_to(brief, "Port talks"), encoding="utf-8")
    assert watching.next() == WatchEvent(CHANGED)


def test_saving_the_same_text_again_is_no_change(brief: Path, watching: Watching) -> None:
    temporary = brief.with_name(".brief.yaml.tmp")
    temporary.write_bytes(brief.read_bytes())
    os.replace(temporary, brief)
    assert watching.quiet() == []


def test_deleted_is_gone_and_recreated_is_a_change(brief: Path, watching: Watching) -> None:
    brief.unlink()
    assert watching.next() == WatchEvent(GONE)
    brief.write_text(MINIMAL, encoding="utf-8")
    assert watching.next() == WatchEvent(CHANGED)


def test_renamed_away_is_gone_and_renamed_back_a_change(brief: Path, watching: Watching) -> None:
    brief.rename(brief.with_name("brief-old.yaml"))
    assert watching.next() == WatchEvent(GONE)
    brief.with_name("brief-old.yaml").rename(brief)
    assert watching.next() == WatchEvent(CHANGED)


def test_the_folder_removed_and_made_again_is_gone_then_a_change(
    brief: Path, watching: Watching
) -> None:
    shutil.rmtree(brief.parent)
    assert watching.next() == WatchEvent(GONE)
    brief.parent.mkdir()
    brief.write_text(MINIMAL, encoding="utf-8")
    assert watching.next() == WatchEvent(CHANGED)
    brief.write_text(changed_to(brief, "Port talks"), encoding="utf-8")  # the new folder too
    assert watching.next() == WatchEvent(CHANGED)


def test_a_change_while_the_brief_loads_is_reported(brief: Path) -> None:
    baseline = FileState.of(brief)  # taken before the load, as the reader does
    brief.write_text(changed_to(brief, "Port talks"), encoding="utf-8")
    with Watching(brief, baseline=baseline) as running:
        assert running.next() == WatchEvent(CHANGED)


def test_a_brief_opened_through_a_link_follows_its_target(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "real.yaml"
    target.parent.mkdir()
    target.write_text(MINIMAL, encoding="utf-8")
    link = tmp_path / "brief.yaml"
    link.symlink_to(target)
    with Watching(link) as running:
        target.write_text(changed_to(target, "Port talks"), encoding="utf-8")
        assert running.next() == WatchEvent(CHANGED)
        other = tmp_path / "other" / "real.yaml"  # the link pointed elsewhere
        other.parent.mkdir()
        other.write_text(changed_to(other, "Ferry talks"), encoding="utf-8")
        link.unlink()
        link.symlink_to(other)
        assert running.next() == WatchEvent(CHANGED)
        other.write_text(changed_to(other, "Bridge talks"), encoding="utf-8")
        assert running.next() == WatchEvent(CHANGED)


def test_a_fifo_in_place_of_the_file_is_a_change_and_never_blocks(
    brief: Path, watching: Watching
) -> None:
    brief.unlink()
    os.mkfifo(brief)
    assert WatchEvent(CHANGED) in watching.settle()
    assert FileState.of(brief).content.startswith("unreadable: not a regular file")
    assert watching.stop() < 1.0


def test_stop_ends_the_iteration_promptly(watching: Watching) -> None:
    time.sleep(0.1)  # the watch is up and waiting
    assert watching.stop() < 0.5


def polls_and_says(brief: Path, says: str) -> None:
    """The watcher's first event is a notice that it polls, and a save is still seen."""
    with Watching(brief) as running:
        notice = running.next()
        assert notice.kind == NOTICE
        assert says in notice.message
        assert "\n" not in notice.message
        time.sleep(0.1)  # the first look is over: the change is found by polling
        brief.write_text(changed_to(brief, "Port talks"), encoding="utf-8")
        assert running.next() == WatchEvent(CHANGED)


def test_polls_and_says_so_where_changes_are_not_notified(
    brief: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reason = "it is on a nfs4 file system, which does not report changes made elsewhere"
    monkeypatch.setattr(filewatch, "polling_reason", lambda folder: reason)
    monkeypatch.setattr(filewatch, "POLL_MS", 100)
    polls_and_says(brief, f"by polling every 0.1 s: {reason}")


def test_falls_back_to_polling_when_notifications_fail(
    brief: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_watch = filewatch.watchfiles.watch

    def no_inotify(*paths: Any, force_polling: bool | None = None, **options: Any) -> Any:
        if not force_polling:
            raise OSError(28, "OS file watch limit reached")
        return real_watch(*paths, force_polling=force_polling, **options)

    monkeypatch.setattr(filewatch.watchfiles, "watch", no_inotify)
    monkeypatch.setattr(filewatch, "POLL_MS", 100)
    polls_and_says(brief, "notifications failed: [Errno 28] OS file watch limit reached")


def test_a_watcher_never_stopped_does_not_keep_the_program_running(brief: Path) -> None:
    # A thread worker runs in an executor whose threads are joined at exit.
    script = textwrap.dedent(
        f"""
        from concurrent.futures import ThreadPoolExecutor
        from briefing_tui.filewatch import FileWatcher
        pool = ThreadPoolExecutor(1)
        pool.submit(lambda: list(FileWatcher({str(brief)!r})))
        print("main done", flush=True)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=10
    )
    assert result.stdout == "main done\n"
    assert result.returncode == 0


PERMISSIONS = """
import os, queue, sys, threading
from briefing_tui.filewatch import FileWatcher
path = sys.argv[1]
with open(path, "w") as brief:  # the user's own file, as only its owner may chmod it
    brief.write("brief: 1\\n")
watcher, events = FileWatcher(path), queue.Queue()
threading.Thread(target=lambda: [events.put(e.kind) for e in watcher], daemon=True).start()
for mode in (0o000, 0o644):
    os.chmod(path, mode)
    print(events.get(timeout=3), open(path).readline().strip() if mode else "-", flush=True)
watcher.stop()
"""


def test_losing_and_regaining_the_right_to_read_are_changes() -> None:
    # Root reads anything: the watcher runs as an ordinary user where the tests run as root.
    as_user: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("needs setpriv to drop root")
        as_user = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    folder = Path(tempfile.mkdtemp(prefix="briefing-permissions-"))
    try:
        folder.chmod(0o777)
        path = folder / "brief.yaml"
        result = subprocess.run(
            [*as_user, sys.executable, "-c", PERMISSIONS, str(path)],
            capture_output=True,
            text=True,
            timeout=20,
            cwd=folder,
        )
        if as_user and ("ModuleNotFoundError" in result.stderr or "setpriv:" in result.stderr):
            pytest.skip("an ordinary user cannot run this Python or import the package")
        assert result.stdout.splitlines() == ["changed -", "changed brief: 1"], result.stderr
    finally:
        shutil.rmtree(folder)
