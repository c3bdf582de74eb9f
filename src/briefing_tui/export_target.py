"""Where an export goes, said before it is written: the file a typed path names and what
writing it would do (write a new file, replace one, or fail, and why). Pure, no Textual.

The export itself (files.write_text_atomic) checks again as it writes: this is what the
dialog says while the path is typed, not a promise.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.cells import cell_len

from briefing_tui.files import WriteError

ELLIPSIS = "…"


@dataclass(frozen=True)
class TargetCheck:
    """What writing to a path would do: `says` it, before the path; `blocked` if it cannot be
    done (the dialog's Export is off); `warns` if it replaces a file."""

    says: str
    blocked: bool = False
    warns: bool = False


def export_target(text: str, folder: Path) -> Path:
    """The file a typed path names: `~` expanded, a relative path taken from `folder`."""
    path = Path(text).expanduser()
    return path if path.is_absolute() else folder / path


def _same_file(path: Path, other: Path) -> bool:
    with contextlib.suppress(OSError):
        return os.path.samefile(path, other)
    return os.path.realpath(path) == os.path.realpath(other)


def check_target(path: Path, protect: Sequence[Path] = ()) -> TargetCheck:
    """What writing to `path` would do, as far as the file system tells now; the files in
    `protect` (the brief) are never written."""
    if any(_same_file(path, other) for other in protect):
        return TargetCheck("Refused: it is the brief itself", blocked=True)
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        mode = None  # nothing there: the folder says the rest
    except OSError as error:
        return TargetCheck(_reason(error), blocked=True)
    if mode is not None and stat.S_ISDIR(mode):
        return TargetCheck("That is a folder: add a file name", blocked=True)
    if mode is not None and not stat.S_ISREG(mode):
        return TargetCheck("Refused: not a regular file", blocked=True)
    folder = path.parent
    if not folder.is_dir():
        said = "A part of the path is not a folder" if folder.exists() else "No such folder"
        return TargetCheck(said, blocked=True)
    if not os.access(folder, os.W_OK | os.X_OK):
        return TargetCheck("You may not write in that folder", blocked=True)
    if mode is not None:
        return TargetCheck("Replaces an existing file", warns=True)
    return TargetCheck("Writes")


def _reason(error: OSError) -> str:
    text = (error.strerror or "the path cannot be read").rstrip(".")
    return text[:1].upper() + text[1:]


FOLDER_MISSING = "the folder does not exist"
"""The reason files.write_text_atomic gives when a file cannot be created for want of a
folder (ENOENT): a pseudo file system such as /proc gives it for a folder that exists."""


def failure_reason(error: WriteError) -> str:
    """Why a write failed, as a sentence to show before the path (never a false one)."""
    reason = error.reason
    if reason == FOLDER_MISSING and error.path.parent.is_dir():
        reason = "that folder takes no new files"
    return reason[:1].upper() + reason[1:]


def _take(text: str, cells: int, *, from_end: bool = False) -> str:
    """As much of `text` as fits in `cells` cells, from its start (or its end)."""
    taken: list[str] = []
    used = 0
    for character in reversed(text) if from_end else text:
        used += cell_len(character)
        if used > cells:
            break
        taken.append(character)
    return "".join(reversed(taken) if from_end else taken)


def shorten_middle(text: str, width: int, keep_end: str = "") -> str:
    """`text` in at most `width` cells: its middle left out for an ellipsis, keeping more of
    the end than of the start, and all of `keep_end` (a file's name) if it ends the text and
    there is room for it and a little of the start."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    tail = (width - 1) * 2 // 3
    if keep_end and text.endswith(keep_end) and cell_len(keep_end) <= width - 4:
        tail = max(tail, cell_len(keep_end))
    head = width - 1 - tail
    return _take(text, head) + ELLIPSIS + _take(text, tail, from_end=True)
