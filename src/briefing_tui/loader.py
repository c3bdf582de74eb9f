"""Reads a brief file into a ``model.Brief``, or explains every mistake in it, one line each.

The only way anything goes wrong here is ``BriefInvalid``: a list of ``BriefError`` lines
``FILE:LINE:COL: error: PATH: MESSAGE``. The file goes through: stat and read (never blocking
on a FIFO, never past ``MAX_BRIEF_BYTES``), strict UTF-8, a scan for control characters,
libyaml's C parser into positioned nodes (yamlnodes), the model's checks (validation), and
finally ``msgspec.convert`` into the frozen structs.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass

import msgspec
import yaml

from briefing_tui import collector
from briefing_tui.editor_positions import EditorPositions
from briefing_tui.limits import MAX_BRIEF_BYTES
from briefing_tui.model import Brief
from briefing_tui.printable import printable, printable_path
from briefing_tui.validation import Checker
from briefing_tui.wording import char_name, syntax_problem
from briefing_tui.yamlnodes import Problem, TreeBuilder, YamlProblem

__all__ = ["MAX_BRIEF_BYTES", "BriefError", "BriefInvalid", "load_brief", "parse_brief"]

# What libyaml itself refuses in a stream (and C1 besides): reported before parsing, exactly.
_RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Text values can hold control characters only through escapes or as bidi controls.
_MAYBE_CONTROL = re.compile("[\\\\\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("\r\n|[\r\n]")  # as editors count lines (not U+2028/9)
_MAX_RAW_REPORTS = 20


@dataclass(frozen=True, slots=True)
class BriefError:
    """One mistake in a brief: where (1-based line and col, JSON path) and what."""

    file: str
    line: int | None
    col: int | None
    path: str | None
    message: str

    def __str__(self) -> str:
        """``FILE:LINE:COL: error: PATH: MESSAGE``, leaving out what is unknown."""
        where = printable_path(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        path = f"{self.path}: " if self.path else ""
        return printable(f"{where}: error: {path}{self.message}", one_line=True)


class BriefInvalid(Exception):
    """The brief cannot be read; ``errors`` lists every mistake found, sorted by position."""

    def __init__(self, errors: list[BriefError]) -> None:
        self.errors = sorted(errors, key=_position)
        super().__init__("\n".join(str(error) for error in self.errors))

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


def _position(error: BriefError) -> tuple[int, int]:
    return (error.line or 0, error.col or 0)


def load_brief(path: str | os.PathLike[str]) -> Brief:
    """Read and check the brief file at ``path``; raise BriefInvalid with every mistake."""
    name = os.fspath(path)
    try:
        data = _read(name)
    except BriefInvalid:
        raise
    except Exception as exc:  # never a traceback: any unexpected failure becomes one line
        raise BriefInvalid(
            [BriefError(name, None, None, None, f"cannot read the file: {exc}")]
        ) from None
    return parse_brief(data, name=name)


def _fail(name: str, message: str) -> BriefInvalid:
    return BriefInvalid([BriefError(name, None, None, None, message)])


def _too_large(size: int) -> str:
    mib = MAX_BRIEF_BYTES // (1024 * 1024)
    return (
        f"the file is too large: {size:,} bytes,"
        f" and a brief may be at most {mib} MiB ({MAX_BRIEF_BYTES:,} bytes)"
    )


def _read(name: str) -> bytes:
    try:
        info = os.stat(name)
    except FileNotFoundError:
        raise _fail(name, "no such file") from None
    except NotADirectoryError:
        raise _fail(name, "no such file (a part of the path is not a folder)") from None
    except PermissionError:
        raise _fail(name, "permission denied") from None
    except (OSError, ValueError) as exc:
        raise _fail(
            name, f"cannot read the file: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    _check_kind(name, info)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(name, flags | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        raise _fail(name, "permission denied") from None
    except OSError as exc:
        raise _fail(name, f"cannot read the file: {exc.strerror or exc}") from None
    try:
        _check_kind(name, os.fstat(fd))  # it may have been swapped since the stat
        chunks = []
        total = 0
        while total <= MAX_BRIEF_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BRIEF_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise _fail(name, f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if total > MAX_BRIEF_BYTES:
        raise _fail(name, _too_large(total))
    return b"".join(chunks)


def _check_kind(name: str, info: os.stat_result) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise _fail(name, "is a folder, not a brief file")
    if not stat.S_ISREG(mode):
        kinds = [
            (stat.S_ISFIFO, "a named pipe (FIFO)"),
            (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"),
            (stat.S_ISSOCK, "a socket"),
        ]
        kind = next((label for test, label in kinds if test(mode)), "a special file")
        raise _fail(name, f"not a regular file: it is {kind}")
    if info.st_size > MAX_BRIEF_BYTES:
        raise _fail(name, _too_large(info.st_size))


def parse_brief(data: bytes, *, name: str = "<brief>") -> Brief:
    """Check the YAML bytes of a brief and build it; raise BriefInvalid with every mistake.

    ``name`` is what error lines start with (the file as the user gave it).
    """
    try:
        return _parse(data, name)
    except BriefInvalid:
        raise
    except RecursionError:
        raise _fail(name, "nesting is too deep") from None
    except MemoryError:
        raise _fail(name, "not enough memory to read this brief") from None
    except Exception as exc:  # a bug here must still come out as one line, not a traceback
        message = f"internal error while reading the brief ({type(exc).__name__}: {exc})"
        raise _fail(name, message) from None


def _parse(data: bytes, name: str) -> Brief:
    if len(data) > MAX_BRIEF_BYTES:
        raise _fail(name, _too_large(len(data)))
    if not getattr(yaml, "__with_libyaml__", False):  # the pure-Python parser is slow and recursive
        raise _fail(name, "PyYAML is installed without its C extension (libyaml): reinstall PyYAML")
    text = _decode(data, name)
    _check_raw_characters(text, name)
    positions = EditorPositions(text)
    with collector.paused():  # nothing built here forms a cycle: see collector.py
        return _build(text, name, positions)  # its temporaries are freed before the collector runs


def _build(text: str, name: str, positions: EditorPositions) -> Brief:
    """The Brief of a decoded text, or BriefInvalid with every mistake."""
    builder = TreeBuilder(text)
    try:
        root = builder.build()
    except YamlProblem as exc:
        last = exc.problem
        if last is None:
            assert exc.syntax is not None
            last = syntax_problem(exc.syntax, text, positions.where)
        raise _invalid(name, [*exc.earlier, last], positions) from None
    check_chars = _MAYBE_CONTROL.search(text) is not None
    checker = Checker(check_chars, line_of=positions.line)
    data_tree = checker.brief(root)
    problems = builder.problems + checker.problems
    if checker.more:
        total = len(problems) + checker.more
        problems.append((None, None, None, f"{total} errors; the first {len(problems)} follow"))
    if problems or data_tree is None:
        problems = problems or [(None, None, None, "the brief is not valid")]
        raise _invalid(name, problems, positions)
    try:
        return msgspec.convert(data_tree, Brief)
    except msgspec.ValidationError as exc:  # the checks above should have caught it first
        raise _fail(name, str(exc)) from None


def _invalid(name: str, problems: list[Problem], positions: EditorPositions) -> BriefInvalid:
    """The problems as errors, at the lines and columns an editor shows."""
    errors = []
    for line, col, path, message in problems:
        if line is None:
            errors.append(BriefError(name, None, None, path, message))
        else:
            shown_line, shown_col = positions(line, col or 0)
            shown = None if col is None else shown_col
            errors.append(BriefError(name, shown_line, shown, path, message))
    return BriefInvalid(errors)


_UNICODE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),  # before UTF-16, whose mark begins the same way
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            raise _fail(name, f"the file is {encoding}: save it as UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        if data.startswith(b"\xef\xbb\xbf"):
            message = "a second byte order mark (U+FEFF) follows the first: remove it"
            raise BriefInvalid([BriefError(name, 1, 1, None, message)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8", errors="replace")
        line, col = _line_col(before, len(before))
        byte = data[exc.start]
        message = f"not valid UTF-8: byte 0x{byte:02X} ({exc.reason}); save the file as UTF-8"
        raise BriefInvalid([BriefError(name, line, col, None, message)]) from None


def _line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``, counting line breaks as editors do."""
    line, start = 1, 0
    for match in _LINE_BREAKS.finditer(text, 0, index):
        line += 1
        start = match.end()
    return line, index - start + 1


def _check_raw_characters(text: str, name: str) -> None:
    errors = []
    line, start, scanned = 1, 0, 0  # lines are counted once, from one finding to the next
    for match in _RAW_CONTROL.finditer(text):
        for newline in _LINE_BREAKS.finditer(text, scanned, match.start()):
            line += 1
            start = newline.end()
        scanned = match.start()
        message = f"{char_name(match.group())} is not allowed"
        errors.append(BriefError(name, line, match.start() - start + 1, None, message))
        if len(errors) == _MAX_RAW_REPORTS:
            break
    if errors:
        raise BriefInvalid(errors)
