"""Shared by the fuzz tests: run one input through the loader and check what a user would get.

Every input must give a Brief, or errors that each point inside the file (a line that exists, a
column on it) unless they speak of the whole file; never another exception, never an "internal
error", never a line break inside an error, and never more than MAX_CPU_SECONDS of work.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field

from briefing_tui.loader import BriefInvalid, parse_brief
from briefing_tui.model import Brief

LONG = os.environ.get("BRIEFING_LONG_TESTS") == "1"
"""Set BRIEFING_LONG_TESTS=1 for the long run before a release (many more examples)."""

MAX_CPU_SECONDS = 2.0
_BREAKS = re.compile("\r\n|\r|\n")
# Errors that are about the whole file, so have no line.
_WHOLE_FILE = re.compile(
    r"the file is (UTF-16|UTF-32|too large)|the brief is empty|\d+ errors; the first \d+ follow"
    r"|PyYAML is installed"
)


def scaled(ci: int) -> int:
    """`ci` examples in CI, thirty times as many in the long run."""
    return ci * 30 if LONG else ci


@dataclass
class Tally:
    """What a fuzz run met: inputs, valid briefs, invalid ones, and the slowest input."""

    inputs: int = 0
    valid: int = 0
    invalid: int = 0
    slowest: float = 0.0
    kinds: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        return (
            f"{self.inputs} inputs: {self.valid} valid, {self.invalid} refused with located"
            f" errors; slowest {self.slowest * 1000:.0f} ms CPU"
        )


def check(data: bytes, tally: Tally, context: str = "") -> Brief | BriefInvalid:
    """Load `data` and assert the outcome is one a user may see (see the module docstring)."""
    started = time.process_time()
    try:
        outcome: Brief | BriefInvalid = parse_brief(data, name="fuzz.yaml")
    except BriefInvalid as invalid:
        outcome = invalid
    spent = time.process_time() - started
    tally.inputs += 1
    tally.slowest = max(tally.slowest, spent)
    where = f"{context} ({len(data)} bytes: {data[:200]!r})"
    assert spent < MAX_CPU_SECONDS, f"{spent:.1f} s of CPU for {where}"
    if isinstance(outcome, Brief):
        tally.valid += 1
        return outcome
    tally.invalid += 1
    lines = _BREAKS.split(data.decode("utf-8", errors="replace").removeprefix("\ufeff"))
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    for error in outcome.errors:
        shown = str(error)
        assert "\n" not in shown and "\r" not in shown, where
        assert "internal error" not in error.message, f"{shown} for {where}"
        if error.line is None:
            assert _WHOLE_FILE.search(error.message), f"no position: {shown} for {where}"
            continue
        assert 1 <= error.line <= max(1, len(lines)), f"line out of the file: {shown} for {where}"
        if error.col is not None:
            width = len(lines[error.line - 1]) if lines else 0
            assert 1 <= error.col <= width + 1, f"column out of the line: {shown} for {where}"
    return outcome
