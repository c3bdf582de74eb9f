"""The floors of the benchmarks: bare Textual apps that do one thing each.

python bench/bare_app.py          a header, one line of text and a footer (start-up floor)
python bench/bare_app.py --move   the same, and `j` rewrites the line (key-to-screen floor)
"""

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class BareApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]  # noqa: RUF012 (Textual's own idiom)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("bare textual app", id="line")
        yield Footer()


class BareMoveApp(BareApp):
    """`j` updates the one line of text: the least a key can cost to show."""

    BINDINGS = [("j", "move", "Move"), ("q", "quit", "Quit")]  # noqa: RUF012
    row = 0

    def action_move(self) -> None:
        self.row += 1
        self.query_one("#line", Static).update(f"bare textual app row {self.row}")


if __name__ == "__main__":
    (BareMoveApp() if "--move" in sys.argv[1:] else BareApp()).run()
