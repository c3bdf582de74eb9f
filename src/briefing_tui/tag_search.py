"""A search for the items with one tag, exactly: what following a tag in the reader runs.

The query language's ``tag:`` keeps items with a tag *containing* its value (``tag:energy``
finds "energy-security" too); a followed tag means that tag alone. The result is an ordinary
SearchResult, so the panes mark it, n and N walk it and export takes it, as any search.
"""

from __future__ import annotations

from briefing_tui.model import SECTIONS, ItemRef, Lookup
from briefing_tui.query import parse_query
from briefing_tui.search_result import Match, SearchResult, SearchRun


def tag_query(tag: str) -> str:
    """The query text that names `tag`, as the search bar shows it: ``tag:"energy"`` (a double
    quote in the tag, which would end the phrase, shown as a single one)."""
    return 'tag:"' + tag.replace('"', "'") + '"'


def tag_result(lookup: Lookup, tag: str) -> SearchResult:
    """The items tagged exactly `tag`, in brief order, each matching in that tag."""
    refs: list[ItemRef] = []
    first: dict[str, int] = {}
    for section in SECTIONS:
        first[section] = len(refs)
        refs += [ItemRef(section, index) for index in range(len(lookup.brief.section(section)))]
    first["end"] = len(refs)
    numbers = sorted(first[ref.section] + ref.index for ref in lookup.tagged(tag))

    def matches(number: int) -> tuple[Match, ...]:
        item = lookup.item(refs[number])
        return tuple(
            Match("tags", text, ((0, len(text)),), entry)
            for entry, text in enumerate(item.tags)
            if text == tag
        )

    return SearchResult(parse_query(tag_query(tag)), SearchRun(refs, first, numbers, matches, {}))
