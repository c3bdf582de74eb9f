"""Text laid out for reading: hanging bullets, quotation marks, tabs that fit, keys in columns."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from briefing_tui.widgets.key_table import lay_out
from briefing_tui.widgets.pane_tabs import TabLabel, fit_labels
from briefing_tui.widgets.text_blocks import bullets, quotation, quoted, text_blocks

LONG = "A reaffirmation of an existing position, not a new one, in words enough to wrap twice."


class Shows(App[None]):
    """An app showing one text in a Static."""

    def __init__(self, text: Content) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text, id="text")


async def shown_lines(text: Content, width: int) -> list[str]:
    """The lines of `text` as drawn `width` cells wide."""
    app = Shows(text)
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        static = app.query_one("#text")
        lines = static.render_lines(Region(0, 0, width, static.size.height))
        assert static.size.height == text.get_height(static.styles, width)
        return [line.text.rstrip() for line in lines]


async def test_a_wrapped_bullet_hangs_under_its_text_not_under_its_bullet() -> None:
    text = text_blocks([Content("Details"), bullets([LONG, "Short."])])
    lines = await shown_lines(text, 30)
    assert lines[0] == "Details"
    assert lines[1].startswith("• A reaffirmation")
    continued = lines[2 : lines.index("• Short.")]
    assert len(continued) >= 2
    assert all(line.startswith("  ") and line[2] != " " for line in continued)
    assert " ".join(line.strip() for line in [lines[1][2:], *continued]) == LONG


async def test_a_quotation_is_marked_and_its_lines_start_under_its_first_letter() -> None:
    text = text_blocks([quotation(Content.styled(LONG, "italic"))])
    lines = await shown_lines(text, 30)
    assert lines[0].startswith("“A reaffirmation")
    assert lines[-1].endswith("twice.”")
    assert all(line.startswith(" ") and line[1] != " " for line in lines[1:])


def test_quotation_marks_keep_the_spans_on_their_words() -> None:
    said = Content("plugs in").stylize("bold", 0, 5)
    marked = quoted(said)
    assert marked.plain == "“plugs in”"
    [span] = marked.spans
    assert marked.plain[span.start : span.end] == "plugs"


async def test_text_blocks_keep_the_plain_text_and_the_spans() -> None:
    text = text_blocks([Content("Title"), bullets([Content("one").stylize("reverse", 0, 3)])])
    assert text.plain == "Title\n• one"
    assert any(text.plain[s.start : s.end] == "one" for s in text.spans if s.style == "reverse")


@pytest.mark.parametrize("width", [20, 40, 60, 80, 120])
def test_the_tabs_fit_with_every_key_and_count_and_a_sign_where_a_name_is_cut(
    width: int,
) -> None:
    labels = [
        TabLabel.parse(text)
        for text in (
            "1 Overview",
            "2 Agreements 14",
            "3 Quotes 12",
            "4 Analysis 8",
            "5 Questions 8",
        )
    ]
    shown = fit_labels(labels, width, active=1)
    assert sum(map(len, shown)) + len(shown) - 1 <= width
    texts = [text.strip() for text in shown]
    for label, text in zip(labels, texts, strict=True):
        assert text.startswith(label.key + " ") or text == label.key
        assert text.endswith(label.count)
        name = text.removeprefix(label.key).removesuffix(label.count).strip()
        cut = name.endswith("…") and label.name.startswith(name[:-1])
        assert name == label.name or cut or (width < 30 and not name)
    if width >= 80:
        assert texts == [label.text() for label in labels]
    if width == 60:
        assert texts[1] == "2 Agreements 14"  # the active tab keeps its name


def test_a_tab_label_is_read_as_key_name_and_count() -> None:
    assert TabLabel.parse("2 Agreements 14") == TabLabel("2", "Agreements", "14")
    assert TabLabel.parse("1 Overview") == TabLabel("1", "Overview", "")
    assert TabLabel.parse("2 Agreements 14").text(5) == "2 Agre… 14"


GROUPS = [
    ("Anywhere", [("?, f1", "Help"), ("/", "Search"), ("shift+tab", "Previous area")]),
    ("Lists", [("↑, k", "Previous item"), ("end, G", "Last item")]),
    ("Search queries", [("word", "Items containing it anywhere (hyd finds hydrogen).")]),
]


def test_the_keys_go_into_columns_where_there_is_room_in_order() -> None:
    wide = lay_out(GROUPS, 160)
    narrow = lay_out(GROUPS, 40)
    assert len(wide.lines) < len(narrow.lines)
    assert wide.width <= 160 and narrow.width <= 40
    assert wide.lines[0].plain.split() == ["Anywhere", "Lists", "Search", "queries"]
    assert narrow.starts == {"Anywhere": 0, "Lists": 5, "Search queries": 9}
    assert all(line.cell_length <= 40 for line in narrow.lines)


def test_within_a_column_every_meaning_starts_at_the_same_place() -> None:
    narrow = [line.plain for line in lay_out(GROUPS, 40).lines]
    rows = [line for line in narrow if "  " in line]
    starts = {len(line) - len(line.split("  ")[-1].lstrip()) for line in rows}
    assert len(starts) == 1
    assert "shift+tab  Previous area" in narrow
