"""The floor for startup: a bare Textual app with a header, one line of text and a footer."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class BareApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]  # noqa: RUF012 (Textual's own idiom)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("bare textual app")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
