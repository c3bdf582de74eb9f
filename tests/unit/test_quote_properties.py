"""Properties of the quote check over passages cut at random from the example article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from briefing_tui.quotematch import check_quote
from briefing_tui.sourcetext import SourceText

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "briefs" / "example-river-summit.txt").read_text(encoding="utf-8")
SOURCE = SourceText(TEXT)
# Whitespace-separated pieces of the article, with where each starts.
PIECES = [(match.group(), match.start()) for match in re.finditer(r"\S+", TEXT)]
VARIANTS = {
    "'": "'’‘",
    "’": "'’‘",
    "‘": "'’‘",
    '"': '"“”',
    "“": '"“”',
    "”": '"“”',
    "—": ["—", "–", "-", "--"],
    "–": ["—", "–", "-", "--"],
}
SPACES = st.sampled_from([" ", "  ", "\n", " \n    ", "\t", "\n\n", "\u00a0"])
FAKE_WORD = "Zqxjv"


@dataclass(frozen=True)
class Passage:
    pieces: list[str]
    start: int  # index of the first piece in PIECES


@st.composite
def passages(draw: st.DrawFn) -> Passage:
    size = draw(st.integers(6, 30))
    start = draw(st.integers(0, len(PIECES) - size))
    return Passage([piece for piece, _ in PIECES[start : start + size]], start)


@st.composite
def retyped(draw: st.DrawFn, pieces: list[str]) -> str:
    """The pieces joined by random whitespace, each quote mark and dash typed at random."""
    typed = []
    for piece in pieces:
        chars = [draw(st.sampled_from(VARIANTS[c])) if c in VARIANTS else c for c in piece]
        typed.append("".join(chars))
    gaps = [draw(SPACES) for _ in typed[1:]]
    return typed[0] + "".join(gap + piece for gap, piece in zip(gaps, typed[1:], strict=True))


def line_of(offset: int) -> int:
    return TEXT.count("\n", 0, offset) + 1


@settings(max_examples=150, deadline=None)
@given(passages(), st.data())
def test_any_passage_retyped_is_accepted(passage: Passage, data: st.DataObject) -> None:
    quote = data.draw(retyped(passage.pieces))
    assert check_quote(SOURCE, quote) is None, quote


@settings(max_examples=150, deadline=None)
@given(passages(), st.data())
def test_a_changed_word_is_reported_at_that_word(passage: Passage, data: st.DataObject) -> None:
    assume(TEXT.count(" ".join(passage.pieces)) <= 1)
    wordy = [i for i, piece in enumerate(passage.pieces) if re.search(r"\w", piece)]
    changed = data.draw(st.sampled_from(wordy))
    piece = passage.pieces[changed]
    word = re.search(r"\w+", piece)
    assert word is not None
    pieces = list(passage.pieces)
    pieces[changed] = piece[: word.start()] + FAKE_WORD + piece[word.end() :]
    quote = data.draw(retyped(pieces))
    found = check_quote(SOURCE, quote)
    assert found is not None, quote
    # Shown whole: "river’s" for a changed "river"
    assert found.source_word is not None
    assert word.group() in found.source_word, quote
    assert FAKE_WORD in found.quote_word, quote
    assert found.line == line_of(PIECES[passage.start + changed][1] + word.start())
