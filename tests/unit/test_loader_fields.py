"""Mistakes in a brief's keys and values: each reported once, exactly, at the value's line:col."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from brief_text import MINIMAL, errors, only_error

from briefing_tui.loader import BriefInvalid, load_brief, parse_brief
from briefing_tui.model import Agreement, Brief, Person, Question, Quote

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_note_loads_into_the_expected_brief() -> None:
    brief = load_brief(DATA / "note.yaml")
    assert brief == Brief(
        brief=1,
        title="Harbour cleanup talks",
        date=dt.date(2024, 3, 5),
        location="Rotterdam",
        summary=(
            "The port authority and the city agreed to share the cost of a hydrogen-powered"
            " cleanup fleet; questions remain about who runs it."
        ),
        people=(
            Person(id="van-dijk", name="Anna van Dijk", role="Port authority director"),
            Person(id="okafor", name="Emeka Okafor"),
        ),
        agreements=(
            Agreement(
                id="fleet",
                title="Shared cleanup fleet",
                summary="The port and the city split the cost of six hydrogen-powered boats.",
                details=("The port pays for the boats.", "The city pays for the crews."),
                tags=("hydrogen", "budget"),
                related=("van-dijk",),
            ),
        ),
        quotes=(
            Quote(
                id="cleaner",
                speaker="van-dijk",
                text="We will have a cleaner harbour by next summer.",
                context="At the press conference after the talks.",
                related=("fleet",),
            ),
        ),
        analysis=(),
        questions=(
            Question(
                id="operator",
                question="Who will operate the fleet?",
                why="Neither side has named an operator yet.",
                related=("fleet", "okafor"),
            ),
        ),
    )


def test_a_mapping_where_text_belongs_is_a_wrong_type() -> None:
    text = MINIMAL.replace("title: Harbour talks", "title:\n  en: Harbour talks")
    assert only_error(text) == (3, 3, "$.title", "expected text, got a mapping")


@pytest.mark.parametrize(
    ("written", "got"),
    [
        ("no", 'the boolean false (YAML reads no as false) — quote it: "no"'),
        ("yes", 'the boolean true (YAML reads yes as true) — quote it: "yes"'),
        ("on", 'the boolean true (YAML reads on as true) — quote it: "on"'),
        ("off", 'the boolean false (YAML reads off as false) — quote it: "off"'),
        ("true", 'the boolean true — quote it: "true"'),
        ("1.10", 'the number 1.1 (YAML reads 1.10 as 1.1) — quote it: "1.10"'),
        ("0755", 'the number 493 (YAML reads 0755 as 493) — quote it: "0755"'),
        ("12", 'the number 12 — quote it: "12"'),
        ("2023-07-13", 'the date 2023-07-13 — quote it: "2023-07-13"'),
    ],
)
def test_yaml_implicit_typing_of_a_text_field_says_how_to_quote(written: str, got: str) -> None:
    text = MINIMAL + f"people:\n  - id: p\n    name: {written}\n"
    assert only_error(text) == (11, 11, "$.people[0].name", f"expected text, got {got}")


def test_quoted_lookalikes_are_text() -> None:
    text = MINIMAL + "people:\n  - id: p\n    name: \"no\"\n    role: '1.10'\n"
    assert parse_brief(text.encode()).people == (Person(id="p", name="no", role="1.10"),)


def test_an_empty_required_text_is_nothing() -> None:
    text = MINIMAL.replace("summary: The port and the city met.", "summary:")
    assert only_error(text) == (4, 9, "$.summary", "expected text, got nothing")


def test_an_empty_optional_text_is_left_out() -> None:
    text = MINIMAL + "location:\npeople:\n  - {id: p, name: P, role: }\n"
    brief = parse_brief(text.encode())
    assert brief.location is None
    assert brief.people[0].role is None


def test_missing_required_key_is_reported_at_its_mapping() -> None:
    agreement = "agreements:\n  - title: Shared fleet\n    id: fleet"
    text = MINIMAL.replace("agreements: []", agreement)
    assert only_error(text) == (6, 5, "$.agreements[0]", "missing required key 'summary'")


def test_unknown_key_suggests_the_closest_one() -> None:
    text = MINIMAL.replace("title: Harbour talks", "title: Harbour talks\ntitel: Talks")
    assert only_error(text) == (3, 1, "$.titel", "unknown key 'titel' — did you mean 'title'?")


def test_unknown_key_lists_the_allowed_keys_when_nothing_is_close() -> None:
    text = MINIMAL + "people:\n  - id: p\n    name: P\n    xyzzy: 1\n"
    assert only_error(text) == (
        12,
        5,
        "$.people[0].xyzzy",
        "unknown key 'xyzzy' (allowed: id, name, role)",
    )


def test_a_key_yaml_reads_as_a_boolean_must_be_quoted() -> None:
    text = MINIMAL + "people:\n  - id: p\n    name: P\n    on: x\n"
    message = 'keys must be text, got the boolean true (YAML reads on as true) — quote it: "on"'
    assert only_error(text) == (12, 5, "$.people[0]", message)


def test_dates_may_be_quoted() -> None:
    text = MINIMAL.replace("date: 2024-03-05", "date: '2024-03-05'")
    assert parse_brief(text.encode()).date == dt.date(2024, 3, 5)


def test_an_impossible_date_says_why() -> None:
    text = MINIMAL.replace("date: 2024-03-05", "date: 2024-02-30")
    message = "2024-02-30 is not a date: day is out of range for month"
    assert only_error(text) == (3, 7, "$.date", message)


def test_a_date_in_another_format_is_refused() -> None:
    text = MINIMAL.replace("date: 2024-03-05", "date: 5 March 2024")
    message = 'expected a date written YYYY-MM-DD, got the text "5 March 2024"'
    assert only_error(text) == (3, 7, "$.date", message)


def test_a_missing_version_is_a_missing_required_key() -> None:
    text = MINIMAL.replace("brief: 1\n", "")
    assert only_error(text) == (1, 1, "$", "missing required key 'brief'")


def test_an_unsupported_version_is_the_only_error_reported() -> None:
    text = MINIMAL.replace("brief: 1", "brief: 99").replace("title: Harbour talks\n", "")
    message = "unsupported brief version 99 (this briefing reads version 1)"
    assert only_error(text) == (1, 8, "$.brief", message)


def test_a_title_must_be_one_line() -> None:
    text = MINIMAL.replace("title: Harbour talks", "title: |\n  Harbour\n  talks")
    message = "must be one line, but holds a line break at character 8"
    assert only_error(text) == (2, 8, "$.title", message)


def test_a_long_text_may_span_lines() -> None:
    text = MINIMAL.replace("summary: The port and the city met.", "summary: |\n  One.\n  Two.")
    assert parse_brief(text.encode()).summary == "One.\nTwo.\n"


@pytest.mark.parametrize(
    ("escaped", "name", "at"),
    [
        ("\\e[31m", "control character U+001B (ESC)", 4),
        ("\\x7f", "control character U+007F (DEL)", 4),
        ("\\x9b", "control character U+009B (C1)", 4),
        ("\\r", "control character U+000D (CR)", 4),
        ("\\u202e", "bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE)", 4),
        ("\\u2066", "bidirectional control U+2066 (LEFT-TO-RIGHT ISOLATE)", 4),
    ],
)
def test_control_characters_in_text_are_named_with_their_position(
    escaped: str, name: str, at: int
) -> None:
    text = MINIMAL.replace("summary: The port and the city met.", f'summary: "The{escaped} end"')
    message = f"{name} at character {at} is not allowed"
    assert only_error(text) == (4, 10, "$.summary", message)


def test_a_raw_bidi_override_is_refused_too() -> None:
    text = MINIMAL + "people:\n  - id: p\n    name: ab\u202ecd\n"
    message = "bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) at character 3 is not allowed"
    assert only_error(text) == (11, 11, "$.people[0].name", message)


def test_tabs_and_newlines_in_text_are_fine() -> None:
    text = MINIMAL.replace("summary: The port and the city met.", 'summary: "a\\tb\\nc"')
    assert parse_brief(text.encode()).summary == "a\tb\nc"


PEOPLE = "people:\n  - id: green\n    name: Greta Green\n  - id: brown\n    name: Bo Brown\n"


def test_ids_are_unique_across_people_and_items() -> None:
    text = (
        MINIMAL.replace("questions: []", "questions:\n  - id: green\n    question: Why?") + PEOPLE
    )
    message = "duplicate id 'green' (first at line 9)"
    assert only_error(text) == (12, 9, "$.people[0].id", message)


def test_a_speaker_must_name_a_person() -> None:
    quote = "quotes:\n  - speaker: gren\n    text: Hello."
    text = MINIMAL.replace("quotes: []", quote) + PEOPLE
    message = "no person has the id 'gren' — did you mean 'green'?"
    assert only_error(text) == (7, 14, "$.quotes[0].speaker", message)


def test_an_expert_that_names_an_item_is_not_a_person() -> None:
    analysis = "analysis:\n  - id: view\n    expert: view\n    summary: Fine."
    text = MINIMAL.replace("analysis: []", analysis) + PEOPLE
    message = "'view' is the id of an analysis, not of a person"
    assert only_error(text) == (9, 13, "$.analysis[0].expert", message)


def test_related_must_name_an_existing_id() -> None:
    question = "questions:\n  - question: Why?\n    related: [green, brwn]"
    text = MINIMAL.replace("questions: []", question) + PEOPLE
    message = "no person or item has the id 'brwn' — did you mean 'brown'?"
    assert only_error(text) == (10, 22, "$.questions[0].related[1]", message)


def test_a_list_field_holding_one_text_says_to_write_a_list() -> None:
    question = "questions:\n  - question: Why?\n    tags: energy"
    text = MINIMAL.replace("questions: []", question)
    message = 'expected a list of texts, got the text "energy" — write it as a list: [energy]'
    assert only_error(text) == (10, 11, "$.questions[0].tags", message)


def test_an_empty_section_says_to_write_an_empty_list() -> None:
    text = MINIMAL.replace("quotes: []", "quotes:")
    message = "expected a list of quote records, got nothing — write [] for none"
    assert only_error(text) == (6, 8, "$.quotes", message)


def test_every_mistake_in_a_file_is_reported_in_line_order() -> None:
    text = (
        "brief: 1\n"
        "titel: Harbour talks\n"  # 2: unknown key, and so title is missing
        "date: 2024-13-01\n"  # 3: no 13th month
        "summary: yes\n"  # 4: a boolean
        "agreements: []\n"
        "quotes:\n"
        "  - speaker: nobody\n"  # 7: no such person
        "    text: Hi.\n"
        "analysis: []\n"
        "questions: []\n"
    )
    assert [str(e) for e in errors(text)] == [
        "b.yaml:2:1: error: $.titel: unknown key 'titel' — did you mean 'title'?"
        " (a required key, missing)",
        "b.yaml:3:7: error: $.date: 2024-13-01 is not a date: month must be in 1..12",
        "b.yaml:4:10: error: $.summary: expected text, got the boolean true"
        ' (YAML reads yes as true) — quote it: "yes"',
        "b.yaml:7:14: error: $.quotes[0].speaker: no person has the id 'nobody'",
    ]


def test_the_mistakes_fixture_reports_each_mistake_once() -> None:
    path = DATA / "mistakes.yaml"
    with pytest.raises(BriefInvalid) as caught:
        load_brief(path)
    assert str(caught.value).splitlines() == [
        f"{path}:3:1: error: $.titel: unknown key 'titel' — did you mean 'title'?"
        " (a required key, missing)",
        f"{path}:4:7: error: $.date: 2024-02-30 is not a date: day is out of range for month",
        f"{path}:5:11: error: $.location: must be one line, but holds a line break at character 10",
        f"{path}:8:10: error: $.summary: expected text, got the boolean true"
        ' (YAML reads yes as true) — quote it: "yes"',
        f"{path}:12:9: error: $.people[1].id: duplicate id 'van-dijk' (first at line 10)",
        f"{path}:13:11: error: $.people[1].name: expected text, got the boolean false"
        ' (YAML reads no as false) — quote it: "no"',
        f"{path}:16:14: error: $.agreements[0].summary: control character U+001B (ESC)"
        " at character 10 is not allowed",
        f"{path}:17:11: error: $.agreements[0].tags: expected a list of texts,"
        ' got the text "hydrogen" — write it as a list: [hydrogen]',
        f"{path}:19:14: error: $.quotes[0].speaker: no person has the id 'vandijk'"
        " — did you mean 'van-dijk'?",
        f"{path}:21:15: error: $.quotes[0].related[0]: no person or item has the id 'fleet'",
        f"{path}:22:10: error: $.analysis: expected a list of analysis records,"
        " got nothing — write [] for none",
    ]
