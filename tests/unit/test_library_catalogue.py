"""A library's entries: newest first, invalid files listed with their first error, and loading
that reports progress, can be cancelled, and never lets one bad file stop the others."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from library_briefs import brief_text, write

from briefing_tui.library import LoadCancelled, load_all, loading, open_library
from briefing_tui.library.catalogue import Library
from briefing_tui.library.loading import choose, load_one
from briefing_tui.loader import MAX_BRIEF_BYTES


def children() -> list[int]:
    """The processes this one started that still exist (unreaped ones included)."""
    found: list[int] = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        found += [int(pid) for pid in (task / "children").read_text().split()]
    return found


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(tmp_path, "old.yaml", brief_text("Old talks", "2019-05-01", location="Oslo"))
    write(tmp_path, "b-same-day.yaml", brief_text("Beta summit", "2024-06-01"))
    write(tmp_path, "a-same-day.yaml", brief_text("Beta summit", "2024-06-01"))
    write(tmp_path, "alpha.yaml", brief_text("Alpha summit", "2024-06-01"))
    write(
        tmp_path,
        "new.yml",
        brief_text("G7", "2025-02-03", agreements=["Grid pact", "Port deal"], location="Bari"),
    )
    write(tmp_path, "zz-broken.yaml", "brief: 1\ntitel: x\nsummary: [\n")
    write(tmp_path, "mistakes.yaml", "brief: 1\ntitel: Typo\n")
    return tmp_path


def test_entries_are_newest_first_then_by_title_then_path_invalid_last(folder: Path) -> None:
    library = open_library([folder])
    listed = [(entry.path.name, entry.title, str(entry.date)) for entry in library.entries]
    assert listed == [
        ("new.yml", "G7", "2025-02-03"),
        ("alpha.yaml", "Alpha summit", "2024-06-01"),
        ("a-same-day.yaml", "Beta summit", "2024-06-01"),
        ("b-same-day.yaml", "Beta summit", "2024-06-01"),
        ("old.yaml", "Old talks", "2019-05-01"),
        ("mistakes.yaml", None, "None"),
        ("zz-broken.yaml", None, "None"),
    ]
    newest = library.entries[0]
    assert newest.location == "Bari"
    assert newest.counts == {"agreements": 2, "quotes": 0, "analysis": 0, "questions": 0}


def test_an_invalid_brief_is_listed_with_its_first_error_and_how_many_more(folder: Path) -> None:
    library = open_library([folder])
    mistakes = next(entry for entry in library.invalid if entry.path.name == "mistakes.yaml")
    assert not mistakes.valid
    assert mistakes.error is not None
    assert str(mistakes.error).startswith(f"{folder / 'mistakes.yaml'}:1:1: error: $: missing")
    assert mistakes.error_count > 2
    assert mistakes.more_errors == mistakes.error_count - 1
    broken = next(entry for entry in library.invalid if entry.path.name == "zz-broken.yaml")
    assert broken.error is not None
    assert broken.error.line is not None


def test_workers_and_one_after_the_other_list_the_same_library(folder: Path) -> None:
    paths = [os.fspath(path) for path in folder.iterdir()]
    assert choose(paths, "processes") == "processes"
    sequential = open_library([folder], strategy="sequential")
    parallel = open_library([folder], strategy="processes")
    assert parallel.entries == sequential.entries
    assert [brief.title for _, brief in parallel.held()] == [
        brief.title for _, brief in sequential.held()
    ]
    assert children() == []


def test_a_huge_file_and_an_unreadable_one_do_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "good.yaml", brief_text("Talks", "2024-01-01"))
    with open(tmp_path / "huge.yaml", "wb") as huge:
        huge.truncate(MAX_BRIEF_BYTES + 1)  # sparse: refused by its size, never read
    secret = write(tmp_path, "secret.yaml", brief_text("Secret", "2024-01-01"))
    real_open = os.open

    def refusing(path: str, flags: int, *args: int, **kwargs: int) -> int:
        if os.fspath(path) == os.fspath(secret):  # as for another user's file, even as root
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    library = open_library([tmp_path], strategy="sequential")
    assert [entry.title for entry in library.valid] == ["Talks"]
    reasons = {entry.path.name: entry.error.message for entry in library.invalid if entry.error}
    assert reasons["secret.yaml"] == "permission denied"
    assert reasons["huge.yaml"].startswith("the file is too large")


@pytest.mark.parametrize("strategy", ["sequential", "processes"])
def test_progress_is_reported_after_each_file(folder: Path, strategy: str) -> None:
    paths = sorted(os.fspath(path) for path in folder.iterdir())
    assert choose(paths, strategy) == strategy
    seen: list[tuple[int, int, str]] = []
    loaded = load_all(paths, progress=lambda *args: seen.append(args), strategy=strategy)
    assert [result.path for result in loaded] == paths
    assert [(done, total) for done, total, _ in seen] == [(n, len(paths)) for n in range(1, 8)]
    assert sorted(name for _, _, name in seen) == sorted(os.path.basename(p) for p in paths)


@pytest.mark.parametrize("strategy", ["sequential", "processes"])
def test_cancelling_stops_loading_and_leaves_no_worker(folder: Path, strategy: str) -> None:
    paths = sorted(os.fspath(path) for path in folder.iterdir())
    assert choose(paths, strategy) == strategy
    cancel = threading.Event()
    done: list[int] = []

    def progress(count: int, total: int, name: str) -> None:
        done.append(count)
        if count == 2:
            cancel.set()

    with pytest.raises(LoadCancelled):
        load_all(paths, progress=progress, cancel=cancel, strategy=strategy)
    assert done == [1, 2]
    assert children() == []


def test_a_process_running_threads_loads_one_after_the_other(folder: Path) -> None:
    paths = [os.fspath(path) for path in folder.iterdir()]
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert choose(paths, "processes") == "sequential"  # forking it could deadlock the child
    finally:
        stop.set()
        thread.join()
    assert choose(paths, "processes") == "processes"


def test_briefs_past_the_memory_budget_are_listed_and_loaded_again_when_opened(
    folder: Path,
) -> None:
    paths = sorted(os.fspath(path) for path in folder.iterdir())
    loaded = [load_one(path) for path in paths]
    newest_size = next(item.size for item in loaded if item.path.endswith("new.yml"))
    library = Library(loaded, max_held_bytes=newest_size)
    assert len(library.valid) == 5
    assert [library.entries[number].title for number, _ in library.held()] == ["G7"]
    assert library.brief(4).title == "Old talks"  # not held: loaded again


def test_what_a_worker_that_dies_early_did_not_send_is_loaded_all_the_same(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = sorted(os.fspath(path) for path in folder.iterdir())
    monkeypatch.setattr(loading, "_work", lambda paths, fd: os._exit(1))  # runs in the fork
    loaded = load_all(paths, strategy="processes")
    assert loaded == load_all(paths, strategy="sequential")
    assert children() == []


def test_the_folder_of_a_library_is_the_one_that_holds_every_file(tmp_path: Path) -> None:
    write(tmp_path, "a/one.yaml", brief_text("One", "2020-01-01"))
    write(tmp_path, "b/two.yaml", brief_text("Two", "2021-01-01"))
    assert open_library([tmp_path]).folder == str(tmp_path)
    assert open_library([tmp_path / "a"]).folder == str(tmp_path / "a")
    assert open_library([tmp_path / "a" / "one.yaml", "missing.yaml"]).folder == ""
