"""`briefing serve` read as a person reads it: headless Chromium opens the page, and what the
reader sends over its websocket is drawn on a pyte screen, as the page's terminal draws it.

The page draws on a canvas, so its text is not in the DOM; the bytes the page receives are.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import pyte
import pytest

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
)

# Runs in the page before its own scripts: keeps every binary frame the websocket receives.
RECORD_FRAMES = """
window.__frames = [];
const Native = window.WebSocket;
window.WebSocket = function (...args) {
  const socket = new Native(...args);
  socket.addEventListener("message", async (event) => {
    const data = event.data;
    if (typeof data === "string") return;
    const buffer = data instanceof Blob ? await data.arrayBuffer() : data;
    window.__frames.push(Array.from(new Uint8Array(buffer)));
  });
  return socket;
};
window.WebSocket.prototype = Native.prototype;
Object.assign(window.WebSocket, Native);
"""


def chromium() -> tuple[str, str]:
    """Debian's chromium and its driver, or a skip naming what is missing."""
    browser = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        pytest.skip(
            "no headless Chromium here: install Debian's chromium and chromium-driver"
            " (.ci/run does so with apt-get)"
        )
    return browser, driver


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Served:
    """`briefing serve ...` running in its own process group until ``stop``."""

    def __init__(self, argv: Sequence[str], port: int, env: dict[str, str]) -> None:
        self.port = port
        self.process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **env},
            start_new_session=True,
        )
        self.out = ""
        self.err = ""

    def wait_listening(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.out, self.err = self.process.communicate()
                pytest.fail(f"the server exited ({self.process.returncode}): {self.err}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        pytest.fail("the server did not start listening")

    def stop(self) -> int:
        """Ctrl-C, as a terminal sends it to the whole group; the exit status."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.out, self.err = self.process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.out, self.err = self.process.communicate()
        return self.process.returncode


class Page:
    """The served page in headless Chromium, with a pyte screen of what its terminal shows."""

    def __init__(self, url: str) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        browser, driver = chromium()
        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        self._profile = tempfile.mkdtemp(prefix="briefing-chromium-")
        options.add_argument(f"--user-data-dir={self._profile}")
        self.driver = webdriver.Chrome(service=Service(driver), options=options)
        self.driver.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_FRAMES}
        )
        self.screen = pyte.Screen(400, 120)  # larger than the page's terminal: nothing wraps
        self.stream = pyte.ByteStream(self.screen)
        self._fed = 0
        self.driver.get(url)

    @property
    def text(self) -> str:
        frames = self.driver.execute_script(f"return window.__frames.slice({self._fed});")
        self._fed += len(frames)
        for frame in frames:
            self.stream.feed(bytes(frame))
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, *texts: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(text in self.text for text in texts):
                return
            time.sleep(0.1)
        pytest.fail(f"never shown: {texts}\n{self.text.strip()}")

    def press(self, keys: str) -> None:
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(keys)

    def close(self) -> None:
        self.driver.quit()
        shutil.rmtree(self._profile, ignore_errors=True)


def processes_naming(text: str) -> list[int]:
    """Processes whose command line holds ``text``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def nasty_folder(root: Path) -> Path:
    """A folder whose name a shell would run, were it not quoted."""
    folder = root / "briefs $(touch injected) ; 'q' \"d\""
    folder.mkdir()
    return folder
