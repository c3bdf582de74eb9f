"""Every hint a loader error gives, followed literally, gives the brief the author meant.

Each case is a brief with one mistake and the brief the author meant. The test takes the error,
applies what its message says to the YAML text (the word after "did you mean", the text after
"quote it:", the list after "write it as a list:", the id after "write"), and loads the result:
it must be exactly the brief meant.
"""

from __future__ import annotations

import re

import pytest
from brief_text import MINIMAL, errors

from briefing_tui.loader import BriefError, parse_brief

PEOPLE = "people:\n  - {id: maslow, name: Sebastian Maslow}\n  - {id: brown, name: Ann Brown}\n"
LONG = (
    "Above all, market access in Japan for European farm products, from cheese to wine,"
    " with quotas that grow every year until 2030 and a review clause"
)


def replace_value(text: str, error: BriefError, new: str) -> str:
    """`text` with the key or value at the error's position replaced by `new`."""
    assert error.line is not None and error.col is not None
    lines = text.split("\n")
    line, start = lines[error.line - 1], error.col - 1
    if start >= len(line):  # an empty value, reported just after its key's colon
        lines[error.line - 1] = f"{line} {new}"
        return "\n".join(lines)
    in_flow = line.count("[", 0, start) + line.count("{", 0, start) > 0
    end = start
    if line[start] in "'\"":
        end = line.index(line[start], start + 1) + 1
    else:
        while (
            end < len(line) and not (in_flow and line[end] in ",]}") and line[end : end + 2] != ": "
        ):
            end += 1
    lines[error.line - 1] = line[:start] + new + line[end:]
    return "\n".join(lines)


def follow(text: str, error: BriefError) -> str:
    """Apply what the error's message tells to do."""
    message = error.message
    if found := re.search(r"write it as a list: (\[.*\])$", message):
        return replace_value(text, error, found.group(1))
    if found := re.search(r"quote it: (\".*\")$", message):
        return replace_value(text, error, found.group(1))
    if found := re.search(r"did you mean '([^']*)'\?", message):
        return replace_value(text, error, found.group(1))
    if "write [] for none" in message:
        return replace_value(text, error, "[]")
    if found := re.search(r"write ([a-z0-9-]+)(?: and in .*\(lines? ([\d, ]+)\))?$", message):
        slug, lines = found.group(1), found.group(2)
        old = re.search(r"'([^']*)' is not an id", message)
        text = replace_value(text, error, slug)
        for number in (lines or "").split(", ") if lines else []:
            rows = text.split("\n")
            assert old is not None
            rows[int(number) - 1] = rows[int(number) - 1].replace(old.group(1), slug)
            text = "\n".join(rows)
        return text
    raise AssertionError(f"no hint to follow in {message!r}")


CASES = {
    "misspelt required key": (
        MINIMAL.replace("title:", "titel:"),
        MINIMAL,
    ),
    "a name where the id belongs": (
        MINIMAL.replace("quotes: []", "quotes:\n  - speaker: Sebastian Maslow\n    text: Yes.")
        + PEOPLE,
        MINIMAL.replace("quotes: []", "quotes:\n  - speaker: maslow\n    text: Yes.") + PEOPLE,
    ),
    "an id that is no slug, and its references": (
        MINIMAL.replace(
            "agreements: []",
            "agreements:\n  - id: Hydrogen Energy\n    title: H\n    summary: S\n"
            "  - title: G\n    summary: S\n    related: [Hydrogen Energy]",
        ).replace(
            "questions: []", "questions:\n  - question: Q\n    related:\n      - Hydrogen Energy"
        ),
        MINIMAL.replace(
            "agreements: []",
            "agreements:\n  - id: hydrogen-energy\n    title: H\n    summary: S\n"
            "  - title: G\n    summary: S\n    related: [hydrogen-energy]",
        ).replace(
            "questions: []", "questions:\n  - question: Q\n    related:\n      - hydrogen-energy"
        ),
    ),
    "a text with a comma where a list belongs": (
        MINIMAL.replace(
            "agreements: []", f"agreements:\n  - title: T\n    summary: S\n    details: {LONG[:80]}"
        ),
        MINIMAL.replace(
            "agreements: []",
            f'agreements:\n  - title: T\n    summary: S\n    details: ["{LONG[:80]}"]',
        ),
    ),
    "a word where a list belongs": (
        MINIMAL.replace("agreements: []", "agreements:\n  - {title: T, summary: S, tags: energy}"),
        MINIMAL.replace(
            "agreements: []", "agreements:\n  - {title: T, summary: S, tags: [energy]}"
        ),
    ),
    "a boolean where text belongs": (
        MINIMAL.replace("title: Harbour talks", "title: no"),
        MINIMAL.replace("title: Harbour talks", 'title: "no"'),
    ),
    "a number where text belongs": (
        MINIMAL.replace("title: Harbour talks", "title: 1.10"),
        MINIMAL.replace("title: Harbour talks", "title: '1.10'"),
    ),
    "a misspelt reference": (
        MINIMAL.replace("questions: []", "questions:\n  - {question: Q, related: [brwn]}") + PEOPLE,
        MINIMAL.replace("questions: []", "questions:\n  - {question: Q, related: [brown]}")
        + PEOPLE,
    ),
    "nothing where a list belongs": (
        MINIMAL.replace("analysis: []", "analysis:"),
        MINIMAL,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hint_followed_literally_gives_the_brief_meant(case: str) -> None:
    broken, meant = CASES[case]
    found = errors(broken)
    assert len(found) == 1, [str(e) for e in found]
    fixed = follow(broken, found[0])
    assert parse_brief(fixed.encode()) == parse_brief(meant.encode()), fixed


def test_a_list_hint_is_never_cut_and_keeps_a_long_text_whole() -> None:
    text = MINIMAL.replace(
        "agreements: []", f"agreements:\n  - {{title: T, summary: S, details: {LONG}}}"
    )
    (error,) = errors(text.replace(LONG, LONG.replace(",", ";")))
    assert "…" not in error.message.split(" — ", 1)[1]
    (error,) = errors(
        MINIMAL.replace(
            "agreements: []", f"agreements:\n  - title: T\n    summary: S\n    details: {LONG * 2}"
        )
    )
    assert "…" not in error.message.split(" — ", 1)[1]
    assert error.message.endswith("write it as a list: a line '- ' and the text, under the key")
