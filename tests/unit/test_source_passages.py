"""Each quote's passage in the source article: where the Source pane lights it."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing_tui.loader import load_brief
from briefing_tui.source_passages import source_document

EXAMPLE = Path(__file__).resolve().parents[2] / "briefs" / "example-river-summit.yaml"


def copy_example(folder: Path, *, article: bool = True) -> Path:
    shutil.copy(EXAMPLE, folder / "brief.yaml")
    if article:
        shutil.copy(EXAMPLE.with_suffix(".txt"), folder)
    return folder / "brief.yaml"


def test_every_quote_of_the_example_is_a_passage_of_its_article(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    brief = load_brief(path)
    document = source_document(brief, path)
    assert document is not None
    assert sorted(p.quote for p in document.passages) == list(range(len(brief.quotes)))
    assert document.misquotes == 0
    for passage in document.passages:
        quoted = " ".join(document.text[passage.start : passage.end].split())
        words = brief.quotes[passage.quote].text.replace("’", "'").split()
        assert quoted.replace("’", "'").split()[0] == words[0].strip("“\"'")


def test_a_quote_with_an_ellipsis_spans_from_its_first_word_to_its_last(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    brief = load_brief(path)
    text = brief.quotes[0].text
    first, last = text.split()[0], text.split()[-1]
    cut = text.replace(" ".join(text.split()[1:-1]), "…")
    path.write_text(path.read_text().replace(text, cut), encoding="utf-8")
    document = source_document(load_brief(path), path)
    assert document is not None
    passage = document.passages[document.passage_of(0) or 0]
    assert document.text[passage.start :].startswith(first)
    assert document.text[: passage.end].endswith(last.rstrip(".,"))


def test_a_misquote_is_marked_on_the_line_where_it_departs(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("stop at the border", "halt at the border"), encoding="utf-8")
    document = source_document(load_brief(path), path)
    assert document is not None
    assert document.misquotes == 1
    passage = next(p for p in document.passages if not p.exact)
    line = document.text[passage.start : passage.end]
    assert "\n" not in line and "stop at the border" in line


def test_no_document_without_a_readable_source_file(tmp_path: Path) -> None:
    path = copy_example(tmp_path, article=False)
    assert source_document(load_brief(path), path) is None
    (tmp_path / "example-river-summit.txt").mkdir()
    assert source_document(load_brief(path), path) is None
