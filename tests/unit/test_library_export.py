"""The hits of a search across a library as one Markdown document, without an app."""

from __future__ import annotations

from pathlib import Path

from briefing_tui.library import LibrarySearch, open_library
from briefing_tui.library.export import results_to_markdown
from tests.unit.library_briefs import brief_text, write


def test_each_brief_with_hits_is_a_section_of_one_document_newest_first(tmp_path: Path) -> None:
    write(tmp_path, "old.yaml", brief_text("Old talks", "2020-01-01", agreements=["Tariff cut"]))
    write(tmp_path, "new.yaml", brief_text("New talks", "2024-01-01", agreements=["Tariff rise"]))
    write(tmp_path, "none.yaml", brief_text("Other", "2022-01-01", agreements=["Fish quotas"]))
    library = open_library([tmp_path])
    result = LibrarySearch(library).search("tariff")
    text = results_to_markdown(library, result)
    assert text.startswith(
        "# Search of the library: tariff\n\n2 items in 2 briefs, newest first.\n"
    )
    assert text.index("## New talks") < text.index("## Old talks")
    assert "Fish quotas" not in text and "# Other" not in text
    assert "\n# " not in text[1:]  # one title: every brief's heading is a level down
    assert text == results_to_markdown(library, result)
