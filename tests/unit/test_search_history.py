"""Earlier searches: recalled with up and down, kept between runs in the settings folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_tui.search_history import HISTORY_FILE, LIMIT, HistoryStore, QueryHistory


def test_recall_walks_back_and_forth_and_returns_to_the_draft() -> None:
    history = QueryHistory()
    for query in ("pear", "grain", "pear"):  # a repeat moves to the end
        history.add(query)
    assert history.entries == ["grain", "pear"]
    assert history.previous("whe") == "pear"
    assert history.previous("pear") == "grain"
    assert history.previous("grain") is None  # the oldest stays
    assert history.next() == "pear"
    assert history.next() == "whe"
    assert history.next() is None


def test_blank_queries_are_not_kept() -> None:
    history = QueryHistory()
    assert not history.add("   ")
    assert history.entries == []


def test_the_store_lives_in_the_settings_folder(config_dir: Path) -> None:
    assert HistoryStore().path == config_dir / HISTORY_FILE


def test_queries_survive_a_restart(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.json")
    history = QueryHistory(store=store)
    assert history.add("hydrogen") and history.add("fukushima OR gdp")
    history.save()
    again = QueryHistory(store=HistoryStore(tmp_path / "history.json"))
    assert again.entries == ["hydrogen", "fukushima OR gdp"]
    assert again.previous("") == "fukushima OR gdp"


def test_the_file_keeps_the_last_hundred(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.json")
    store.append([f"query {n}" for n in range(150)])
    kept = store.load()
    assert len(kept) == LIMIT
    assert kept[0] == "query 50" and kept[-1] == "query 149"
    history = QueryHistory(store=store)
    history.add("query 0")
    history.save()
    assert store.load()[-1] == "query 0" and len(store.load()) == LIMIT


def test_two_readers_at_once_keep_each_others_queries(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    first, second = QueryHistory(store=HistoryStore(path)), QueryHistory(store=HistoryStore(path))
    first.add("pear")
    second.add("grain")
    first.save()
    second.save()
    assert HistoryStore(path).load() == ["pear", "grain"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[1, 2]",
        b'{"queries": "pear"}',
        b'{"queries": [1, null]}',
        b"\xff\xfe",
        b" " * (2 << 20),
    ],
)
def test_a_corrupt_file_is_read_as_empty_and_replaced_on_the_next_save(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "history.json"
    path.write_bytes(content)
    history = QueryHistory(store=HistoryStore(path))
    assert history.entries == []
    history.add("pear")
    history.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {"queries": ["pear"]}


def test_queries_no_bar_could_hold_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    path.write_text(json.dumps({"queries": ["ok", "  ", "two\nlines", "x" * 5000, "ok"]}))
    assert HistoryStore(path).load() == ["ok"]


def test_a_failed_save_raises_and_keeps_the_queries_to_save_later(tmp_path: Path) -> None:
    folder = tmp_path / "config"
    folder.write_text("a file where the settings folder should be")
    history = QueryHistory(store=HistoryStore(folder / "history.json"))
    history.add("pear")
    with pytest.raises(OSError):
        history.save()
    folder.unlink()
    history.save()
    assert HistoryStore(folder / "history.json").load() == ["pear"]
