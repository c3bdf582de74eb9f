"""`briefing serve`: the reader in a web browser, through textual-serve.

Each browser tab that opens the page gets its own reader: textual-serve runs the installed
`briefing` command (this interpreter, ``python -m briefing_tui``) with the absolute path of the
brief (or of the folder, for a library), quoted for the shell it goes through, and relays the
screen over a websocket. An export in the browser is a download, not a file on the server.

The server listens on the loopback interface unless another host is asked for, and then says
that anyone who can reach the port can read the briefs. Even on loopback, any web page open in
the same browser could reach it, so the page and its websocket answer only requests addressed to
the host served (no DNS rebinding) and, for the websocket, coming from the page itself (no other
site's script). A brief is checked before anything is served: its mistakes are printed and
nothing starts.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import os
import shlex
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

from briefing_tui.printable import printable, printable_path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
EXIT_INVALID = 1
EXIT_INTERRUPTED = 130

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "is_loopback", "serve", "served_command"]


class ServeError(Exception):
    """What stops the server from starting: the lines to print (one, or a brief's errors)."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only: localhost, 127.0.0.0/8 or ::1."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def served_command(brief: Path) -> str:
    """The shell command textual-serve runs for each browser: this install's reader on ``brief``.

    The path is absolute and quoted, so no file name can inject shell syntax.
    """
    return shlex.join([sys.executable, "-m", "briefing_tui", os.fspath(brief.absolute())])


def serve(path: str | None, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> int:
    """Check the brief at ``path`` (the bundled summit brief if None), then serve it until
    Ctrl-C; the exit status (0 stopped, 1 an invalid brief or a server that cannot start)."""
    try:
        if not host.strip():
            raise ServeError("briefing: error: --host is empty (127.0.0.1 serves this machine)")
        brief, title = _checked(path)
        _check_port(host, port)
        if not is_loopback(host):
            _say(
                f"briefing: warning: serving on {printable(host, one_line=True)}: anyone who can"
                f" reach port {port} can read the briefs"
            )
        _BriefServer(served_command(brief), host=host, port=port, title=title).serve()
    except ServeError as error:
        for line in error.lines:
            _say(line)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except OSError as error:  # the port was taken between the check and the start
        _say(f"briefing: error: cannot serve on {_where(host, port)}: {error.strerror or error}")
        return EXIT_INVALID
    return 0


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _checked(path: str | None) -> tuple[Path, str]:
    """The brief or folder to serve and its title; ServeError for an invalid brief, a folder
    with no valid brief, no file."""
    from briefing_tui.loader import BriefInvalid, load_brief
    from briefing_tui.resources import SUMMIT_BRIEF, bundled

    brief = Path(path) if path is not None else bundled("briefs") / SUMMIT_BRIEF
    if brief.is_dir():
        return brief.absolute(), _library_title(brief)
    try:
        loaded = load_brief(brief)
    except BriefInvalid as invalid:
        raise ServeError(*(str(error) for error in invalid.errors)) from None
    return brief.absolute(), loaded.title


def _library_title(folder: Path) -> str:
    """The title of the library in ``folder``; ServeError if it holds no valid brief."""
    from briefing_tui.library import open_library

    shown = printable_path(folder)
    library = open_library([folder])
    if not library.valid:
        errors = [str(entry.error) for entry in library.invalid if entry.error is not None]
        raise ServeError(f"briefing: error: {shown}: no valid brief in this folder", *errors)
    count = len(library.valid)
    return f"Library of {count} brief{'' if count == 1 else 's'} in {folder.absolute().name}"


def _where(host: str, port: int) -> str:
    name = printable(host, one_line=True)
    return f"[{name}]:{port}" if ":" in name else f"{name}:{port}"


def _check_port(host: str, port: int) -> None:
    """ServeError when ``host`` is unknown or ``port`` is taken there (before anything starts)."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (OSError, UnicodeError) as error:
        raise ServeError(
            f"briefing: error: cannot serve on {_where(host, port)}: unknown host ({error})"
        ) from None
    for family, kind, protocol, _, address in addresses:
        with socket.socket(family, kind, protocol) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as error:
                in_use = error.errno == errno.EADDRINUSE
                reason = "the port is in use (choose another with --port)" if in_use else error
                raise ServeError(
                    f"briefing: error: cannot serve on {_where(host, port)}: {reason}"
                ) from None


class _OneLine(logging.Formatter):
    """Log records as one printable line, without tracebacks."""

    def format(self, record: logging.LogRecord) -> str:
        return "briefing: " + printable(record.getMessage(), one_line=True)


class _BriefServer(Server):
    """textual-serve's server, quiet, checking who asks, with the page's URLs as requested."""

    def __init__(self, command: str, *, host: str, port: int, title: str) -> None:
        super().__init__(command, host=host, port=port, title=f"{title} — briefing")
        self._loopback = is_loopback(host)
        self._brief_title = title

    def initialize_logging(self) -> None:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_OneLine())
        for name in ("textual-serve", "aiohttp"):
            logger = logging.getLogger(name)
            logger.handlers[:] = [handler]
            logger.setLevel(logging.ERROR)
            logger.propagate = False

    async def on_startup(self, app: web.Application) -> None:
        url = f"http://{_where(self.host, self.port)}"
        title = printable(self._brief_title, one_line=True)
        print(f"Serving {title!r} at {url} (Ctrl+C stops)", flush=True)

    def _refused(self, request: web.Request, websocket: bool) -> bool:
        """Whether a request is not for us: another host name, or a websocket from elsewhere."""
        host = request.host
        if self._loopback and not is_loopback(urlsplit(f"//{host}").hostname or ""):
            return True
        origin = request.headers.get("Origin")
        return websocket and origin is not None and urlsplit(origin).netloc != host

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self._refused(request, websocket=False):
            raise web.HTTPForbidden(text="briefing: this host name is not served here")
        # The page's links and websocket URL as the browser reached us (a 0.0.0.0 or [::1] bind).
        self.public_url = f"{request.scheme}://{request.host}"
        response: web.StreamResponse = await super().handle_index(request)
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if self._refused(request, websocket=True):
            raise web.HTTPForbidden(text="briefing: this page may not be opened from elsewhere")
        return await super().handle_websocket(request)
