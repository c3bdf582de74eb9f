"""Quotes against their source: what counts as the same words, and how a misquote is explained."""

from __future__ import annotations

import pytest

from briefing_tui.quotematch import MAX_GAP_WORDS, Misquote, check_quote, quote_parts
from briefing_tui.sourcetext import SourceText

ARTICLE = """\
Ministers met in Lindmark on Thursday.
“We need each other more than ever,” the minister said, “and we are closer than ever.”
The accord — signed after long talks – covers floods and droughts.
Officials said the farmers’ union was ‘not consulted’ at all.
It was the first meeting in ten years.
"""


@pytest.fixture(scope="module")
def article() -> SourceText:
    return SourceText(ARTICLE)


def misquote(source: SourceText, quote: str) -> Misquote:
    found = check_quote(source, quote)
    assert found is not None, f"{quote!r} was accepted"
    return found


@pytest.mark.parametrize(
    "quote",
    [
        "We need each other more than ever",
        "We  need each\nother   more\n\tthan ever",  # whitespace and line breaks
        "Ministers met in Lindmark on Thursday. “We need each other",  # across a line break
        "Officials said the farmers' union was 'not consulted'",  # straight for typographic
        "The accord - signed after long talks - covers floods",  # hyphens for dashes
        "The accord -- signed after long talks --- covers floods",
        "The accord — signed after long talks — covers floods",
        "the minister said, “and we are closer than ever.”",
        '"We need each other more than ever," the minister said',
    ],
)
def test_the_same_words_typed_differently_are_accepted(article: SourceText, quote: str) -> None:
    assert check_quote(article, quote) is None


def test_typographic_quotes_in_the_brief_match_straight_ones_in_the_source() -> None:
    source = SourceText('He said "it\'s done" and left.')
    assert check_quote(source, "He said “it’s done”") is None


@pytest.mark.parametrize(
    "quote",
    [
        "We need each other … closer than ever",
        "We need each other ... closer than ever",
        "We need ... than ever, ... and we are closer",  # several ellipses, parts in order
        "... the first meeting",  # an ellipsis at either end stands for nothing to check
        "It was the first meeting …",
    ],
)
def test_an_ellipsis_stands_for_left_out_words(article: SourceText, quote: str) -> None:
    assert check_quote(article, quote) is None


def test_a_full_stop_or_comma_ending_a_quote_or_a_part_may_differ(article: SourceText) -> None:
    assert check_quote(article, "We need each other more than ever.") is None
    assert check_quote(article, "Ministers met in Lindmark, … and we are closer") is None
    assert check_quote(article, "We need each other more than ever!") is not None


def test_parts_around_an_ellipsis_must_keep_their_order(article: SourceText) -> None:
    found = misquote(article, "closer than ever … We need each other")
    assert found.apart
    assert "are not within" in str(found)


def test_parts_around_an_ellipsis_must_be_near_each_other() -> None:
    filler = " ".join(f"word{n}" for n in range(MAX_GAP_WORDS + 1))
    far = SourceText(f"The start of it. {filler} The end of it.")
    near = SourceText(f"The start of it. {filler[: len(filler) // 2]} The end of it.")
    assert check_quote(near, "The start of it … The end of it") is None
    found = misquote(far, "The start of it … The end of it")
    assert found.apart
    assert f"within {MAX_GAP_WORDS} words" in str(found)


def test_case_and_letters_count(article: SourceText) -> None:
    found = misquote(article, "we need each other more than ever")
    assert (found.source_word, found.quote_word) == ("We", "we")


def test_a_changed_word_is_named_with_the_line_of_the_passage(article: SourceText) -> None:
    found = misquote(article, "We need every other more than ever")
    assert found.line == 2
    assert (found.source_word, found.quote_word) == ("each", "every")
    assert str(found) == (
        'differs from the source at line 2: "…We need each other more than ever,…":'
        ' source has "each", quote has "every"'
    )


def test_a_left_out_word_and_an_added_word(article: SourceText) -> None:
    left_out = misquote(article, "The accord covers floods and droughts")
    assert (left_out.line, left_out.source_word, left_out.quote_word) == (3, "—", "covers")
    added = misquote(article, "It was the very first meeting in ten years")
    assert (added.line, added.source_word, added.quote_word) == (5, "first", "very")


def test_the_line_is_that_of_the_first_difference(article: SourceText) -> None:
    found = misquote(article, "the minister said, “and we are closer than before")
    assert found.line == 2
    assert found.quote_word == "before"
    crossing = misquote(article, "on Thursday. “We want each other")
    assert (crossing.line, crossing.source_word) == (2, "need")


def test_the_closest_passage_is_found_among_similar_ones() -> None:
    lines = [f"Line {n} says the council met on day {n} and agreed." for n in range(1, 200)]
    lines[149] = "Line 150 says the harbour board met on day 150 and refused."
    source = SourceText("\n".join(lines))
    found = misquote(source, "the harbour board met on day 150 and agreed")
    assert found.line == 150
    assert (found.source_word, found.quote_word) == ("refused", "agreed")


def test_a_quote_running_past_the_end_of_the_source(article: SourceText) -> None:
    found = misquote(article, "It was the first meeting in ten years. And the last")
    assert found.source_word is None
    assert 'source ends, quote has "And"' in str(found)


def test_words_the_source_does_not_have_at_all(article: SourceText) -> None:
    found = misquote(article, "Penguins rarely file tax returns")
    assert found.line is None
    assert str(found) == "is not in the source, and no passage of the source comes close to it"


def test_a_quote_without_words_cannot_be_checked(article: SourceText) -> None:
    assert quote_parts("… , …") == []
    with pytest.raises(ValueError, match="no words"):
        check_quote(article, "…")


def test_accents_compare_whatever_their_unicode_form() -> None:
    source = SourceText("Le ministre a visite\u0301 Mu\u0308nchen.")  # decomposed accents
    assert check_quote(source, "a visité München") is None


def test_a_differing_word_is_shown_whole_not_a_piece_of_it(article: SourceText) -> None:
    found = misquote(article, "Officials said the farmer’s union")
    assert (found.source_word, found.quote_word) == ("farmers", "farmer’s")
    hyphen = misquote(SourceText("They chose to de-risk trade."), "They chose to de-couple trade")
    assert (hyphen.source_word, hyphen.quote_word) == ("de-risk", "de-couple")
