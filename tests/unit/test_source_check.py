"""A brief's quotes checked against its source file: which file, and what an error line says."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefing_tui import sourcetext
from briefing_tui.loader import load_brief
from briefing_tui.sourcecheck import check_sources
from briefing_tui.sourcetext import SourceError, read_source

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "briefs" / "example-river-summit.yaml"
ARTICLE = ROOT / "briefs" / "example-river-summit.txt"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example brief and its article in a folder of their own."""
    folder = tmp_path / "briefs"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder)
    shutil.copy(ARTICLE, folder)
    return folder / EXAMPLE.name


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_col(path: Path, words: str) -> tuple[int, int]:
    """1-based line and column of the first `words` in the file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if words in line:
            return number, line.index(words) + 1
    raise AssertionError(f"{words!r} not in {path}")


def test_the_example_brief_matches_its_article() -> None:
    checked = check_sources(load_brief(EXAMPLE), str(EXAMPLE))
    assert checked.errors == []
    assert checked.summary == f"5 quotes match {ARTICLE}"


def test_source_file_is_relative_to_the_brief_not_the_current_folder(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    relative = os.path.join("briefs", example.name)
    checked = check_sources(load_brief(relative), relative)
    assert checked.errors == []
    assert checked.source == os.path.join("briefs", "example-river-summit.txt")


def test_a_misquote_in_the_example_is_caught_with_the_closest_source_line(example: Path) -> None:
    edit(example, "able to swim\n      to the sea", "able to sail\n      to the sea")
    (error,) = check_sources(load_brief(example), str(example)).errors
    article_line, _ = line_col(ARTICLE, "able to swim to the sea")
    assert (error.line, error.col) == (line_col(example, "For the first time")[0] - 1, 11)
    assert error.path == "$.quotes[3].text"
    differs = f"quote 'salmon' differs from the source at line {article_line}:"
    assert error.message.startswith(differs)
    assert error.message.endswith('source has "swim", quote has "sail"')


def test_a_quote_without_an_id_is_named_by_its_number(example: Path) -> None:
    edit(example, "  - id: compromise\n", "  -\n")
    edit(example, "nobody loves", "nobody likes")
    (error,) = check_sources(load_brief(example), str(example)).errors
    assert error.message.startswith("quote 2 differs from the source at line ")
    assert (error.line, error.col) == line_col(example, "a compromise that")


def test_the_command_line_source_overrides_source_file(example: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Nothing of what the ministers said.", encoding="utf-8")
    checked = check_sources(load_brief(example), str(example), str(other))
    assert checked.source == str(other)
    assert len(checked.errors) == 5


def test_a_missing_source_file_is_one_error_at_source_file(example: Path) -> None:
    (example.parent / ARTICLE.name).unlink()
    (error,) = check_sources(load_brief(example), str(example)).errors
    line, col = line_col(example, "file: example-river-summit.txt")
    assert (error.line, error.col) == (line, col + len("file: "))
    assert error.path == "$.source.file"
    shown = os.path.join(str(example.parent), ARTICLE.name)
    assert error.message == f"cannot read the source '{shown}': no such file"


def test_a_missing_command_line_source_is_one_error_naming_that_file(
    example: Path, tmp_path: Path
) -> None:
    missing = str(tmp_path / "nope.txt")
    (error,) = check_sources(load_brief(example), str(example), missing).errors
    assert str(error) == f"{missing}: error: cannot read the source: no such file"


def test_without_a_source_there_is_nothing_to_check() -> None:
    note = ROOT / "tests" / "data" / "note.yaml"
    checked = check_sources(load_brief(note), str(note))
    assert (checked.source, checked.errors, checked.summary) == (None, [], "")


def test_an_empty_quote_is_reported_not_crashed_on(example: Path) -> None:
    edit(example, "text: a compromise that nobody loves and everybody can live with", "text: …")
    (error,) = check_sources(load_brief(example), str(example)).errors
    assert error.message == "quote 'compromise' has no words to check against the source"


# Reading the source file


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"^it is a folder, not a text file$"):
        read_source(tmp_path)


def test_text_that_is_not_utf8_names_the_byte_and_line(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("First line\nCaf\xe9 au lait\n".encode("latin-1"))
    with pytest.raises(SourceError) as error:
        read_source(latin)
    assert str(error.value) == "it is not UTF-8 text (byte 0xE9 on line 2): save it as UTF-8"
    utf16 = tmp_path / "utf16.txt"
    utf16.write_text("Hello", encoding="utf-16")
    with pytest.raises(SourceError, match="UTF-16"):
        read_source(utf16)


def test_a_byte_order_mark_is_not_text(tmp_path: Path) -> None:
    marked = tmp_path / "bom.txt"
    marked.write_bytes(b"\xef\xbb\xbfHello")
    assert read_source(marked) == "Hello"


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="not a regular file"):
        read_source(fifo)


def test_an_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads any file: make the system say no as it would to a user

        def refuse(path: str, flags: int) -> int:
            raise PermissionError(13, "Permission denied", path)

        monkeypatch.setattr(sourcetext, "_open_nonblocking", refuse)
    with pytest.raises(SourceError, match=r"^permission denied$"):
        read_source(locked)


def test_a_path_through_a_file_and_a_huge_file_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(SourceError, match="a part of the path is not a folder"):
        read_source(tmp_path / "file" / "inside.txt")
    monkeypatch.setattr(sourcetext, "MAX_SOURCE_BYTES", 10)
    (tmp_path / "big.txt").write_text("x" * 11, encoding="utf-8")
    with pytest.raises(SourceError, match="larger than"):
        read_source(tmp_path / "big.txt")
