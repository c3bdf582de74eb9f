"""The `briefing` command: open a brief in the terminal, or validate, export and describe briefs.

Every brief is loaded and checked before anything else happens, so a mistake in it is reported as
one line per error on stderr, with exit status 1, before the terminal is taken over. Textual is
imported only when the app is about to run: the headless commands never pay for it.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from briefing_tui import __version__
from briefing_tui.model import SECTIONS, Section
from briefing_tui.printable import printable, printable_path
from briefing_tui.reader import EXIT_INVALID

if TYPE_CHECKING:
    from briefing_tui.model import Brief, ItemRef
    from briefing_tui.query import Query


class BriefingGroup(click.Group):
    """A group whose default command is `open`: `briefing PATH` means `briefing open PATH`.

    A word that is neither a command nor an existing file but close to a command's name is a
    usage mistake that names the command (`briefing valdate` -> did you mean 'validate'?).
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] == "--":
            args = ["open", *args[1:]]
        elif not args or (args[0] not in self.commands and not args[0].startswith("-")):
            if args:
                self._check_not_a_command(ctx, args)
            args = ["open", *args]
        return super().parse_args(ctx, args)

    def _check_not_a_command(self, ctx: click.Context, args: list[str]) -> None:
        word = args[0]
        names = [name for name, command in self.commands.items() if not command.hidden]
        close = difflib.get_close_matches(word, names, n=1)
        if close and not os.path.lexists(word) and not any(mark in word for mark in "./\\"):
            ctx.fail(
                f"no such command '{printable(word, one_line=True)}' — did you mean '{close[0]}'?"
            )
        if len(args) > 1:
            ctx.fail(
                f"the reader opens one brief, got {len(args)} paths"
                " (to check several: briefing validate PATH...)"
            )


def _fail(lines: Sequence[str]) -> NoReturn:
    for line in lines:
        click.echo(line, err=True)
    sys.exit(EXIT_INVALID)


def _load(path: str) -> Brief:
    """Load and check one brief, or print its errors and exit 1."""
    from briefing_tui.loader import BriefInvalid, load_brief

    try:
        return load_brief(path)
    except BriefInvalid as invalid:
        _fail([str(error) for error in invalid.errors])


@click.group(cls=BriefingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "-V", "--version", prog_name="briefing", message="%(prog)s %(version)s"
)
def main() -> None:
    """Read policy briefs in the terminal.

    \b
    briefing                 open the bundled Japan–EU summit brief (13 July 2023)
    briefing PATH            open the brief at PATH
    briefing validate PATH…  check briefs and report every mistake
    briefing new PATH        start a brief from a commented template
    briefing export PATH     write a brief as Markdown
    briefing schema          print the brief format as JSON Schema
    briefing help [COMMAND]  this help, or a command's
    """


@main.command("open", hidden=True)
@click.argument("path", required=False, metavar="[PATH]")
def open_command(path: str | None) -> None:
    """Open a brief (the bundled summit brief when PATH is left out): `briefing PATH`."""
    from briefing_tui.reader import open_brief

    sys.exit(open_brief(path))


@main.command("help")
@click.argument("command", required=False, metavar="[COMMAND]")
@click.pass_context
def help_command(ctx: click.Context, command: str | None) -> None:
    """Show this help, or a command's (`briefing help export`)."""
    group = ctx.parent
    assert group is not None
    if command is None:
        click.echo(group.get_help())
        return
    found = main.get_command(group, command)
    if found is None:
        ctx.fail(f"no such command '{printable(command, one_line=True)}'")
    with click.Context(found, info_name=command, parent=group) as context:
        click.echo(found.get_help(context))


@main.command("validate")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--source",
    metavar="ARTICLE.txt",
    help="Check every quote against this text (one brief only), instead of its source.file.",
)
def validate_command(paths: tuple[str, ...], source: str | None) -> None:
    """Check briefs: `ok: PATH (counts)` for each valid one, one line per mistake otherwise.

    The quotes of a brief are checked against its source text, word for word: the --source file,
    or else the file its source.file names. Exits 0 only when every brief is valid.
    """
    from briefing_tui.loader import BriefInvalid, load_brief
    from briefing_tui.sourcecheck import check_sources

    if source is not None and len(paths) > 1:
        raise click.UsageError("--source checks the quotes of one brief: give one PATH")
    failed = False
    for path in paths:
        try:
            brief = load_brief(path)
        except BriefInvalid as invalid:
            failed = True
            for error in invalid.errors:
                click.echo(str(error))
            continue
        checked = check_sources(brief, path, source)
        if checked.errors:
            failed = True
            for error in checked.errors:
                click.echo(str(error))
            continue
        counts = brief.counts()
        parts = (
            _count(counts["agreements"], "agreement"),
            _count(counts["quotes"], "quote"),
            _count(counts["analysis"], "analysis", "analyses"),
            _count(counts["questions"], "question"),
        )
        matched = f"; {checked.summary}" if checked.summary else ""
        click.echo(f"ok: {printable_path(path)} ({', '.join(parts)}{matched})")
    if failed:
        sys.exit(EXIT_INVALID)


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


@main.command("export")
@click.argument("path", metavar="PATH")
@click.option(
    "-o",
    "--output",
    "output",
    metavar="OUT.md",
    help="Write to OUT.md instead of standard output (- is standard output).",
)
@click.option("--force", is_flag=True, help="Replace OUT.md if it exists.")
@click.option(
    "--section",
    "sections",
    multiple=True,
    metavar="SECTION",
    help=(
        f"Export only this section (repeat for several): {', '.join(SECTIONS)}, or a prefix"
        " that names one, as in: takes (quo, an)."
    ),
)
@click.option(
    "--query",
    metavar="QUERY",
    help="Export only the items this search finds (as / finds them in the reader).",
)
def export_command(
    path: str, output: str | None, force: bool, sections: tuple[str, ...], query: str | None
) -> None:
    """Write the brief at PATH as Markdown, to standard output or to OUT.md.

    With --query, only the items the search finds (within the --section ones, if given); a query
    that finds nothing is an error and writes nothing. An existing OUT.md is never replaced
    without --force, and the brief itself never.
    """
    from briefing_tui.export import to_markdown

    parsed = _parse_query(query) if query is not None else None
    sections = _resolve_sections(sections)
    brief = _load(path)
    chosen: Any = sections or None
    refs = _query_refs(brief, parsed, sections) if parsed is not None else None
    text = to_markdown(brief, sections=chosen, refs=refs, query=parsed.text if parsed else None)
    if output is None or output == "-":
        _write_stdout(text)
        return
    from briefing_tui.files import WriteError, write_text_atomic

    try:
        write_text_atomic(Path(output), text, replace=force, protect=[Path(path)])
    except WriteError as error:
        _fail([f"briefing: error: {error}"])
    click.echo(f"wrote {printable_path(output)}", err=True)


def _parse_query(text: str) -> Query:
    """The query read strictly, or a usage error (exit 2) naming the problem and where it is."""
    from briefing_tui.query import QueryError, parse_query

    try:
        parsed = parse_query(text, strict=True)
    except QueryError as error:
        raise click.BadParameter(
            f"{error} (at character {error.position + 1} of {text!r})", param_hint="'--query'"
        ) from None
    if parsed.empty:
        raise click.BadParameter("the query is empty", param_hint="'--query'")
    return parsed


def _resolve_sections(names: Sequence[str]) -> tuple[Section, ...]:
    """The sections `names` name, in full or by a prefix as `in:` takes them, each once in the
    order first given; or one line naming the mistake (and the candidates), exit 1."""
    from briefing_tui.query import SectionError, resolve_section

    resolved: list[Section] = []
    for name in names:
        try:
            resolved.append(resolve_section(name, shown=f"--section {name}"))
        except SectionError as error:
            _fail([f"briefing: error: {printable(str(error), one_line=True)}"])
    return tuple(dict.fromkeys(resolved))


def _query_refs(brief: Brief, query: Query, sections: Sequence[str]) -> list[ItemRef]:
    """The items `query` finds in `brief` (in `sections`, if any), or exit 1 when none.

    Only exact matches count: hits for typo corrections are offered as a suggestion instead.
    """
    from briefing_tui.search import SearchIndex

    result = SearchIndex(brief).search(query)
    refs = [] if result.fuzzy else [hit.ref for hit in result.hits]
    if sections:
        refs = [ref for ref in refs if ref.section in sections]
    if not refs:
        where = f" in {', '.join(sections)}" if sections else ""
        hint = f" (did you mean {' '.join(result.suggestions)!r}?)" if result.suggestions else ""
        if not hint and not sections and result.overview is not None and not result.hits:
            hint = " (only the brief's own title or summary does: export it whole)"
        _fail([f"briefing: error: no item matches {query.text!r}{where}{hint}"])
    return refs


def _write_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (`| head`) left early: that is not an error of ours.
        sys.stderr.close()
        sys.exit(0)


@main.command("schema")
def schema_command() -> None:
    """Print the brief format as JSON Schema (for editors: yaml-language-server)."""
    import json

    from briefing_tui.model import json_schema

    _write_stdout(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


@main.command("new")
@click.argument("path", metavar="PATH")
def new_command(path: str) -> None:
    """Start a brief: write a commented template at PATH that validates as it is.

    Beside it, brief.schema.json (the format, for your editor's completion) unless one is there.
    An existing file is never replaced.
    """
    from briefing_tui.template import NewBriefError, new_brief, report_lines

    try:
        written = new_brief(Path(path))
    except NewBriefError as error:
        _fail([f"briefing: error: {error}"])
    for line in report_lines(written):
        click.echo(line, err=True)


@main.command("serve")
@click.argument("path", required=False, metavar="[PATH|DIR]")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="The port."
)
def serve_command(path: str | None, host: str, port: int) -> None:
    """Serve the reader to web browsers (the bundled summit brief when PATH is left out).

    Only this machine can connect unless --host names another address: then anyone who can
    reach the port can read the brief.
    """
    from briefing_tui.serve import serve

    sys.exit(serve(path, host=host, port=port))
