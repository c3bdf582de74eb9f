"""Hypothesis over brief-shaped documents: mostly valid, so the accepted path is tested too.

A brief is drawn as data (ids that are slugs, references to them, text with any printable
character), written as YAML in one of several styles, and loaded: it must come back as exactly
the Brief the data describes. Some drawn briefs then get one mistake, and must be refused with
located errors (fuzzing.check).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
import yaml
from fuzzing import Tally, check, scaled
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.model import Brief

SLUGS = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
# Any character a brief may hold in a text: no controls, format characters (bidi controls),
# surrogates, noncharacters or line separators.
CHARS = st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Cn", "Co", "Zl", "Zp"))
LINES = st.text(CHARS, min_size=1, max_size=30)
TEXTS = st.one_of(LINES, st.lists(LINES, min_size=1, max_size=3).map("\n".join))
TALLY = Tally()


@st.composite
def brief_data(draw: st.DrawFn) -> dict[str, Any]:
    """A valid brief as plain data."""
    ids = draw(st.lists(SLUGS, unique=True, max_size=8))
    split = draw(st.integers(0, len(ids)))
    people_ids, item_ids = ids[:split], ids[split:]
    tags = st.lists(LINES, max_size=2)
    data: dict[str, Any] = {
        "brief": 1,
        "title": draw(LINES),
        "date": draw(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))),
        "summary": draw(TEXTS),
        "people": [{"id": i, "name": draw(LINES)} for i in people_ids],
        "agreements": [],
        "quotes": [],
        "analysis": [],
        "questions": [],
    }
    used = list(people_ids)
    for section in ("agreements", "quotes", "analysis", "questions"):
        for _ in range(draw(st.integers(0, 3))):
            item = _item(draw, section, people_ids, tags)
            if item is None:
                continue
            if item_ids and draw(st.booleans()):
                item["id"] = item_ids.pop()
                used.append(item["id"])
            data[section].append(item)
    for section in ("agreements", "quotes", "analysis", "questions"):
        for item in data[section]:
            item["related"] = draw(st.lists(st.sampled_from(used), max_size=3)) if used else []
    return data


def _item(draw: st.DrawFn, section: str, people: list[str], tags: Any) -> Any:
    common = {"tags": draw(tags)}
    if section == "agreements":
        return {"title": draw(LINES), "summary": draw(TEXTS), "details": draw(tags), **common}
    if section == "questions":
        return {"question": draw(TEXTS), "why": draw(st.none() | TEXTS), **common}
    if not people:
        return None
    person = draw(st.sampled_from(people))
    if section == "quotes":
        return {"speaker": person, "text": draw(TEXTS), **common}
    return {"expert": person, "summary": draw(TEXTS), "title": draw(st.none() | LINES), **common}


def dump(data: dict[str, Any], style: tuple[bool | None, bool, int]) -> str:
    flow, sort, width = style
    return yaml.safe_dump(
        data, allow_unicode=True, default_flow_style=flow, sort_keys=sort, width=width
    )


STYLES = st.tuples(st.sampled_from([False, None, True]), st.booleans(), st.sampled_from([40, 4096]))


@settings(max_examples=scaled(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(brief_data(), STYLES)
def test_a_valid_brief_in_any_yaml_style_loads_as_the_brief_it_describes(
    data: dict[str, Any], style: tuple[bool | None, bool, int]
) -> None:
    text = dump(data, style)
    outcome = check(text.encode(), TALLY, text[:300])
    assert isinstance(outcome, Brief), f"{outcome}\n{text}"
    assert outcome == msgspec.convert(data, Brief)


MISTAKES = st.sampled_from(
    ["drop-title", "unknown-key", "broken-ref", "bad-id", "number-title", "list-summary"]
)


@settings(max_examples=scaled(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(brief_data(), STYLES, MISTAKES)
def test_a_brief_with_one_mistake_is_refused_with_located_errors(
    data: dict[str, Any], style: tuple[bool | None, bool, int], mistake: str
) -> None:
    if mistake == "drop-title":
        del data["title"]
    elif mistake == "unknown-key":
        data["titel"] = "x"
    elif mistake == "broken-ref":
        data["agreements"].append({"title": "A", "summary": "S", "related": ["nowhere-x"]})
    elif mistake == "bad-id":
        data["agreements"].append({"title": "A", "summary": "S", "id": "Not A Slug"})
    elif mistake == "number-title":
        data["title"] = 12
    else:
        data["summary"] = ["a", "b"]
    text = dump(data, style)
    outcome = check(text.encode(), TALLY, text[:300])
    assert not isinstance(outcome, Brief), text
