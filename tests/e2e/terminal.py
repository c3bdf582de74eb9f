"""A program in a real pseudo-terminal, read as a person sees it: pexpect drives, pyte renders.

Shared by the end-to-end tests and by bench/bench_startup.py.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

import pexpect
import pyte


class Terminal:
    """Runs `argv` in a pty of `columns` x `lines` and keeps a pyte screen of what it draws."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        columns: int = 120,
        lines: int = 40,
        env: dict[str, str] | None = None,
        cwd: str | None = None,
    ) -> None:
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.read_at = 0.0
        """When the last bytes arrived (perf_counter): what the screen shows was sent by then."""
        environment = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
        environment.pop("TEXTUAL", None)
        environment.update(env or {})
        self.started = time.perf_counter()
        self.child = pexpect.spawn(
            argv[0],
            list(argv[1:]),
            dimensions=(lines, columns),
            env=environment,
            cwd=cwd,
        )

    @property
    def text(self) -> str:
        """The screen as lines of text."""
        return "\n".join(self.screen.display)

    def pump(self, timeout: float = 0.05) -> bool:
        """Feed whatever the program wrote to the screen; False once it has exited."""
        try:
            data = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return True
        except pexpect.EOF:
            return False
        self.read_at = time.perf_counter()
        self.raw += data
        self.stream.feed(data)
        return True

    def drain(self, quiet: float = 0.15, timeout: float = 10.0) -> list[float]:
        """Read until the program has written nothing for `quiet` seconds; return when each piece
        of output arrived (perf_counter). The screen is updated only once it is quiet, so the
        time pyte takes to parse a piece never delays when the next one is seen to arrive."""
        arrivals: list[float] = []
        chunks: list[bytes] = []
        deadline = time.perf_counter() + timeout
        last = time.perf_counter()
        while time.perf_counter() - last < quiet and time.perf_counter() < deadline:
            try:
                data = self.child.read_nonblocking(65536, timeout=0.002)
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                break
            last = time.perf_counter()
            arrivals.append(last)
            chunks.append(data)
        for data in chunks:
            self.raw += data
            self.stream.feed(data)
        if arrivals:
            self.read_at = arrivals[-1]
        return arrivals

    def wait_for(self, *needles: str, timeout: float = 20.0) -> float:
        """Wait until every one of `needles` is on screen; return seconds from the start until
        the bytes that put them there arrived (not counting the time pyte takes to parse them).
        """
        deadline = time.perf_counter() + timeout
        while not all(needle in self.text for needle in needles):
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{needles!r} never appeared on screen:\n{self.text}")
            if not self.pump(timeout=0.01) and not all(needle in self.text for needle in needles):
                raise EOFError(f"the program exited before {needles!r} appeared:\n{self.text}")
        return max(self.read_at, self.started) - self.started

    def wait_gone(self, needle: str, timeout: float = 20.0) -> None:
        """Wait until `needle` is no longer on screen."""
        deadline = time.perf_counter() + timeout
        while needle in self.text:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{needle!r} stayed on screen:\n{self.text}")
            if not self.pump(timeout=0.01):
                return

    def press(self, *keys: str) -> None:
        """Type keys (raw strings: "3", "q", "\r", "\x1b[B"...)."""
        for key in keys:
            self.child.send(key)

    def peak_memory_kib(self) -> int:
        """The program's peak resident memory so far (VmHWM), in KiB."""
        with open(f"/proc/{self.child.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmHWM in /proc status")

    def wait_exit(self, timeout: float = 10.0) -> int:
        """Wait for the program to exit; return its exit status."""
        deadline = time.perf_counter() + timeout
        while self.pump(timeout=0.05):
            if time.perf_counter() > deadline:
                self.child.terminate(force=True)
                raise TimeoutError(f"the program did not exit:\n{self.text}")
        self.child.close()
        status = self.child.exitstatus
        return status if status is not None else -(self.child.signalstatus or 0)

    def close(self) -> None:
        """Kill the program if it still runs."""
        if self.child.isalive():
            self.child.terminate(force=True)
