"""The progress line of a slow load, without a terminal."""

from __future__ import annotations

import io

from briefing_tui.load_progress import LoadProgress, progress_line


def test_the_line_names_the_file_and_how_far_loading_has_got() -> None:
    assert progress_line(5, 20, "b.yaml", 80) == "Loading [#####...............] 5/20 b.yaml"
    assert progress_line(50, 100, "b.yaml (7.4 MB)", 80, counted=False) == (
        "Loading [##########..........] b.yaml (7.4 MB)"
    )


def test_a_long_or_hostile_name_is_cut_to_one_printable_line() -> None:
    line = progress_line(1, 2, "x" * 200 + "\x1b[2J\nend.yaml", 60)
    assert len(line) <= 59 and line.endswith("end.yaml")
    assert "\x1b" not in line and "\n" not in line


class Pretend(io.StringIO):
    """A stream that says whether it is a terminal."""

    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_nothing_is_written_before_the_delay_nor_off_a_terminal() -> None:
    quick = Pretend(tty=True)
    LoadProgress(quick, delay=60)(1, 2, "a.yaml")
    assert quick.getvalue() == ""
    piped = Pretend(tty=False)
    LoadProgress(piped, delay=0)(1, 2, "a.yaml")
    assert piped.getvalue() == ""
    slow = Pretend(tty=True)
    progress = LoadProgress(slow, delay=0)
    progress(1, 2, "a.yaml")
    progress.clear()
    assert slow.getvalue().startswith("\r\x1b[KLoading [") and slow.getvalue().endswith("\r\x1b[K")
