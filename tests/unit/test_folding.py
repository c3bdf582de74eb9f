"""Accent and case folding, the same for queries and texts, with offsets back into the text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_tui.folding import PUNCTUATION, fold, fold_offsets


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Pejsová", "pejsova"),
        ("ZÜRICH", "zurich"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("Ærø", "aero"),
        ("ﬁnance", "finance"),  # compatibility ligature
        ("Ｔｏｋｙｏ", "tokyo"),  # full-width letters
        ("e\u0301te\u0301", "ete"),  # decomposed accents
        ("ΟΔΟΣ", "οδοσ"),  # final sigma and sigma are one letter
        ("İstanbul", "istanbul"),
        ("日本", "日本"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("eu’s", "eu's"),  # right single quotation mark, the usual apostrophe
        ("‘quoted’ ‚low‛", "'quoted' 'low'"),
        ("5′ and 5″", "5' and 5\""),  # primes
        ("“a” „b” «c» ‹d›", '"a" "b" "c" \'d\''),
        ("de‐risking de‑risking", "de-risking de-risking"),  # hyphen, non-breaking hyphen
        ("2019–2023 — yes ‒ 1 − 2 ― end", "2019-2023 - yes - 1 - 2 - end"),
        ("wait… what", "wait... what"),
        ("＂full width＂ ﹘small", '"full width" -small'),  # compatibility forms
    ],
)
def test_typographic_quotes_dashes_and_the_ellipsis_fold_to_ascii(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(text, cased=True) == folded


def test_punctuation_offsets_cover_exactly_the_original_characters() -> None:
    text = "The EU’s plan… in 2019–2023"
    folded = fold_offsets(text, cased=True)
    assert folded.text == "The EU's plan... in 2019-2023"
    for needle, original in (("EU's", "EU’s"), ("plan...", "plan…"), ("...", "…"), ("9-2", "9–2")):
        start = folded.text.index(needle)
        assert text[slice(*folded.original(start, start + len(needle)))] == original
    start = folded.text.index("...")
    assert text[slice(*folded.original(start + 1, start + 2))] == "…"  # a dot is the whole mark


def test_cased_fold_keeps_capitals_but_drops_accents() -> None:
    assert fold("Pejsová Łódź", cased=True) == "Pejsova Lodz"


def test_kana_voicing_marks_are_part_of_the_word() -> None:
    assert fold("ガス") != fold("カス")
    assert fold("ｶﾞｽ") == fold("ガス")  # half-width kana fold to full width


def test_fold_offsets_map_back_to_the_original_text() -> None:
    text = "Dr Pejsová, Straße"
    folded = fold_offsets(text)
    assert folded.text == "dr pejsova, strasse"
    start = folded.text.index("ova")
    assert text[slice(*folded.original(start, start + 3))] == "ová"
    start = folded.text.index("ss")
    assert text[slice(*folded.original(start, start + 1))] == "ß"  # half a letter is the letter


def test_fold_offsets_cover_decomposed_accents() -> None:
    text = "cafe\u0301 noir"
    folded = fold_offsets(text)
    assert folded.text == "cafe noir"
    assert text[slice(*folded.original(0, 4))] == "cafe\u0301"


def test_ascii_offsets_are_the_identity() -> None:
    folded = fold_offsets("Green Alliance")
    assert folded.text == "green alliance"
    assert folded.original(6, 14) == (6, 14)


@given(st.text())
def test_fold_offsets_fold_the_same_as_fold(text: str) -> None:
    for cased in (False, True):
        folded = fold_offsets(text, cased)
        assert folded.text == fold(text, cased)
        for index in range(len(folded.text)):
            start, end = folded.original(index, index + 1)
            assert 0 <= start < end <= len(text)


@given(st.text(), st.text())
def test_folding_is_per_character(first: str, second: str) -> None:
    for cased in (False, True):
        assert fold(first + second, cased) == fold(first, cased) + fold(second, cased)
        assert fold(fold(first, cased), cased) == fold(first, cased)


def test_folding_every_latin_greek_cyrillic_letter_twice_changes_nothing() -> None:
    for code in range(0x80, 0x530):
        once = fold(chr(code))
        assert fold(once) == once, hex(code)


@given(st.text(st.sampled_from("ab ’‘‚‛′“”„″«»‹›‐‑‒–—―−…'\"-."), max_size=30))
def test_typography_folds_to_what_a_plain_keyboard_types(text: str) -> None:
    plain = text.translate(str.maketrans(PUNCTUATION)).replace("…", "...")
    assert fold(text) == fold(plain) == plain
    folded = fold_offsets(text)
    for start in range(len(folded.text)):  # each folded character is one typed character's
        begin, end = folded.original(start, start + 1)
        assert end == begin + 1
        assert folded.text[start] in fold(text[begin])
