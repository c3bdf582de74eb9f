"""The hits of a search across a library as one Markdown document: a title naming the query,
then, for each brief with hits (newest first), the export of its hits (export.py), every heading
one level down so that the briefs' titles sit under the document's."""

from __future__ import annotations

from briefing_tui.export import to_markdown
from briefing_tui.library.catalogue import Library
from briefing_tui.library.results import LibraryResult
from briefing_tui.markdown_text import escaped, heading
from briefing_tui.model import SECTIONS, ItemRef

__all__ = ["results_to_markdown"]


def _demoted(document: str) -> str:
    """`document` with each ATX heading one level down (text never starts a line with `#`:
    markdown_text escapes it)."""
    return "\n".join("#" + line if line.startswith("#") else line for line in document.splitlines())


def results_to_markdown(library: Library, result: LibraryResult) -> str:
    """The hits of `result` (a search of `library`) as Markdown; same hits, same bytes.

    Raises BriefInvalid if a brief not held in memory can no longer be read.
    """
    briefs = len(result.groups)
    count = len(result)
    lines = [
        heading(1, f"Search of the library: {result.query.text}"),
        "",
        escaped(
            f"{count} item{'' if count == 1 else 's'} in {briefs} brief{'' if briefs == 1 else 's'}"
            ", newest first."
        ),
    ]
    for group in result.groups:
        refs: list[ItemRef] = [hit.ref for s in SECTIONS for hit in group.in_section(s)]
        brief = library.brief(group.number)
        document = to_markdown(brief, refs=refs, query=result.query.text)
        lines += ["", _demoted(document).rstrip("\n")]
    return "\n".join(lines) + "\n"
