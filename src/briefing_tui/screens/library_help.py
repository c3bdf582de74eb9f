"""The library's help: its keys and the app's, those of its lists and of the people screen, then
the query syntax."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import BindingType

from briefing_tui.query import QUERY_SYNTAX
from briefing_tui.screens.help_screen import QUERY_HELP_TITLE, BindingGroup, HelpScreen


def library_help(anywhere: Sequence[BindingType], *, at_queries: bool = False) -> HelpScreen:
    """The help screen: the keys that work `anywhere` in the library, the lists', the people
    screen's, then the query syntax; `at_queries` opens it there (F1 in the search box)."""
    from briefing_tui.screens.people_screen import PeopleScreen
    from briefing_tui.widgets.library_list import LibraryList
    from briefing_tui.widgets.library_results import LibraryResults
    from briefing_tui.widgets.people_list import PeopleList
    from briefing_tui.widgets.person_items import PersonItems

    groups: list[BindingGroup] = [
        ("Library", list(anywhere)),
        ("The briefs", list(LibraryList.BINDINGS)),
        ("Search results", list(LibraryResults.BINDINGS)),
        ("People (p)", [*PeopleScreen.BINDINGS, *PeopleList.BINDINGS]),
        ("What a person said", list(PersonItems.BINDINGS)),
    ]
    start = QUERY_HELP_TITLE if at_queries else None
    return HelpScreen(groups, [(QUERY_HELP_TITLE, QUERY_SYNTAX)], start_at=start)
