"""`briefing serve` before any server starts: what it refuses, warns about and runs."""

from __future__ import annotations

import shlex
import socket
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from library_briefs import brief_text, write

from briefing_tui import serve as serve_module
from briefing_tui.cli import main
from briefing_tui.launch import is_plain_open
from briefing_tui.serve import is_loopback, served_command

ROOT = Path(__file__).resolve().parents[2]
NOTE = ROOT / "tests" / "data" / "note.yaml"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, int]]:
    """Servers that would have started, as (command, host, port), instead of starting them."""
    calls: list[tuple[str, str, int]] = []

    def serve(self: serve_module._BriefServer) -> None:
        calls.append((self.command, self.host, self.port))

    monkeypatch.setattr(serve_module._BriefServer, "serve", serve)
    return calls


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serve_is_a_subcommand_not_a_brief_to_open() -> None:
    assert not is_plain_open(["serve"])


def test_an_invalid_brief_prints_its_errors_and_serves_nothing(
    tmp_path: Path, started: list[tuple[str, str, int]]
) -> None:
    bad = write(tmp_path, "bad.yaml", "brief: 1\ntitel: x\n")
    result = CliRunner().invoke(main, ["serve", str(bad)])
    assert result.exit_code == 1
    assert (
        f"{bad}:2:1: error: $.titel: unknown key 'titel' — did you mean 'title'?" in result.output
    )
    assert started == []


def test_a_folder_is_served_as_a_library(
    tmp_path: Path, started: list[tuple[str, str, int]]
) -> None:
    write(tmp_path, "old.yaml", brief_text("Old", "2020-01-01"))
    write(tmp_path, "new one.yaml", brief_text("New", "2024-01-01"))
    port = free_port()
    result = CliRunner().invoke(main, ["serve", "--port", str(port), str(tmp_path)])
    assert result.exit_code == 0, result.output
    [(command, host, _)] = started
    assert shlex.split(command) == [sys.executable, "-m", "briefing_tui", str(tmp_path)]
    assert host == "127.0.0.1"


def test_a_folder_without_a_valid_brief_says_so_with_each_file_s_first_error(
    tmp_path: Path, started: list[tuple[str, str, int]]
) -> None:
    bad = write(tmp_path, "bad.yaml", "brief: 1\ntitel: x\n")
    result = CliRunner().invoke(main, ["serve", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"briefing: error: {tmp_path}: no valid brief in this folder",
        f"{bad}:1:1: error: $: missing required key 'date'",
    ]
    assert started == []


def test_a_port_in_use_is_one_line_and_exit_1(started: list[tuple[str, str, int]]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port), str(NOTE)])
    assert result.exit_code == 1
    assert result.output == (
        f"briefing: error: cannot serve on 127.0.0.1:{port}: the port is in use"
        " (choose another with --port)\n"
    )
    assert started == []


def test_loopback_by_default_and_no_warning(
    started: list[tuple[str, str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve_module, "_check_port", lambda host, port: None)  # 8000 may be taken
    result = CliRunner().invoke(main, ["serve", str(NOTE)])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    [(command, host, port)] = started
    assert (host, port) == ("127.0.0.1", 8000)
    assert shlex.split(command) == [sys.executable, "-m", "briefing_tui", str(NOTE.absolute())]


def test_another_host_is_served_only_with_a_warning(started: list[tuple[str, str, int]]) -> None:
    port = free_port()
    result = CliRunner().invoke(
        main, ["serve", "--host", "0.0.0.0", "--port", str(port), str(NOTE)]
    )
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"briefing: warning: serving on 0.0.0.0: anyone who can reach port {port}"
        " can read the briefs\n"
    )
    assert [(host, p) for _, host, p in started] == [("0.0.0.0", port)]


def test_a_file_name_reaches_the_reader_as_it_is_never_as_shell_syntax(tmp_path: Path) -> None:
    nasty = tmp_path / "a b $(touch x); `id` 'q' \"d\" \\.yaml"
    assert shlex.split(served_command(nasty))[-1] == str(nasty)
    relative = served_command(Path("brief.yaml"))
    assert shlex.split(relative)[-1] == str(Path.cwd() / "brief.yaml")


def test_an_empty_host_is_refused(started: list[tuple[str, str, int]]) -> None:
    result = CliRunner().invoke(main, ["serve", "--host", " ", str(NOTE)])
    assert result.exit_code == 1
    assert result.output == "briefing: error: --host is empty (127.0.0.1 serves this machine)\n"
    assert started == []


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("example.org", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
