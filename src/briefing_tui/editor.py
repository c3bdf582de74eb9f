"""The command that opens the user's editor on a brief at an item's line: for the reader's ``E``.

``editor_command(path, line, column)`` reads ``$VISUAL``, else ``$EDITOR`` (with ``shlex``: the
variable may hold arguments, as ``code --wait`` does), else finds ``editor``, ``nano``, ``vim``
or ``vi``, and adds the line the way that editor takes it: ``+LINE`` (vi, vim, nvim...),
``+LINE,COL`` (nano), ``+LINE:COL`` (emacs, micro, kak), ``FILE:LINE:COL`` (hx, subl, zed),
``--goto FILE:LINE:COL`` (VS Code), ``--line LINE --column COL`` (JetBrains IDEs); any other
editor gets the file alone. ``item_position`` finds where an item stands in the file.
No Textual.
"""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Callable, Mapping

from briefing_tui.filestate import read_regular
from briefing_tui.model import SECTIONS
from briefing_tui.positions import Positions
from briefing_tui.printable import printable

__all__ = ["DEFAULT_EDITORS", "NoEditor", "editor_command", "item_position"]

DEFAULT_EDITORS = ("editor", "nano", "vim", "vi")
"""Tried in order when neither $VISUAL nor $EDITOR is set (``editor``: Debian's choice)."""

Which = Callable[[str], str | None]

# How each well-known editor takes a line (and column) to open a file at.
_STYLES = {
    name: style
    for style, names in (
        ("+LINE", ("vi", "vim", "nvim", "view", "gvim", "mvim", "nvi", "elvis", "vile", "vis")),
        ("+LINE", ("ex", "joe", "jmacs", "jpico", "jstar", "mg", "ne", "jove", "pico")),
        ("+LINE", ("mcedit", "gedit", "xed", "pluma")),
        ("+LINE,COL", ("nano", "rnano")),
        ("+LINE:COL", ("emacs", "emacsclient", "micro", "kak")),
        ("FILE:LINE:COL", ("hx", "helix", "subl", "sublime_text", "zed", "zeditor")),
        ("--goto", ("code", "code-insiders", "codium", "vscodium", "code-oss", "cursor")),
        ("--goto", ("windsurf",)),
        ("--line", ("idea", "pycharm", "charm", "webstorm", "phpstorm", "goland", "clion")),
        ("--line", ("rubymine", "rider", "datagrip", "dataspell", "rustrover", "aqua", "studio")),
    )
    for name in names
}


class NoEditor(Exception):
    """No editor can be run; the message (one printable line) says why and what to do."""


def program_name(program: str) -> str:
    """An editor's plain name: ``/usr/bin/vim.basic`` -> ``vim``, ``idea64.exe`` -> ``idea``."""
    name = os.path.basename(program).lower()
    for suffix in (".exe", ".cmd", ".bat", ".sh", ".app"):
        name = name.removesuffix(suffix)
    name = name.split(".")[0]  # vim.basic, vim.tiny, nvim.appimage
    return name.removesuffix("64") if _STYLES.get(name.removesuffix("64")) == "--line" else name


def _place(name: str, path: str, line: int | None, column: int | None) -> list[str]:
    """The arguments that open `path` at `line` (and `column`) in the editor called `name`."""
    style = _STYLES.get(name)
    if line is None or style is None:
        return [path]
    col = "" if column is None else f":{column}"
    if style == "+LINE":
        return [f"+{line}", path]
    if style == "+LINE,COL":
        return [f"+{line}" + ("" if column is None else f",{column}"), path]
    if style == "+LINE:COL":
        return [f"+{line}{col}", path]
    if style == "FILE:LINE:COL":
        return [f"{path}:{line}{col}"]
    if style == "--goto":
        return ["--goto", f"{path}:{line}{col}"]
    column_args = [] if column is None else ["--column", str(column)]
    return ["--line", str(line), *column_args, path]


def _chosen(environ: Mapping[str, str], which: Which) -> tuple[list[str], str]:
    """The editor's command words and its found program; NoEditor when there is none."""
    for variable in ("VISUAL", "EDITOR"):
        value = environ.get(variable, "")
        if not value.strip():
            continue
        shown = printable(value, one_line=True)
        try:
            words = shlex.split(value)
        except ValueError as exc:
            raise NoEditor(f"${variable} ({shown!r}) cannot be read as a command: {exc}") from None
        found = which(words[0]) if words else None
        if found is None:
            raise NoEditor(f"${variable} names {printable(words[0], one_line=True)!r}, not found")
        return words, found
    for program in DEFAULT_EDITORS:
        found = which(program)
        if found is not None:
            return [found], found
    raise NoEditor("no editor found: set $VISUAL or $EDITOR (for example: export EDITOR=nano)")


def editor_command(
    path: str | os.PathLike[str],
    line: int | None = None,
    column: int | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    which: Which = shutil.which,
) -> list[str]:
    """The argv that opens the file at `path` at `line` and `column` (1-based) in the editor.

    The editor is ``$VISUAL``, else ``$EDITOR`` (from `environ`, os.environ by default), else
    the first of DEFAULT_EDITORS that `which` finds. The path is made absolute, so no file
    name is taken for an option. Raises NoEditor when none can be run.
    """
    words, found = _chosen(os.environ if environ is None else environ, which)
    name = program_name(words[0])
    if name not in _STYLES:  # a link such as /usr/bin/editor -> /bin/nano
        name = program_name(os.path.realpath(found))
    return [*words, *_place(name, os.path.abspath(os.fspath(path)), line, column)]


def item_position(
    path: str | os.PathLike[str], pane: str, index: int | None
) -> tuple[int, int] | None:
    """1-based (line, column) of item `index` of section `pane` (a person in ``overview``).

    Read from the file as it is now; None when it cannot be read or parsed, or has no such
    item (the editor then opens at the top).
    """
    if index is None or (pane != "overview" and pane not in SECTIONS):
        return None
    try:
        text = read_regular(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    positions = Positions.of_text(text)
    key = "people" if pane == "overview" else pane
    return positions.line_col((key, index)) if positions is not None else None
