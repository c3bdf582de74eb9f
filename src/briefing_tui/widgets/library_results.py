"""LibraryResults: the hits of a search across a library, grouped by brief then by section.

A search may match thousands of items in hundreds of briefs: the lines are laid out as runs
(a brief's heading, a section's heading, then its hits) and a hit's row is drawn only when shown.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar, Literal, NamedTuple

from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.style import Style

from briefing_tui.library import Library, LibraryResult
from briefing_tui.model import SECTION_TITLES, SECTIONS, Lookup, Section, headline
from briefing_tui.printable import printable, printable_path
from briefing_tui.search_state import headline_spans
from briefing_tui.widgets.cursor_list import CursorList, cursor_bindings
from briefing_tui.widgets.text_styles import MUTED


class _Head(NamedTuple):
    """A line of no hit: the heading of the briefs whose title or summary match ("overviews",
    with their count), one of them ("overview", its entry number), a brief's heading ("brief",
    its entry number) or a section's in it ("section", its count of hits)."""

    kind: Literal["overviews", "overview", "brief", "section"]
    number: int
    section: Section | None = None


class LibraryResults(CursorList):
    """The briefs whose own title or summary match, first (lines, not rows); then a heading per
    brief with hits (date, title, file), a heading per section in it, then one row per hit: its
    headline, matches marked. The cursor's row is the hit's position."""

    BINDINGS: ClassVar[list[BindingType]] = cursor_bindings("hit", "Open hit")
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k / down, j | Move to the previous / next hit. |
    | home, g / end, G | Move to the first / last hit. |
    | pageup, b / pagedown, space | Move a page up / down (ctrl+u, ctrl+d: half a page). |
    | enter | Open the hit in its brief. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "library-results--cursor",
        "library-results--brief",
        "library-results--section",
        "library-results--match",
    }
    """
    | Class | Description |
    | :- | :- |
    | `library-results--cursor` | The hit under the cursor. |
    | `library-results--brief` | A brief's heading. |
    | `library-results--section` | A section's heading within a brief. |
    | `library-results--match` | Matching words. |
    """

    DEFAULT_CSS = """
    LibraryResults {
        background: $surface;
        & > .library-results--cursor { background: $block-cursor-blurred-background; }
        &:focus > .library-results--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .library-results--brief { color: $text-accent; text-style: bold; }
        & > .library-results--section { color: $text-muted; text-style: bold; }
        & > .library-results--match { background: $warning 40%; text-style: bold; }
    }
    """

    CURSOR_CLASS = "library-results--cursor"

    class Chosen(Message):
        """Enter or a click on a hit."""

        def __init__(self, position: int) -> None:
            super().__init__()
            self.position = position
            """The hit's position in the library's result."""

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        """An empty list of results for a search of `library`."""
        super().__init__(id=id)
        self._library = library
        self._lookups: dict[int, Lookup] = {}
        self._result: LibraryResult | None = None
        self._runs: list[int] = []  # the first line of each run of hits
        self._firsts: list[int] = []  # the position of each run's first hit
        self._heads: dict[int, _Head] = {}  # the lines of no hit
        self._line_count = 0

    @property
    def result(self) -> LibraryResult | None:
        """The result shown."""
        return self._result

    @property
    def row_count(self) -> int:
        return len(self._result) if self._result is not None else 0

    @property
    def line_count(self) -> int:
        return self._line_count

    def show(self, result: LibraryResult | None) -> None:
        """List the hits of `result` (None: nothing), the cursor on the first. Only where lines
        go is worked out here: what they say, when they are drawn."""
        self._result = result
        self._runs, self._firsts, self._heads = [], [], {}
        line = position = 0
        overviews = result.overviews if result is not None else ()
        if overviews:
            self._heads[line] = _Head("overviews", len(overviews))
            for number in overviews:
                line += 1
                self._heads[line] = _Head("overview", number)
            line += 1
        for group in result.groups if result is not None else ():
            self._heads[line] = _Head("brief", group.number)
            line += 1
            for section in SECTIONS:
                count = group.counts[section]
                if count:
                    self._heads[line] = _Head("section", count, section)
                    self._runs.append(line + 1)
                    self._firsts.append(position)
                    line += count + 1
                    position += count
        self._line_count = line
        self.reset(0)
        self.scroll_to(y=0, animate=False, immediate=True)

    def row_lines(self, row: int) -> tuple[int, int]:
        run = bisect_right(self._firsts, row) - 1
        return self._runs[run] + row - self._firsts[run], 1

    def line_row(self, line: int) -> int | None:
        if line in self._heads:
            return None
        run = bisect_right(self._runs, line) - 1
        return self._firsts[run] + line - self._runs[run]

    def reveal_lines(self, row: int) -> tuple[int, int]:
        """A hit's line, and the headings above it for the first hit of a section or brief."""
        line, _ = self.row_lines(row)
        top = line
        while top - 1 in self._heads:
            top -= 1
        return top, line

    def render_content(self, line: int, row: int | None, width: int) -> tuple[Content, Style]:
        if row is None:
            return self._head_line(self._heads[line])
        return self._hit_line(row), self.get_visual_style()

    def _head_line(self, head: _Head) -> tuple[Content, Style]:
        """A line of no hit: a heading, or a brief whose title or summary match."""
        if head.kind == "overviews":
            text = Content(f" Titles and summaries {head.number}")
            return text, self.get_visual_style("library-results--brief")
        if head.kind == "section":
            assert head.section is not None
            text = Content(f"   {SECTION_TITLES[head.section]} {head.number}")
            return text, self.get_visual_style("library-results--section")
        entry = self._library.entries[head.number]
        when = entry.date.isoformat() if entry.date else ""
        if head.kind == "overview":
            line = printable(f"     {when}  {entry.title or ''}", one_line=True)
            return Content(line), self.get_visual_style()
        heading = Content(printable(f" {when}  {entry.title or ''}", one_line=True))
        name = Content(f"  {printable_path(entry.path.name)}").stylize(MUTED)
        return heading + name, self.get_visual_style("library-results--brief")

    def _lookup(self, number: int) -> Lookup:
        lookup = self._lookups.get(number)
        if lookup is None:
            lookup = self._lookups[number] = Lookup(self._library.brief(number))
        return lookup

    def _hit_line(self, position: int) -> Content:
        """A hit's row: its headline with the matches marked."""
        assert self._result is not None
        hit = self._result.hit(position)
        lookup = self._lookup(hit.number)
        item = lookup.item(hit.ref)
        marked = self.get_visual_style("library-results--match", partial=True)
        line = Content(printable(headline(item, lookup), one_line=True))
        for start, end in headline_spans(item, lookup, hit.matches):
            line = line.stylize(marked, start, end)
        return Content("     ").append(line)

    def click_chooses(self, chain: int) -> bool:
        return True  # a click opens the hit, as enter does

    def row_chosen(self, row: int) -> None:
        self.post_message(self.Chosen(row))
