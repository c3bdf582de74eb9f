"""Where each brief was left: kept by file for the last briefs read, written atomically, a
corrupt file ignored; found again in a brief that changed, or its pane when the item is gone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import msgspec

from briefing_tui.history import Location
from briefing_tui.model import Agreement, Brief, Lookup, Person, Question
from briefing_tui.places import (
    LIMIT,
    Place,
    brief_key,
    load_places,
    location_of,
    place_of,
    places_path,
    save_place,
)

BriefFactory = Callable[..., Brief]


def brief(make_brief: BriefFactory, *titles: str) -> Brief:
    return make_brief(
        people=(Person(id="ann", name="Ann"), Person(id="bo", name="Bo")),
        agreements=tuple(Agreement(title=title, summary="s") for title in titles),
        questions=(Question(id="q1", question="Who pays?"),),
    )


def test_a_place_is_saved_and_read_back_by_brief(config_dir: Path) -> None:
    save_place(brief_key("a.yaml"), Place("quotes", 2, None, "abc"))
    save_place(brief_key("b.yaml"), Place("overview", id="ann"))
    places = load_places()
    assert places[brief_key("a.yaml")] == Place("quotes", 2, None, "abc")
    assert list(places) == [brief_key("a.yaml"), brief_key("b.yaml")]
    assert [path.name for path in config_dir.iterdir()] == ["places.json"]  # no temp file left


def test_only_the_last_briefs_read_are_kept(config_dir: Path) -> None:
    for number in range(LIMIT + 5):
        save_place(f"/briefs/{number}.yaml", Place("agreements", number))
    save_place("/briefs/3.yaml", Place("questions"))  # read again: now the most recent
    places = load_places()
    assert len(places) == LIMIT
    assert list(places)[-1] == "/briefs/3.yaml" and "/briefs/5.yaml" not in places


def test_a_corrupt_or_strange_file_is_ignored_and_replaced(config_dir: Path) -> None:
    config_dir.mkdir()
    for text in ["{not json", "[1]", '{"x": {"pane": 3}}', '{"x": 1}', "\xff"]:
        places_path().write_text(text, encoding="latin-1")
        assert load_places() == {}
    save_place("/b.yaml", Place("agreements", 1))
    assert msgspec.json.decode(places_path().read_bytes()) == {
        "/b.yaml": {"pane": "agreements", "index": 1}
    }


def test_an_item_is_found_again_by_id_or_headline_after_the_brief_changed(
    make_brief: BriefFactory,
) -> None:
    before = Lookup(brief(make_brief, "Grid", "Ports", "Rail"))
    place = place_of(Location("agreements", 1), before)
    assert place.digest is not None and "Ports" not in msgspec.json.encode(place).decode()
    moved = Lookup(brief(make_brief, "New first", "Grid", "Ports", "Rail"))
    assert location_of(place, moved) == Location("agreements", 2)
    gone = Lookup(brief(make_brief, "Grid", "Rail"))
    assert location_of(place, gone) == Location("agreements", None)  # its pane
    question = place_of(Location("questions", 0), before)
    assert location_of(question, Lookup(brief(make_brief, "X"))) == Location("questions", 0)


def test_the_overview_keeps_its_person(make_brief: BriefFactory) -> None:
    lookup = Lookup(brief(make_brief, "Grid"))
    place = place_of(Location("overview", 1), lookup)
    assert place == Place("overview", id="bo")
    assert location_of(place, lookup) == Location("overview", 1)
    assert location_of(Place("overview", id="zed"), lookup) == Location("overview", None)
    assert location_of(Place("decisions", 3), lookup) == Location("overview")
