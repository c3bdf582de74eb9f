"""Authoring details recede: muted text is drawn dimmer than body text, in both themes, in the
detail, the lists and an item's links."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from rich.color import Color as RichColor
from rich.segment import Segment
from textual.app import App
from textual.color import Color
from textual.geometry import Region

from briefing_tui.app import BriefingApp
from briefing_tui.model import Brief
from briefing_tui.widgets.section_pane import SectionPane

SOURCE = Path(__file__).resolve().parents[2] / "src" / "briefing_tui"


def contrast(foreground: RichColor | None, background: RichColor | None) -> float:
    """How far a text colour stands from its background (0: invisible), by perceived brightness."""
    assert foreground is not None and background is not None
    fore = Color.from_rich_color(foreground).brightness
    back = Color.from_rich_color(background).brightness
    return abs(fore - back)


def segments(app: App[None], widget_id: str) -> list[Segment]:
    """The segments a widget draws, as the terminal gets them."""
    widget = app.screen.query_one(widget_id)
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [segment for line in lines for segment in line]


def drawn(found: list[Segment], text: str) -> Segment:
    return next(segment for segment in found if segment.text.startswith(text))


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_muted_details_are_dimmer_than_the_body_text(summit: Brief, theme: str) -> None:
    app = BriefingApp(summit)
    app.theme = theme
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        pane = app.screen.query_one("#agreements-pane", SectionPane)
        found = segments(app, "#agreements-pane #detail-body")
        body = drawn(found, "Each city will equip")
        item_id = drawn(found, "id ")
        bullet = drawn(found, "• ")
        assert body.style is not None and item_id.style is not None and bullet.style is not None
        body_contrast = contrast(body.style.color, body.style.bgcolor)
        for muted in (item_id, bullet):
            assert muted.style is not None
            muted_contrast = contrast(muted.style.color, muted.style.bgcolor)
            assert 0.15 < muted_contrast < body_contrast * 0.85, (theme, muted.text)
        assert pane.detail.item is not None


def _span_strings(tree: ast.AST) -> list[ast.Constant]:
    """The string constants of a module but its docstrings and its CSS."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))  # a docstring
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id.endswith("CSS") for target in node.targets
        ):
            skip.add(id(node.value))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
    ]


async def test_no_style_in_the_code_names_a_variable_whose_percentage_a_span_drops() -> None:
    """A theme variable holding a percentage ($text-muted is "auto 60%") loses it in a Content
    span: such variables belong in CSS only."""
    app = App[None]()
    with_percent: set[str] = set()
    async with app.run_test():
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            with_percent |= {name for name, value in app.theme_variables.items() if "%" in value}
    assert "text-muted" in with_percent
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in _span_strings(ast.parse(path.read_text(encoding="utf-8"))):
            for name in re.findall(r"\$([a-z][a-z0-9-]*)", node.value):
                if name in with_percent:
                    found.append(f"{path.relative_to(SOURCE)}:{node.lineno}: ${name}")
    assert found == []


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_muted_text_stays_legible_on_the_highlighted_row(summit: Brief, theme: str) -> None:
    app = BriefingApp(summit)
    app.theme = theme
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        people = app.screen.query_one("#people")
        [row] = people.render_lines(Region(0, 1, people.size.width, 1))  # under the frame
        comma = drawn(list(row), ", ")
        name = drawn(list(row), "Rita Almeida")
        assert comma.style is not None and name.style is not None
        assert name.style.bgcolor == comma.style.bgcolor  # both on the cursor
        assert contrast(comma.style.color, comma.style.bgcolor) > 0.3, theme


def segments_after(found: list[Segment], text: str) -> list[Segment]:
    """The segments from the second one starting with `text` on (the first is on the cursor)."""
    starts = [n for n, segment in enumerate(found) if segment.text.startswith(text)]
    return found[starts[1] :]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_the_links_muted_parts_recede_and_stay_legible_on_the_cursor(
    bundled_summit: Brief, theme: str
) -> None:
    app = BriefingApp(bundled_summit)
    app.theme = theme
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "enter")  # the first agreement's links, the first highlighted
        await pilot.pause()
        found = segments(app, "#agreements-pane RelatedList")
        kind_on_cursor = drawn(found, "Agreement: ")
        text_on_cursor = found[found.index(kind_on_cursor) + 1]
        rest = segments_after(found, "Agreement: ")
        kind, text = rest[0], rest[1]  # the next link: "Agreement: " then its title
        speaker = drawn(rest, " — ")  # after a quote, who said it
        group = drawn(rest, " Quotes ")  # a heading within "Referenced by"
        assert text.text.startswith("Joint exercises") and text.style is not None
        body_contrast = contrast(text.style.color, text.style.bgcolor)
        for muted in (kind, speaker, group):
            assert muted.style is not None
            muted_contrast = contrast(muted.style.color, muted.style.bgcolor)
            assert 0.15 < muted_contrast < body_contrast * 0.85, (theme, muted.text)
        assert kind_on_cursor.style is not None and text_on_cursor.style is not None
        assert kind_on_cursor.style.bgcolor == text_on_cursor.style.bgcolor
        cursor_text = contrast(text_on_cursor.style.color, text_on_cursor.style.bgcolor)
        cursor_kind = contrast(kind_on_cursor.style.color, kind_on_cursor.style.bgcolor)
        assert 0.3 < cursor_kind < cursor_text, theme
