"""Which files make up a library: the briefs in the folders and files the user names.

The rules, in the order they apply:

- a file named on the command line counts whatever its name;
- in a folder, and in every folder below it, a file counts when its name ends in ``.yaml`` or
  ``.yml`` (in any case); files and folders whose names start with a dot are skipped;
- a symbolic link counts as what it points at: a link to a brief is a brief, a link to a folder is
  walked, but a folder already walked (the same device and inode) is never walked again, so a link
  loop ends; a file reached twice (by a link and by its own name) counts once, by its own name
  where both are in one folder;
- anything that is not a folder but has a brief's name (a FIFO, a device, a broken link) still
  counts: loading it reports what is wrong with it instead of hiding it;
- a folder that cannot be listed is reported, with the reason, in place of its briefs.

Nothing here opens a file: discovery only lists folders, so it never blocks on a FIFO.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

BRIEF_SUFFIXES = (".yaml", ".yml")
MAX_FILES = 100_000
"""Discovery stops after this many files: past it, a folder is no library but a disk."""

__all__ = ["BRIEF_SUFFIXES", "MAX_FILES", "Found", "discover", "is_brief_name"]


class Found(NamedTuple):
    """A file that counts as a brief, or a folder that cannot be listed (``problem`` says why)."""

    path: Path
    problem: str | None = None


def is_brief_name(name: str) -> bool:
    """Whether a file name in a folder counts as a brief: ``*.yaml``/``*.yml``, not hidden."""
    return not name.startswith(".") and name.lower().endswith(BRIEF_SUFFIXES)


class _Walk:
    """One discovery: what has been seen, so nothing is walked or listed twice."""

    def __init__(self) -> None:
        self.found: list[Found] = []
        self.folders: set[tuple[int, int]] = set()
        self.files: set[tuple[int, int]] = set()
        self.full = False

    def add_file(self, path: Path, info: os.stat_result | None) -> None:
        if info is not None:
            key = (info.st_dev, info.st_ino)
            if key in self.files:
                return
            self.files.add(key)
        if len(self.found) >= MAX_FILES:
            self.full = True
            return
        self.found.append(Found(path))

    def walk(self, folder: Path, info: os.stat_result) -> None:
        """List ``folder`` and the folders below it, depth first, each folder once."""
        pending = [(folder, info)]
        while pending and not self.full:
            folder, info = pending.pop()
            key = (info.st_dev, info.st_ino)
            if key in self.folders:
                continue
            self.folders.add(key)
            try:
                # Links after real files, so a brief reached both ways is listed by its own name.
                entries = sorted(os.scandir(folder), key=lambda e: (e.is_symlink(), e.name))
            except OSError as error:
                self.found.append(Found(folder, f"cannot list the folder: {_reason(error)}"))
                continue
            below = []
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                target = _stat(entry.path)
                if target is not None and stat.S_ISDIR(target.st_mode):
                    below.append((Path(entry.path), target))
                elif is_brief_name(entry.name):
                    self.add_file(Path(entry.path), target)
            pending.extend(reversed(below))


def _stat(path: str) -> os.stat_result | None:
    """What ``path`` points at (links followed), or None for a broken link or an error."""
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return error.strerror or str(error)


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Found]:
    """The briefs in ``paths`` (files, and folders walked as the module says), in the order given.

    Within a folder, names are in code-point order, its files before its subfolders'. A
    path that does not exist is returned as a file, for loading to report.
    """
    walk = _Walk()
    for given in paths:
        path = Path(given)
        info = _stat(os.fspath(path))
        if info is not None and stat.S_ISDIR(info.st_mode):
            walk.walk(path, info)
        else:
            walk.add_file(path, info)
        if walk.full:
            walk.found.append(Found(path, f"more than {MAX_FILES:,} briefs: the rest are left out"))
            break
    return walk.found
