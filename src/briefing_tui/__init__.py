"""briefing-tui: read policy briefs in the terminal."""

__version__ = "0.1.0"
