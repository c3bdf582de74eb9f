"""The bundled Japan–EU summit brief is faithful to its source; the format doc's examples hold."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec
import pytest

from briefing_tui.loader import BriefInvalid, load_brief, parse_brief
from briefing_tui.model import (
    Agreement,
    Analysis,
    Brief,
    Lookup,
    Person,
    Question,
    Quote,
    Source,
)
from briefing_tui.sourcecheck import check_sources

ROOT = Path(__file__).resolve().parents[2]
SUMMIT = ROOT / "briefs" / "eu-japan-summit-2023.yaml"
FORMAT_DOC = ROOT / "docs" / "brief-format.md"
# The source article is not shipped; a copy of shared/ sits beside the clone.
ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "source" / "japan-eu-summit-2023.txt"

# Quotation-marked words in the article that are deliberately not quotes of the brief.
NOT_QUOTES = {
    "Green Alliance": "the name of a programme, not anyone's words",
    "decoupling": "the option Pejsova's “de-risking” is chosen over; named in that quote's context",
}


@pytest.fixture(scope="module")
def summit() -> Brief:
    return load_brief(SUMMIT)


@pytest.fixture(scope="module")
def article() -> str:
    if not ARTICLE.is_file():
        pytest.skip(f"the source article is not beside the clone: {ARTICLE}")
    return ARTICLE.read_text(encoding="utf-8")


def quotations(article: str) -> set[str]:
    """Every “…” span of the article, minus the comma or period it sets inside the closing mark."""
    return {re.sub(r"[,.]$", "", span) for span in re.findall("“([^”]*)”", article)}


def test_summit_brief_loads_with_the_intended_counts(summit: Brief) -> None:
    assert summit.counts() == {"agreements": 14, "quotes": 12, "analysis": 8, "questions": 8}
    assert len(summit.people) == 8
    assert str(summit.date) == "2023-07-13"
    assert summit.location == "Brussels"


def test_source_states_only_what_the_article_gives(summit: Brief) -> None:
    # The report carries no headline, date or address; the source file is not shipped.
    assert summit.source == Source(publisher="The Japan Times")


def test_agreements_have_stable_ids_in_article_order(summit: Brief) -> None:
    assert [agreement.id for agreement in summit.agreements] == [
        "security-dialogue",
        "status-quo",
        "indo-pacific-cooperation",
        "russia-sanctions",
        "economic-security",
        "critical-raw-materials",
        "semiconductors",
        "digital-partnership",
        "ai-safeguards",
        "arctic-cable",
        "green-alliance",
        "hydrogen",
        "fukushima-food",
        "trade-issues",
    ]
    assert all(agreement.details and agreement.tags for agreement in summit.agreements)


def test_every_quote_is_a_whole_quotation_of_the_article(summit: Brief, article: str) -> None:
    spans = quotations(article)
    for quote in summit.quotes:
        assert quote.text in article, quote.id
        assert quote.text in spans, f"{quote.id}: not one whole quotation of the article"


def test_the_quote_checker_finds_every_quote_in_the_article(summit: Brief, article: str) -> None:
    checked = check_sources(summit, str(SUMMIT), str(ARTICLE))
    assert [str(error) for error in checked.errors] == []
    assert checked.quotes == 12


def test_every_quotation_of_the_article_is_quoted_or_knowingly_left_out(
    summit: Brief, article: str
) -> None:
    quoted = {quote.text for quote in summit.quotes}
    assert quotations(article) - quoted == set(NOT_QUOTES)


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("closer than ever", "von-der-leyen"),
        ("indivisible", "von-der-leyen"),
        ("unprecedented challenges", "von-der-leyen"),
        ("anywhere in the world", "joint-statement"),
        ("de-risk and diversify", "joint-statement"),
        ("contain China", "maslow"),
        ("strategic commodities", "pejsova"),
        ("countering economic coercion", "pejsova"),
        ("taking off", "pejsova"),
        ("one security theater", "pajon"),
    ],
)
def test_quote_is_attributed_to_who_said_it(summit: Brief, words: str, speaker: str) -> None:
    (quote,) = [quote for quote in summit.quotes if words in quote.text]
    assert quote.speaker == speaker


def test_quotes_keep_the_article_typography(summit: Brief) -> None:
    texts = {quote.id: quote.text for quote in summit.quotes}
    assert texts["indivisible"].startswith("We are ... increasing")
    assert texts["need-each-other"].startswith("We (Japan and the EU) need")
    assert "EU’s approach" in texts["countering-coercion"]


def test_everyone_the_article_names_is_a_person(summit: Brief, article: str) -> None:
    names = {person.name for person in summit.people}
    for name in (
        "Fumio Kishida",
        "Charles Michel",
        "Ursula von der Leyen",
        "Jean-Eric Paquet",
        "Sebastian Maslow",
        "Eva Pejsova",
        "Celine Pajon",
    ):
        assert name in article
        assert name in names
    assert "Joint statement" in names


def test_experts_roles_are_as_the_article_gives_them(summit: Brief, article: str) -> None:
    lookup = Lookup(summit)
    for expert in ("maslow", "pejsova", "pajon"):
        role = lookup.people[expert].role
        assert role and role in article, expert


def test_speakers_and_experts_are_people_of_the_brief(summit: Brief) -> None:
    people = {person.id for person in summit.people}
    assert {quote.speaker for quote in summit.quotes} <= people
    assert {analysis.expert for analysis in summit.analysis} == {
        "maslow",
        "paquet",
        "pejsova",
        "pajon",
    }


def test_quotes_analysis_and_questions_are_tied_to_what_they_concern(summit: Brief) -> None:
    lookup = Lookup(summit)
    items = (*summit.quotes, *summit.analysis, *summit.questions)
    assert [item.id for item in items if not item.related] == []
    for item in (*summit.agreements, *summit.quotes, *summit.analysis, *summit.questions):
        for target in item.related:
            assert target in lookup.items or target in lookup.people, (item.id, target)
    assert "indivisible" in related_to(summit, "security-dialogue")
    assert "hydrogen" in related_to(summit, "green-alliance")


def related_to(brief: Brief, target: str) -> set[str | None]:
    """Ids of every item whose `related` names `target`."""
    items = (*brief.agreements, *brief.quotes, *brief.analysis, *brief.questions)
    return {item.id for item in items if target in item.related}


def test_own_prose_copies_no_passage_of_the_article(summit: Brief, article: str) -> None:
    # Verbatim quotes and the article's wording of roles are the only copied text.
    run = 10
    article_words = words(article)
    passages = {tuple(article_words[i : i + run]) for i in range(len(article_words) - run + 1)}
    for label, text in own_prose(summit):
        text_words = words(text)
        for i in range(len(text_words) - run + 1):
            assert tuple(text_words[i : i + run]) not in passages, label


def words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text.lower())


def own_prose(brief: Brief) -> list[tuple[str, str]]:
    """(label, text) of every text written for the brief rather than quoted."""
    texts = [("summary", brief.summary), ("title", brief.title)]
    for item in (*brief.agreements, *brief.quotes, *brief.analysis, *brief.questions):
        fields = msgspec.structs.asdict(item)
        for name in ("title", "summary", "context", "question", "why"):
            if isinstance(fields.get(name), str):
                texts.append((f"{item.id}.{name}", fields[name]))
        texts += [(f"{item.id}.details", detail) for detail in fields.get("details", ())]
    return texts


def test_texts_are_plain_not_markdown(summit: Brief) -> None:
    markdown = re.compile(r"\*\*|__|`|\]\(|^\s*(#|[-*+>] |\d+\. )", re.MULTILINE)
    for label, text in own_prose(summit):
        assert not markdown.search(text), label


# docs/brief-format.md


def doc_blocks(language: str) -> list[str]:
    """The bodies of the doc's fenced blocks of one language, in order."""
    doc = FORMAT_DOC.read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", doc, re.DOTALL)


def test_format_doc_example_is_valid() -> None:
    example = doc_blocks("yaml")[0]
    brief = parse_brief(example.encode(), name="brief-format.md")
    assert brief.counts() == {"agreements": 2, "quotes": 2, "analysis": 1, "questions": 2}
    assert [person.id for person in brief.people] == ["berg", "ortiz", "olsen"]


def test_format_doc_error_example_is_what_the_loader_reports() -> None:
    (broken,) = [block for block in doc_blocks("yaml") if "titel:" in block]
    (report,) = [block for block in doc_blocks("text") if "note.yaml:" in block]
    with pytest.raises(BriefInvalid) as invalid:
        parse_brief(broken.encode(), name="note.yaml")
    assert [str(error) for error in invalid.value.errors] == report.splitlines()


@pytest.mark.parametrize(
    ("heading", "record"),
    [
        ("### The brief (top level)", Brief),
        ("### `source`", Source),
        ("### `people`", Person),
        ("### `agreements`", Agreement),
        ("### `quotes`", Quote),
        ("### `analysis`", Analysis),
        ("### `questions`", Question),
    ],
)
def test_format_doc_tables_list_every_key_of_the_model(heading: str, record: type) -> None:
    section = FORMAT_DOC.read_text(encoding="utf-8").split(heading + "\n", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \|[^|]*\| (yes|no) \|", section, re.MULTILINE)
    fields = msgspec.structs.fields(record)
    assert [key for key, _ in rows] == [field.name for field in fields]
    assert [required == "yes" for _, required in rows] == [field.required for field in fields]
