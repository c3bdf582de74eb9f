"""`briefing serve` as a user runs it: the installed command, a real server, a real browser."""

from __future__ import annotations

import shutil
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from browser import Page, Served, chromium, free_port, nasty_folder, processes_naming

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
NOTE = ROOT / "tests" / "data" / "note.yaml"
SUMMIT_TITLE = "Japan–EU summit 2023: a security dialogue and closer economic security ties"


def test_the_reader_opens_in_a_browser_and_switches_panes(
    briefing: list[str], config_env: dict[str, str], tmp_path: Path
) -> None:
    chromium()  # skip before starting anything when there is no browser
    folder = nasty_folder(tmp_path)
    brief = folder / "summit $(touch injected).yaml"
    shutil.copy(ROOT / "briefs" / "eu-japan-summit-2023.yaml", brief)
    port = free_port()
    served = Served([*briefing, "serve", "--port", str(port), str(brief)], port, config_env)
    page = None
    try:
        served.wait_listening()
        page = Page(f"http://127.0.0.1:{port}/")
        page.wait_for(SUMMIT_TITLE, "Overview")
        page.press("3")
        page.wait_for("Quote 1 of 12")
    finally:
        if page is not None:
            page.close()
        status = served.stop()
    assert status in (0, 130), served.err
    assert "Traceback" not in served.err
    assert not list(tmp_path.rglob("injected")), "a file name ran as a shell command"
    deadline = time.monotonic() + 10
    while processes_naming(str(brief)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_naming(str(brief)) == [], "a reader outlived the server"


def test_only_the_served_host_and_the_page_itself_are_answered(
    briefing: list[str], config_env: dict[str, str]
) -> None:
    port = free_port()
    served = Served([*briefing, "serve", "--port", str(port), str(NOTE)], port, config_env)
    try:
        served.wait_listening()
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read().decode()
        assert "Harbour cleanup talks" in page
        assert f"ws://127.0.0.1:{port}/ws" in page
        for headers, path in [
            ({"Host": f"attacker.example:{port}"}, "/"),  # DNS rebinding
            ({"Origin": "http://attacker.example"}, "/ws"),  # another site's script
        ]:
            request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=10)
            assert refused.value.code == 403
    finally:
        status = served.stop()
    assert status in (0, 130), served.err
    assert served.err == ""
    assert served.out.startswith("Serving 'Harbour cleanup talks' at http://127.0.0.1:")


def test_a_folder_is_served_as_a_library_whose_briefs_open(
    briefing: list[str], config_env: dict[str, str], tmp_path: Path
) -> None:
    chromium()
    folder = tmp_path / "briefs"
    folder.mkdir()
    shutil.copy(ROOT / "briefs" / "eu-japan-summit-2023.yaml", folder / "summit.yaml")
    shutil.copy(ROOT / "tests" / "data" / "library" / "harbour-trade-talks-2024.yaml", folder)
    port = free_port()
    served = Served([*briefing, "serve", "--port", str(port), str(folder)], port, config_env)
    page = None
    try:
        served.wait_listening()
        page = Page(f"http://127.0.0.1:{port}/")
        page.wait_for("Library", "2 briefs", "Harbour trade talks")
        page.press("j")
        page.wait_for("Open brief")  # the list has the focus
        page.press("\ue007")  # enter
        page.wait_for("summit.yaml", "Overview")
    finally:
        if page is not None:
            page.close()
        status = served.stop()
    assert status in (0, 130), served.err
    assert "Traceback" not in served.err
