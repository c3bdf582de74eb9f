"""The styles of the roles text plays on screen, as Content span styles, in one place.

A style string in a Content span is read by Textual's inline style parser, which substitutes a
theme variable as CSS tokens: a percentage among them arrives as a CSS "scalar" that the parser
does not read, and is dropped. `$text-muted` is "auto 60%": in a span it became "auto", the
full-contrast colour, so authoring details (ids, bullets, labels) were the brightest text on
screen. (In CSS rules, `color: $text-muted` is read right.) The styles here spell out such a
value, whose percentage the parser does read, or name variables that hold a plain colour; a
test keeps any variable with a percentage out of the code's span styles.
"""

from __future__ import annotations

from textual.content import Content

MUTED = "auto 60%"
"""Authoring details that recede: ids, bullets, separators, field names. What $text-muted
means: the text colour that contrasts with what is behind, at 60%, so it stays legible on a
highlighted row too (a fixed grey vanishes on the cursor's blue)."""
LABEL = "bold $text-accent"
"""A field's or a group's label: "Summary", "Details", a help group's title."""
STRONG = "bold"
"""A name or a title."""
KEY = "bold $text-accent"
"""A key to press, as the footer shows keys."""
TAG = "$text-secondary"
"""A tag."""


def muted(text: str) -> Content:
    """`text` (the app's own or already printable) as a detail that recedes."""
    return Content.styled(text, MUTED)


def label(text: str) -> Content:
    """`text` as a label."""
    return Content.styled(text, LABEL)
