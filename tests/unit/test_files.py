"""Safe file writing: whole or not at all, never over the brief, never over a file by surprise."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing_tui import files
from briefing_tui.files import WriteError, write_text_atomic

OLD = b"old contents\n"


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def leftovers(folder: Path) -> list[str]:
    """Anything but the files a test made itself: temporary files left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def refuses(path: Path, message: str, **options: Any) -> None:
    with pytest.raises(WriteError) as caught:
        write_text_atomic(path, "new\n", **options)
    assert str(caught.value) == f"{path}: {message}"
    assert "\n" not in str(caught.value)


def test_writes_a_new_file_as_utf8_with_the_umask_default_mode(
    tmp_path: Path, umask_022: None
) -> None:
    out = tmp_path / "out.md"
    write_text_atomic(out, "# Brief\n\n日本 — é 🎌\n")
    assert out.read_bytes() == "# Brief\n\n日本 — é 🎌\n".encode()
    assert stat.S_IMODE(out.stat().st_mode) == 0o644  # 0o666 less the umask, not 0o600
    assert leftovers(tmp_path) == []


def test_an_existing_file_is_refused_and_left_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_bytes(OLD)
    refuses(out, "refused: the file exists (use --force to replace it)")
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_replace_replaces_and_keeps_the_permission_bits(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_bytes(OLD)
    out.chmod(0o640)
    write_text_atomic(out, "new\n", replace=True)
    assert out.read_bytes() == b"new\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


@pytest.fixture
def brief(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "brief.yaml"
    path.write_bytes(b"brief: 1\n")
    return path


@pytest.mark.parametrize("replace", [False, True])
def test_the_brief_itself_is_refused_even_with_replace(brief: Path, replace: bool) -> None:
    refuses(brief, "refused: it is the brief itself", replace=replace, protect=[brief])
    refuses(
        Path("./brief.yaml"), "refused: it is the brief itself", replace=replace, protect=[brief]
    )
    assert brief.read_bytes() == b"brief: 1\n"


def test_a_symlink_or_hard_link_to_the_brief_is_refused(brief: Path) -> None:
    symlink, hardlink = brief.parent / "alias.md", brief.parent / "twin.md"
    symlink.symlink_to(brief)
    os.link(brief, hardlink)
    for path in (symlink, hardlink):
        refuses(path, "refused: it is the brief itself", replace=True, protect=[Path("brief.yaml")])
    refuses(brief, "refused: it is the brief itself", replace=True, protect=[symlink])
    assert brief.read_bytes() == b"brief: 1\n"


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    refuses(tmp_path / "nowhere" / "out.md", "the folder does not exist")


def test_a_path_through_a_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(OLD)
    refuses(tmp_path / "file" / "out.md", "a part of the path is not a folder")


def test_a_folder_given_as_the_path_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    refuses(tmp_path / "folder", "it is a folder", replace=True)


def test_a_fifo_is_never_opened_nor_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    refuses(fifo, "refused: not a regular file", replace=True)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def failing_open(folder: Path, error: int) -> Callable[..., int]:
    """os.open, but creating a file in `folder` fails with `error`."""
    real_open = os.open

    anonymous = getattr(os, "O_TMPFILE", -1)

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        creates = Path(path).parent == folder and flags & os.O_CREAT
        if creates or (Path(path) == folder and flags & anonymous == anonymous):
            raise OSError(error, os.strerror(error), str(path))
        return real_open(path, flags, *args, **kwargs)

    return fake_open


def test_a_read_only_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    if os.geteuid() == 0:  # root writes anyway: make the system refuse as it would anyone else
        monkeypatch.setattr(files.os, "open", failing_open(folder, errno.EACCES))
    try:
        refuses(folder / "out.md", "permission denied")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_a_read_only_file_system_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files.os, "open", failing_open(tmp_path, errno.EROFS))
    refuses(tmp_path / "out.md", "the file system is read-only")


def test_a_full_disk_at_fsync_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.md"
    out.write_bytes(OLD)

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", no_space)
    refuses(out, "no space left on the device", replace=True)
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_a_full_disk_while_writing_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.md"
    out.write_bytes(OLD)
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fd: int, mode: str, **options: Any) -> None:
            self.stream = real_fdopen(fd, mode, **options)

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

        def write(self, data: bytes) -> int:
            self.stream.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fdopen", FullDisk)
    refuses(out, "no space left on the device", replace=True)
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_ctrl_c_mid_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.md"
    out.write_bytes(OLD)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(out, "new\n", replace=True)
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("hard_links", [True, False])
def test_a_file_created_after_the_check_is_not_clobbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hard_links: bool
) -> None:
    out = tmp_path / "out.md"
    real_create = files._create_temporary

    def someone_else_writes_first(folder: Path, name: str) -> tuple[int, str]:
        out.write_bytes(b"theirs\n")
        return real_create(folder, name)

    monkeypatch.setattr(files, "_create_temporary", someone_else_writes_first)
    if not hard_links:
        monkeypatch.setattr(files.os, "link", no_hard_links)
    refuses(out, "refused: the file exists (use --force to replace it)")
    assert out.read_bytes() == b"theirs\n"
    assert leftovers(tmp_path) == []


def no_hard_links(source: Any, target: Any, **options: Any) -> None:
    raise OSError(errno.EPERM, "Operation not permitted")


def test_without_hard_links_a_new_file_is_still_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files.os, "link", no_hard_links)
    out = tmp_path / "out.md"
    write_text_atomic(out, "new\n")
    assert out.read_bytes() == b"new\n"
    assert leftovers(tmp_path) == []


def test_line_endings_are_written_as_given_not_translated(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    write_text_atomic(out, "a\nb\n")
    assert out.read_bytes() == b"a\nb\n"


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="no anonymous files on this system")
def test_on_linux_the_new_file_has_no_name_until_it_is_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_named_files(folder: Path, name: str) -> tuple[int, str]:
        raise AssertionError("a named temporary file was made")

    out = tmp_path / "out.md"
    out.write_bytes(OLD)
    monkeypatch.setattr(files, "_create_named", no_named_files)
    write_text_atomic(out, "new\n", replace=True)
    write_text_atomic(tmp_path / "other.md", "other\n")
    assert out.read_bytes() == b"new\n"
    assert (tmp_path / "other.md").read_bytes() == b"other\n"


def dead_pid() -> int:
    """The id of a process that has exited."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(child.stdout)


def test_temporary_files_of_killed_writes_are_removed_by_the_next_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / f".out.md.briefing-{dead_pid()}.0a1b2c3d.tmp"
    running = tmp_path / f".out.md.briefing-{os.getpid()}.0a1b2c3d.tmp"
    theirs = tmp_path / ".out.md.0a1b2c3d.tmp"  # not a name of ours: never touched
    for path in (stale, running, theirs):
        path.write_bytes(b"partial")
    monkeypatch.delattr(files.os, "O_TMPFILE", raising=False)
    write_text_atomic(tmp_path / "elsewhere.md", "new\n")
    assert leftovers(tmp_path) == sorted([running.name, theirs.name])


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_bytes(OLD)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    refuses(link, "refused: the file exists (use --force to replace it)")
    write_text_atomic(link, "new\n", replace=True)
    assert link.is_symlink()
    assert real.read_bytes() == b"new\n"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "missing.md")
    refuses(dangling, "refused: it is a link to a file that does not exist", replace=True)
    assert dangling.is_symlink()
    assert not (tmp_path / "missing.md").exists()


def test_without_fchmod_a_replaced_file_still_keeps_its_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(files.os, "fchmod")  # as on Windows before Python 3.13
    monkeypatch.delattr(files.os, "O_TMPFILE", raising=False)
    out = tmp_path / "out.md"
    out.write_bytes(OLD)
    out.chmod(0o600)
    write_text_atomic(out, "new\n", replace=True)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_control_characters_in_a_path_are_shown_as_symbols(tmp_path: Path) -> None:
    folder = tmp_path / "a\x1b]52;c;eA==\x07\nb"
    with pytest.raises(WriteError) as caught:
        write_text_atomic(folder / "out.md", "x")
    assert "\x1b" not in str(caught.value) and "\n" not in str(caught.value)
    assert str(caught.value).endswith("a␛]52;c;eA==␇ b/out.md: the folder does not exist")
