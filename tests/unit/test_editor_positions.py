"""Item lines for an editor, and positions as an editor counts them."""

from __future__ import annotations

from pathlib import Path

from briefing_tui.editor_positions import EditorPositions, item_lines
from briefing_tui.loader import load_brief
from briefing_tui.model import SECTIONS

ROOT = Path(__file__).resolve().parents[2]
SUMMIT = ROOT / "briefs" / "eu-japan-summit-2023.yaml"


def test_every_item_of_the_summit_brief_has_the_line_where_it_starts() -> None:
    text = SUMMIT.read_text(encoding="utf-8")
    brief = load_brief(SUMMIT)
    lines = item_lines(text)
    shown = text.splitlines()
    assert sorted(lines) == sorted((s, i) for s in SECTIONS for i in range(len(brief.section(s))))
    for (section, index), line in lines.items():
        item = brief.section(section)[index]
        assert shown[line - 1].lstrip().startswith("- "), (section, index, shown[line - 1])
        assert item.id is None or f"id: {item.id}" in shown[line - 1], (section, index)
    assert lines[("agreements", 0)] < lines[("agreements", 1)] < lines[("quotes", 0)]


def test_flow_items_aliases_and_other_keys_are_counted_right() -> None:
    text = (
        "brief: 1\n"
        "source: {title: T}\n"
        "agreements:\n"
        "  - &a {title: A, summary: S}\n"
        "  - *a\n"
        "quotes: [{speaker: p, text: T}, {speaker: p, text: U}]\n"
        "people: [{id: p, name: P}]\n"
        "questions:\n"
        "- question: Q\n"
    )
    assert item_lines(text) == {
        ("agreements", 0): 4,
        ("agreements", 1): 5,
        ("quotes", 0): 6,
        ("quotes", 1): 6,
        ("questions", 0): 9,
    }


def test_text_that_is_no_brief_gives_what_it_can() -> None:
    assert item_lines("") == {}
    assert item_lines("agreements:\n  - {title: A\n") == {("agreements", 0): 2}


def test_positions_past_the_end_are_on_the_last_line() -> None:
    assert EditorPositions("a: [b")(1, 0) == (1, 6)
    assert EditorPositions("a: [b\n")(1, 0) == (1, 6)
    assert EditorPositions("a\r\nbc\r\n")(5, 0) == (2, 3)
    assert EditorPositions("")(1, 0) == (1, 1)
    assert EditorPositions("x: a\u2028b\ny: [\n")(1, 0) == (1, 6)
