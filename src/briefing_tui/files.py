"""Writing a file whole or not at all, never over the brief, never over a file by surprise.

`write_text_atomic` writes to a temporary file beside the target, syncs it to disk, then puts it
in place in one step: a reader sees the old file or the new one, never half of one, and a failure
at any point (a full disk, an exception) leaves the old file as it was and no temporary file.

Even a kill (SIGKILL, or Ctrl-C, which exits at once) leaves nothing behind: on Linux the
temporary file has no name until it is complete (O_TMPFILE, then linked into place). Elsewhere
it is named `.NAME.briefing-PID.HEX.tmp`, and the next write into that folder removes those whose
process no longer runs.

A symbolic link as the target is written through: the file it points at is replaced, the link
stays (a link to a missing file is refused).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from collections.abc import Collection
from pathlib import Path

from briefing_tui.printable import printable_path


class WriteError(Exception):
    """A file could not be written; str() is one line: "PATH: REASON"."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{printable_path(path)}: {printable_path(reason)}")
        self.path = path
        self.reason = reason


class TargetExists(WriteError):
    """The file exists and replacing it was not asked for. str() and `reason` speak of the
    command line's --force; an app words its own question from `path`."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, _REASONS[errno.EEXIST])


_REASONS = {
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "the file system is read-only",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EEXIST: "refused: the file exists (use --force to replace it)",
}


def _reason(error: OSError) -> str:
    """One short phrase for an OS error (its own text when the error is an unusual one)."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return (error.strerror or str(error)).rstrip(".").lower() or "the file could not be written"


def _same_file(path: Path, other: Path) -> bool:
    """Whether `path` names the file `other` names: same inode (links, `./x`), or same real path."""
    with contextlib.suppress(OSError):
        return os.path.samefile(path, other)
    return os.path.realpath(path) == os.path.realpath(other)


def write_text_atomic(
    path: Path, text: str, *, replace: bool = False, protect: Collection[Path] = ()
) -> None:
    """Write `text` to `path` as UTF-8 (line endings as given: the export's are LF), atomically.

    An existing `path` is refused unless `replace`; a path that is the same file as one in
    `protect` (the brief itself) is refused always. A replaced file keeps its permission bits;
    a new one gets the usual ones for the umask. A symbolic link is written through. Raises
    WriteError (one line) on any failure; TargetExists (a WriteError) for an existing `path`
    without `replace`.
    """
    shown = path = Path(path)
    if any(_same_file(path, kept) for kept in protect):
        raise WriteError(shown, "refused: it is the brief itself")
    if path.is_symlink():
        path = Path(os.path.realpath(path))
        if not path.exists():
            raise WriteError(shown, "refused: it is a link to a file that does not exist")
    status = _existing(path, shown, replace)
    folder = path.parent
    if not folder.is_dir():
        raise WriteError(shown, _REASONS[errno.ENOTDIR if folder.exists() else errno.ENOENT])
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise WriteError(shown, f"the text cannot be written as UTF-8 ({error.reason})") from None
    mode = None if status is None else stat.S_IMODE(status.st_mode)
    try:
        _remove_stale(folder)
        _write(folder, path, data, mode, replace)
        _sync_folder(folder)
    except TargetExists:
        raise TargetExists(shown) from None
    except OSError as error:
        raise WriteError(shown, _reason(error)) from None


def _existing(path: Path, shown: Path, replace: bool) -> os.stat_result | None:
    """The status of the file at `path`, None if there is none; refuses what may not be written."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise WriteError(shown, _reason(error)) from None
    if stat.S_ISDIR(status.st_mode):
        raise WriteError(shown, _REASONS[errno.EISDIR])
    if not stat.S_ISREG(status.st_mode):
        raise WriteError(shown, "refused: not a regular file")
    if not replace:
        raise TargetExists(shown)
    return status


def _write(folder: Path, path: Path, data: bytes, mode: int | None, replace: bool) -> None:
    """Write `data` to a temporary file and put it in place as `path`."""
    handle, temporary = _create_temporary(folder, path.name)
    try:
        _fill(handle, data, mode, temporary)
        if temporary is None:  # anonymous: it gets a name only now that it is complete
            if _link_anonymous(handle, path, replace):
                return
            os.close(handle)
            handle = -1
            handle, temporary = _create_named(folder, path.name)  # no way to link it: again
            _fill(handle, data, mode, temporary)
        os.close(handle)
        handle = -1
        if replace:
            os.replace(temporary, path)
        else:
            _place_new(temporary, path)
        temporary = None  # it has become `path`
    finally:
        if handle >= 0:
            os.close(handle)
        if temporary is not None:  # any failure, KeyboardInterrupt included
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _fill(handle: int, data: bytes, mode: int | None, temporary: str | None) -> None:
    """Write `data` through `handle`, give it `mode` (if any), and sync it to disk."""
    with os.fdopen(handle, "wb", closefd=False) as stream:
        stream.write(data)
        stream.flush()
    if mode is not None:
        if hasattr(os, "fchmod"):
            os.fchmod(handle, mode)
        elif temporary is not None:  # Windows before Python 3.13 has no fchmod
            os.chmod(temporary, mode)
    os.fsync(handle)


def _create_temporary(folder: Path, name: str) -> tuple[int, str | None]:
    """A new file for writing beside `name`: anonymous (path None) where the system can."""
    flag = getattr(os, "O_TMPFILE", 0)
    if flag:
        try:
            return os.open(folder, flag | os.O_WRONLY | os.O_CLOEXEC, 0o666), None
        except OSError as error:
            if error.errno not in _NO_TMPFILE:
                raise
    return _create_named(folder, name)


# What a system or file system without O_TMPFILE answers.
_NO_TMPFILE = frozenset({errno.EOPNOTSUPP, errno.ENOTSUP, errno.EISDIR, errno.EINVAL, errno.ENOENT})
_STALE = re.compile(r"\..+\.briefing-(\d+)\.[0-9a-f]{8}\.tmp")


def _create_named(folder: Path, name: str) -> tuple[int, str]:
    """A new hidden file beside the target, created as open() would create it: mode 0o666
    less the umask (mkstemp would make it 0600), so the export gets the usual permissions.
    Its name says which process made it, for `_remove_stale`."""
    for _ in range(100):
        candidate = os.path.join(folder, _temporary_name(name))
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
            return os.open(candidate, flags, 0o666), candidate
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _temporary_name(name: str) -> str:
    return f".{name}.briefing-{os.getpid()}.{secrets.token_hex(4)}.tmp"


def _link_anonymous(handle: int, path: Path, replace: bool) -> bool:
    """Give the anonymous file `handle` the name `path`; False when the system cannot."""
    target = path if not replace else path.with_name(_temporary_name(path.name))
    try:
        linked = _link_descriptor(handle, target)
    except FileExistsError:
        if replace:
            return False
        raise TargetExists(path) from None
    if linked and replace:
        try:
            os.replace(target, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(target)
            raise
    return linked


_CANNOT_LINK = frozenset({errno.ENOENT, errno.EPERM, errno.EACCES, errno.ENOTSUP, errno.EXDEV})


def _link_descriptor(handle: int, target: Path) -> bool:
    """linkat() the open file to `target`: through /proc, else with AT_EMPTY_PATH (which some
    kernels allow only to privileged processes). False when neither works."""
    try:
        os.link(f"/proc/self/fd/{handle}", target, follow_symlinks=True)
        return True
    except OSError as error:
        if error.errno not in _CANNOT_LINK:
            raise
    import ctypes  # only here: the common case never needs it

    libc = ctypes.CDLL(None, use_errno=True)
    at_fdcwd, at_empty_path = -100, 0x1000
    if libc.linkat(handle, b"", at_fdcwd, os.fsencode(target), at_empty_path) == 0:
        return True
    code = ctypes.get_errno()
    if code == errno.EEXIST:
        raise FileExistsError(code, os.strerror(code), str(target))
    if code in _CANNOT_LINK:
        return False
    raise OSError(code, os.strerror(code), str(target))


def _remove_stale(folder: Path) -> None:
    """Remove the temporary files that writes killed in this folder left (their process is gone)."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            match = _STALE.fullmatch(entry.name)
            if match and not _running(int(match.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _running(pid: int) -> bool:
    """Whether a process `pid` runs (ours included); when unsure, True."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError, ValueError):
        return True
    return True


def _place_new(temporary: str, path: Path) -> None:
    """Give the written temporary file the name `path`, failing if `path` exists by then."""
    try:
        os.link(temporary, path)  # fails with EEXIST: never replaces a file created meanwhile
    except FileExistsError:
        raise TargetExists(path) from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        _place_without_links(temporary, path)  # a file system without hard links (FAT, shares)
    else:
        with contextlib.suppress(OSError):  # the file is in place; a stray link is harmless
            os.unlink(temporary)


def _place_without_links(temporary: str, path: Path) -> None:
    # Claim the name with an exclusive create, so that a file created since the check is never
    # replaced; then move the written file over our own empty claim.
    try:
        claim = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise TargetExists(path) from None
    try:
        os.close(claim)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


def _sync_folder(folder: Path) -> None:
    """Make the new name itself durable; some systems cannot open a folder for that: fine."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
