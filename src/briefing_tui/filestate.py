"""What a file on disk holds right now, as a small comparable value: for noticing real changes.

A ``FileState`` is the file's content digest (or why it cannot be read, or that it is missing),
with its stat kept aside: two states are equal when the content is, so a ``touch``, a
``chmod`` that leaves it readable, or a program merely reading the file changes nothing.
Reading never blocks (a FIFO or a device put in the file's place is not opened for reading).
Pure standard library, no Textual.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field

from briefing_tui.limits import MAX_BRIEF_BYTES

__all__ = ["FileState", "NotRegularFile", "read_regular"]

_CHUNK = 1 << 20


class NotRegularFile(OSError):
    """The path names a folder, a FIFO, a device or a socket, not a regular file."""


def read_regular(path: str | os.PathLike[str], *, limit: int = MAX_BRIEF_BYTES) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` + 1 of them.

    Raises NotRegularFile for anything but a regular file (never blocking on a FIFO), and
    OSError (FileNotFoundError, PermissionError, ...) when it cannot be read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(f"not a regular file: {os.fspath(path)!r}")
        chunks = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _signature(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


@dataclass(frozen=True, slots=True)
class FileState:
    """A file's content as a digest, or why there is none; equal states hold equal content."""

    content: str
    """``sha256:<hex>`` of the bytes, ``missing``, or ``unreadable: <reason>``."""
    signature: tuple[int, ...] | None = field(default=None, compare=False)
    """Device, inode, size, mtime and ctime when last looked at; not part of equality."""

    @property
    def exists(self) -> bool:
        """Whether there is a file (or a folder, a FIFO...) at the path."""
        return self.content != "missing"

    @classmethod
    def of(cls, path: str | os.PathLike[str], *, previous: FileState | None = None) -> FileState:
        """The state of the file at `path` now.

        With `previous`, the file is not read again when its stat signature is unchanged
        (the same inode, size and times): a cheap check for a safety net, not for events,
        since two writes within one tick of a coarse file-system clock share a signature.
        """
        try:
            info = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            return cls("missing")
        except (OSError, ValueError) as exc:
            return cls(f"unreadable: {_reason(exc)}")
        signature = _signature(info)
        if previous is not None and previous.signature == signature:
            return previous
        if not stat.S_ISREG(info.st_mode):
            return cls(f"unreadable: not a regular file (mode {info.st_mode:o})", signature)
        try:
            data = read_regular(path)
        except (FileNotFoundError, NotADirectoryError):
            return cls("missing")
        except OSError as exc:
            return cls(f"unreadable: {_reason(exc)}", signature)
        return cls("sha256:" + hashlib.sha256(data).hexdigest(), signature)


def _reason(exc: BaseException) -> str:
    return str(getattr(exc, "strerror", None) or exc)
