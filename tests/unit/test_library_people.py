"""Everyone in a library, matched across briefs by name (not by the per-brief id)."""

from __future__ import annotations

from pathlib import Path

from library_briefs import brief_text, write

from briefing_tui.library import library_people, name_key, open_library


def test_names_fold_case_accents_and_whitespace() -> None:
    assert name_key("Kári  Hansen") == name_key("KARI HANSEN") == name_key(" kari\thansen ")
    assert name_key("Kari Hansen") != name_key("Kari Hanssen")


def test_one_person_across_briefs_with_everything_they_said_newest_first(tmp_path: Path) -> None:
    write(
        tmp_path,
        "2019.yaml",
        brief_text(
            "Oslo talks",
            "2019-04-01",
            people=[("kh", "Kári Hansen", "State secretary"), ("lee", "Min Lee", None)],
            quotes=[("kh", "First words."), ("lee", "Hello."), ("kh", "Second words.")],
        ),
    )
    write(
        tmp_path,
        "2024.yaml",
        brief_text(
            "Bergen summit",
            "2024-05-01",
            people=[("hansen", "KARI  HANSEN", "Energy minister"), ("quiet", "Ada Quiet", None)],
            quotes=[("hansen", "Newest words.")],
        ),
    )
    library = open_library([tmp_path])
    people = {person.key: person for person in library_people(library)}
    assert sorted(people) == ["ada quiet", "kari hansen", "min lee"]
    kari = people["kari hansen"]
    assert kari.name == "KARI  HANSEN"  # as the newest brief spells it
    assert kari.roles == ("Energy minister", "State secretary")
    assert [library.entries[number].title for number in kari.briefs] == [
        "Bergen summit",
        "Oslo talks",
    ]
    said = [(item.entry.title, item.ref.index, item.item.text) for item in kari.items]
    assert said == [
        ("Bergen summit", 0, "Newest words."),
        ("Oslo talks", 0, "First words."),
        ("Oslo talks", 2, "Second words."),
    ]
    assert people["ada quiet"].items == ()  # listed, though they said nothing
    assert [item.item.text for item in people["min lee"].items] == ["Hello."]
