"""The `briefing` entry point: opening a brief goes straight to the reader, the rest to click.

`briefing` and `briefing PATH` are what people type most, and the reader's start-up is budgeted
against a bare Textual app: they skip building the click command line (about 10 ms). Everything
else (subcommands, options, help, mistakes) goes to cli.py, whose `open` command calls the same
`open_brief`, so the two ways in cannot disagree.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_INVALID = 1
SUBCOMMANDS = frozenset({"open", "validate", "export", "schema", "new", "serve"})
"""The command line's subcommands; any other lone word is the path of a brief to open."""


def is_plain_open(args: Sequence[str]) -> bool:
    """Whether `args` only asks to open a brief: nothing, or one path that is no subcommand."""
    return not args or (
        len(args) == 1 and args[0] not in SUBCOMMANDS and not args[0].startswith("-")
    )


def open_brief(path: str | None) -> int:
    """Open the brief at `path` (the bundled summit brief if None) in the reader; the exit status.

    A brief with mistakes prints them, one line each, and gives 1 before the terminal is taken over.
    """
    from briefing_tui.preload import Preload
    from briefing_tui.resources import SUMMIT_BRIEF, bundled

    # Start-up allocates much and frees little, so collecting before the first paint only costs
    # time (a third of it, measured); the app turns the collector back on once it has painted.
    gc.disable()
    brief_path = path if path is not None else str(bundled("briefs") / SUMMIT_BRIEF)
    preload = Preload(brief_path)  # loads while Textual is imported below
    # A terminal, or a web page: `briefing serve` runs the reader under Textual's web driver.
    terminal = (sys.stdin.isatty() and sys.stdout.isatty()) or "TEXTUAL_DRIVER" in os.environ
    if terminal:
        from briefing_tui.app import BriefingApp
    try:
        brief = preload.result()
    except Exception as error:
        from briefing_tui.loader import BriefInvalid

        if not isinstance(error, BriefInvalid):
            raise
        _print_errors([str(line) for line in error.errors])
        return EXIT_INVALID
    if not terminal:
        _print_errors(
            [
                "briefing: error: the reader needs a terminal "
                "(use `briefing export` to get the brief as text)"
            ]
        )
        return EXIT_INVALID
    BriefingApp(brief, brief_path=Path(brief_path)).run()
    return 0


def _print_errors(lines: Sequence[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def main() -> None:
    """Run the `briefing` command."""
    args = sys.argv[1:]
    if is_plain_open(args):
        sys.exit(open_brief(args[0] if args else None))
    from briefing_tui.cli import main as command_line

    command_line()
