"""The `briefing` entry point: opening a brief goes straight to the reader, the rest to click.

`briefing` and `briefing PATH` are what people type most, and the reader's start-up is budgeted
against a bare Textual app: they skip building the click command line (about 10 ms). Everything
else (subcommands, options, help, mistakes) goes to cli.py, whose `open` command calls the same
`reader.open_brief`.

Ctrl-C at any moment, even while click or the brief is still loading, ends the program with
status 130 and no traceback: the first thing `main` does is make SIGINT exit at once, after
killing and reaping a child that preloads the brief.
"""

# Only modules the interpreter has loaded already (not even __future__): Ctrl-C is taken over
# before anything slow.
import _signal  # type: ignore[import-not-found]  # the C module: `signal` is slow to import
import os
import sys

SUBCOMMANDS = frozenset({"open", "validate", "export", "schema", "new", "serve", "help"})
"""The command line's subcommands (a test checks cli.py has exactly these); any other lone word
is the path of a brief to open, unless it is a near miss of one of these and no such file exists."""

EXIT_INTERRUPTED = 130


def _interrupted(signum: int, frame: object) -> None:
    """Ctrl-C: stop the child loading the brief, if there is one, and leave at once.

    Nothing is unwound: an exception raised at a random point can surface as a traceback (an
    import wraps it) or crash an extension module caught mid-call (msgspec was, with SIGSEGV).
    Nothing needs unwinding either: the terminal is not taken over yet (the reader handles
    Ctrl-C as a key), and a write leaves no temporary file that the next one does not remove.
    """
    try:  # the module may be half imported: never raise here, whatever happens
        stop = getattr(sys.modules.get("briefing_tui.preload"), "stop_children", None)
        if stop is not None:
            stop()
        clear = getattr(sys.modules.get("briefing_tui.load_progress"), "clear_shown", None)
        if clear is not None:
            clear()  # a progress bar: the shell's prompt starts on a clean line
    finally:
        os._exit(EXIT_INTERRUPTED)


def is_plain_open(args: list[str]) -> bool:
    """Whether `args` only asks to open a brief: nothing, or one path that is no subcommand
    (nor a misspelt one: `briefing valdate` goes to the command line, which suggests `validate`)."""
    if not args:
        return True
    if len(args) != 1 or args[0] in SUBCOMMANDS or args[0].startswith("-"):
        return False
    return not looks_like_a_command(args[0]) or os.path.lexists(args[0])


def looks_like_a_command(word: str) -> bool:
    """Whether `word` reads as a misspelt subcommand rather than a file name."""
    if any(mark in word for mark in "./\\"):
        return False
    import difflib  # only here: a path like brief.yaml never needs it

    return bool(difflib.get_close_matches(word, sorted(SUBCOMMANDS), n=1, cutoff=0.6))


def main() -> None:
    """Run the `briefing` command."""
    _signal.signal(_signal.SIGINT, _interrupted)  # first of all: see the module's docstring
    try:
        _run(sys.argv[1:])
    finally:  # exiting already: a Ctrl-C now must not interrupt the interpreter's cleanup
        _signal.signal(_signal.SIGINT, _signal.SIG_IGN)


def _run(args: list[str]) -> None:
    if is_plain_open(args):
        from briefing_tui.reader import open_brief

        sys.exit(open_brief(args[0] if args else None))
    from briefing_tui.cli import main as command_line

    command_line()
