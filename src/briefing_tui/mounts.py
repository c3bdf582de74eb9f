"""Which file system a path is on, to tell whether change notifications can be trusted there.

inotify (and FSEvents) see the changes made through this machine's kernel only: on a network or
shared-folder file system, a file saved on the server or by the host of a virtual machine sends
no notification, so a watcher there has to poll. Linux only (``/proc/self/mountinfo``);
elsewhere nothing is known and notifications are trusted. Pure standard library, no Textual.
"""

from __future__ import annotations

import os
import re

__all__ = ["NO_NOTIFICATIONS", "filesystem_type", "polling_reason"]

NO_NOTIFICATIONS = frozenset(
    {
        *("nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs"),
        *("lustre", "gpfs", "beegfs", "davfs", "9p", "drvfs", "virtiofs", "vboxsf", "vmhgfs"),
        *("prl_fs", "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.davfs2", "fuse.glusterfs"),
        *("fuse.vmhgfs-fuse", "fuse.gcsfuse", "fuse.juicefs"),
    }
)
"""File system types whose files can change without a notification reaching this machine."""

_MOUNTINFO = "/proc/self/mountinfo"
_ESCAPE = re.compile(r"\\([0-7]{3})")


def _unescape(field: str) -> str:
    """A mountinfo field with its octal escapes (``\\040`` for a space) decoded."""
    return _ESCAPE.sub(lambda match: chr(int(match.group(1), 8)), field)


def filesystem_type(path: str, mountinfo: str | None = None) -> str | None:
    """The type (``ext4``, ``nfs4``, ``fuse.sshfs``...) of the file system holding `path`.

    `path` should be absolute and resolved (``os.path.realpath``). `mountinfo` is the text of
    ``/proc/self/mountinfo``, read when not given; None when it cannot be read (not Linux).
    """
    if mountinfo is None:
        try:
            with open(_MOUNTINFO, encoding="utf-8", errors="surrogateescape") as file:
                mountinfo = file.read()
        except OSError:
            return None
    best, found = -1, None
    for line in mountinfo.splitlines():
        fields = line.split()
        if "-" not in fields[6:]:
            continue
        dash = fields.index("-", 6)
        mount_point = _unescape(fields[4])
        inside = path == mount_point or path.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= best and dash + 1 < len(fields):
            best, found = len(mount_point), fields[dash + 1]  # a later mount on top wins
    return found


def polling_reason(folder: str, mountinfo: str | None = None) -> str | None:
    """Why changes in `folder` have to be polled for (one line), or None when notified."""
    kind = filesystem_type(os.path.realpath(folder), mountinfo)
    if kind is None or kind not in NO_NOTIFICATIONS:
        return None
    return f"it is on a {kind} file system, which does not report changes made elsewhere"
