"""The preloading child: same brief or errors either way, fallbacks, and never a zombie left."""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path

import pytest

from briefing_tui import collector, preload
from briefing_tui.loader import BriefInvalid, load_brief
from briefing_tui.preload import Preload

ROOT = Path(__file__).resolve().parents[2]
SUMMIT = ROOT / "briefs" / "eu-japan-summit-2023.yaml"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


def reaped(pid: int) -> bool:
    """Whether `pid` is no child of ours any more (exited and waited for)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.parametrize("fork", [True, False])
def test_forked_or_not_the_brief_and_the_errors_are_the_loaders(fork: bool, tmp_path: Path) -> None:
    with Preload(str(SUMMIT), fork=fork) as loading:
        assert loading.forked is fork
        assert loading.result() == load_brief(SUMMIT)
    bad = tmp_path / "bad.yaml"
    bad.write_text("brief: 1\ntitel: x\n")
    with Preload(str(bad), fork=fork) as loading, pytest.raises(BriefInvalid) as caught:
        loading.result()
    with pytest.raises(BriefInvalid) as loaded:
        load_brief(bad)
    assert [str(e) for e in caught.value.errors] == [str(e) for e in loaded.value.errors]


@pytest.mark.parametrize("payload", [b"", b"B\xc1garbage", b"E\xc1", b"?"])
def test_a_child_that_fails_or_sends_garbage_is_replaced_by_loading_here(
    payload: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: str) -> bytes:
        if not payload:
            raise RuntimeError("the child fails")
        return payload

    monkeypatch.setattr(preload, "_payload", broken)
    with Preload(str(SUMMIT), fork=True) as loading:
        pid = loading._pid
        assert loading.result() == load_brief(SUMMIT)
    assert pid is not None and reaped(pid)


def test_a_preload_never_read_is_killed_and_reaped(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(path: str) -> bytes:
        time.sleep(60)
        return b""

    monkeypatch.setattr(preload, "_payload", slow)
    started = time.monotonic()
    with Preload(str(SUMMIT), fork=True) as loading:
        pid = loading._pid
    assert pid is not None and reaped(pid)
    forgotten = Preload(str(SUMMIT), fork=True)
    other = forgotten._pid
    del forgotten
    gc.collect()
    assert other is not None and reaped(other)
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("free", [True, False])
def test_a_child_loads_the_brief_only_when_a_cpu_is_free(
    free: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preload, "cpu_free", lambda: free)
    with Preload(str(SUMMIT)) as file, Preload(str(tmp_path)) as folder:
        assert (file.forked, folder.forked) == (free, False)
        assert file.result() == load_brief(SUMMIT)
    with Preload("missing.yaml") as missing:
        assert not missing.forked


def test_the_start_up_pause_is_resumed_once_and_frozen() -> None:
    assert gc.isenabled()
    collector.pause_for_start()
    try:
        assert not gc.isenabled()
    finally:
        assert collector.resume_after_start() is True
    assert gc.isenabled()
    assert collector.resume_after_start() is False
    assert gc.get_freeze_count() > 0
    gc.unfreeze()


def test_a_pause_restores_the_collector_as_it_was_even_on_errors() -> None:
    with pytest.raises(ValueError), collector.paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
