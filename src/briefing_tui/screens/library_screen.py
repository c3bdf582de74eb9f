"""LibraryScreen: every brief of a library; enter reads one, / searches them all, p lists people.

A brief opens in the reader pushed over this screen (LibraryBriefScreen), which returns here, to
the same row. The library's index is built in a thread when / is first pressed (searches typed
before it is ready run in a thread too); then a search is a keystroke's work, done at once. Its
hits replace the list while there is a query; enter reads a hit in its brief, and there n and N
walk the hits across briefs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from briefing_tui.history import Location
from briefing_tui.library import Library, LibraryResult, LibrarySearch
from briefing_tui.loader import BriefInvalid
from briefing_tui.model import Lookup
from briefing_tui.printable import printable, printable_path
from briefing_tui.widgets.library_list import LibraryList
from briefing_tui.widgets.library_results import LibraryResults
from briefing_tui.widgets.text_styles import MUTED

if TYPE_CHECKING:
    from textual.command import Provider

    from briefing_tui.screens.help_screen import HelpScreen

_COMMANDS = frozenset({"search", "people", "export", "help", "quit_app", "step_hit"})
"""Actions of printable keys: in the search box those keys are text."""


def _library_commands() -> type[Provider]:
    """The palette's library commands, imported when the palette first opens."""
    from briefing_tui.screens.library_commands import LibraryCommands

    return LibraryCommands


def _brief_count(count: int) -> str:
    return f"{count} brief{'' if count == 1 else 's'}"


class LibraryScreen(Screen[None]):
    """The briefs of a library, newest first, the invalid ones after them with their error."""

    AUTO_FOCUS = "#briefs"
    DEFAULT_CSS = """
    LibraryScreen {
        #library-title { height: 1; padding: 0 1; background: $panel; }
        #library-query { margin: 0 1; }
        LibraryList, LibraryResults { height: 1fr; }
    }
    """
    COMMANDS = Screen.COMMANDS | {_library_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: what is typed straight after / lands in the search box.
        Binding("slash", "search", "Search", priority=True),
        Binding("p", "people", "People"),
        Binding("escape", "close_search", "Clear"),  # offered while there is a search
        Binding("n", "step_hit(1)", "Next hit", show=False),
        Binding("N", "step_hit(-1)", "Previous hit", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit_app", "Quit"),
        Binding("e", "export", "Export"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | / | Search every brief of the library. |
    | p | Everyone in the library, with what they said or wrote in every brief. |
    | escape | Close the search and show the briefs again. |
    | n, N | Open the next or previous hit of the search, across briefs. |
    | ? | Show every key (f1 too, from anywhere). |
    | q | Quit. |
    | e | Export the brief under the cursor, or the search's hits, to Markdown. |
    """

    found: reactive[LibraryResult | None] = reactive(None, init=False)
    """The search's result, shown in place of the briefs (None: no search); n and N walk it."""

    def __init__(self, library: Library) -> None:
        """The screen of `library`."""
        super().__init__()
        self.library = library
        self._search = LibrarySearch(library)
        self._last_hit: int | None = None  # the hit last opened, where n and N go on from
        self._folder = printable_path(library.folder) if library.folder else ""

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="library-title")
        box = Input(
            placeholder="Search every brief (f1: the query syntax)",
            id="library-query",
            compact=True,
        )
        results = LibraryResults(self.library, id="library-results")
        box.display = results.display = False  # until a search (set now: a / may come first)
        yield box
        yield LibraryList(self.library.entries, id="briefs")
        yield results
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "app_focus", self._app_focused, init=False)

    def _app_focused(self, focused: bool) -> None:
        """A browser page blurred before the list took the focus gives it none back: the list
        takes it, or its keys would do nothing."""
        if focused and self.is_current and self.focused is None:
            results = self.query_one(LibraryResults)
            self.set_focus(results if results.display else self.query_one(LibraryList))

    def _title(self, result: LibraryResult | None = None) -> Content:
        """The line at the top: how many briefs, and how many hits the search has."""
        valid, invalid = len(self.library.valid), len(self.library.invalid)
        counts = _brief_count(valid) + (f" · {invalid} not valid" if invalid else "")
        left_out = self._search.left_out
        if left_out:
            counts += f" · {left_out} too many to search"
        if result is not None:
            hits = "hit" if len(result) == 1 else "hits"
            fuzzy = ", for the corrections" if result.fuzzy and len(result) else ""
            counts += f" · {len(result)} {hits} in {_brief_count(len(result.groups))}{fuzzy}"
        head = Content.styled("Library", "bold")
        if self._folder:
            head = head.append(Content(f" {self._folder}"))
        return head.append(Content.styled(f" · {counts}", MUTED))

    @property
    def searching(self) -> bool:
        """Whether the search box is open."""
        return bool(self.query_one("#library-query").display)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _COMMANDS:
            return self.is_active and not isinstance(self.focused, Input)
        if action == "close_search":
            return self.searching
        return True

    # --- opening briefs -------------------------------------------------------------------

    def on_library_list_chosen(self, event: LibraryList.Chosen) -> None:
        event.stop()
        self.open_entry(event.number)

    def open_entry(
        self, number: int, start: Location | None = None, found: LibraryResult | None = None
    ) -> None:
        """Read entry `number` in the reader, at `start` (None: where it was left), walking
        the library search `found` with n and N if given; an invalid one says why it cannot."""
        from briefing_tui.places import brief_key, load_places, location_of
        from briefing_tui.screens.library_brief_screen import LibraryBriefScreen

        entry = self.library.entries[number]
        try:
            brief = self.library.brief(number)
        except BriefInvalid as invalid:
            error = entry.error or invalid.errors[0]
            message = f"{entry.path.name} is not a valid brief: {error.message}"
            self.notify(printable(message, one_line=True), severity="error", markup=False)
            return
        lookup = Lookup(brief)
        if start is None:
            place = load_places().get(brief_key(entry.path))
            start = location_of(place, lookup) if place is not None else None
        settings = getattr(self.app, "settings", None)
        screen = LibraryBriefScreen(
            lookup,
            brief_path=entry.path,
            number=number,
            found=found,
            open_hit=self.open_hit,
            split=getattr(settings, "split", None),
            start=start,
        )
        self.app.push_screen(screen)

    def open_hit(self, position: int) -> None:
        """Read the hit at `position` of the search in its brief."""
        found = self.found
        if found is None or not 0 <= position < len(found):
            return
        hit = found.hit(position)
        self._last_hit = position
        results = self.query_one(LibraryResults)
        if results.result is found:
            results.move_cursor(position)
        self.open_entry(hit.number, Location(hit.ref.section, hit.ref.index), found)
        self.notify(f"hit {position + 1} of {len(found)}", timeout=2, markup=False)

    def on_library_results_chosen(self, event: LibraryResults.Chosen) -> None:
        event.stop()
        self.open_hit(event.position)

    def action_step_hit(self, delta: int) -> None:
        """Open the next (1) or previous (-1) hit after the last one opened."""
        found = self.found
        if found is None or not len(found):
            text = "Nothing matches the search." if found else "No search: / starts one."
            self.notify(text, severity="warning", timeout=3)
            return
        last = self._last_hit
        self.open_hit(0 if last is None and delta > 0 else ((last or 0) + delta) % len(found))

    # --- search ---------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search box, the focus in it."""
        box = self.query_one("#library-query", Input)
        box.display = True
        self.set_focus(box)  # now, not after the queued keys: they are the query
        if not self._search.ready:
            self.run_worker(self._search.prepare, thread=True, exclusive=True, group="prepare")

    def action_close_search(self) -> None:
        """Close the search: the briefs again, the cursor where it was."""
        box = self.query_one("#library-query", Input)
        box.value = ""
        box.display = False
        self._show(None)
        self.query_one(LibraryList).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._search.ready:  # a few milliseconds: at once, as the reader's search
            self._show(self._search.search(event.value) if event.value.strip() else None)
        else:  # the first search builds the index: in a thread, the keys still typed
            self._run_search(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        results = self.query_one(LibraryResults)
        if results.display and results.row_count:
            self.set_focus(results)

    @work(thread=True, exclusive=True, group="library-search")
    def _run_search(self, text: str) -> None:
        """Search in a thread (the first search builds the index) and show what it found."""
        result = self._search.search(text) if text.strip() else None
        self.app.call_from_thread(self._show, result)

    def _show(self, result: LibraryResult | None) -> None:
        box = self.query_one("#library-query", Input)
        if result is not None and result.query.text != box.value:
            return  # a later keystroke's search is on its way
        self.found = result

    def watch_found(self, result: LibraryResult | None) -> None:
        self._last_hit = None
        results = self.query_one(LibraryResults)
        results.show(result)
        results.display = result is not None
        self.query_one(LibraryList).display = result is None
        self.query_one("#library-title", Static).update(self._title(result))

    # --- other screens ----------------------------------------------------------------------

    def action_people(self) -> None:
        """Everyone in the library (the people screen)."""
        from briefing_tui.screens.people_screen import PeopleScreen

        self.app.push_screen(PeopleScreen(self.library, open_entry=self.open_entry))

    def action_export(self) -> None:
        """Export the search's hits (when they show) or the brief under the cursor."""
        from briefing_tui.screens.library_export import export_from_library

        export_from_library(self)

    def action_help(self) -> None:
        """Show every key."""
        self.app.push_screen(self.help_screen())

    def help_screen(self) -> HelpScreen:
        """The library's keys, its lists', then the query syntax (opened there while the search
        is being typed)."""
        from briefing_tui.screens.library_help import library_help

        typing = self.is_active and isinstance(self.focused, Input)
        return library_help([*self.BINDINGS, *self.app.BINDINGS], at_queries=typing)

    async def action_quit_app(self) -> None:
        """Quit."""
        await self.app.action_quit()
