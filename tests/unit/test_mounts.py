"""Which file systems send no change notifications, read from /proc/self/mountinfo."""

from __future__ import annotations

from briefing_tui.mounts import filesystem_type, polling_reason

MOUNTINFO = """\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 27 0:45 / /home/ana/shared\\040docs rw,relatime - nfs4 server:/docs rw,vers=4.2
41 27 0:46 / /mnt/box rw - fuse.sshfs ana@box: rw
42 27 8:2 / /home rw,relatime - ext4 /dev/sda2 rw
43 42 0:47 / /home/ana/shared\\040docs/local rw - tmpfs tmpfs rw
44 27 0:48 / /mnt/box rw - tmpfs tmpfs rw
"""


def test_the_deepest_mount_holding_the_path_gives_its_type() -> None:
    assert filesystem_type("/home/ana/notes/brief.yaml", MOUNTINFO) == "ext4"
    assert filesystem_type("/home/ana/shared docs/brief.yaml", MOUNTINFO) == "nfs4"
    assert filesystem_type("/home/ana/shared docs/local/b.yaml", MOUNTINFO) == "tmpfs"
    assert filesystem_type("/home/ana/shared docsX/b.yaml", MOUNTINFO) == "ext4"
    assert filesystem_type("/etc/brief.yaml", MOUNTINFO) == "ext4"


def test_a_later_mount_over_the_same_point_wins() -> None:
    assert filesystem_type("/mnt/box/brief.yaml", MOUNTINFO) == "tmpfs"


def test_network_file_systems_are_polled_and_say_why() -> None:
    reason = polling_reason("/home/ana/shared docs", MOUNTINFO)
    assert reason == "it is on a nfs4 file system, which does not report changes made elsewhere"
    assert polling_reason("/home/ana/notes", MOUNTINFO) is None
    sshfs_on_top = MOUNTINFO.replace("44 27 0:48 / /mnt/box rw - tmpfs tmpfs rw\n", "")
    assert polling_reason("/mnt/box", sshfs_on_top) == (
        "it is on a fuse.sshfs file system, which does not report changes made elsewhere"
    )


def test_nothing_is_known_without_a_mount_table() -> None:
    assert filesystem_type("/home/ana/brief.yaml", "") is None
    assert polling_reason("/home/ana", "") is None
