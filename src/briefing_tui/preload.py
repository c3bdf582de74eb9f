"""Load a brief in a forked process while this one imports Textual.

Opening a brief costs two things that do not depend on each other: importing Textual and the app
(most of the time to first paint), and reading, parsing and checking the brief. Where the system
can fork, a child process does the second while the parent does the first, and hands the brief
back as msgpack, which decodes in a fraction of the time a parse takes. Where it cannot, or when
anything about the child goes wrong, the parent simply loads the brief itself: the result is the
same brief, or the same errors, either way.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import msgspec

from briefing_tui.model import Brief

if TYPE_CHECKING:
    from briefing_tui.loader import BriefError

_BRIEF = b"B"
_ERRORS = b"E"


class Preload:
    """A brief being loaded from `path`; `result()` waits for it."""

    def __init__(self, path: str) -> None:
        """Start loading `path` in a child process, where the system can fork."""
        self.path = path
        self._pid: int | None = None
        self._pipe: int | None = None
        if hasattr(os, "fork"):
            self._fork()

    def _fork(self) -> None:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: load, send, and leave without running any of the parent's cleanup
            os.close(read_end)
            status = 1
            try:
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(_payload(self.path))
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        self._pid, self._pipe = pid, read_end

    def result(self) -> Brief:
        """The loaded brief; raises the loader's BriefInvalid when it has mistakes."""
        payload = self._collect()
        if payload[:1] == _BRIEF:
            return msgspec.msgpack.decode(payload[1:], type=Brief)
        from briefing_tui.loader import BriefError, BriefInvalid, load_brief

        if payload[:1] == _ERRORS:
            raise BriefInvalid(msgspec.msgpack.decode(payload[1:], type=list[BriefError]))
        return load_brief(self.path)

    def _collect(self) -> bytes:
        """What the child sent, or b"" when there is no child or it did not finish its work."""
        if self._pipe is None or self._pid is None:
            return b""
        try:
            with os.fdopen(self._pipe, "rb") as pipe:
                payload = pipe.read()
            _, status = os.waitpid(self._pid, 0)
        except BaseException:
            self.cancel()
            raise
        finally:
            self._pipe = None
        self._pid = None
        return payload if os.waitstatus_to_exitcode(status) == 0 else b""

    def cancel(self) -> None:
        """Stop the child, if it still runs."""
        if self._pid is not None:
            try:
                os.kill(self._pid, 9)
                os.waitpid(self._pid, 0)
            except OSError:
                pass
            self._pid = None


def _payload(path: str) -> bytes:
    """The brief at `path` as msgpack behind a marker byte, or its errors."""
    from briefing_tui.loader import BriefInvalid, load_brief

    try:
        brief = load_brief(path)
    except BriefInvalid as invalid:
        errors: list[BriefError] = invalid.errors
        return _ERRORS + msgspec.msgpack.encode(errors)
    return _BRIEF + msgspec.msgpack.encode(brief)
