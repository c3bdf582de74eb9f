"""Writing a file whole or not at all, never over the brief, never over a file by surprise.

`write_text_atomic` writes to a temporary file beside the target, syncs it to disk, then puts it
in place in one step: a reader sees the old file or the new one, never half of one, and a failure
at any point (a full disk, Ctrl-C) leaves the old file as it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Collection
from pathlib import Path


class WriteError(Exception):
    """A file could not be written; str() is one line: "PATH: REASON"."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
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
    a new one gets the usual ones for the umask. Raises WriteError (one line) on any failure;
    TargetExists (a WriteError) for an existing `path` without `replace`.
    """
    path = Path(path)
    if any(_same_file(path, kept) for kept in protect):
        raise WriteError(path, "refused: it is the brief itself")
    try:
        status: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise WriteError(path, _reason(error)) from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise WriteError(path, _REASONS[errno.EISDIR])
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise WriteError(path, "refused: not a regular file")
    if status is not None and not replace:
        raise TargetExists(path)
    folder = path.parent
    if not folder.is_dir():
        raise WriteError(path, _REASONS[errno.ENOTDIR if folder.exists() else errno.ENOENT])
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise WriteError(path, f"the text cannot be written as UTF-8 ({error.reason})") from None

    temporary: str | None = None
    try:
        handle, temporary = _create_temporary(folder, path.name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if status is not None:
                os.fchmod(stream.fileno(), stat.S_IMODE(status.st_mode))
            os.fsync(stream.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            try:
                _place_new(temporary, path)
            except FileExistsError:
                raise TargetExists(path) from None  # created since the check above
        temporary = None  # it has become `path`
        _sync_folder(folder)
    except OSError as error:
        raise WriteError(path, _reason(error)) from None
    finally:
        if temporary is not None:  # any failure, KeyboardInterrupt included
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _create_temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new hidden file beside the target, created as open() would create it: mode 0o666
    less the umask (mkstemp would make it 0600), so the export gets the usual permissions."""
    for _ in range(100):
        candidate = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), candidate
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _place_new(temporary: str, path: Path) -> None:
    """Give the written temporary file the name `path`, failing if `path` exists by then."""
    try:
        os.link(temporary, path)  # fails with EEXIST: never replaces a file created meanwhile
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
    claim = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
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
