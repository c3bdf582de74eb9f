"""Reloading: the new brief or the banner's one line, and the reader kept on the same item."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
from brief_text import MINIMAL

from briefing_tui.loader import parse_brief
from briefing_tui.model import Agreement, Brief, Person, Question
from briefing_tui.reload import ReloadFailure, Relocation, reload_brief, relocate

BASE = parse_brief(MINIMAL.encode(), name="b.yaml")


def brief(*agreements: Agreement, people: tuple[Person, ...] = ()) -> Brief:
    question = Question(question="Who pays?")
    return msgspec.structs.replace(
        BASE, agreements=agreements, questions=(question,), people=people
    )


def item(title: str, item_id: str | None = None) -> Agreement:
    return Agreement(title=title, summary=f"About {title}.", id=item_id)


A, B, C, D = item("Ferries"), item("Quays"), item("Cranes"), item("Tugs")


def test_a_valid_brief_reloads_as_a_brief(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    reloaded = reload_brief(path)
    assert isinstance(reloaded, Brief)
    assert reloaded.title == "Harbour talks"


def test_an_invalid_brief_gives_its_first_error_and_how_many_more(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    text = MINIMAL.replace("title:", "titel:").replace("date: 2024-03-05", "date: soon")
    path.write_text(text, encoding="utf-8")
    failure = reload_brief(path)
    assert isinstance(failure, ReloadFailure)
    assert len(failure.errors) == 2  # the misspelt title (one line says both), the date
    assert failure.banner == (
        f"{path}:2:1: $.titel: unknown key 'titel' — did you mean 'title'?"
        " (a required key, missing) (and 1 more)"
    )


def test_a_single_error_has_no_count(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(MINIMAL.replace("date: 2024-03-05", "date: 2024-02-30"), encoding="utf-8")
    failure = reload_brief(path)
    assert isinstance(failure, ReloadFailure)
    assert failure.more == 0
    assert failure.banner.startswith(f"{path}:3:7: $.date: ")
    assert "more)" not in failure.banner


def test_a_missing_file_says_so_without_a_position(tmp_path: Path) -> None:
    failure = reload_brief(tmp_path / "gone.yaml")
    assert isinstance(failure, ReloadFailure)
    assert failure.banner == f"{tmp_path / 'gone.yaml'}: no such file"


def test_past_the_loaders_cap_the_count_is_the_real_total(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    bad = "".join(f"  - title: T{n}\n    sumray: S\n" for n in range(150))  # 1 error each
    path.write_text(MINIMAL.replace("agreements: []\n", "agreements:\n" + bad), encoding="utf-8")
    failure = reload_brief(path)
    assert isinstance(failure, ReloadFailure)
    assert len(failure.errors) < 150  # the loader lists the first ones and a total
    assert failure.more == 149
    assert failure.banner.startswith(f"{path}:7:5: $.agreements[0].sumray: ")
    assert failure.banner.endswith(" (and 149 more)")


def test_the_banner_is_one_printable_line(tmp_path: Path) -> None:
    path = tmp_path / "odd\nname\x1b[31m.yaml"
    path.write_text(MINIMAL.replace("title: Harbour talks", "title: [a"), encoding="utf-8")
    failure = reload_brief(path)
    assert isinstance(failure, ReloadFailure)
    assert "\n" not in failure.banner
    assert "\x1b" not in failure.banner
    assert "odd name␛[31m.yaml:" in failure.banner


def test_an_item_with_an_id_is_followed_wherever_it_moved() -> None:
    old = brief(A, B, item("Locks", "locks"), C)
    new = brief(D, item("Locks, revised", "locks"), A, B)
    assert relocate(old, new, "agreements", 2) == 1


def test_an_item_without_an_id_is_found_unchanged_after_an_insertion() -> None:
    assert relocate(brief(A, B, C), brief(D, A, B, C), "agreements", 1) == 2


def test_of_identical_items_the_nearest_is_taken() -> None:
    assert relocate(brief(A, B, A, C, A), brief(A, B, A, C, D, A), "agreements", 4) == 5
    assert relocate(brief(A, B, A, C, A), brief(A, B, A, C, D, A), "agreements", 2) == 2


def test_an_edited_item_stays_after_the_item_before_it() -> None:
    edited = item("Quays and piers")
    assert relocate(brief(A, B, C), brief(A, edited, C), "agreements", 1) == 1
    assert relocate(brief(A, B, C), brief(D, A, edited, C), "agreements", 1) == 2


def test_a_deleted_item_leaves_the_reader_on_the_next_one_or_the_last() -> None:
    assert relocate(brief(A, B, C), brief(A, C), "agreements", 1) == 1
    assert relocate(brief(A, B, C), brief(A, B), "agreements", 2) == 1
    assert relocate(brief(A, B, C), brief(D), "agreements", 2) == 0


def test_an_emptied_pane_or_no_selection_has_no_item() -> None:
    assert relocate(brief(A, B), brief(), "agreements", 1) is None
    assert relocate(brief(A, B), brief(A, B), "agreements", None) is None
    assert relocate(brief(), brief(A, B), "quotes", 0) is None


def test_the_overview_follows_people_by_id() -> None:
    ana, ben = Person(id="ana", name="Ana"), Person(id="ben", name="Ben")
    cal = Person(id="cal", name="Cal")
    old, new = brief(people=(ana, ben)), brief(people=(cal, ana, Person(id="ben", name="B.")))
    relocation = Relocation(old, new)
    assert relocation.index("overview", 1) == 2
    assert relocation.index("overview", 0) == 1
    assert relocation.index("questions", 0) == 0


def test_an_unknown_pane_is_refused() -> None:
    with pytest.raises(ValueError, match="no such pane: 'people'"):
        relocate(brief(A), brief(A), "people", 0)
