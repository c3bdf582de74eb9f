"""The Markdown export: golden files, lint-clean output, anchors, filters, text that stays text."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from pymarkdown.api import PyMarkdownApi

from briefing_tui.export import default_export_name, slug, to_markdown
from briefing_tui.loader import load_brief
from briefing_tui.model import (
    Agreement,
    Analysis,
    Brief,
    ItemRef,
    Person,
    Question,
    Quote,
    Source,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
GOLDEN = DATA / "golden"
SUMMIT = ROOT / "briefs" / "eu-japan-summit-2023.yaml"
HOSTILE = DATA / "hostile.yaml"
NOTE = DATA / "note.yaml"

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def small_note() -> Brief:
    """A three-item note built in code, so one golden file does not depend on the loader."""
    return Brief(
        brief=1,
        title="Tide gauge upgrade",
        date=dt.date(2024, 5, 2),
        summary="Two agencies agreed to replace the gauges.\n\nFunding is still open.",
        people=(Person(id="lee", name="Mina Lee", role="Hydrographer"),),
        agreements=(
            Agreement(id="gauges", title="New gauges", summary="Ten gauges, replaced by June."),
        ),
        quotes=(Quote(id="q", speaker="lee", text="Old gauges drift.\nNew ones do not."),),
        analysis=(),
        questions=(Question(id="money", question="Who pays?", related=("gauges", "lee")),),
    )


def golden_briefs() -> dict[str, Brief]:
    return {
        "summit": load_brief(SUMMIT),
        "note": load_brief(NOTE),
        "hostile": load_brief(HOSTILE),
        "small-note": small_note(),
    }


@pytest.mark.parametrize("name", ["summit", "note", "hostile", "small-note"])
def test_export_matches_golden_file(name: str) -> None:
    text = to_markdown(golden_briefs()[name])
    golden = GOLDEN / f"{name}.md"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_bytes(text.encode("utf-8"))
    assert golden.exists(), f"no {golden.name} yet: create it with UPDATE_GOLDEN=1"
    assert golden.read_bytes().decode("utf-8") == text, (
        f"{golden.name} differs; if the change is intended, rerun with UPDATE_GOLDEN=1"
    )


@pytest.mark.parametrize("name", ["summit", "note", "hostile", "small-note"])
def test_export_is_markdownlint_clean(name: str) -> None:
    text = to_markdown(golden_briefs()[name])
    result = PyMarkdownApi().disable_rule_by_identifier("md013").scan_string(text)
    problems = [
        f"{f.line_number}:{f.column_number} {f.rule_id} {f.rule_description}"
        for f in result.scan_failures
    ]
    assert problems == []
    assert not result.critical_errors


@pytest.mark.parametrize("name", ["summit", "hostile"])
def test_export_bytes_are_deterministic_lf_and_end_in_one_newline(name: str) -> None:
    brief = golden_briefs()[name]
    text = to_markdown(brief)
    assert text == to_markdown(brief)
    assert "\r" not in text and "\t" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in text.split("\n"))


def test_summit_document_has_the_sections_in_order() -> None:
    text = to_markdown(load_brief(SUMMIT))
    headings = [line for line in text.split("\n") if line.startswith("## ")]
    assert headings == [
        "## Agreements",
        "## Quotes",
        "## Analysis",
        "## Questions",
        "## People",
    ]
    assert text.startswith("# Japan–EU summit 2023")
    assert "\n2023-07-13 · Brussels · The Japan Times\n" in text
    assert "\n### Green Alliance cooperation framework\n" in text
    assert "\n- **Eva Pejsova** — Japan Chair at the Brussels School" in text


def test_the_head_links_the_source_title_and_names_the_publisher() -> None:
    brief = small_note()
    source = Source(title="Gauges report", publisher="Harbour Weekly", url="https://example.org/g")
    text = to_markdown(msgspec_replace(brief, source=source, location="Oslo"))
    assert "\n2024-05-02 · Oslo · [Gauges report](https://example.org/g), Harbour Weekly\n" in text


def test_a_source_url_that_is_not_a_web_address_is_not_linked() -> None:
    source = Source(title="Report", url="javascript:alert(1)")
    text = to_markdown(msgspec_replace(small_note(), source=source))
    assert "\n2024-05-02 · Report\n" in text
    assert "javascript" not in text


def msgspec_replace(brief: Brief, **changes: object) -> Brief:
    import msgspec

    return msgspec.structs.replace(brief, **changes)


def test_quotes_keep_their_lines_and_paragraphs_inside_the_quote() -> None:
    text = to_markdown(small_note())
    assert "\n> Old gauges drift.\\\n> New ones do not.\n\n— Mina Lee, Hydrographer\n" in text


def test_summary_paragraphs_stay_paragraphs() -> None:
    text = to_markdown(small_note())
    assert "\n\nTwo agencies agreed to replace the gauges.\n\nFunding is still open.\n\n" in text


def test_questions_are_a_numbered_list_with_why_indented_under_each() -> None:
    brief = msgspec_replace(
        small_note(),
        questions=(
            Question(question="Who pays?", why="Nobody has offered."),
            Question(question="When?\nAnd where?"),
        ),
    )
    text = to_markdown(brief)
    assert (
        "\n1. Who pays?\n\n   Why it matters: Nobody has offered.\n\n2. When?\\\n   And where?\n"
        in (text)
    )


# --- anchors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [  # github-slugger's fixtures, which record what GitHub does
        ("I ♥ unicode", "i--unicode"),
        ("Dash-dash", "dash-dash"),
        ("en–dash!", "endash"),
        ("😄 unicode emoji", "-unicode-emoji"),
        ("😄_😄 unicode emoji", "_-unicode-emoji"),
        (":smile: - a gemoji", "smile---a-gemoji"),
        ("Привет non-latin 你好", "привет-non-latin-你好"),
        ("heading with a period.txt", "heading-with-a-periodtxt"),
        ("Émigré ÀÉ", "émigré-àé"),
    ],
)
def test_slug_is_githubs(heading: str, anchor: str) -> None:
    assert slug(heading) == anchor


def test_alike_titles_get_numbered_anchors_in_document_order() -> None:
    agreements = tuple(
        Agreement(id=f"a{i}", title=title, summary="s")
        for i, title in enumerate(["Green Alliance", "Green alliance!", "Green-Alliance", "Quotes"])
    )
    brief = msgspec_replace(
        small_note(),
        agreements=agreements,
        questions=(Question(question="q", related=("a0", "a1", "a2", "a3", "q")),),
    )
    text = to_markdown(brief)
    assert (
        "Related: [Green Alliance](#green-alliance), [Green alliance!](#green-alliance-1), "
        "[Green-Alliance](#green-alliance-2), [Quotes](#quotes), [Quote by Mina Lee](#quotes-1)"
    ) in text


def github_anchors(markdown: str) -> set[str]:
    """Anchors GitHub gives the headings of a document: computed here from the rendered text."""
    seen: dict[str, int] = {}
    anchors = set()
    tokens = MD.parse(markdown)
    for opening, inline in itertools.pairwise(tokens):
        if opening.type == "heading_open":
            text = "".join(child.content for child in inline.children or [])
            base = "".join(
                ch
                for ch in text.lower()
                if ch in "- " or unicodedata.category(ch)[0] in "LMN" or ch == "_"
            ).replace(" ", "-")
            count = seen.get(base, 0)
            seen[base] = count + 1
            anchors.add(f"{base}-{count}" if count else base)
    return anchors


def link_targets(markdown: str) -> list[str]:
    return [
        str(child.attrs["href"])
        for token in MD.parse(markdown)
        if token.type == "inline"
        for child in token.children or []
        if child.type == "link_open"
    ]


@pytest.mark.parametrize("name", ["summit", "hostile", "note"])
def test_every_cross_reference_points_at_a_heading(name: str) -> None:
    text = to_markdown(golden_briefs()[name])
    anchors = github_anchors(text)
    fragments = [href for href in link_targets(text) if href.startswith("#")]
    assert fragments
    from urllib.parse import unquote

    assert [f for f in fragments if unquote(f[1:]) not in anchors] == []


def test_hostile_title_that_slugs_like_a_section_pushes_the_section_to_quotes_1() -> None:
    text = to_markdown(load_brief(HOSTILE))
    assert "[Quote by Jane \\*Star\\* Doe](#quotes-1)" in text
    assert "[Quotes?](#quotes)" in text


# --- filtered exports ----------------------------------------------------------------------------


def test_one_section_export_says_so_and_holds_only_that_section() -> None:
    text = to_markdown(load_brief(NOTE), sections=["quotes"])
    assert text.split("\n")[:5] == [
        "# Harbour cleanup talks",
        "",
        "2024-03-05 · Rotterdam",
        "",
        "Exported: Quotes only",
    ]
    assert [line for line in text.split("\n") if line.startswith("#")] == [
        "# Harbour cleanup talks",
        "## Quotes",
    ]
    # The agreement it relates to is not in this file: named, not linked.
    assert "\nRelated: Shared cleanup fleet\n" in text


def test_several_sections_are_listed_in_document_order() -> None:
    text = to_markdown(load_brief(SUMMIT), sections=["questions", "agreements"])
    assert "\nExported: Agreements and Questions\n" in text
    assert "## Quotes" not in text and "## People" not in text


def test_export_of_selected_items_keeps_brief_order_and_says_how_many() -> None:
    brief = load_brief(SUMMIT)
    refs = [ItemRef("quotes", 3), ItemRef("agreements", 10), ItemRef("quotes", 1)]
    text = to_markdown(brief, refs=refs)
    total = sum(brief.counts().values())
    assert f"\nExported: 3 selected items of {total}\n" in text
    assert [line for line in text.split("\n") if line.startswith("##")] == [
        "## Agreements",
        f"### {brief.agreements[10].title}",
        "## Quotes",
    ]
    assert text.index(brief.quotes[1].text[:30]) < text.index(brief.quotes[3].text[:30])
    assert all(f[1:] in github_anchors(text) for f in link_targets(text) if f.startswith("#"))
    assert PyMarkdownApi().disable_rule_by_identifier("md013").scan_string(text).scan_failures == []


def test_sections_and_refs_together_export_the_refs_within_the_sections() -> None:
    refs = [ItemRef("agreements", 0), ItemRef("quotes", 0)]
    text = to_markdown(load_brief(NOTE), sections=["quotes"], refs=refs)
    assert "\nExported: 1 selected item of 3\n" in text
    assert "## Agreements" not in text and "## Quotes" in text


@pytest.mark.parametrize(
    ("sections", "refs", "message"),
    [
        (["quote"], None, "unknown section 'quote'"),
        (None, [ItemRef("quotes", 7)], "no item quotes[7] in this brief"),
        (None, [ItemRef("agreements", -1)], "no item agreements[-1] in this brief"),
    ],
)
def test_a_bad_selection_is_a_value_error(
    sections: list[str] | None, refs: list[ItemRef] | None, message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        to_markdown(load_brief(NOTE), sections=sections, refs=refs)  # type: ignore[arg-type]


def test_default_export_name_is_the_brief_stem_with_md() -> None:
    assert (
        default_export_name(Path("briefs/eu-japan-summit-2023.yaml")) == "eu-japan-summit-2023.md"
    )
    assert default_export_name(Path("notes/brief")) == "brief.md"


def inline_texts(tokens: list[Token]) -> list[str]:
    return [
        "".join(
            "\n" if child.type in ("hardbreak", "softbreak") else child.content
            for child in token.children or []
        )
        for token in tokens
        if token.type == "inline"
    ]


def test_bare_urls_and_emails_are_not_autolinked_by_gfm() -> None:
    linkify = MarkdownIt("commonmark", {"linkify": True}).enable(["linkify"])
    linkify.linkify.set({"fuzzy_link": False})
    text = "see https://example.org, www.example.org/x and me@example.org; also <https://x.org>"
    brief = msgspec_replace(small_note(), summary=text)
    tokens = linkify.parse(to_markdown(brief))
    assert text in inline_texts(tokens)
    links = [
        c for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "link_open"
    ]
    assert len(links) == len(link_targets(to_markdown(small_note())))


# --- text from a brief stays text: property tests ----------------------------------------------

# The characters the loader refuses: C0 controls but tab and newline, DEL, C1, bidi overrides.
FORBIDDEN = (
    "".join(chr(c) for c in range(0x20) if chr(c) not in "\t")
    + "\x7f"
    + "".join(chr(c) for c in range(0x80, 0xA0))
    + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters=FORBIDDEN)
# Fragments that mean something to CommonMark, GFM, HTML or GitHub, mixed with any character.
MARKUP_WORDS = (
    "# ## ###### * ** _ __ ~ ~~ ~~~ ` ``` | < > <b> </b> <!-- --> <?x ?> [ ] ( ) [x](y) ![i](z) "
    "[a]: [^1] https://x.y http:// www. a@b.co mailto: &amp; &#65; &#x41; & ; \\ 1. 2) 10. - + "
    "= === --- *** ___ : ! ^ {} 日本 😀 é e\u0301 \u200b"
)
MARKUP = st.sampled_from(
    [*MARKUP_WORDS.split(" "), " ", "    ", "\t", "  ", "\u00a0", "\u3000", "\u2028"]
)
PIECE = st.one_of(MARKUP, MARKUP, st.text(CHARS, max_size=3))
LINE = st.lists(PIECE, max_size=10).map("".join).filter(lambda s: s == "" or bool(s.strip()))
TEXT = st.lists(
    st.one_of(PIECE, st.sampled_from(["\n", "\n\n", " \n", "\n  \n"])), max_size=14
).map("".join)

LINE_FIELDS = [
    "title", "location", "source.title", "source.publisher", "p1.name", "p1.role", "p2.name",
    "a1.title", "a1.tag0", "a1.tag1", "a2.title", "q1.tag", "x1.title", "s1.tag",
]  # fmt: skip
TEXT_FIELDS = [
    "summary", "a1.summary", "a1.detail0", "a1.detail1", "a2.summary", "q1.text", "q1.context",
    "q2.text", "x1.summary", "x2.summary", "s1.question", "s1.why", "s2.question",
]  # fmt: skip


def brief_of(text: dict[str, str]) -> Brief:
    """A brief with every kind of text field, each filled from `text`."""
    return Brief(
        brief=1,
        title=text["title"],
        date=dt.date(2024, 1, 2),
        location=text["location"],
        summary=text["summary"],
        source=Source(
            title=text["source.title"],
            publisher=text["source.publisher"],
            url="https://example.org/",
        ),
        people=(
            Person(id="p1", name=text["p1.name"], role=text["p1.role"]),
            Person(id="p2", name=text["p2.name"]),
        ),
        agreements=(
            Agreement(
                id="a1",
                title=text["a1.title"],
                summary=text["a1.summary"],
                details=(text["a1.detail0"], text["a1.detail1"]),
                tags=(text["a1.tag0"], text["a1.tag1"]),
                related=("a2", "q1", "x1", "x2", "s1", "p1"),
            ),
            Agreement(id="a2", title=text["a2.title"], summary=text["a2.summary"]),
        ),
        quotes=(
            Quote(
                id="q1",
                speaker="p1",
                text=text["q1.text"],
                context=text["q1.context"],
                tags=(text["q1.tag"],),
                related=("a1",),
            ),
            Quote(id="q2", speaker="p2", text=text["q2.text"]),
        ),
        analysis=(
            Analysis(id="x1", expert="p2", title=text["x1.title"], summary=text["x1.summary"]),
            Analysis(id="x2", expert="p1", summary=text["x2.summary"], related=("s2",)),
        ),
        questions=(
            Question(
                id="s1",
                question=text["s1.question"],
                why=text["s1.why"],
                tags=(text["s1.tag"],),
                related=("q2",),
            ),
            Question(id="s2", question=text["s2.question"]),
        ),
    )


def paragraphs(text: str) -> list[list[str]]:
    """How a reader gets a text back: its lines, in paragraphs split at whitespace-only lines."""
    result: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            result[-1].append(line)
        elif result[-1]:
            result.append([])
    return [p for p in result if p]


def stand_ins(text: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The same brief with each line of each text replaced by a unique plain word, and the map
    from those words back to the lines they stand for."""
    words: dict[str, str] = {}
    plain: dict[str, str] = {}
    for n, (field, value) in enumerate(sorted(text.items())):
        if field in LINE_FIELDS:
            # A heading text GitHub gives no anchor (all punctuation) cannot be linked to: its
            # stand-in has none either, made of plain symbols.
            word = (
                f"Zq{n}x"
                if slug(value)
                else "‡" + "".join("¤§¶©®°¬¦"[int(d)] for d in f"{n:o}") + "‡"
            )
            plain[field] = word if value else ""
            words[word] = value
            continue
        shaped = []
        for p, paragraph in enumerate(paragraphs(value)):
            lines = []
            for i, line in enumerate(paragraph):
                word = f"Zq{n}y{p}y{i}x"
                words[word] = line
                lines.append(word)
            shaped.append("\n".join(lines))
        plain[field] = "\n\n".join(shaped)
    return plain, words


def shape(tokens: list[Token]) -> list[tuple[str, str]]:
    """The structure a document renders to: every token's type and tag, inline ones included."""
    out = []
    for token in tokens:
        out.append((token.type, token.tag))
        out.extend((child.type, child.tag) for child in token.children or [])
    return out


def assert_renders_as_text(text: dict[str, str]) -> None:
    plain, words = stand_ins(text)
    hostile = MD.parse(to_markdown(brief_of(text)))
    reference = MD.parse(to_markdown(brief_of(plain)))
    assert shape(hostile) == shape(reference)
    expected = [
        re.sub(r"Zq\d+(?:y\d+y\d+)?x|‡[¤§¶©®°¬¦]+‡", lambda m: words[m.group()], line)
        for line in inline_texts(reference)
    ]
    assert inline_texts(hostile) == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.fixed_dictionaries({**dict.fromkeys(LINE_FIELDS, LINE), **dict.fromkeys(TEXT_FIELDS, TEXT)})
)
def test_any_text_in_every_field_renders_as_that_text_and_adds_no_structure(
    text: dict[str, str],
) -> None:
    assert_renders_as_text(text)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LINE_FIELDS + TEXT_FIELDS), st.data())
def test_any_text_in_one_field_renders_as_that_text(field: str, data: st.DataObject) -> None:
    text = {name: f"plain {name}" for name in LINE_FIELDS + TEXT_FIELDS}
    text[field] = data.draw(LINE if field in LINE_FIELDS else TEXT)
    assert_renders_as_text(text)


@pytest.mark.parametrize(
    "value",
    [
        "~~ a ~~ \n ~~ b ~~",
        "x \\ \n\\\ty",
        "    code?\n\tcode?\n>quote\n#\n##### h\n1986. list?\n+\n-\n=\n***\n___",
        "a  \nb\\\n\\",
        "[a]\n(b) [c](\nd) <e\n> &amp\n;",
        "\u00a0lead\u3000 trail\u2028",
    ],
)
def test_known_traps_render_as_text(value: str) -> None:
    text = {name: f"plain {name}" for name in LINE_FIELDS + TEXT_FIELDS}
    for field in TEXT_FIELDS:
        text[field] = value
    assert_renders_as_text(text)


@settings(max_examples=200, deadline=None)
@given(st.text(CHARS, max_size=20))
def test_source_url_becomes_the_link_target_unchanged(tail: str) -> None:
    url = "https://example.org/" + tail.replace("\n", "")
    brief = msgspec_replace(small_note(), source=Source(title="Report", url=url))
    links = [href for href in link_targets(to_markdown(brief)) if not href.startswith("#")]
    assert links == [MD.normalizeLink(url)]


def test_an_export_of_search_results_names_the_search_as_text() -> None:
    refs = [ItemRef("agreements", 0), ItemRef("quotes", 0)]
    text = to_markdown(load_brief(NOTE), refs=refs, query='fleet *bold* "crew')
    note = 'Exported: 2 selected items of 3, found by the search “fleet \\*bold\\* "crew”'
    assert f"\n{note}\n" in text
    html = MarkdownIt("commonmark").render(text)
    assert "found by the search “fleet *bold* &quot;crew”" in html
