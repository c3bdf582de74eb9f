"""Markdown text that can only ever be text, on GitHub and in any CommonMark reader.

Every text is escaped so that it can only become text: no heading, list, table, link, emphasis,
code, HTML, entity or autolink. Escapes are added only where CommonMark or GFM would otherwise read
structure, so the file still reads well as plain text.

Line breaks inside a text are kept: blank lines separate paragraphs, and a single line break
becomes a hard break (a trailing backslash, which unlike two trailing spaces survives editors and
linters). Whitespace-only lines count as blank, and a run of them is one paragraph break.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

# Characters that may need an escape somewhere in a line; most texts have none (fast path).
_SPECIAL = re.compile(r"[\\`*|~_\[\]<>&\"@\t]|://|(?i:www\.)")
_ESCAPES = (
    r"(?P<bs>\\(?=[!-/:-@\[-`{-~]|\s|\Z))"  # a backslash before what is or may become punctuation
    r"|(?P<mark>[`*|])"  # code spans, emphasis, tables: always escaped
    r"|(?P<tab>\t)"  # a hard tab (markdownlint MD010), or indentation
    r"|(?P<tilde>~+)|(?P<under>_+)"  # strikethrough and emphasis, unless inert where they stand
    r"|(?P<lt><(?![ \t]))"  # inline HTML and <autolinks>
    r"|(?P<amp>&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};))"  # entities
    r"|(?P<scheme>(?<=[A-Za-z]):(?=//))|(?P<www>(?i:(?<=www))\.)"  # GFM bare-URL autolinks
    r"|(?P<at>(?<=[A-Za-z0-9._+-])@(?=[A-Za-z0-9]))"  # GFM bare e-mail autolinks
)
# Brackets: "" none escaped, "[" openers only (a `]` follows in the paragraph), "[]" both (labels).
_INLINE = {
    "": re.compile(_ESCAPES),
    "[": re.compile(_ESCAPES + r"|(?P<open>\[)"),
    "[]": re.compile(_ESCAPES + r"|(?P<open>[\[\]])"),
    # Headings also escape < > & " wherever they stand: PyMarkdown's MD051 otherwise reads them
    # as HTML entities and expects another anchor than GitHub's (the text stays the same).
    "heading": re.compile(r'(?P<html>[<>&"])|' + _ESCAPES + r"|(?P<open>[\[\]])"),
}
# At the start of a line: ATX headings, list items, block quotes, setext underlines, breaks.
_LINE_START = re.compile(
    r"(?:#{1,6}|[-+])(?=[ \t]|$)|>|-[- \t]*$|=+[ \t]*$|(?P<number>[0-9]{1,9})(?=[.)](?:[ \t]|$))"
)
_SLUG_ASCII_DROP = re.compile(r"[^a-z0-9_\- ]")
_LINKABLE = re.compile(r"(?i)^(?:https?:|mailto:|#)")  # web, mail, here: no javascript: and co
_DESTINATION_ESCAPES = re.compile(r"[()<>\\]|&(?=[#A-Za-z])")
_SLUG_CATEGORIES = {"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc"}


def _escape(match: re.Match[str]) -> str:
    """The escaped form of one `_INLINE` match (unchanged where it cannot mean anything)."""
    kind, text, line = match.lastgroup, match.group(), match.string
    if kind == "tab":
        return "&#9;"
    start, end = match.span()
    if kind == "tilde":  # inert between spaces that stay spaces, or at an edge where no fence opens
        before = line[start - 1] == " " and start > 1 if start else len(text) < 3
        after = line[end] == " " and end < len(line) - 1 if end < len(line) else True
        return text if before and after else "\\~" * len(text)
    if kind == "under":  # intraword underscores never open or close emphasis
        inert = start > 0 and end < len(line) and line[start - 1].isalnum() and line[end].isalnum()
        return text if inert else "\\_" * len(text)
    return "\\" + text


def escaped(line: str, brackets: str | None = None, *, block_start: bool = True) -> str:
    """A line of text escaped wherever CommonMark or GFM could read structure in a paragraph;
    with `block_start`, also what would open a block at the start of a line. `brackets`: see
    _INLINE; by default `[` is escaped when a `]` follows that could close a link."""
    if brackets is None:
        brackets = "[" if "]" in line else ""
    body = _INLINE[brackets].sub(_escape, line) if _SPECIAL.search(line) else line
    if not body:
        return body
    first = body[0]
    if first.isspace():  # would be stripped, or read as indented code
        body = f"&#{ord(first)};{body[1:]}"
    elif block_start and (match := _LINE_START.match(body)):
        cut = match.end("number") if match.group("number") else 0
        body = f"{body[:cut]}\\{body[cut:]}"
    last = body[-1]
    if last.isspace():  # would be stripped, or read as a hard break
        body = f"{body[:-1]}&#{ord(last)};"
    return body


def text_paragraphs(text: str) -> list[list[str]]:
    """A text as paragraphs of escaped lines; blank (whitespace-only) lines separate paragraphs."""
    if "\n" not in text:
        return [[escaped(text)]] if text.strip() else []
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in [*text.split("\n"), ""]:
        if line.strip():
            current.append(line)
        elif current:
            brackets = "[" if any("]" in raw for raw in current) else ""
            paragraphs.append([escaped(raw, brackets) for raw in current])
            current = []
    return paragraphs


def paragraph_lines(paragraphs: Iterable[list[str]]) -> list[str]:
    """Paragraphs as Markdown lines: hard breaks inside, one blank line between."""
    out: list[str] = []
    for paragraph in paragraphs:
        if out:
            out.append("")
        out.extend(line + "\\" for line in paragraph[:-1])
        out.append(paragraph[-1])
    return out


def one_line(text: str) -> str:
    """A text meant for one line (titles, names, tags): line breaks read as spaces."""
    return text.replace("\n", " ") if "\n" in text else text


def link_label(text: str) -> str:
    """Text inside a link's brackets or bold markers: every bracket escaped, no edge spaces."""
    return escaped(one_line(text), "[]", block_start=False)


def heading(level: int, text: str) -> str:
    """An ATX heading; a final # is escaped: it would close the heading or look like it (MD020)."""
    body = escaped(one_line(text), "heading", block_start=False)
    if body.endswith("#"):
        body = f"{body[:-1]}\\#"
    return f"{'#' * level} {body}" if body else "#" * level


def list_item(marker: str, paragraphs: list[list[str]]) -> list[str]:
    """One list item: the marker, then every further line indented to the item's content."""
    first, *rest = paragraph_lines(paragraphs) or [""]
    indent = " " * (len(marker) + 1)
    return [f"{marker} {first}".rstrip(), *(indent + line if line else "" for line in rest)]


def slug(text: str) -> str:
    """GitHub's anchor for a heading's text, before de-duplication: lowercase, punctuation
    dropped (letters, marks, numbers, `_` and `-` kept), each space turned into `-`."""
    lowered = text.lower()
    if lowered.isascii():
        return _SLUG_ASCII_DROP.sub("", lowered).replace(" ", "-")
    kept = (ch for ch in lowered if ch in "- " or unicodedata.category(ch) in _SLUG_CATEGORIES)
    return "".join(kept).replace(" ", "-")


def text_blocks(text: str) -> list[str]:
    """A free text as blocks, one per paragraph, its lines joined by hard breaks."""
    return ["\\\n".join(paragraph) for paragraph in text_paragraphs(text)]


def link(label: str, url: str) -> str:
    """A link to `url` (web, mail or an anchor here), or the label alone for any other URL."""
    url = url.strip()  # as a browser reads an address
    if not _LINKABLE.match(url):
        return link_label(label)
    # Spaces and controls are percent-encoded (as a browser would); brackets and escapes escaped.
    destination = "".join(quote(ch) if ch.isspace() or not ch.isprintable() else ch for ch in url)
    destination = _DESTINATION_ESCAPES.sub(lambda match: "\\" + match.group(), destination)
    return f"[{link_label(label) or '?'}]({destination})"
