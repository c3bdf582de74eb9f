"""Where the reader saves a screenshot: next to the brief, or in a folder that exists.

Textual's own command saves to ~/Downloads, which many machines do not have (a server, a
container): the screenshot then fails. Pure, no Textual.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from briefing_tui.resources import bundled


def _writable_folder(path: Path) -> bool:
    return path.is_dir() and os.access(path, os.W_OK | os.X_OK)


def screenshot_folder(brief_path: Path | None, *, fallbacks: Sequence[Path] = ()) -> Path | None:
    """The folder to save a screenshot of `brief_path` in: the brief's own folder (not the
    bundled briefs'), else the first of `fallbacks` (the current folder, home by default) that
    exists and is writable; None when none is."""
    candidates: list[Path] = []
    if brief_path is not None:
        folder = Path(os.path.abspath(brief_path)).parent
        if folder != bundled("briefs").resolve():
            candidates.append(folder)
    candidates += fallbacks or (Path.cwd(), Path.home())
    return next((folder for folder in candidates if _writable_folder(folder)), None)


def screenshot_name(brief_path: Path | None, now: dt.datetime | None = None) -> str:
    """A new screenshot's file name, the brief's and the time: "summit-2024-05-14_101500.svg"."""
    stem = Path(brief_path).stem if brief_path is not None else "briefing"
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d_%H%M%S")
    return f"{stem}-{stamp}.svg"
