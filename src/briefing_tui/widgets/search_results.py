"""SearchResults: every hit of a search, grouped by section, drawn with the line API.

A search may match 10,000 items: rows are worked out (headline, matches, snippet) only when drawn.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.style import Style

from briefing_tui.model import SECTION_TITLES, SECTIONS, Lookup, Section, headline
from briefing_tui.printable import printable
from briefing_tui.search_state import context_match, headline_spans
from briefing_tui.widgets.cursor_list import CursorList, cursor_bindings

if TYPE_CHECKING:
    from briefing_tui.search import Match, SearchResult


class SearchResults(CursorList):
    """The hits of a result: a heading line per section with hits, then one row per hit.

    A match in the brief's own title or summary comes first, as an "Overview" heading and a row
    of a line of context per field it matched: a row the cursor stands on, as on a hit.

    A hit's row is its headline, matches marked, then a line of context around a match
    elsewhere in the item (its summary, a detail, a tag...). Rows are the result's stops, the
    order n walks: the overview's first (if it matched), then the hits in brief order.
    """

    BINDINGS: ClassVar[list[BindingType]] = cursor_bindings("hit", "Open hit")
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k | Move to the previous hit. |
    | down, j | Move to the next hit. |
    | home, g | Move to the first hit. |
    | end, G | Move to the last hit. |
    | pageup, pagedown | Move one page up or down. |
    | enter | Open the hit in its pane (the overview's in the Overview). |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "search-results--cursor",
        "search-results--heading",
        "search-results--match",
        "search-results--context",
    }
    """
    | Class | Description |
    | :- | :- |
    | `search-results--cursor` | The hit under the cursor. |
    | `search-results--heading` | A section's heading row. |
    | `search-results--match` | Matching words. |
    | `search-results--context` | The line of context after a headline. |
    """

    DEFAULT_CSS = """
    SearchResults {
        background: $surface;
        & > .search-results--cursor { background: $block-cursor-blurred-background; }
        &:focus > .search-results--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .search-results--heading { color: $text-accent; text-style: bold; }
        & > .search-results--match { background: $warning 40%; text-style: bold; }
        & > .search-results--context { color: $text-muted; }
    }
    """

    CURSOR_CLASS = "search-results--cursor"

    class _StopMessage(Message):
        """Something happened on one of the rows (a stop of the result)."""

        def __init__(self, results: SearchResults, row: int) -> None:
            super().__init__()
            self.results = results
            self.row = row
            """The row, a stop of the result: 0 for the overview when it matched, then the
            hits in order."""

        @property
        def control(self) -> SearchResults:
            return self.results

    class Chosen(_StopMessage):
        """Enter or a click on a row."""

    class Highlighted(_StopMessage):
        """The cursor moved onto a row (or the rows changed under it)."""

    def __init__(self, lookup: Lookup, *, id: str | None = None) -> None:
        """An empty list of results for the brief `lookup` resolves."""
        super().__init__(id=id)
        self._lookup = lookup
        self._result: SearchResult | None = None
        self._starts: list[int] = []  # the heading line of each section shown
        self._sections: list[Section] = []
        self._offsets: list[int] = []  # each shown section's first position in the hits
        self._lead = 0  # the overview's lines, above the sections
        self._line_count = 0

    @property
    def result(self) -> SearchResult | None:
        """The result shown."""
        return self._result

    @property
    def row_count(self) -> int:
        """How many rows are listed: the hits, and the overview's when it matched."""
        return self._result.stop_count if self._result is not None else 0

    @property
    def _first(self) -> int:
        """The row of the first hit: 1 after the overview's row, else 0."""
        return int(self._lead > 0)

    @property
    def line_count(self) -> int:
        return self._line_count

    def show(self, result: SearchResult | None) -> None:
        """List the hits of `result` (None: nothing), the cursor on the first."""
        self._result = result
        self._starts, self._sections, self._offsets = [], [], []
        overview = result.overview if result is not None else None
        self._lead = line = 1 + len(overview.matches) if overview is not None else 0
        offset = 0
        for section in SECTIONS:
            count = result.counts[section] if result is not None else 0
            if count:
                self._starts.append(line)
                self._sections.append(section)
                self._offsets.append(offset)
                line += count + 1
                offset += count
        self._line_count = line
        self.reset(0)
        self.scroll_to(y=0, animate=False, immediate=True)
        if self.row_count:
            self.post_message(self.Highlighted(self, 0))

    def row_lines(self, row: int) -> tuple[int, int]:
        """The first line of row `row` and how many lines it has."""
        if row < self._first:
            return 1, self._lead - 1  # the overview's: a line per field matched
        group = bisect_right(self._offsets, row - self._first) - 1
        return self._starts[group] + 1 + row - self._first - self._offsets[group], 1

    def line_row(self, line: int) -> int | None:
        """The row on `line`, None for a heading."""
        if line < self._lead:
            return 0 if line else None
        group = bisect_right(self._starts, line) - 1
        inside = line - self._starts[group]
        return self._first + self._offsets[group] + inside - 1 if inside else None

    def reveal_lines(self, row: int) -> tuple[int, int]:
        """A row's lines, and the heading above for the first row of a group."""
        line, count = self.row_lines(row)
        heading = line - 1 in self._starts or line == 1
        return (line - 1 if heading else line), line + count - 1

    def render_content(self, line: int, row: int | None, width: int) -> tuple[Content, Style]:
        if line < self._lead:
            return self._overview_line(line, width)
        if row is None:
            section = self._sections[bisect_right(self._starts, line) - 1]
            assert self._result is not None
            heading = Content(f" {SECTION_TITLES[section]} {self._result.counts[section]}")
            return heading, self.get_visual_style("search-results--heading")
        return self._hit_line(row - self._first, width), self.get_visual_style()

    def _overview_line(self, line: int, width: int) -> tuple[Content, Style]:
        """The overview's heading, then a line of context per field of the brief it matched."""
        assert self._result is not None and self._result.overview is not None
        if not line:
            return Content(" Overview 1"), self.get_visual_style("search-results--heading")
        match = self._result.overview.matches[line - 1]
        muted = self.get_visual_style("search-results--context", partial=True)
        label = Content(f"{match.field}: ").stylize(muted)
        text = self._snippet_line(match, width - 3 - label.cell_length)
        return Content.assemble("   ", label, text), self.get_visual_style()

    def _snippet_line(self, match: Match, room: int) -> Content:
        """A line of `match`'s text around it, in `room` cells, muted, the match marked."""
        from briefing_tui.snippet import snippet

        text, spans = snippet(match, max(room, 0))
        muted = self.get_visual_style("search-results--context", partial=True)
        marked = self.get_visual_style("search-results--match", partial=True)
        line = Content(printable(text, one_line=True)).stylize(muted)
        for start, end in spans:
            line = line.stylize(marked, start, end)
        return line

    def _hit_line(self, position: int, width: int) -> Content:
        """A hit's row: what it lacks (in a partial result), its headline with matches marked,
        then a match elsewhere in context."""
        assert self._result is not None
        hit = self._result.hits[position]
        item = self._lookup.item(hit.ref)
        matches = hit.matches
        marked = self.get_visual_style("search-results--match", partial=True)
        line = Content(printable(headline(item, self._lookup), one_line=True))
        for start, end in headline_spans(item, self._lookup, matches):
            line = line.stylize(marked, start, end)
        muted = self.get_visual_style("search-results--context", partial=True)
        lead = Content("   ")
        if missing := hit.missing:  # a partial match says what it lacks, first
            lacks = printable("no " + ", ".join(missing) + " · ", one_line=True)
            lead = lead.append(Content(lacks).stylize(muted))
        context = context_match(item, self._lookup, matches)
        width -= lead.cell_length
        if context is None or width < 45:  # too narrow for context: the preview shows it
            return lead.append(line)
        line = line.truncate(max(16, width * 2 // 5), ellipsis=True)
        label = f"  {context.field}: "
        context_line = self._snippet_line(context, width - line.cell_length - len(label))
        return Content.assemble(lead, line, Content(label).stylize(muted), context_line)

    def click_chooses(self, chain: int) -> bool:
        return True  # a click opens the hit, as enter does

    def cursor_moved(self, row: int) -> None:
        self.post_message(self.Highlighted(self, row))

    def row_chosen(self, row: int) -> None:
        self.post_message(self.Chosen(self, row))
