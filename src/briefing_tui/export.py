"""A brief as a Markdown document that renders as itself on GitHub and in any CommonMark reader.

Every text from the brief is escaped so that it can only ever become text: no heading, list,
table, link, emphasis, code, HTML, entity or autolink. Escapes are added only where CommonMark or
GFM would otherwise read structure, so the file still reads well as plain text.

Line breaks inside a text are kept: blank lines separate paragraphs, and a single line break
becomes a hard break (a trailing backslash, which unlike two trailing spaces survives editors and
linters). Whitespace-only lines count as blank, and a run of them is one paragraph break.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from pathlib import Path
from urllib.parse import quote

from briefing_tui.model import SECTIONS as _SECTIONS
from briefing_tui.model import Agreement, Analysis, Brief, ItemRef, Lookup, Question, Quote, Section

HEADINGS: dict[Section, str] = dict(
    zip(_SECTIONS, ("Agreements", "Quotes", "Expert analysis", "Open questions"), strict=True)
)
PEOPLE_HEADING = "People"

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


def _line(line: str, brackets: str | None = None, *, block_start: bool = True) -> str:
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


def _paragraphs(text: str) -> list[list[str]]:
    """A text as paragraphs of escaped lines; blank (whitespace-only) lines separate paragraphs."""
    if "\n" not in text:
        return [[_line(text)]] if text.strip() else []
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in [*text.split("\n"), ""]:
        if line.strip():
            current.append(line)
        elif current:
            brackets = "[" if any("]" in raw for raw in current) else ""
            paragraphs.append([_line(raw, brackets) for raw in current])
            current = []
    return paragraphs


def _lines(paragraphs: Iterable[list[str]]) -> list[str]:
    """Paragraphs as Markdown lines: hard breaks inside, one blank line between."""
    out: list[str] = []
    for paragraph in paragraphs:
        if out:
            out.append("")
        out.extend(line + "\\" for line in paragraph[:-1])
        out.append(paragraph[-1])
    return out


def _one_line(text: str) -> str:
    """A text meant for one line (titles, names, tags): line breaks read as spaces."""
    return text.replace("\n", " ") if "\n" in text else text


def _label(text: str) -> str:
    """Text inside a link's brackets or bold markers: every bracket escaped, no edge spaces."""
    return _line(_one_line(text), "[]", block_start=False)


def _heading(level: int, text: str) -> str:
    """An ATX heading; a final # is escaped: it would close the heading or look like it (MD020)."""
    body = _line(_one_line(text), "heading", block_start=False)
    if body.endswith("#"):
        body = f"{body[:-1]}\\#"
    return f"{'#' * level} {body}" if body else "#" * level


def _list_item(marker: str, paragraphs: list[list[str]]) -> list[str]:
    """One list item: the marker, then every further line indented to the item's content."""
    first, *rest = _lines(paragraphs) or [""]
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


def default_export_name(brief_path: Path) -> str:
    """The file name an export of `brief_path` gets by default: "<brief stem>.md"."""
    return f"{brief_path.stem}.md"


def _choose(
    brief: Brief, sections: Collection[Section] | None, refs: Collection[ItemRef] | None
) -> dict[Section, list[int]]:
    """The indices of the items to export, per section, in brief order."""
    wanted = set(_SECTIONS if sections is None else sections)
    if unknown := sorted(wanted - set(_SECTIONS)):
        raise ValueError(f"unknown section {unknown[0]!r} (sections: {', '.join(_SECTIONS)})")
    if refs is None:
        refs = [
            ItemRef(name, index) for name in wanted for index in range(len(brief.section(name)))
        ]
    picked: dict[Section, set[int]] = {name: set() for name in _SECTIONS}
    for ref in refs:
        if ref.section not in picked or not 0 <= ref.index < len(brief.section(ref.section)):
            raise ValueError(f"no item {ref.section}[{ref.index}] in this brief")
        if ref.section in wanted:
            picked[ref.section].add(ref.index)
    return {name: sorted(picked[name]) for name in _SECTIONS}


class _Document:
    """One export: which items go in, their anchors, and the Markdown for each part."""

    def __init__(
        self, brief: Brief, sections: Collection[Section] | None, refs: Collection[ItemRef] | None
    ) -> None:
        self.brief = brief
        self.lookup = Lookup(brief)
        self.chosen = _choose(brief, sections, refs)
        self.exported = {name: set(indices) for name, indices in self.chosen.items()}
        self.full = sections is None and refs is None
        self.people_listed = self.full and bool(brief.people)  # only in a whole brief
        self.note = self._note(sections, refs)
        self.experts: dict[str, list[int]] = {}  # expert id -> their analyses, by first appearance
        for index in self.chosen["analysis"]:
            self.experts.setdefault(brief.analysis[index].expert, []).append(index)
        self.numbers = {index: n for n, index in enumerate(self.chosen["questions"], 1)}
        self.anchors = self._anchors()

    def _note(self, sections: Collection[Section] | None, refs: Collection[ItemRef] | None) -> str:
        if refs is not None:
            count, total = sum(map(len, self.chosen.values())), sum(self.brief.counts().values())
            return f"Exported: {count} selected item{'' if count == 1 else 's'} of {total}"
        if sections is None:
            return ""
        names = [HEADINGS[name] for name in _SECTIONS if name in sections]
        if len(names) < 2:
            return f"Exported: {names[0]} only" if names else "Exported: no sections"
        return f"Exported: {', '.join(names[:-1])} and {names[-1]}"

    def _anchors(self) -> dict[tuple[str, object], str]:
        """Every heading's anchor, as GitHub gives them: in document order, a repeated one
        numbered -1, -2...; "" for a heading it gives none (no letter, digit, space, - or _)."""
        seen: dict[str, int] = {}

        def add(text: str) -> str:
            base = slug(_one_line(text))
            count = seen.get(base, 0)
            seen[base] = count + 1
            return f"{base}-{count}" if count and base else base

        found: dict[tuple[str, object], str] = {}
        add(self.brief.title)
        for name in _SECTIONS:
            if self.chosen[name]:
                found["section", name] = add(HEADINGS[name])
            if name == "agreements":
                for index in self.chosen[name]:
                    found[name, index] = add(self.brief.agreements[index].title)
            if name == "analysis":
                for expert, indices in self.experts.items():
                    found["expert", expert] = add(self._person(expert, role=True))
                    for index in indices:
                        if title := self.brief.analysis[index].title:
                            found[name, index] = add(title)
        if self.people_listed:
            found["people", None] = add(PEOPLE_HEADING)
        return found

    def _person(self, person_id: str, *, role: bool = False) -> str:
        """A person's name (their id if they have none in this brief), with ", role" if asked."""
        person = self.lookup.people.get(person_id)
        name = _one_line(person.name) if person and person.name else person_id
        return f"{name}, {_one_line(person.role)}" if role and person and person.role else name

    def render(self) -> str:
        """The whole document: blocks separated by one blank line, LF endings, one final newline."""
        brief = self.brief
        blocks = [_heading(1, brief.title), self._meta()]
        if self.note:
            blocks.append(self.note)
        if self.full:
            blocks += _text_blocks(brief.summary)
        for name in _SECTIONS:
            if self.chosen[name]:
                blocks.append(_heading(2, HEADINGS[name]))
                blocks += getattr(self, f"_{name}")()
        if self.people_listed:
            blocks += [_heading(2, PEOPLE_HEADING), "\n".join(self._people())]
        return "\n\n".join(blocks) + "\n"

    def _meta(self) -> str:
        """The line under the title: date · location · source (linked title, publisher)."""
        brief, parts = self.brief, [self.brief.date.isoformat()]
        if brief.location:
            parts.append(_label(brief.location))
        if (source := brief.source) is not None:
            named = source.title or source.publisher or source.url or ""
            said = [_link(named, source.url) if source.url else _label(named)]
            if source.title and source.publisher:
                said.append(_label(source.publisher))
            if source.published:
                said.append(f"published {source.published.isoformat()}")
            parts.append(", ".join(part for part in said if part))
        return " · ".join(part for part in parts if part)

    def _extras(self, tags: tuple[str, ...], related: tuple[str, ...]) -> list[list[str]]:
        """The "Tags:" and "Related:" lines of an item, as one-line paragraphs."""
        extras = []
        if tags:
            extras.append([_line("Tags: " + ", ".join(map(_one_line, tags)))])
        if related:
            extras.append(["Related: " + ", ".join(map(self._reference, related))])
        return extras

    def _reference(self, target: str) -> str:
        """A related id as a link to its item here, or as plain text when it is not exported."""
        ref = self.lookup.items.get(target)
        if ref is None:
            anchor = self.anchors.get(("people", None), "") if target in self.lookup.people else ""
            return _link(self._person(target), "#" + anchor) if anchor else _label(target)
        item, key = self.lookup.item(ref), (ref.section, ref.index)
        shown = ref.index in self.exported[ref.section]
        anchor = self.anchors.get(("section", ref.section), "") if shown else ""
        if isinstance(item, Agreement):
            label = item.title if item.title.strip() else f"Agreement {ref.index + 1}"
            anchor = self.anchors.get(key, "")
        elif isinstance(item, Analysis):
            label = item.title or f"Analysis by {self._person(item.expert)}"
            if shown:  # an untitled one has no heading of its own: it stands under its expert's
                anchor = self.anchors.get(key) or self.anchors["expert", item.expert]
        elif isinstance(item, Quote):
            label = f"Quote by {self._person(item.speaker)}"
        else:
            label = f"Question {self.numbers.get(ref.index, ref.index + 1)}"
        return _link(label, "#" + anchor) if anchor else _label(label)

    def _agreements(self) -> list[str]:
        blocks = []
        for index in self.chosen["agreements"]:
            item: Agreement = self.brief.agreements[index]
            blocks.append(_heading(3, item.title))
            blocks += _text_blocks(item.summary)
            if item.details:
                points = (_list_item("-", _paragraphs(point)) for point in item.details)
                blocks.append("\n".join(line for point in points for line in point))
            blocks += [extra for [extra] in self._extras(item.tags, item.related)]
        return blocks

    def _quotes(self) -> list[str]:
        blocks = []
        for index in self.chosen["quotes"]:
            item: Quote = self.brief.quotes[index]
            if said := _lines(_paragraphs(item.text)):
                blocks.append("\n".join(f"> {line}" if line else ">" for line in said))
            context = _paragraphs(item.context or "")
            # Its `[` are escaped whatever follows: a `]` may come in the context on the next line.
            who = _line("— " + self._person(item.speaker, role=True), "[")
            context[:1] = [[who, *(context[0] if context else [])]]
            blocks.append("\n".join(_lines(context + self._extras(item.tags, item.related))))
        return blocks

    def _analysis(self) -> list[str]:
        blocks = []
        for expert, indices in self.experts.items():
            blocks.append(_heading(3, self._person(expert, role=True)))
            for index in indices:
                item: Analysis = self.brief.analysis[index]
                if item.title:
                    blocks.append(_heading(4, item.title))
                paragraphs = _paragraphs(item.summary) + self._extras(item.tags, item.related)
                if paragraphs:
                    blocks.append("\n".join(_lines(paragraphs)))
        return blocks

    def _questions(self) -> list[str]:
        items = []
        for index in self.chosen["questions"]:
            item: Question = self.brief.questions[index]
            paragraphs = _paragraphs(item.question)
            if why := _paragraphs(item.why or ""):
                why[0][0] = "Why it matters: " + why[0][0]
            paragraphs += why + self._extras(item.tags, item.related)
            items.append("\n".join(_list_item(f"{self.numbers[index]}.", paragraphs)))
        return ["\n\n".join(items)]

    def _people(self) -> list[str]:
        """`- **Name** — role`; a name alone stays plain (bold alone reads as a heading, MD036)."""
        lines = []
        for person in self.brief.people:
            name = _one_line(person.name or person.id) or "?"
            if person.role:
                role = _line(_one_line(person.role), block_start=False)
                lines.append(f"- **{_label(name)}** — {role}")
            else:
                lines.append(f"- {_line(name)}")
        return lines


def _text_blocks(text: str) -> list[str]:
    """A free text as blocks, one per paragraph, its lines joined by hard breaks."""
    return ["\\\n".join(paragraph) for paragraph in _paragraphs(text)]


def _link(label: str, url: str) -> str:
    """A link to `url` (web, mail or an anchor here), or the label alone for any other URL."""
    url = url.strip()  # as a browser reads an address
    if not _LINKABLE.match(url):
        return _label(label)
    # Spaces and controls are percent-encoded (as a browser would); brackets and escapes escaped.
    destination = "".join(quote(ch) if ch.isspace() or not ch.isprintable() else ch for ch in url)
    destination = _DESTINATION_ESCAPES.sub(lambda match: "\\" + match.group(), destination)
    return f"[{_label(label) or '?'}]({destination})"


def to_markdown(
    brief: Brief,
    *,
    sections: Collection[Section] | None = None,
    refs: Collection[ItemRef] | None = None,
) -> str:
    """The brief as Markdown: all of it; or only `sections`; or only the items `refs` name
    (both given: the items of `refs` within `sections`). Same brief, same bytes.

    Raises ValueError for an unknown section name or a reference to no item.
    """
    return _Document(brief, sections, refs).render()
